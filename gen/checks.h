// Checks on what a reader produced, reported like a compiler: "FILE:LINE: message" for
// an error (the run fails and no table is written), "FILE:LINE: warning: message" for a
// warning (reported, the run goes on).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "registry_record.h"

namespace pclassify::gen {

// A file that claims to be the full registry must yield at least this many records; the
// official registry has about 14,500. Fewer means a truncated download or a reader that
// lost rows, which must not silently become the table.
inline constexpr size_t kFullRegistryFloor = 10000;

enum class Severity { error, warning };

struct Diagnostic {
  Severity severity = Severity::error;
  SourceLocation where;
  std::string message;

  std::string format() const;  // "FILE:LINE: message" / "FILE:LINE: warning: message"
};

// Sanity floor, a usable "Last Updated" date, and per-record consistency (port range,
// protocol word, dates, no tab or line break left in a field, a name or a description).
std::vector<Diagnostic> check_snapshot(const RegistrySnapshot& snapshot);

bool has_errors(const std::vector<Diagnostic>& diagnostics);

}  // namespace pclassify::gen
