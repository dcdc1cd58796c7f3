// PPP (RFC 1661) and its HDLC-like framing (RFC 1662), as LINKTYPE_PPP (9) and
// LINKTYPE_PPP_HDLC (50) store them (https://www.tcpdump.org/linktypes.html), also reached
// from PPPoE and PPTP's enhanced GRE.
//
//   +----------+----------+-------------------+-------------
//   | address  | control  | protocol          | information
//   |   0xFF   |   0x03   | 1 or 2 bytes      |
//   +----------+----------+-------------------+-------------
//
// Address and control may be absent (address-and-control-field compression, RFC 1661 6.6).
// The protocol field is one byte when its first byte is odd (protocol-field compression,
// RFC 1661 6.5). LINKTYPE_PPP_HDLC also holds Cisco HDLC frames, whose address is 0x0F or
// 0x8F and whose 2-byte protocol is an ethertype.
#include <array>

#include "decode/layer.h"

namespace pclassify::decode {

namespace {

struct PppEntry {
  uint16_t protocol;
  uint16_t ethertype;
};

// PPP DLL protocol numbers (IANA "PPP DLL Protocol Numbers") mapped onto the ethertype
// table, so that IPv4/IPv6/MPLS are decoded by the same code whatever carried them.
constexpr std::array<PppEntry, 4> kPppTable = {{
    {0x0021, 0x0800},  // Internet Protocol version 4
    {0x0057, 0x86DD},  // Internet Protocol version 6
    {0x0281, 0x8847},  // MPLS unicast
    {0x0283, 0x8848},  // MPLS multicast
}};

constexpr uint8_t kHdlcAllStations = 0xFF;
constexpr uint8_t kHdlcUnnumbered = 0x03;
constexpr uint8_t kCiscoHdlcUnicast = 0x0F;
constexpr uint8_t kCiscoHdlcBroadcast = 0x8F;

// Reads the (possibly compressed) protocol field at the start of `slice`.
void decode_ppp_protocol_field(DecodeContext& ctx, Slice slice) {
  ByteReader r(slice.captured());
  uint16_t protocol = r.u8();
  if ((protocol & 1) == 0) protocol = static_cast<uint16_t>((protocol << 8) | r.u8());
  if (r.overrun()) {
    finish_anomaly(ctx, Anomaly::truncated_link_header);
    return;
  }
  decode_ppp_protocol(ctx, protocol, slice.after(r.position()));
}

}  // namespace

void decode_ppp_protocol(DecodeContext& ctx, uint16_t protocol, Slice slice) {
  for (const PppEntry& entry : kPppTable) {
    if (entry.protocol == protocol) {
      decode_ethertype(ctx, entry.ethertype, slice);
      return;
    }
  }
  finish_not_a_flow(ctx);  // LCP, IPCP, CHAP, compressed TCP/IP, ...
}

void decode_ppp(DecodeContext& ctx, Slice slice) {
  ByteReader r(slice.captured());
  const uint8_t first = r.u8();
  const uint8_t second = r.u8();
  const bool has_address_control =
      !r.overrun() && first == kHdlcAllStations && second == kHdlcUnnumbered;
  decode_ppp_protocol_field(ctx, has_address_control ? slice.after(2) : slice);
}

void decode_ppp_hdlc(DecodeContext& ctx, Slice slice) {
  ByteReader r(slice.captured());
  const uint8_t address = r.u8();
  r.skip(1);  // control
  if (r.overrun()) {
    finish_anomaly(ctx, Anomaly::truncated_link_header);
    return;
  }
  if (address == kCiscoHdlcUnicast || address == kCiscoHdlcBroadcast) {
    const uint16_t ethertype = r.be16();
    if (r.overrun()) {
      finish_anomaly(ctx, Anomaly::truncated_link_header);
      return;
    }
    decode_ethertype(ctx, ethertype, slice.after(4));
    return;
  }
  decode_ppp_protocol_field(ctx, slice.after(2));
}

}  // namespace pclassify::decode
