// MPLS label stack (RFC 3032 section 2.1). Each entry:
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |                Label                  | TC  |S|      TTL      |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// The stack says nothing about its payload's protocol. The explicit-null labels do (0 is
// IPv4, 2 is IPv6, RFC 3032 2.1); otherwise the first nibble is guessed, as routers and
// Wireshark do: 4 is IPv4, 6 is IPv6. Anything else (a pseudowire control word, Ethernet
// over MPLS) is left alone as not_a_flow.
#include "decode/layer.h"

namespace pclassify::decode {

namespace {
constexpr uint32_t kIpv4ExplicitNull = 0;
constexpr uint32_t kIpv6ExplicitNull = 2;
}  // namespace

void decode_mpls(DecodeContext& ctx, Slice slice) {
  ByteReader r(slice.captured());
  for (int labels = 1;; ++labels) {
    const uint32_t entry = r.be32();
    if (r.overrun()) {
      finish_anomaly(ctx, Anomaly::truncated_link_header);
      return;
    }
    const bool bottom_of_stack = (entry & 0x100) != 0;
    if (bottom_of_stack) {
      const uint32_t label = entry >> 12;
      const Slice payload = slice.after(r.position());
      if (label == kIpv4ExplicitNull) {
        decode_ethertype(ctx, 0x0800, payload);
        return;
      }
      if (label == kIpv6ExplicitNull) {
        decode_ethertype(ctx, 0x86DD, payload);
        return;
      }
      const uint8_t first = r.peek_u8();
      if (r.overrun()) {
        finish_anomaly(ctx, payload.wire_length() > 0 ? Anomaly::truncated_ip_header
                                                      : Anomaly::truncated_link_header);
        return;
      }
      switch (first >> 4) {
        case 4:
          decode_ethertype(ctx, 0x0800, payload);
          return;
        case 6:
          decode_ethertype(ctx, 0x86DD, payload);
          return;
        default:
          finish_not_a_flow(ctx);
          return;
      }
    }
    if (labels >= kMaxMplsLabels) {
      finish_anomaly(ctx, Anomaly::mpls_stack_too_deep);
      return;
    }
  }
}

}  // namespace pclassify::decode
