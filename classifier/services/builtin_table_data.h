// The table compiled into the binary, as text in the format of TABLE_FORMAT.md, cut into
// chunks (string literals have size limits on some compilers). The definition is
// generated at build time by pclassify-gen (BuiltinTable.cmake); builtin_table.cpp joins
// the chunks and loads them through ServiceTable::load, the same loader as `--table FILE`.
#pragma once

#include <span>
#include <string_view>

namespace pclassify {

std::span<const std::string_view> builtin_table_chunks();

}  // namespace pclassify
