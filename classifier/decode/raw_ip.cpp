// Raw IP link types (LINKTYPE_RAW 101, and DLT_RAW as 12 or 14 in some files): the packet
// starts with an IPv4 or IPv6 header, told apart by the version nibble (RFC 791 / RFC 8200).
// LINKTYPE_IPV4 (228) and LINKTYPE_IPV6 (229) promise one version and go straight to it.
#include "decode/layer.h"

namespace pclassify::decode {

void decode_raw_ip(DecodeContext& ctx, Slice slice) {
  ByteReader r(slice.captured());
  const uint8_t version = static_cast<uint8_t>(r.peek_u8() >> 4);
  if (r.overrun()) {
    finish_anomaly(ctx, Anomaly::truncated_ip_header);
    return;
  }
  switch (version) {
    case 4:
      decode_ethertype(ctx, 0x0800, slice);
      return;
    case 6:
      decode_ethertype(ctx, 0x86DD, slice);
      return;
    default:
      finish_anomaly(ctx, Anomaly::bad_ip_version);
      return;
  }
}

}  // namespace pclassify::decode
