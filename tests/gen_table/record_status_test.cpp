#include "record_status.h"

#include <gtest/gtest.h>

#include "snapshot_builders.h"

namespace pclassify::gen {
namespace {

RegistryRecord nameless(std::string description, std::string notes, std::string modified = "") {
  RegistryRecord r = testing::port_record("", 5030, 5030, "tcp", std::move(description));
  r.assignment_notes = std::move(notes);
  r.modified = std::move(modified);
  return r;
}

TEST(RecordStatus, DeassignmentPhrasingsGiveFormerNameAndDate) {
  struct Case {
    const char* notes;
    const char* former;
    const char* date;
  };
  // Phrasings as they appear in the registry (XML 2026-08-17 and the seeds).
  const Case cases[] = {
      {"Historic usage was surfpass. De-Assigned on 2022-01-10", "surfpass", "2022-01-10"},
      {"De-assigned on 2025-02-13, previously compressnet by [Bernie_Volz]", "compressnet",
       "2025-02-13"},
      {"Previously assigned to NETCONF over BEEP but released by [RFC9900]", "NETCONF over BEEP",
       "2025-09-29"},  // no date in the note: the modification date
      {"This entry is being removed on 2013-05-24.", "", "2013-05-24"},
      {"This entry has been removed on 2017-05-18.", "", "2017-05-18"},
      {"De-Assigned on 2019-10-30", "", "2019-10-30"},
      {"This port was previously removed on 2007-04-05.", "", "2007-04-05"},
      {"De-registered 08 June 2001", "", "2025-09-29"},
  };
  for (const Case& c : cases) {
    const RecordMeaning m = record_meaning(nameless("Reserved", c.notes, "2025-09-29"));
    EXPECT_EQ(m.status, RecordStatus::deassigned) << c.notes;
    EXPECT_EQ(m.former_name, c.former) << c.notes;
    EXPECT_EQ(m.status_date, c.date) << c.notes;
  }
}

TEST(RecordStatus, ReservedUnassignedAndAssigned) {
  EXPECT_EQ(record_meaning(nameless("Reserved", "")).status, RecordStatus::reserved);
  EXPECT_EQ(record_meaning(nameless("Unassigned", "")).status, RecordStatus::unassigned);
  EXPECT_EQ(
      record_meaning(nameless("Reserved", "this port was previously updated on 2009-06-19")).status,
      RecordStatus::reserved);
  // A named record is an assignment even when its note tells of an earlier de-assignment.
  RegistryRecord jmap =
      testing::port_record("jmap", 80, 80, "tcp", "JSON Meta Application Protocol");
  jmap.assignment_notes =
      "This has been de-assigned and re-assigned with the approval of the previous assignee.";
  EXPECT_EQ(record_meaning(jmap).status, RecordStatus::assigned);
}

TEST(RecordStatus, AliasTargets) {
  RegistryRecord alias = testing::port_record("flr_agent", 4901, 4901, "tcp", "FileLocator");
  alias.assignment_notes =
      "This entry is an alias to \"flr-agent\". This entry is now historic, not usable for use "
      "with many common service discovery mechanisms.";
  EXPECT_EQ(record_meaning(alias).alias_of, "flr-agent");
  RegistryRecord duplicate = testing::port_record("www", 80, 80, "tcp", "World Wide Web HTTP");
  duplicate.assignment_notes =
      "This is a duplicate of the \"http\" service and should not be used for discovery purposes.";
  EXPECT_EQ(record_meaning(duplicate).alias_of, "http");
  EXPECT_EQ(record_meaning(testing::port_record("http", 80, 80, "tcp", "HTTP")).alias_of, "");
}

}  // namespace
}  // namespace pclassify::gen
