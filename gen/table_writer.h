// Emits the service table that classifier/services/ loads (format: classifier/services/
// TABLE_FORMAT.md), and the C++ source that compiles it into the binary.
#pragma once

#include <string>
#include <string_view>

#include "merge.h"

namespace pclassify::gen {

// The table text. Throws std::invalid_argument if a field holds a tab or line break
// (checks.cpp reports those as input errors first).
std::string render_table(const MergedRegistry& merged);

// A C++ source defining pclassify::builtin_table_chunks() (classifier/services/
// builtin_table_data.h) over `table`, cut into string-literal chunks so that no single
// literal grows past what every compiler accepts.
std::string render_embedded_table_source(std::string_view table, std::string_view origin);

// Writes `contents` to `path` through a temporary file in the same folder and a rename,
// so that `path` holds either the old contents or all of the new, never a partial table.
bool write_file_atomically(const std::string& path, std::string_view contents, std::string& error);

}  // namespace pclassify::gen
