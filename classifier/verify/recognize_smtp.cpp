// SMTP (RFC 5321 section 4.1 and 4.2): the server greets with "220 domain text" (or "220-"
// continuation lines); the client opens with EHLO/HELO (LHLO for LMTP, RFC 2033).
// FTP also greets with "220": a greeting that names neither is weak for both, and the
// client's first command settles it.
#include <array>

#include "verify/recognizer.h"
#include "verify/wire_text.h"

namespace pclassify {
namespace {

using namespace wire_text;

constexpr std::array<std::string_view, 4> kClientOpeners = {"EHLO ", "HELO ", "LHLO ",
                                                            "MAIL FROM:"};
constexpr size_t kBannerScan = 128;  // enough of the greeting to find the product name

}  // namespace

Match recognize_smtp(const Probe& probe) {
  const std::string_view text = as_chars(probe.bytes);
  if (text.size() < 4) return no_match();
  if (is_reply_code(text, "220") || is_reply_code(text, "554")) {
    const Line line = first_line(text.substr(0, kBannerScan));
    if (!all_printable(line.text)) return no_match();
    const bool names_smtp = contains_nocase(line.text, "SMTP") || contains_nocase(line.text, "LMTP");
    if (!names_smtp && (contains_nocase(line.text, "FTP") || text[0] == '5')) return no_match();
    Match m = names_smtp ? strong_match(PayloadProtocol::smtp) : weak_match(PayloadProtocol::smtp);
    m.detail.append(line.text);
    return m;
  }
  for (const auto opener : kClientOpeners) {
    if (starts_with_nocase(text, opener)) {
      Match m = strong_match(PayloadProtocol::smtp);
      m.detail.append(first_line(text).text);
      return m;
    }
  }
  return no_match();
}

}  // namespace pclassify
