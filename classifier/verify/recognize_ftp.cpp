// FTP control connection (RFC 959 section 4.2 and 5.4): the server greets with "220 text";
// the client starts with USER, or AUTH TLS (RFC 4217), FEAT (RFC 2389), ...
// SMTP also greets with "220" and POP3 also has USER: those alone are weak, and a flow
// whose two directions both weakly say FTP is FTP.
#include <array>

#include "verify/recognizer.h"
#include "verify/wire_text.h"

namespace pclassify {
namespace {

using namespace wire_text;

// Commands no other protocol in the table opens with.
constexpr std::array<std::string_view, 7> kFtpOnlyCommands = {
    "AUTH TLS", "AUTH SSL", "FEAT\r\n", "SYST\r\n", "OPTS UTF8", "PASV\r\n", "EPSV"};
constexpr size_t kBannerScan = 128;

}  // namespace

Match recognize_ftp(const Probe& probe) {
  const std::string_view text = as_chars(probe.bytes);
  if (text.size() < 4) return no_match();
  if (is_reply_code(text, "220")) {
    const Line line = first_line(text.substr(0, kBannerScan));
    if (!all_printable(line.text)) return no_match();
    const bool names_ftp = contains_nocase(line.text, "FTP");
    if (!names_ftp && contains_nocase(line.text, "SMTP")) return no_match();
    Match m = names_ftp ? strong_match(PayloadProtocol::ftp) : weak_match(PayloadProtocol::ftp);
    m.detail.append(line.text);
    return m;
  }
  for (const auto command : kFtpOnlyCommands) {
    if (starts_with_nocase(text, command)) {
      Match m = strong_match(PayloadProtocol::ftp);
      m.detail.append(first_line(text).text);
      return m;
    }
  }
  // "USER name\r\n": one argument, as POP3 sends it too (IRC's USER has four).
  if (starts_with_nocase(text, "USER ")) {
    const Line line = first_line(text);
    if (!line.complete || line.text.find(' ', 5) != std::string_view::npos) return no_match();
    Match m = weak_match(PayloadProtocol::ftp);
    m.detail.append("USER");
    return m;
  }
  return no_match();
}

}  // namespace pclassify
