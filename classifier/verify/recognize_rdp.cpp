// RDP connection start (MS-RDPBCGR 2.2.1.1 and 2.2.1.2): a TPKT header (RFC 1006) carrying
// an X.224 Connection Request (client) or Connection Confirm (server).
//
//   TPKT:  | version 3 | reserved 0 | length 2 |
//   X.224: | LI 1 | code 1 (0xE0 CR, 0xD0 CC) | dst-ref 2 | src-ref 2 | class 1 | ...
//   then, for RDP: "Cookie: mstshash=user\r\n" and/or an RDP_NEG_REQ/RSP/FAILURE
//   (type 1/2/3, flags 1, length 2 = 0x0008, 4 bytes of protocols).
//
// TPKT + X.224 is also ISO-TSAP (S7comm, MMS on port 102); those carry TSAP parameters
// (codes 0xC0-0xC2) instead, so a request without RDP's fields is weak.
#include <algorithm>

#include "bytes/byte_reader.h"
#include "verify/recognizer.h"
#include "verify/wire_text.h"

namespace pclassify {
namespace {

constexpr size_t kTpktSize = 4;
constexpr size_t kX224FixedSize = 7;  // LI, code, dst-ref, src-ref, class
constexpr uint8_t kConnectionRequest = 0xE0;
constexpr uint8_t kConnectionConfirm = 0xD0;

bool is_negotiation(std::span<const uint8_t> v) {
  return v.size() >= 4 && v[0] >= 1 && v[0] <= 3 && v[2] == 0x08 && v[3] == 0x00;
}

}  // namespace

Match recognize_rdp(const Probe& probe) {
  ByteReader r(probe.bytes);
  const uint8_t version = r.u8();
  const uint8_t reserved = r.u8();
  const uint16_t tpkt_length = r.be16();
  const uint8_t li = r.u8();
  const uint8_t code = r.u8();
  if (r.overrun() || version != 3 || reserved != 0) return no_match();
  if (tpkt_length < kTpktSize + kX224FixedSize || li != tpkt_length - kTpktSize - 1) {
    return no_match();
  }
  const uint8_t tpdu = code & 0xF0;
  if (tpdu != kConnectionRequest && tpdu != kConnectionConfirm) return no_match();
  r.skip(5);  // dst-ref, src-ref, class
  if (r.overrun()) return no_match();

  const auto variable = r.rest().first(std::min<size_t>(r.remaining(), tpkt_length - kTpktSize - kX224FixedSize));
  const std::string_view text = wire_text::as_chars(variable);
  const bool cookie = text.starts_with("Cookie: ");
  const bool negotiation = is_negotiation(variable);
  const bool tsap = !variable.empty() && variable[0] >= 0xC0 && variable[0] <= 0xC2;
  if (tsap) return no_match();

  Match m = (cookie || negotiation) ? strong_match(PayloadProtocol::rdp)
                                    : weak_match(PayloadProtocol::rdp);
  m.detail.append(tpdu == kConnectionRequest ? "X.224 Connection Request" : "X.224 Connection Confirm");
  if (cookie) {
    m.detail.append(" ");
    m.detail.append(wire_text::first_line(text.substr(8)).text);
  }
  return m;
}

}  // namespace pclassify
