// Internal to decode/: what every layer decoder shares.
//
// A layer decoder reads its header from a Slice, fills what it learns into the packet
// being built, and hands the rest to the next layer through one of the dispatch tables
// (link type, ethertype, PPP protocol, IP protocol). Each decoder ends the walk by setting
// a final status: flow, fragment, not_a_flow or anomaly.
#pragma once

#include <cstddef>
#include <cstdint>

#include "bytes/byte_reader.h"
#include "bytes/slice.h"
#include "decode/packet.h"

namespace pclassify::decode {

// Bounds that keep hostile packets from making the decoder loop or recurse without end.
inline constexpr uint8_t kMaxLayers = 32;      // link/network layers crossed, tunnels included
inline constexpr uint8_t kMaxTunnelDepth = 4;  // GRE / IP-in-IP / VXLAN nesting
inline constexpr int kMaxMplsLabels = 16;
inline constexpr int kMaxIpv6ExtensionHeaders = 16;

struct DecodeContext {
  DecodedPacket& out;
  uint8_t layers = 0;
  // Set while decoding the payload of an IP first fragment.
  bool in_first_fragment = false;
  // Set when the slice holds only the start of the datagram the headers describe: a first
  // fragment, or an IP length beyond the frame. Inner length fields (UDP length, inner IP
  // total length) may then exceed the slice without being malformed.
  bool partial_datagram = false;
};

using LayerDecoder = void (*)(DecodeContext&, Slice);

inline void finish_anomaly(DecodeContext& ctx, Anomaly anomaly) {
  ctx.out.status = DecodeStatus::anomaly;
  ctx.out.anomaly = anomaly;
}

inline void finish_not_a_flow(DecodeContext& ctx) { ctx.out.status = DecodeStatus::not_a_flow; }

// An IP length field claims more bytes than the frame had. Real captures hold such packets
// (traces whose wire length was rewritten to the snapshot length, odd stacks); their
// headers are intact, so decoding goes on with the bytes present, as Wireshark does, and
// the packet keeps `ip_length_beyond_frame` as a soft warning (status stays whatever the
// rest of the decode decides).
inline void warn_ip_length_beyond_frame(DecodeContext& ctx) {
  ctx.out.anomaly = Anomaly::ip_length_beyond_frame;
  ctx.partial_datagram = true;
}

// Counts one more layer; false (and anomaly too_many_layers) once the budget is spent.
inline bool enter_layer(DecodeContext& ctx) {
  if (++ctx.layers <= kMaxLayers) return true;
  finish_anomaly(ctx, Anomaly::too_many_layers);
  return false;
}

// Counts one more tunnel; false (and anomaly tunnel_too_deep) beyond kMaxTunnelDepth.
// Records the carrying IP addresses: at this point the tuple holds the outer header's.
inline bool enter_tunnel(DecodeContext& ctx, TunnelKind kind, uint32_t vni) {
  if (ctx.out.tunnel_depth >= kMaxTunnelDepth) {
    finish_anomaly(ctx, Anomaly::tunnel_too_deep);
    return false;
  }
  ++ctx.out.tunnel_depth;
  ctx.out.tunnel = TunnelInfo{kind, ctx.out.tuple.src, ctx.out.tuple.dst, vni};
  return true;
}

// A header of `needed` bytes does not fit the slice: if the wire had the bytes, the capture
// cut them off (truncated); if not, a length field lied (malformed).
inline Anomaly shortfall(const Slice& slice, size_t needed, Anomaly truncated, Anomaly malformed) {
  return slice.wire_has(needed) ? truncated : malformed;
}

// Read an address straight into its place in the packet being built: building it in a
// temporary and copying it costs a store-forwarding stall on the hot path.
inline void read_ipv4_address(ByteReader& r, IpAddress& into) {
  into.family = 4;
  into.bytes = {};
  r.copy_to(std::span<uint8_t>(into.bytes).first(4));
}
inline void read_ipv6_address(ByteReader& r, IpAddress& into) {
  into.family = 6;
  r.copy_to(std::span<uint8_t>(into.bytes));
}

// Dispatch tables (link_table.cpp, ethertype_table.cpp, ppp.cpp, ip_protocol_table.cpp).
void decode_link(DecodeContext& ctx, int link_type, Slice slice);
void decode_ethertype(DecodeContext& ctx, uint16_t ethertype, Slice slice);
void decode_ppp_protocol(DecodeContext& ctx, uint16_t protocol, Slice slice);
void decode_ip_protocol(DecodeContext& ctx, uint8_t protocol, Slice slice);

// Layer decoders, one file each.
void decode_ethernet(DecodeContext& ctx, Slice slice);        // ethernet.cpp
void decode_vlan(DecodeContext& ctx, Slice slice);            // vlan.cpp
void decode_mpls(DecodeContext& ctx, Slice slice);            // mpls.cpp
void decode_linux_sll(DecodeContext& ctx, Slice slice);       // linux_sll.cpp
void decode_linux_sll2(DecodeContext& ctx, Slice slice);      // linux_sll.cpp
void decode_raw_ip(DecodeContext& ctx, Slice slice);          // raw_ip.cpp
void decode_bsd_null(DecodeContext& ctx, Slice slice);        // loopback.cpp
void decode_bsd_loop(DecodeContext& ctx, Slice slice);        // loopback.cpp
void decode_ppp(DecodeContext& ctx, Slice slice);             // ppp.cpp
void decode_ppp_hdlc(DecodeContext& ctx, Slice slice);        // ppp.cpp
void decode_pppoe_session(DecodeContext& ctx, Slice slice);   // pppoe.cpp
void decode_ipv4(DecodeContext& ctx, Slice slice);            // ipv4.cpp
void decode_ipv6(DecodeContext& ctx, Slice slice);            // ipv6.cpp
void decode_ip_auth_header(DecodeContext& ctx, Slice slice);  // ip_auth_header.cpp
void decode_gre(DecodeContext& ctx, Slice slice);             // gre.cpp
void decode_ipv4_in_ip(DecodeContext& ctx, Slice slice);      // ip_in_ip.cpp
void decode_ipv6_in_ip(DecodeContext& ctx, Slice slice);      // ip_in_ip.cpp
void decode_tcp(DecodeContext& ctx, Slice slice);             // tcp.cpp
void decode_udp(DecodeContext& ctx, Slice slice);             // udp.cpp
void decode_sctp(DecodeContext& ctx, Slice slice);            // sctp.cpp
void decode_dccp(DecodeContext& ctx, Slice slice);            // dccp.cpp
void decode_icmp(DecodeContext& ctx, Slice slice);            // icmp.cpp (ICMP and ICMPv6)
// UDP-carried tunnels return false when the payload does not look like the tunnel, so the
// datagram stays an ordinary UDP flow.
bool decode_vxlan(DecodeContext& ctx, Slice slice);  // vxlan.cpp

// Shared by the IPv4 AH handler and the IPv6 extension chain (ip_auth_header.cpp):
// the AH header length in bytes from its Payload Len field (RFC 4302 2.2).
inline size_t ip_auth_header_length(uint8_t payload_len_field) {
  return (size_t{payload_len_field} + 2) * 4;
}

// Fills the transport part of a flow packet (tcp.cpp, udp.cpp, ...).
inline void finish_flow(DecodeContext& ctx, Transport transport, uint16_t src_port,
                        uint16_t dst_port, Slice payload) {
  DecodedPacket& out = ctx.out;
  out.status = DecodeStatus::flow;  // `anomaly` may hold a soft warning from a lower layer
  out.tuple.transport = transport;
  out.tuple.src_port = src_port;
  out.tuple.dst_port = dst_port;
  out.payload = payload.captured();
  out.payload_wire_length = payload.wire_length();
}

}  // namespace pclassify::decode
