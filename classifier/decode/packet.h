// What the decoder tells the flow layer about one captured packet.
//
// The decoder is a pure function of (link type, captured bytes, wire length): it keeps no
// state. Fragment correlation (later IP fragments joining the flow of the first one) is
// done by decode/fragment_tracker.h, which the caller owns.
#pragma once

#include <cstdint>
#include <span>

#include "decode/anomaly.h"
#include "net/ip_address.h"
#include "net/transport.h"

namespace pclassify {

enum class DecodeStatus : uint8_t {
  flow,              // a TCP/UDP/SCTP/DCCP packet with ports: `tuple` is valid
  fragment,          // a later IP fragment: no ports, `fragment` identifies its datagram
  not_a_flow,        // valid but not one of our transports (ARP, ICMP, OSPF, ...)
  anomaly,           // truncated or malformed: `anomaly` names it, the packet is skipped
};

// The 5-tuple as seen on the wire (source = sender of this packet).
struct PacketTuple {
  IpAddress src;
  IpAddress dst;
  uint16_t src_port = 0;
  uint16_t dst_port = 0;
  Transport transport = Transport::tcp;
};

// Identifies an IP datagram's fragments (RFC 791 / RFC 8200): addresses, protocol, id.
struct FragmentId {
  IpAddress src;
  IpAddress dst;
  uint32_t id = 0;
  uint8_t ip_protocol = 0;
  bool operator==(const FragmentId&) const = default;
};

// The handshake role this packet announces, if any.
enum class HandshakeRole : uint8_t {
  none,
  opener,     // TCP SYN without ACK, SCTP INIT, DCCP-Request: the sender is the client
  answerer,   // TCP SYN+ACK, SCTP INIT-ACK, DCCP-Response: the sender is the server
};

// An encapsulation the inner flow was found in, outermost first.
enum class TunnelKind : uint8_t { none, gre, ip_in_ip, vxlan };

struct TunnelInfo {
  TunnelKind kind = TunnelKind::none;
  IpAddress outer_src;
  IpAddress outer_dst;
  uint32_t vni = 0;  // VXLAN network identifier; GRE key when present
};

struct DecodedPacket {
  DecodeStatus status = DecodeStatus::anomaly;
  Anomaly anomaly = Anomaly::none;  // set when status == anomaly (and for soft warnings)

  PacketTuple tuple;                // valid when status == flow
  FragmentId fragment;              // valid when status == fragment, or for a first fragment
  bool first_fragment = false;      // this packet is fragment 0 of a fragmented datagram

  HandshakeRole role = HandshakeRole::none;
  uint8_t tcp_flags = 0;            // raw TCP flags byte (FIN=0x01 SYN=0x02 RST=0x04 ...)

  std::span<const uint8_t> payload;  // transport payload actually captured
  uint32_t payload_wire_length = 0;  // payload length on the wire (from IP lengths)
  uint32_t ip_wire_length = 0;       // inner IP packet length on the wire

  TunnelInfo tunnel;                 // the innermost encapsulation, if any
  uint8_t tunnel_depth = 0;

  // Added by the decoder:
  uint8_t ip_protocol = 0;           // innermost IP protocol (6 TCP, 1 ICMP, ...); 0 if no IP
  uint32_t dccp_service_code = 0;    // DCCP-Request/Response service code (RFC 4340 8.1.2)
};

// Decodes one captured packet. `link_type` is the pcap LINKTYPE_ value of the capture,
// `captured` the bytes the capture holds, `wire_length` the packet's original length.
// Pure: no state, no allocation; never reads outside `captured`. Implemented in
// decode/decode_packet.cpp.
DecodedPacket decode_packet(int link_type, std::span<const uint8_t> captured,
                            uint32_t wire_length);
// The same, into `out` (reset first): read loops decode into a batch's slots, which saves
// copying the whole struct per packet.
void decode_packet(int link_type, std::span<const uint8_t> captured, uint32_t wire_length,
                   DecodedPacket& out);

}  // namespace pclassify
