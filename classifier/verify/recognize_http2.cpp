// HTTP/2 connection preface (RFC 9113 section 3.4), sent by a client that speaks HTTP/2
// in cleartext with prior knowledge: the 24 octets "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".
#include "verify/recognizer.h"
#include "verify/wire_text.h"

namespace pclassify {
namespace {

constexpr std::string_view kPreface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";
constexpr size_t kDistinctivePrefix = 14;  // "PRI * HTTP/2.0" is already unambiguous

}  // namespace

Match recognize_http2(const Probe& probe) {
  const std::string_view text = wire_text::as_chars(probe.bytes);
  if (text.size() < kDistinctivePrefix) return no_match();
  if (wire_text::match_prefix(text, kPreface) == wire_text::Prefix::no) return no_match();
  Match m = strong_match(PayloadProtocol::http2);
  m.detail.append("connection preface");
  return m;
}

}  // namespace pclassify
