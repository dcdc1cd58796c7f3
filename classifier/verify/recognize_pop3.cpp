// POP3 (RFC 1939 section 3 and 4, RFC 2449 CAPA, RFC 2595 STLS): the server greets with
// "+OK text"; the client sends CAPA, STLS, APOP, AUTH or USER first.
#include <array>

#include "verify/recognizer.h"
#include "verify/wire_text.h"

namespace pclassify {
namespace {

using namespace wire_text;

constexpr std::array<std::string_view, 3> kPop3OnlyCommands = {"CAPA\r\n", "STLS\r\n", "APOP "};
// Commands POP3 shares with other protocols (AUTH with SMTP and FTP, USER with FTP).
constexpr std::array<std::string_view, 3> kSharedCommands = {"AUTH\r\n", "AUTH ", "USER "};

}  // namespace

Match recognize_pop3(const Probe& probe) {
  const std::string_view text = as_chars(probe.bytes);
  if (text.size() < 4) return no_match();
  if (text.starts_with("+OK") && (text[3] == ' ' || text[3] == '\r')) {
    const Line line = first_line(text);
    if (!all_printable(line.text)) return no_match();
    Match m = strong_match(PayloadProtocol::pop3);
    m.detail.append(line.text);
    return m;
  }
  for (const auto command : kPop3OnlyCommands) {
    if (starts_with_nocase(text, command)) {
      Match m = strong_match(PayloadProtocol::pop3);
      m.detail.append(first_line(text).text);
      return m;
    }
  }
  for (const auto command : kSharedCommands) {
    if (starts_with_nocase(text, command)) {
      const Line line = first_line(text);
      if (!line.complete || !all_printable(line.text)) return no_match();
      Match m = weak_match(PayloadProtocol::pop3);
      m.detail.append(line.text.substr(0, 4));
      return m;
    }
  }
  return no_match();
}

}  // namespace pclassify
