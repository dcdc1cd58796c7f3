// What one frame tells about the flow it belongs to: whether it is a flow pclassify labels
// at all, and whether it opens or answers a handshake.
//
// A postdissector sees the frame after every other dissector, so it cannot read the
// transport header itself without re-parsing the frame. Instead it asks epan for the few
// header fields it needs ("wanted" fields, primed into the tree for postdissectors) and
// reads their values: tcp.flags, sctp.chunk_type and dccp.type for the handshake,
// tcp.payload and udp.payload for payload verification. (4.0 has no such payload field for
// SCTP or DCCP: their payload is not verified in Wireshark.)
#pragma once

#include <cstdint>
#include <optional>
#include <span>

#include "net/transport.h"
#include "ws_epan.h"

namespace pclassify::plugin {

// The transport of the flow to label, from the ports the innermost transport dissector
// left in pinfo. nullopt for frames without TCP/UDP/SCTP/DCCP ports, and for ICMP/ICMPv6
// errors, whose pinfo holds the ports of the packet they quote, not their own.
std::optional<Transport> labelled_transport(const packet_info* pinfo);

enum class HandshakeRole {
  none,    // an ordinary packet (or the handshake fields are not in the tree)
  opener,  // TCP SYN, SCTP INIT, DCCP-Request: the sender is the initiator
  answer,  // TCP SYN+ACK, SCTP INIT ACK, DCCP-Response: the receiver is the initiator
};

// Looks the wanted header fields up by name (call from the handoff, once every dissector
// has registered) and tells epan that the postdissector `handle` wants them in the tree.
void want_header_fields(dissector_handle_t handle);

HandshakeRole handshake_role(proto_tree* tree, Transport transport);

// True for the transports whose payload the plugin can read (TCP, UDP).
bool payload_readable(Transport transport);

// The frame's transport payload (the innermost instance), copied into pinfo->pool and cut
// to `max_bytes`; empty when there is none or the tree does not have it.
std::span<const uint8_t> transport_payload(packet_info* pinfo, proto_tree* tree,
                                           Transport transport, size_t max_bytes);

}  // namespace pclassify::plugin
