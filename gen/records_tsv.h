// `pclassify-gen --records-tsv`: the parsed (and merged) records, one a line, the contract
// that tests compare on. Columns, tab-separated, in this order:
//   name port_lo port_hi protocol description assignees contacts registered modified
//   references service_code unauthorized_use assignment_notes
// Lists are joined with ';'; absent values (no port, no protocol, ...) are empty strings.
#pragma once

#include <string>
#include <vector>

#include "registry_record.h"

namespace pclassify::gen {

// One record as one line, without the newline. After normalisation no field can hold a
// tab or a line break; checks.cpp reports such input as an error, and this function
// throws std::invalid_argument if one slips through, rather than print a shifted row.
std::string record_tsv_line(const RegistryRecord& record);

// Every record, each followed by '\n'.
std::string records_tsv(const std::vector<RegistryRecord>& records);

// True when `field` holds a character that would break the line/column structure.
bool breaks_tsv_field(const std::string& field);

}  // namespace pclassify::gen
