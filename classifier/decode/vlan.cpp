// IEEE 802.1Q VLAN tag, and the 802.1ad / pre-standard QinQ service tags, which have the
// same shape. The tag follows the ethertype that announced it:
//
//    0     3 4 5            15 16                          31
//   +-------+-+---------------+------------------------------+
//   |  PCP  |D|   VLAN ID     |  inner ethertype             |
//   +-------+-+---------------+------------------------------+
//
// Stacked tags (QinQ) come back through the ethertype table; the layer budget bounds them.
#include "decode/layer.h"

namespace pclassify::decode {

void decode_vlan(DecodeContext& ctx, Slice slice) {
  ByteReader r(slice.captured());
  r.skip(2);  // PCP, DEI, VLAN ID
  const uint16_t ethertype = r.be16();
  if (r.overrun()) {
    finish_anomaly(ctx, Anomaly::truncated_link_header);
    return;
  }
  decode_ethertype(ctx, ethertype, slice.after(4));
}

}  // namespace pclassify::decode
