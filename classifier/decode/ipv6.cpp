// IPv6 (RFC 8200 section 3) and its extension-header chain (RFC 8200 section 4).
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |Version| Traffic Class |           Flow Label                  |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |         Payload Length        |  Next Header  |   Hop Limit   |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |                 Source Address (128 bits)                     |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |              Destination Address (128 bits)                   |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// Extension headers in the generic form (hop-by-hop 0, routing 43, destination options 60,
// mobility 135, HIP 139, shim6 140; RFC 8200 4.3-4.6, RFC 6275, RFC 7401, RFC 5533):
//
//   | Next Header | Hdr Ext Len (8-octet units, not counting the first 8) | data ...
//
// AH (51, RFC 4302): | Next Header | Payload Len (4-octet units minus 2) | ...
//
// Fragment (44, RFC 8200 4.5), 8 bytes:
//   | Next Header | Reserved | Fragment Offset (13 bits) | Res |M| Identification (32) |
//
// The walk stops at the first header that is not an extension: ESP (50) and No Next Header
// (59) end it without a transport; an atomic fragment (offset 0, M 0; RFC 6946) is not a
// fragment. A payload length of 0 means a jumbogram (RFC 2675) or a segmentation-offload
// capture; the frame's own length is used then.
#include "decode/layer.h"

namespace pclassify::decode {

namespace {

constexpr size_t kHeaderLength = 40;
constexpr uint8_t kNoNextHeader = 59;
constexpr uint8_t kFragmentHeader = 44;
constexpr uint8_t kAuthHeader = 51;
constexpr uint32_t kMaxDatagram = 65535;

enum class Extension : uint8_t { none, generic, auth, fragment };

constexpr Extension extension_kind(uint8_t next_header) {
  switch (next_header) {
    case 0:
    case 43:
    case 60:
    case 135:
    case 139:
    case 140:
      return Extension::generic;
    case kAuthHeader:
      return Extension::auth;
    case kFragmentHeader:
      return Extension::fragment;
    default:
      return Extension::none;
  }
}

}  // namespace

void decode_ipv6(DecodeContext& ctx, Slice slice) {
  ByteReader r(slice.captured());
  const uint32_t version_class_flow = r.be32();
  const uint16_t payload_length = r.be16();
  uint8_t next_header = r.u8();
  r.skip(1);  // hop limit
  DecodedPacket& out = ctx.out;
  read_ipv6_address(r, out.tuple.src);
  read_ipv6_address(r, out.tuple.dst);
  if (r.overrun()) {
    finish_anomaly(ctx, shortfall(slice, kHeaderLength, Anomaly::truncated_ip_header,
                                  Anomaly::bad_ip_total_length));
    return;
  }
  if ((version_class_flow >> 28) != 6) {
    finish_anomaly(ctx, Anomaly::bad_ip_version);
    return;
  }
  Slice packet = slice;
  const size_t total_length = kHeaderLength + payload_length;
  if (payload_length != 0) {
    if (slice.wire_has(total_length)) {
      packet = slice.first(total_length);
    } else if (!ctx.partial_datagram) {
      warn_ip_length_beyond_frame(ctx);
    }
  }

  out.ip_wire_length = packet.wire_length();
  Slice rest = packet.after(kHeaderLength);

  for (int walked = 0;; ++walked) {
    const Extension kind = extension_kind(next_header);
    if (kind == Extension::none) break;
    if (walked == kMaxIpv6ExtensionHeaders) {
      finish_anomaly(ctx, Anomaly::ipv6_extension_chain_too_long);
      return;
    }
    ByteReader ext(rest.captured());
    const uint8_t following = ext.u8();
    const uint8_t length_field = ext.u8();
    if (ext.overrun()) {
      finish_anomaly(
          ctx, shortfall(rest, 2, Anomaly::truncated_ipv6_extension, Anomaly::bad_ipv6_extension));
      return;
    }
    size_t length = (size_t{length_field} + 1) * 8;
    if (kind == Extension::auth) length = ip_auth_header_length(length_field);
    if (kind == Extension::fragment) length = 8;
    if (!rest.has(length)) {
      finish_anomaly(ctx, shortfall(rest, length, Anomaly::truncated_ipv6_extension,
                                    Anomaly::bad_ipv6_extension));
      return;
    }
    if (kind == Extension::fragment) {
      const uint16_t offset_flags = ext.be16();
      const uint32_t id = ext.be32();
      const uint32_t offset = offset_flags & 0xFFF8u;  // already in bytes: 13 bits << 3
      const bool more = (offset_flags & 1) != 0;
      const Slice fragment = rest.after(length);
      if (offset != 0 || more) {
        if (offset + fragment.wire_length() > kMaxDatagram) {
          finish_anomaly(ctx, Anomaly::bad_ip_fragment);
          return;
        }
        out.fragment = FragmentId{out.tuple.src, out.tuple.dst, id, following};
        if (offset != 0) {
          out.status = DecodeStatus::fragment;
          out.first_fragment = false;
          out.ip_protocol = following;
          out.payload = fragment.captured();
          out.payload_wire_length = fragment.wire_length();
          return;
        }
        out.first_fragment = true;
        ctx.in_first_fragment = true;
        ctx.partial_datagram = true;
      }
    }
    next_header = following;
    rest = rest.after(length);
  }

  if (next_header == kNoNextHeader) {
    out.ip_protocol = next_header;
    finish_not_a_flow(ctx);
    return;
  }
  decode_ip_protocol(ctx, next_header, rest);
}

}  // namespace pclassify::decode
