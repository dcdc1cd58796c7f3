// Small, bounds-checked helpers for the text protocols (HTTP, SIP, SMTP, ...): every one
// looks only at the bytes it is given and never past their end.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace pclassify::wire_text {

// The bytes as characters (the same storage; no copy).
inline std::string_view as_chars(std::span<const uint8_t> bytes) {
  return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

constexpr char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }
constexpr bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool is_alpha(char c) { return is_upper(c) || (c >= 'a' && c <= 'z'); }
constexpr bool is_printable(char c) { return c >= 0x20 && c < 0x7f; }

// Case-sensitive prefix test that tolerates input shorter than the literal: `partial`
// reports whether the input is a (non-empty) prefix of the literal instead.
enum class Prefix : uint8_t { no, partial, full };
inline Prefix match_prefix(std::string_view text, std::string_view literal) {
  const size_t n = std::min(text.size(), literal.size());
  if (n == 0 || text.substr(0, n) != literal.substr(0, n)) return Prefix::no;
  return n == literal.size() ? Prefix::full : Prefix::partial;
}

inline bool starts_with_nocase(std::string_view text, std::string_view literal) {
  if (text.size() < literal.size()) return false;
  for (size_t i = 0; i < literal.size(); ++i) {
    if (lower(text[i]) != lower(literal[i])) return false;
  }
  return true;
}

inline bool contains_nocase(std::string_view text, std::string_view needle) {
  if (needle.empty()) return true;
  for (size_t i = 0; i + needle.size() <= text.size(); ++i) {
    if (starts_with_nocase(text.substr(i), needle)) return true;
  }
  return false;
}

// The first line (without its CR/LF) and whether its end was seen.
struct Line {
  std::string_view text;
  bool complete = false;
};
inline Line first_line(std::string_view text) {
  const size_t end = text.find_first_of("\r\n");
  if (end == std::string_view::npos) return {text, false};
  return {text.substr(0, end), true};
}

inline bool all_printable(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return is_printable(c) || c == '\t'; });
}

// A three-digit reply code followed by ' ' or '-' (SMTP, FTP, and the status of a
// continuation line), e.g. "220 " or "220-".
inline bool is_reply_code(std::string_view text, std::string_view code) {
  return text.size() >= 4 && text.substr(0, 3) == code && (text[3] == ' ' || text[3] == '-');
}

// The value of the first header named `name` (case-insensitive) in a CRLF-separated block,
// trimmed; empty when absent or cut off by the end of the bytes.
inline std::string_view header_value(std::string_view text, std::string_view name) {
  size_t pos = text.find('\n');
  while (pos != std::string_view::npos && pos + 1 < text.size()) {
    const std::string_view line = text.substr(pos + 1);
    if (starts_with_nocase(line, name) && line.size() > name.size() && line[name.size()] == ':') {
      std::string_view value = line.substr(name.size() + 1);
      const size_t end = value.find_first_of("\r\n");
      if (end == std::string_view::npos) return {};
      value = value.substr(0, end);
      while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
      while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
      return value;
    }
    pos = text.find('\n', pos + 1);
  }
  return {};
}

}  // namespace pclassify::wire_text
