// OpenVPN's first control packet (OpenVPN "Network protocol", ssl.h): opcode in the top
// five bits, key id in the low three (0 for a reset), then the sender's 8-byte session id.
// Over TCP each packet follows a 2-byte length.
//
//   client: P_CONTROL_HARD_RESET_CLIENT_V2 (7) / _V3 (10)
//           | op | session id 8 | [HMAC 20/32 | packet id 4 | time 4] | ack count 0 | msg id 4 (0) |
//   server: P_CONTROL_HARD_RESET_SERVER_V2 (8)
//           | op | session id 8 | [HMAC ...] | ack count 1 | acked id 4 | remote session 8 | msg id 4 |
//
// The exact sizes (without tls-auth, or with a SHA-1/256/384/512 tls-auth HMAC) and the zero ack
// count and message id make a strong match; the opcode and size alone a weak one.
#include <array>

#include "bytes/byte_reader.h"
#include "verify/recognizer.h"

namespace pclassify {
namespace {

constexpr uint8_t kHardResetClientV2 = 7 << 3;
constexpr uint8_t kHardResetClientV3 = 10 << 3;
constexpr uint8_t kHardResetServerV2 = 8 << 3;
// tls-auth adds an HMAC plus an 8-byte replay id and time: none, SHA-1 (20), SHA-256
// (32), SHA-384 (48) or SHA-512 (64; seen in openvpn.pcap on 443/udp).
constexpr std::array<size_t, 5> kTlsAuthOverheads = {0, 20 + 8, 32 + 8, 48 + 8, 64 + 8};
constexpr size_t kClientResetSize = 14;
constexpr size_t kServerResetSize = 26;

bool reset_size(size_t n, size_t base) {
  for (const size_t overhead : kTlsAuthOverheads) {
    if (n == base + overhead) return true;
  }
  return false;
}

bool zero(std::span<const uint8_t> b) {
  for (const uint8_t x : b) {
    if (x != 0) return false;
  }
  return true;
}

Match recognize_packet(std::span<const uint8_t> p) {
  if (p.empty()) return no_match();
  const uint8_t op = p[0];
  const size_t n = p.size();
  if ((op == kHardResetClientV2 || op == kHardResetClientV3) && reset_size(n, kClientResetSize)) {
    // ack count 0, message packet id 0: the last five bytes (clear text unless tls-crypt).
    Match m = zero(p.subspan(n - 5)) ? strong_match(PayloadProtocol::openvpn)
                                     : weak_match(PayloadProtocol::openvpn);
    m.detail.append("client hard reset");
    return m;
  }
  if (op == kHardResetServerV2 && reset_size(n, kServerResetSize)) {
    // ack count 1 before acked id, remote session id and message id; message id 0.
    Match m = (p[n - 17] == 1 && zero(p.subspan(n - 4))) ? strong_match(PayloadProtocol::openvpn)
                                                         : weak_match(PayloadProtocol::openvpn);
    m.detail.append("server hard reset");
    return m;
  }
  return no_match();
}

}  // namespace

Match recognize_openvpn(const Probe& probe) {
  if (!probe.is_stream()) return recognize_packet(probe.bytes);
  ByteReader r(probe.bytes);
  const uint16_t length = r.be16();
  if (r.overrun() || length == 0) return no_match();
  const auto packet = r.take(length);
  if (r.overrun()) return no_match();  // the reset packets are small: a cut one is not evidence
  return recognize_packet(packet);
}

}  // namespace pclassify
