// The lines of a registry rendering, numbered from 1, for the pipe-table and plain-text
// readers (which report errors as FILE:LINE).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pclassify::gen {

struct TextLine {
  std::string_view text;  // without the line break ("\n" or "\r\n")
  int number = 0;         // 1-based
};

// "FILE:LINE: ", the compiler-style prefix of every reader's error message.
std::string file_line_prefix(std::string_view file, int line);

// Splits on '\n' and drops one '\r' before it. A last line without a break is kept.
std::vector<TextLine> split_text_lines(std::string_view text);

// The first line holding a byte that no text rendering contains (NUL or another C0
// control character but tab, CR, LF and FF), with the offending byte; nullopt for text.
struct BinaryByte {
  int line = 0;
  unsigned char byte = 0;
};
std::optional<BinaryByte> find_binary_byte(std::string_view text);

// The line with surrounding ASCII whitespace removed.
std::string_view trim_line(std::string_view line);

}  // namespace pclassify::gen
