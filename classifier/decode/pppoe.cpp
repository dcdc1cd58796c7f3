// PPPoE session stage (RFC 2516 section 4), ethertype 0x8864:
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |  VER  | TYPE  |      CODE     |          SESSION_ID           |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |            LENGTH             |   PPP protocol, payload ...
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// VER and TYPE are 1; CODE is 0 in the session stage; LENGTH counts the PPP bytes that
// follow (protocol field included), so Ethernet padding after them is not payload.
#include "decode/layer.h"

namespace pclassify::decode {

void decode_pppoe_session(DecodeContext& ctx, Slice slice) {
  ByteReader r(slice.captured());
  const uint8_t version_type = r.u8();
  const uint8_t code = r.u8();
  r.skip(2);  // session id
  const uint16_t length = r.be16();
  const uint16_t protocol = r.be16();
  if (r.overrun()) {
    finish_anomaly(ctx, Anomaly::truncated_link_header);
    return;
  }
  const Slice ppp = slice.after(6);
  if (version_type != 0x11 || code != 0 || length < 2 || !ppp.wire_has(length)) {
    finish_anomaly(ctx, Anomaly::bad_pppoe_header);
    return;
  }
  decode_ppp_protocol(ctx, protocol, ppp.first(length).after(2));
}

}  // namespace pclassify::decode
