// IPv4 (RFC 791 section 3.1):
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |Version|  IHL  |Type of Service|          Total Length         |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |         Identification        |Flags|      Fragment Offset    |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |  Time to Live |    Protocol   |         Header Checksum       |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |                       Source Address                          |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |                    Destination Address                        |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |                    Options (IHL > 5)          |    Padding    |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// Options are skipped whole (IHL says how long they are; none changes where the payload
// is). Fragments: offset 0 with More Fragments set is the first fragment and carries the
// ports; a non-zero offset is a later fragment, which carries none (RFC 791 3.2).
// A total length of 0 is what Linux writes for TCP segmentation offload captured on the
// sending host; the frame's own length is used then. A total length beyond the frame is
// a soft warning (see warn_ip_length_beyond_frame in layer.h).
#include "decode/layer.h"

namespace pclassify::decode {

namespace {
constexpr size_t kMinHeaderLength = 20;
constexpr uint16_t kMoreFragments = 0x2000;
constexpr uint16_t kOffsetMask = 0x1FFF;
constexpr uint32_t kMaxDatagram = 65535;
}  // namespace

void decode_ipv4(DecodeContext& ctx, Slice slice) {
  ByteReader r(slice.captured());
  const uint8_t version_ihl = r.u8();
  r.skip(1);  // type of service
  const uint16_t total_length = r.be16();
  const uint16_t id = r.be16();
  const uint16_t flags_offset = r.be16();
  r.skip(1);  // TTL
  const uint8_t protocol = r.u8();
  r.skip(2);  // checksum: not verified, offloading leaves it wrong in captures
  DecodedPacket& out = ctx.out;
  read_ipv4_address(r, out.tuple.src);
  read_ipv4_address(r, out.tuple.dst);
  if (r.overrun()) {
    finish_anomaly(ctx, shortfall(slice, kMinHeaderLength, Anomaly::truncated_ip_header,
                                  Anomaly::bad_ip_header_length));
    return;
  }
  if ((version_ihl >> 4) != 4) {
    finish_anomaly(ctx, Anomaly::bad_ip_version);
    return;
  }
  const size_t header_length = size_t{version_ihl & 0x0Fu} * 4;
  if (header_length < kMinHeaderLength) {
    finish_anomaly(ctx, Anomaly::bad_ip_header_length);
    return;
  }

  Slice packet = slice;
  if (total_length != 0) {
    if (total_length < header_length) {
      finish_anomaly(ctx, Anomaly::bad_ip_total_length);
      return;
    }
    if (!slice.wire_has(total_length)) {
      if (!ctx.partial_datagram) warn_ip_length_beyond_frame(ctx);
    } else {
      packet = slice.first(total_length);  // drops Ethernet padding
    }
  } else if (!slice.wire_has(header_length)) {
    finish_anomaly(ctx, Anomaly::bad_ip_header_length);
    return;
  }
  if (!packet.has(header_length)) {
    finish_anomaly(ctx, Anomaly::truncated_ip_header);  // options cut off by the snaplen
    return;
  }

  out.ip_protocol = protocol;
  out.ip_wire_length = packet.wire_length();
  const Slice payload = packet.after(header_length);

  const uint32_t fragment_offset = (uint32_t{flags_offset} & kOffsetMask) * 8;
  const bool more_fragments = (flags_offset & kMoreFragments) != 0;
  if (fragment_offset != 0 || more_fragments) {
    if (fragment_offset + payload.wire_length() > kMaxDatagram) {
      finish_anomaly(ctx, Anomaly::bad_ip_fragment);
      return;
    }
    out.fragment = FragmentId{out.tuple.src, out.tuple.dst, id, protocol};
    if (fragment_offset != 0) {
      out.status = DecodeStatus::fragment;
      out.first_fragment = false;  // an outer first fragment no longer describes the packet
      out.payload = payload.captured();
      out.payload_wire_length = payload.wire_length();
      return;
    }
    out.first_fragment = true;
    ctx.in_first_fragment = true;
    ctx.partial_datagram = true;
  }
  decode_ip_protocol(ctx, protocol, payload);
}

}  // namespace pclassify::decode
