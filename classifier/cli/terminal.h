// What the CLI needs to know about the terminal.
#pragma once

#include <cstddef>

namespace pclassify::cli {

// Columns for the table: $COLUMNS when set, else the width of the terminal on stdout,
// else 80 (piped output).
size_t output_width();

// True when the locale's character set is UTF-8 (LC_ALL, LC_CTYPE, LANG), so "…" shows.
bool locale_is_utf8();

// True when the file descriptor is a terminal.
bool is_terminal(int fd);

}  // namespace pclassify::cli
