#include "label/unauthorized_use.h"

#include <cctype>

namespace pclassify {
namespace {

bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

}  // namespace

bool unauthorized_use_concerns_port(const ServiceRecord& record, uint16_t port) {
  const std::string_view text = record.unauthorized_use;
  if (text.empty()) return false;
  if (!record.has_port || record.port_lo == record.port_hi) return true;

  bool named_any = false;
  int bracket_depth = 0;
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '[') ++bracket_depth;
    if (c == ']' && bracket_depth > 0) --bracket_depth;
    // Digits inside a word ("krb524") name a product, not a port.
    const bool starts_number = is_digit(c) && (i == 0 || !is_word_char(text[i - 1]));
    if (!starts_number || bracket_depth > 0) {
      ++i;
      continue;
    }
    // A number, or a "lo-hi" range; anything beyond 65535 is not a port.
    uint32_t lo = 0;
    while (i < text.size() && is_digit(text[i]) && lo <= 65535) lo = lo * 10 + (text[i++] - '0');
    uint32_t hi = lo;
    if (i + 1 < text.size() && text[i] == '-' && is_digit(text[i + 1])) {
      ++i;
      hi = 0;
      while (i < text.size() && is_digit(text[i]) && hi <= 65535) hi = hi * 10 + (text[i++] - '0');
    }
    while (i < text.size() && is_digit(text[i])) ++i;  // the rest of an over-long number
    if (lo > 65535 || hi > 65535 || hi < lo) continue;
    named_any = true;
    if (port >= lo && port <= hi) return true;
  }
  return !named_any;
}

}  // namespace pclassify
