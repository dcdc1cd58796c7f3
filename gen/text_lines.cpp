#include "text_lines.h"

namespace pclassify::gen {

std::string file_line_prefix(std::string_view file, int line) {
  return std::string(file) + ":" + std::to_string(line) + ": ";
}

std::vector<TextLine> split_text_lines(std::string_view text) {
  std::vector<TextLine> lines;
  int number = 1;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    const bool has_break = end != std::string_view::npos;
    if (!has_break) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back({line, number++});
    start = has_break ? end + 1 : text.size();
  }
  return lines;
}

std::optional<BinaryByte> find_binary_byte(std::string_view text) {
  int line = 1;
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte == '\n') {
      ++line;
      continue;
    }
    const bool allowed_control = byte == '\t' || byte == '\r' || byte == '\f';
    if ((byte < 0x20 && !allowed_control) || byte == 0x7f) return BinaryByte{line, byte};
  }
  return std::nullopt;
}

std::string_view trim_line(std::string_view line) {
  constexpr std::string_view kSpace = " \t\r\f\v\n";
  const size_t first = line.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  const size_t last = line.find_last_not_of(kSpace);
  return line.substr(first, last - first + 1);
}

}  // namespace pclassify::gen
