// GRE (RFC 2784, with the key and sequence number of RFC 2890 and the routing field of
// RFC 1701), and the enhanced GRE of PPTP (RFC 2637 section 4.1, version 1):
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |C|R|K|S|s|Recur|A| Flags | Ver |         Protocol Type         |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |      Checksum (if C or R)     |       Offset (if C or R)      |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |                         Key (if K)                            |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |                 Sequence Number (if S)                        |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |      Acknowledgment Number (version 1, if A)                  |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |  Routing (if R, RFC 1701): Source Route Entries, ending in
//   |  one whose length is 0:  | Address Family (2) | Offset (1) | Length (1) | ... |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// The protocol type is an ethertype (IPv4, IPv6, MPLS, 0x6558 transparent Ethernet
// bridging), PPP (0x880B, PPTP) or ERSPAN, which puts its own header before a mirrored
// Ethernet frame (draft-foschiano-erspan-03):
//   type I   (0x88BE, no sequence number): no header;
//   type II  (0x88BE with S): 8 bytes  | Ver=1 | VLAN | COS|En|T| Session ID | Rsvd | Index |
//   type III (0x22EB): 12 bytes        | Ver=2 | VLAN | ... | Timestamp | SGT |P|FT|HWID|D|Gra|O|
//                      plus an 8-byte platform-specific subheader when O is set.
#include <array>

#include "decode/layer.h"

namespace pclassify::decode {

namespace {

constexpr uint16_t kChecksumPresent = 0x8000;
constexpr uint16_t kRoutingPresent = 0x4000;
constexpr uint16_t kKeyPresent = 0x2000;
constexpr uint16_t kSequencePresent = 0x1000;
constexpr uint16_t kAckPresent = 0x0080;  // version 1 only
constexpr uint16_t kVersionMask = 0x0007;
constexpr int kMaxSourceRouteEntries = 16;

// Skips the RFC 1701 source route entries; false if they are malformed or cut off.
bool skip_routing(ByteReader& r) {
  for (int entries = 0; entries < kMaxSourceRouteEntries; ++entries) {
    r.skip(2 + 1);  // address family, SRE offset
    const uint8_t length = r.u8();
    if (r.overrun()) return false;
    if (length == 0) return true;
    if (!r.skip(length)) return false;
  }
  return false;
}

void decode_erspan(DecodeContext& ctx, Slice slice, size_t header_length) {
  if (!slice.has(header_length)) {
    finish_anomaly(ctx, Anomaly::truncated_tunnel_header);
    return;
  }
  decode_ethernet(ctx, slice.after(header_length));
}

void decode_erspan_1_or_2(DecodeContext& ctx, Slice slice, bool has_sequence) {
  decode_erspan(ctx, slice, has_sequence ? 8 : 0);  // type II carries a sequence number
}

void decode_erspan_3(DecodeContext& ctx, Slice slice) {
  ByteReader r(slice.captured());
  r.skip(11);
  const uint8_t last = r.u8();
  if (r.overrun()) {
    finish_anomaly(ctx, Anomaly::truncated_tunnel_header);
    return;
  }
  const bool has_platform_subheader = (last & 0x01) != 0;
  decode_erspan(ctx, slice, has_platform_subheader ? 20 : 12);
}

}  // namespace

void decode_gre(DecodeContext& ctx, Slice slice) {
  ByteReader r(slice.captured());
  const uint16_t flags = r.be16();
  const uint16_t protocol = r.be16();
  if (r.overrun()) {
    finish_anomaly(ctx, Anomaly::truncated_tunnel_header);
    return;
  }
  const uint16_t version = flags & kVersionMask;
  if (version > 1 || (version == 1 && (flags & (kChecksumPresent | kRoutingPresent)) != 0)) {
    finish_anomaly(ctx, Anomaly::bad_gre_header);
    return;
  }
  if ((flags & (kChecksumPresent | kRoutingPresent)) != 0) r.skip(4);
  const uint32_t key = (flags & kKeyPresent) != 0 ? r.be32() : 0;
  if ((flags & kSequencePresent) != 0) r.skip(4);
  if (version == 1 && (flags & kAckPresent) != 0) r.skip(4);
  if (r.overrun()) {
    finish_anomaly(ctx, Anomaly::truncated_tunnel_header);
    return;
  }
  if ((flags & kRoutingPresent) != 0 && !skip_routing(r)) {
    finish_anomaly(ctx, r.overrun() ? Anomaly::truncated_tunnel_header : Anomaly::bad_gre_header);
    return;
  }
  if (!enter_tunnel(ctx, TunnelKind::gre, key)) return;

  const Slice inner = slice.after(r.position());
  switch (protocol) {
    case 0x880B:
      decode_ppp(ctx, inner);
      return;  // PPTP
    case 0x88BE:
      decode_erspan_1_or_2(ctx, inner, (flags & kSequencePresent) != 0);
      return;
    case 0x22EB:
      decode_erspan_3(ctx, inner);
      return;
    default:
      decode_ethertype(ctx, protocol, inner);
      return;
  }
}

}  // namespace pclassify::decode
