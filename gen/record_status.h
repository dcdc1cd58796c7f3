// What a registry record means for the classifier, read from its name, description and
// notes: assigned / reserved / unassigned / de-assigned, alias target, and for a
// de-assignment the former name and date. The registry has no fields for these; IANA
// writes them in the notes, in a handful of phrasings (all seen in the 2025-2026 files):
//   alias:        This entry is an alias to "flr-agent".
//                 This is a duplicate of the "http" service and should not be used ...
//   de-assigned:  De-assigned on 2025-02-13, previously compressnet by [Bernie_Volz]
//                 Historic usage was surfpass. De-Assigned on 2022-01-10
//                 Previously assigned to NETCONF over BEEP but released by [RFC9900]
//                 This entry is being removed on 2013-05-24.
//                 This entry has been removed on 2017-05-18.
//                 This port was previously removed on 2007-04-05.
//                 De-registered 08 June 2001 / Deprecated June 2004
//                 "pcp" assignment withdrawn, moved to port 5351 per RFC6887
// Only a row without a service name (Reserved/Unassigned) can be de-assigned: a named row
// whose note tells of an earlier de-assignment ("jmap": "... de-assigned and re-assigned")
// is an assignment.
#pragma once

#include <string>

#include "registry_record.h"

namespace pclassify::gen {

enum class RecordStatus { assigned, reserved, unassigned, deassigned };
std::string_view record_status_name(RecordStatus s);  // "assigned", ..., "deassigned"

struct RecordMeaning {
  RecordStatus status = RecordStatus::assigned;
  std::string alias_of;     // the target name when the notes say it is an alias
  std::string former_name;  // de-assigned: the former name (or description) when stated
  std::string status_date;  // de-assigned: the date stated, else the modification date
};

RecordMeaning record_meaning(const RegistryRecord& record);

}  // namespace pclassify::gen
