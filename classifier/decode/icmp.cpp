// ICMP (RFC 792) and ICMPv6 (RFC 4443): never a flow of ours.
//
//    0                   1                   2                   3
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |     Type      |     Code      |          Checksum             |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |  rest of header; for errors, the start of the offending packet |
//
// Error messages (destination unreachable, time exceeded, ...) quote the IP header and the
// first bytes of the packet that caused them, TCP/UDP ports included. Those ports belong to
// the quoted packet's flow, in the other direction, and the error is not part of that
// conversation: reading them as this packet's flow would invent connections (a port scan's
// replies would show up as flows from the scanned host). So the quote is not decoded.
#include "decode/layer.h"

namespace pclassify::decode {

void decode_icmp(DecodeContext& ctx, Slice slice) {
  constexpr size_t kHeaderLength = 4;
  if (!slice.has(kHeaderLength)) {
    finish_anomaly(ctx, Anomaly::truncated_transport_header);
    return;
  }
  finish_not_a_flow(ctx);
}

}  // namespace pclassify::decode
