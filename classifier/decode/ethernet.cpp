// Ethernet II and IEEE 802.3 with LLC/SNAP (IEEE 802.3 clause 3, RFC 1042).
//
//   0                   6                  12        14
//   +-------------------+-------------------+---------+----------
//   | destination MAC   | source MAC        | type /  | payload
//   |                   |                   | length  |
//   +-------------------+-------------------+---------+----------
//
// A type/length value of 0x0600 or more is an ethertype; 1500 or less is an 802.3 length
// followed by an 802.2 LLC header, which carries an ethertype only in the SNAP form:
//
//   | DSAP 0xAA | SSAP 0xAA | control 0x03 | OUI 00-00-00 | ethertype |
#include "decode/layer.h"

namespace pclassify::decode {

namespace {

constexpr size_t kEthernetHeaderLength = 14;
constexpr uint16_t kMinEthertype = 0x0600;
constexpr uint16_t kMax8023Length = 1500;
constexpr size_t kSnapHeaderLength = 8;

void decode_llc(DecodeContext& ctx, Slice slice) {
  ByteReader r(slice.captured());
  const uint8_t dsap = r.u8();
  const uint8_t ssap = r.u8();
  const uint8_t control = r.u8();
  const uint32_t oui = r.be24();
  const uint16_t ethertype = r.be16();
  if (r.overrun()) {
    // Short LLC frames (spanning tree, NetBIOS) are valid without a SNAP header.
    if (dsap == 0xAA && slice.captured_length() < slice.wire_length()) {
      finish_anomaly(ctx, Anomaly::truncated_link_header);
    } else {
      finish_not_a_flow(ctx);
    }
    return;
  }
  if (dsap != 0xAA || ssap != 0xAA || control != 0x03 || oui != 0) {
    finish_not_a_flow(ctx);  // plain LLC (STP, IPX, NetBIOS) or a vendor SNAP protocol
    return;
  }
  decode_ethertype(ctx, ethertype, slice.after(kSnapHeaderLength));
}

}  // namespace

void decode_ethernet(DecodeContext& ctx, Slice slice) {
  ByteReader r(slice.captured());
  r.skip(12);  // MAC addresses: flows are keyed by IP
  const uint16_t type_or_length = r.be16();
  if (r.overrun()) {
    finish_anomaly(ctx, Anomaly::truncated_link_header);
    return;
  }
  const Slice payload = slice.after(kEthernetHeaderLength);
  if (type_or_length >= kMinEthertype) {
    decode_ethertype(ctx, type_or_length, payload);
  } else if (type_or_length <= kMax8023Length) {
    decode_llc(ctx, payload.wire_has(type_or_length) ? payload.first(type_or_length) : payload);
  } else {
    finish_not_a_flow(ctx);  // 1501..1535: neither a length nor an ethertype
  }
}

}  // namespace pclassify::decode
