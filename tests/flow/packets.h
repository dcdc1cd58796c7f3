// Decoded packets made by hand for the flow tests (the decoder has its own tests).
#pragma once

#include "decode/packet.h"

namespace pclassify::test {

inline IpAddress ipv4(uint8_t a, uint8_t b, uint8_t c, uint8_t d) {
  IpAddress ip;
  ip.family = 4;
  ip.bytes = {a, b, c, d};
  return ip;
}

inline DecodedPacket flow_packet(IpAddress src, uint16_t sport, IpAddress dst, uint16_t dport,
                                 Transport transport = Transport::tcp,
                                 HandshakeRole role = HandshakeRole::none, uint8_t flags = 0) {
  DecodedPacket p;
  p.status = DecodeStatus::flow;
  p.tuple = {src, dst, sport, dport, transport};
  p.role = role;
  p.tcp_flags = flags;
  return p;
}

}  // namespace pclassify::test
