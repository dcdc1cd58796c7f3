// IMAP4 (RFC 9051 section 7.1 and 6): the server greets with an untagged "* OK" (or
// "* PREAUTH"); the client's commands start with a tag, e.g. "a1 CAPABILITY".
#include <array>

#include "verify/recognizer.h"
#include "verify/wire_text.h"

namespace pclassify {
namespace {

using namespace wire_text;

constexpr std::array<std::string_view, 8> kOpeningCommands = {
    "CAPABILITY", "LOGIN ", "AUTHENTICATE ", "STARTTLS", "ID ", "NOOP", "LOGOUT", "SELECT "};
constexpr size_t kMaxTag = 32;

// tag = 1*<any ASTRING-CHAR except "+">: letters, digits and a few marks in practice.
bool is_tag_char(char c) { return is_alpha(c) || is_digit(c) || c == '.' || c == '_' || c == '-'; }

}  // namespace

Match recognize_imap(const Probe& probe) {
  const std::string_view text = as_chars(probe.bytes);
  if (text.size() < 4) return no_match();
  if (text.starts_with("* OK") || text.starts_with("* PREAUTH")) {
    const Line line = first_line(text);
    if (!all_printable(line.text)) return no_match();
    Match m = strong_match(PayloadProtocol::imap);
    m.detail.append(line.text);
    return m;
  }
  size_t tag = 0;
  while (tag < text.size() && tag < kMaxTag && is_tag_char(text[tag])) ++tag;
  if (tag == 0 || tag >= text.size() || text[tag] != ' ') return no_match();
  const std::string_view command = text.substr(tag + 1);
  for (const auto opening : kOpeningCommands) {
    if (starts_with_nocase(command, opening)) {
      Match m = strong_match(PayloadProtocol::imap);
      m.detail.append(first_line(command).text.substr(0, opening.size()));
      return m;
    }
  }
  return no_match();
}

}  // namespace pclassify
