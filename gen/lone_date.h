// A lone date in a pipe-table or plain-text row: registration or modification?
//
// Those renderings push empty cells to the end of a row (pipe) or drop them (plain), so
// a row with one date does not say which of the two date columns holds it. Two steps:
//
// 1. guess_lone_date_column() decides from the record itself, by rules checked in order
//    against the official XML (2025-06-18; the 4,767 records with exactly one date):
//      a. "YYYY-MM" is a registration date; modification dates have a day (2,532 of 2,534).
//      b. A port without a service name (Reserved, Unassigned, De-registered): the date
//         the port was freed, a modification (69 of 80).
//      c. A named record with neither assignee nor contact: modification (26 of 27).
//      d. A named System Port (0-1023) record: modification (66 of 87); those ports were
//         assigned before IANA recorded registration dates, and later changes are dated.
//      e. Any other named record: registration (1,886 of 2,039).
//    Together right for 4,579 of 4,767 lone dates (96%).
// 2. adopt_reference_dates() corrects the guess when a reference snapshot (the official
//    XML or CSV) holds the same entry: if the reference has this very date in the other
//    column, and nothing in the guessed one, the record follows the reference.
#pragma once

#include "registry_record.h"

namespace pclassify::gen {

// Moves a lone `registered` date to `modified` when the rules above say so. Records with
// zero or two dates are left alone.
void guess_lone_date_column(RegistryRecord& record);

// Step 2 for every record of `excerpt` with exactly one date; entries are matched by
// name, ports and protocol. Returns how many records changed.
size_t adopt_reference_dates(RegistrySnapshot& excerpt, const RegistrySnapshot& reference);

}  // namespace pclassify::gen
