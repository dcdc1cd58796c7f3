// Linux "cooked" capture headers, written by libpcap for the "any" device
// (https://www.tcpdump.org/linktypes/LINKTYPE_LINUX_SLL.html and ..._SLL2.html).
//
// SLL (LINKTYPE_LINUX_SLL, 113), 16 bytes:
//   +--------------+--------------+--------------+----------------------+-----------+
//   | packet type  | ARPHRD type  | address len  | address (8, padded)  | protocol  |
//   |     (2)      |     (2)      |     (2)      |                      |    (2)    |
//   +--------------+--------------+--------------+----------------------+-----------+
//
// SLL2 (LINKTYPE_LINUX_SLL2, 276), 20 bytes:
//   +-----------+----------+-----------------+-------------+--------+--------+----------+
//   | protocol  | reserved | interface index | ARPHRD type | pkt    | addr   | address  |
//   |    (2)    |   (2)    |       (4)       |     (2)     | type(1)| len (1)| (8)      |
//   +-----------+----------+-----------------+-------------+--------+--------+----------+
//
// The protocol field is an ethertype when it is 0x0600 or more; smaller values are Linux
// pseudo-protocols (802.2 LLC, CAN, ...) that never carry our transports. Netlink captures
// (ARPHRD 824) put netlink protocol numbers there, not ethertypes.
#include "decode/layer.h"

namespace pclassify::decode {

namespace {

constexpr uint16_t kMinEthertype = 0x0600;
constexpr uint16_t kArphrdNetlink = 824;

void dispatch_cooked(DecodeContext& ctx, uint16_t arphrd, uint16_t protocol, Slice payload) {
  if (arphrd == kArphrdNetlink || protocol < kMinEthertype) {
    finish_not_a_flow(ctx);
    return;
  }
  decode_ethertype(ctx, protocol, payload);
}

}  // namespace

void decode_linux_sll(DecodeContext& ctx, Slice slice) {
  ByteReader r(slice.captured());
  r.skip(2);  // packet type (to us, broadcast, outgoing, ...)
  const uint16_t arphrd = r.be16();
  r.skip(2 + 8);  // link-layer address length and address
  const uint16_t protocol = r.be16();
  if (r.overrun()) {
    finish_anomaly(ctx, Anomaly::truncated_link_header);
    return;
  }
  dispatch_cooked(ctx, arphrd, protocol, slice.after(16));
}

void decode_linux_sll2(DecodeContext& ctx, Slice slice) {
  ByteReader r(slice.captured());
  const uint16_t protocol = r.be16();
  r.skip(2 + 4);  // reserved, interface index
  const uint16_t arphrd = r.be16();
  r.skip(1 + 1 + 8);  // packet type, address length, address
  if (r.overrun()) {
    finish_anomaly(ctx, Anomaly::truncated_link_header);
    return;
  }
  dispatch_cooked(ctx, arphrd, protocol, slice.after(20));
}

}  // namespace pclassify::decode
