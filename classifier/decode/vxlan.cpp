// VXLAN (RFC 7348 section 5), over UDP destination port 4789:
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |R|R|R|R|I|R|R|R|            Reserved                           |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |                VXLAN Network Identifier (VNI) |   Reserved    |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |  inner Ethernet frame ...
//
// The I flag must be set for a valid VNI. A datagram to port 4789 without it is not taken
// for VXLAN: it stays an ordinary UDP flow (the port is only a hint, as for any service).
#include "decode/layer.h"

namespace pclassify::decode {

namespace {
constexpr size_t kHeaderLength = 8;
constexpr uint8_t kValidVni = 0x08;
}  // namespace

bool decode_vxlan(DecodeContext& ctx, Slice slice) {
  if (!slice.wire_has(kHeaderLength)) return false;  // too short to be VXLAN at all
  ByteReader r(slice.captured());
  const uint8_t flags = r.u8();
  r.skip(3);
  const uint32_t vni = r.be24();
  r.skip(1);
  if (r.overrun()) {
    finish_anomaly(ctx, Anomaly::truncated_tunnel_header);
    return true;
  }
  if ((flags & kValidVni) == 0) return false;
  if (enter_tunnel(ctx, TunnelKind::vxlan, vni) && enter_layer(ctx)) {
    decode_ethernet(ctx, slice.after(kHeaderLength));
  }
  return true;
}

}  // namespace pclassify::decode
