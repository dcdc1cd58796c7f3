#include "verify/start_line.h"

#include "verify/wire_text.h"

namespace pclassify {
namespace {

using namespace wire_text;

constexpr size_t kMaxMethod = 20;   // "GET_PARAMETER", "UNSUBSCRIBE", "VERSION-CONTROL"
constexpr size_t kMaxLine = 4096;   // longer first lines are not worth the scan

// "PROTO/d.d" (or "PROTO/d" as in HTTP/2): letters, a slash, a digit, optional ".digit".
bool is_version_token(std::string_view token) {
  const size_t slash = token.find('/');
  if (slash == 0 || slash == std::string_view::npos || slash > 8) return false;
  for (size_t i = 0; i < slash; ++i) {
    if (!is_upper(token[i])) return false;
  }
  const std::string_view number = token.substr(slash + 1);
  if (number.size() == 1) return is_digit(number[0]);
  return number.size() == 3 && is_digit(number[0]) && number[1] == '.' && is_digit(number[2]);
}

bool is_method_char(char c) { return is_upper(c) || c == '-' || c == '_'; }

// The first token (a method or a version) is short and made of few characters: checking
// that before looking for the end of the line lets binary payloads bail out at once.
bool first_token_plausible(std::span<const uint8_t> bytes) {
  const size_t limit = std::min(bytes.size(), kMaxMethod + 1);
  for (size_t i = 0; i < limit; ++i) {
    const char c = static_cast<char>(bytes[i]);
    if (c == ' ') return i > 0;
    if (!is_method_char(c) && c != '/' && c != '.' && !is_digit(c)) return false;
  }
  return bytes.size() <= kMaxMethod;  // a cut first token, or one too long
}

}  // namespace

StartLine parse_start_line(std::span<const uint8_t> bytes) {
  StartLine out;
  if (!first_token_plausible(bytes)) return out;
  const Line line = first_line(as_chars(bytes.first(std::min(bytes.size(), kMaxLine))));
  const std::string_view text = line.text;
  if (text.empty() || !is_upper(text[0])) return out;
  out.complete = line.complete;

  const size_t first_space = text.find(' ');
  const std::string_view first = text.substr(0, first_space);

  if (first_space != std::string_view::npos && is_version_token(first)) {
    const std::string_view code = text.substr(first_space + 1, 3);
    if (code.size() == 3 && is_digit(code[0]) && is_digit(code[1]) && is_digit(code[2]) &&
        (text.size() == first_space + 4 || text[first_space + 4] == ' ')) {
      out.kind = StartLine::Kind::status;
      out.version = first;
      out.code = code;
    }
    return out;
  }

  // Request line: the method must be all method characters; a cut line may end anywhere.
  if (first.size() > kMaxMethod) return out;
  for (const char c : first) {
    if (!is_method_char(c)) return out;
  }
  if (first_space == std::string_view::npos) return out;  // just a word so far
  const std::string_view after_method = text.substr(first_space + 1);
  const size_t second_space = after_method.find(' ');
  const std::string_view target = after_method.substr(0, second_space);
  if (target.empty() || !all_printable(target)) return out;
  out.method = first;
  out.target = target;
  if (second_space == std::string_view::npos) {
    if (line.complete) return StartLine{};  // "GET /\r\n": HTTP/0.9 or not the family
    out.kind = StartLine::Kind::request;    // cut before the version
    return out;
  }
  const std::string_view version = after_method.substr(second_space + 1);
  if (!is_version_token(version)) {
    // A cut line may end inside the version token: keep the request, version unknown.
    if (line.complete || version.size() >= 8) return StartLine{};
    out.kind = StartLine::Kind::request;
    out.cut_version = version;
    return out;
  }
  out.kind = StartLine::Kind::request;
  out.version = version;
  return out;
}

}  // namespace pclassify
