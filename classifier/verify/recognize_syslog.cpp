// Syslog: "<PRI>" then the message (RFC 5424 section 6, RFC 3164 section 4.1), PRI =
// facility * 8 + severity <= 191. Over TCP a message may be preceded by its length and a
// space (octet counting, RFC 6587 section 3.4.1).
#include <array>

#include "verify/recognizer.h"
#include "verify/wire_text.h"

namespace pclassify {
namespace {

using namespace wire_text;

constexpr unsigned kMaxPri = 191;
constexpr size_t kTextScan = 32;   // the start of the message must be text
constexpr size_t kMaxOctetCount = 6;

constexpr std::array<std::string_view, 24> kFacilities = {
    "kern",   "user",   "mail",   "daemon", "auth",   "syslog", "lpr",    "news",
    "uucp",   "cron",   "authpriv", "ftp",  "ntp",    "audit",  "alert",  "clock",
    "local0", "local1", "local2", "local3", "local4", "local5", "local6", "local7"};
constexpr std::array<std::string_view, 8> kSeverities = {"emerg", "alert",  "crit", "err",
                                                         "warning", "notice", "info", "debug"};

Match recognize_message(std::string_view text) {
  if (text.size() < 4 || text[0] != '<') return no_match();
  unsigned pri = 0;
  size_t i = 1;
  while (i < text.size() && i <= 3 && is_digit(text[i])) pri = pri * 10 + unsigned(text[i++] - '0');
  if (i == 1 || i >= text.size() || text[i] != '>' || pri > kMaxPri) return no_match();
  if (i > 2 && text[1] == '0') return no_match();  // no leading zeros
  const std::string_view message = text.substr(i + 1, kTextScan);
  if (message.empty() || !all_printable(message)) return no_match();
  Match m = strong_match(PayloadProtocol::syslog);
  m.detail.append(kFacilities[pri / 8]);
  m.detail.append(".");
  m.detail.append(kSeverities[pri % 8]);
  return m;
}

}  // namespace

Match recognize_syslog(const Probe& probe) {
  const std::string_view text = as_chars(probe.bytes);
  if (!probe.is_stream() || text.starts_with("<")) return recognize_message(text);
  // Octet counting: "123 <34>1 ..."
  size_t i = 0;
  while (i < text.size() && i < kMaxOctetCount && is_digit(text[i])) ++i;
  if (i == 0 || text[0] == '0' || i >= text.size() || text[i] != ' ') return no_match();
  return recognize_message(text.substr(i + 1));
}

}  // namespace pclassify
