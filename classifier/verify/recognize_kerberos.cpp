// Kerberos V5 (RFC 4120 section 5.4-5.9, 7.2): an [APPLICATION n] message whose SEQUENCE
// starts with pvno = 5 and msg-type = n. Over TCP each message follows a 4-byte length
// (RFC 4120 7.2.2) whose top bit is reserved (0).
//
//   KDC-REQ (AS 10, TGS 12):   6a/6c len 30 len  a1 03 02 01 05  a2 03 02 01 0a/0c ...
//   KDC-REP (AS 11, TGS 13):   6b/6d len 30 len  a0 03 02 01 05  a1 03 02 01 0b/0d ...
//   AP-REQ 14, AP-REP 15, KRB-ERROR 30: pvno [0], msg-type [1], as for replies.
#include "verify/ber.h"
#include "verify/recognizer.h"

namespace pclassify {
namespace {

constexpr uint8_t kSequence = 0x30;
constexpr uint32_t kMaxTcpMessage = 1u << 20;

std::string_view message_name(unsigned type) {
  switch (type) {
    case 10: return "AS-REQ";
    case 11: return "AS-REP";
    case 12: return "TGS-REQ";
    case 13: return "TGS-REP";
    case 14: return "AP-REQ";
    case 15: return "AP-REP";
    case 30: return "KRB-ERROR";
    default: return {};
  }
}

// [n] { INTEGER value }: context tag, then a small integer.
std::optional<uint32_t> read_tagged_integer(ByteReader& r, uint8_t context_tag) {
  const auto h = ber::read_header(r);
  if (!h || h->tag != context_tag) return std::nullopt;
  return ber::read_small_integer(r);
}

Match recognize_message(ByteReader r) {
  const auto application = ber::read_header(r);
  if (!application || (application->tag & 0xE0) != 0x60) return no_match();
  const unsigned type = application->tag & 0x1fu;
  const std::string_view name = message_name(type);
  if (name.empty()) return no_match();
  const auto sequence = ber::read_header(r);
  if (!sequence || sequence->tag != kSequence) return no_match();
  // KDC-REQ numbers its fields from [1]; the other messages from [0].
  const bool request = type == 10 || type == 12;
  const auto pvno = read_tagged_integer(r, request ? 0xA1 : 0xA0);
  const auto msg_type = read_tagged_integer(r, request ? 0xA2 : 0xA1);
  if (!pvno || *pvno != 5 || !msg_type || *msg_type != type) return no_match();
  Match m = strong_match(PayloadProtocol::kerberos);
  m.detail.append(name);
  return m;
}

}  // namespace

Match recognize_kerberos(const Probe& probe) {
  ByteReader r(probe.bytes);
  if (probe.is_stream()) {
    const uint32_t length = r.be32();
    if (r.overrun() || length == 0 || length > kMaxTcpMessage) return no_match();
  }
  return recognize_message(r);
}

}  // namespace pclassify
