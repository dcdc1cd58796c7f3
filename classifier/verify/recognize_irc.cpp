// IRC (RFC 2812 section 2.3 and 3.1): the client registers with NICK, USER (four
// parameters, the last after ':'), PASS or CAP LS (IRCv3); the server's lines start with
// ":servername" and a command or a three-digit numeric, e.g. ":irc.example.net NOTICE *".
#include <algorithm>

#include "verify/recognizer.h"
#include "verify/wire_text.h"

namespace pclassify {
namespace {

using namespace wire_text;

constexpr size_t kMaxPrefix = 64;

bool is_nick_char(char c) {
  return is_alpha(c) || is_digit(c) || c == '-' || c == '_' || c == '[' || c == ']' ||
         c == '\\' || c == '`' || c == '^' || c == '{' || c == '}' || c == '|';
}

Match named(Confidence c, std::string_view line) {
  Match m{PayloadProtocol::irc, c, {}};
  m.detail.append(line);
  return m;
}

// ":server.name COMMAND ..." with COMMAND = NOTICE, PING, ERROR or a numeric reply.
Match recognize_server_line(std::string_view line) {
  const size_t space = line.find(' ');
  if (space == std::string_view::npos || space < 2 || space > kMaxPrefix) return no_match();
  const std::string_view prefix = line.substr(1, space - 1);
  if (prefix.find('.') == std::string_view::npos || !all_printable(prefix)) return no_match();
  const std::string_view command = line.substr(space + 1);
  const bool numeric = command.size() >= 4 && is_digit(command[0]) && is_digit(command[1]) &&
                       is_digit(command[2]) && command[3] == ' ';
  if (!numeric && !command.starts_with("NOTICE ") && !command.starts_with("PING ") &&
      !command.starts_with("ERROR ")) {
    return no_match();
  }
  return named(Confidence::strong, line.substr(0, space + 1 + 6));
}

}  // namespace

Match recognize_irc(const Probe& probe) {
  const std::string_view text = as_chars(probe.bytes);
  if (text.size() < 5) return no_match();
  const char c = text[0];
  if (c != ':' && c != 'N' && c != 'C' && c != 'U' && c != 'P') return no_match();  // bail early
  const Line line = first_line(text);
  if (text[0] == ':') return recognize_server_line(line.text);
  if (text.starts_with("NOTICE AUTH :")) return named(Confidence::strong, "NOTICE AUTH");
  if (text.starts_with("CAP LS")) return named(Confidence::strong, "CAP LS");
  if (text.starts_with("NICK ")) {
    const std::string_view nick = line.text.substr(5);
    if (nick.empty() || !std::all_of(nick.begin(), nick.end(), is_nick_char)) return no_match();
    return named(line.complete ? Confidence::strong : Confidence::weak, line.text);
  }
  if (text.starts_with("USER ")) {
    // USER <user> <mode> <unused> :<realname>
    const size_t colon = line.text.find(" :");
    if (colon == std::string_view::npos) return no_match();
    const std::string_view params = line.text.substr(5, colon - 5);
    if (std::count(params.begin(), params.end(), ' ') != 2) return no_match();
    return named(Confidence::strong, "USER");
  }
  if (text.starts_with("PASS ")) return named(Confidence::weak, "PASS");
  return no_match();
}

}  // namespace pclassify
