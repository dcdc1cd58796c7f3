// Writes records in the format of IANA's official CSV (service-names-port-numbers.csv), so
// tests and tools can produce a CSV from known records and read it back.
#pragma once

#include <string>
#include <string_view>

#include "registry_record.h"

namespace pclassify::gen {

// IANA's CSV header, exactly.
inline constexpr std::string_view kIanaCsvHeader =
    "Service Name,Port Number,Transport Protocol,Description,Assignee,Contact,"
    "Registration Date,Modification Date,Reference,Service Code,Unauthorized Use Reported,"
    "Assignment Notes";

// The header and one row per record, CRLF line ends (RFC 4180). Ports as "N" or "LO-HI",
// person ids and references in brackets ("[Jon_Postel]", "[RFC6335][RFC8126]"); a field
// is quoted when it holds a comma, a quote, a line break or edge spaces. The snapshot's
// date and contacts are not written: IANA's CSV has no place for them.
std::string write_csv_registry(const RegistrySnapshot& snapshot);

}  // namespace pclassify::gen
