// UDP (RFC 768):
//
//    0      7 8     15 16    23 24    31
//   +--------+--------+--------+--------+
//   |     Source      |   Destination   |
//   |      Port       |      Port       |
//   +--------+--------+--------+--------+
//   |     Length      |    Checksum     |
//   +--------+--------+--------+--------+
//   |          data octets ...
//
// Length counts header and data. It is 0 only in an IPv6 jumbogram (RFC 2675), where the
// IP length rules. In a first fragment it describes the whole datagram, not this piece,
// and likewise when the IP length already ran past the frame (partial_datagram).
// UDP-carried tunnels are found by destination port through kUdpTunnels.
#include <array>

#include "decode/layer.h"

namespace pclassify::decode {

namespace {

constexpr size_t kHeaderLength = 8;

struct UdpTunnel {
  uint16_t port;
  bool (*decoder)(DecodeContext&, Slice);
};

constexpr std::array<UdpTunnel, 1> kUdpTunnels = {{
    {4789, decode_vxlan},  // IANA "vxlan", RFC 7348
}};

bool decode_udp_tunnel(DecodeContext& ctx, uint16_t dst_port, Slice payload) {
  for (const UdpTunnel& tunnel : kUdpTunnels) {
    if (tunnel.port == dst_port) return tunnel.decoder(ctx, payload);
  }
  return false;
}

}  // namespace

void decode_udp(DecodeContext& ctx, Slice slice) {
  ByteReader r(slice.captured());
  const uint16_t src_port = r.be16();
  const uint16_t dst_port = r.be16();
  const uint16_t length = r.be16();
  r.skip(2);  // checksum
  if (r.overrun()) {
    finish_anomaly(ctx, shortfall(slice, kHeaderLength, Anomaly::truncated_transport_header,
                                  ctx.in_first_fragment ? Anomaly::first_fragment_too_short
                                                        : Anomaly::bad_udp_length));
    return;
  }
  Slice datagram = slice;
  if (length != 0 || slice.wire_length() <= UINT16_MAX) {
    if (length < kHeaderLength) {
      finish_anomaly(ctx, Anomaly::bad_udp_length);
      return;
    }
    if (!ctx.partial_datagram) {
      if (!slice.wire_has(length)) {
        finish_anomaly(ctx, Anomaly::bad_udp_length);
        return;
      }
      datagram = slice.first(length);
    }
  }
  const Slice payload = datagram.after(kHeaderLength);
  if (!ctx.partial_datagram && decode_udp_tunnel(ctx, dst_port, payload)) return;
  finish_flow(ctx, Transport::udp, src_port, dst_port, payload);
}

}  // namespace pclassify::decode
