// IP Authentication Header over IPv4 (RFC 4302 section 2); over IPv6 the extension chain in
// ipv6.cpp walks it. AH authenticates but does not encrypt, so the transport follows it.
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   | Next Header   |  Payload Len  |          RESERVED             |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |                 Security Parameters Index (SPI)               |
//   |                    Sequence Number Field                      |
//   |                Integrity Check Value-ICV (variable)           |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#include "decode/layer.h"

namespace pclassify::decode {

void decode_ip_auth_header(DecodeContext& ctx, Slice slice) {
  ByteReader r(slice.captured());
  const uint8_t next_header = r.u8();
  const uint8_t payload_len = r.u8();
  const size_t length = ip_auth_header_length(payload_len);
  if (r.overrun() || !slice.has(length)) {
    finish_anomaly(ctx, shortfall(slice, r.overrun() ? 2 : length,
                                  Anomaly::truncated_ipv6_extension, Anomaly::bad_ipv6_extension));
    return;
  }
  decode_ip_protocol(ctx, next_header, slice.after(length));
}

}  // namespace pclassify::decode
