#include "flow_observation.h"

#include <algorithm>

namespace pclassify::plugin {
namespace {

// Ids of the wanted header fields; -1 when this Wireshark has no such field.
struct WantedFieldIds {
  int tcp_flags = -1;
  int sctp_chunk_type = -1;
  int dccp_type = -1;
  int tcp_payload = -1;
  int udp_payload = -1;
};
WantedFieldIds wanted_fields;

// TCP flag bits (RFC 9293 section 3.1), as tcp.flags holds them.
constexpr uint32_t kTcpSyn = 0x002;
constexpr uint32_t kTcpAck = 0x010;
// SCTP chunk types (RFC 9260 section 3.2).
constexpr uint32_t kSctpInit = 1;
constexpr uint32_t kSctpInitAck = 2;
// DCCP packet types (RFC 4340 section 5.1).
constexpr uint32_t kDccpRequest = 0;
constexpr uint32_t kDccpResponse = 1;

// With several instances of a field in a frame (tunnels, SCTP bundling), `last` is the
// innermost header, whose ports pinfo holds; SCTP wants the packet's `first` chunk (INIT
// and INIT ACK travel alone, RFC 9260 section 6.10).
enum class Instance { first, last };

field_info* field_instance(proto_tree* tree, int id, Instance which) {
  if (tree == nullptr || id < 0) return nullptr;
  GPtrArray* found = proto_get_finfo_ptr_array(tree, id);
  if (found == nullptr || found->len == 0) return nullptr;
  const guint index = which == Instance::first ? 0 : found->len - 1;
  return static_cast<field_info*>(g_ptr_array_index(found, index));
}

std::optional<uint32_t> field_value(proto_tree* tree, int id, Instance which) {
  field_info* finfo = field_instance(tree, id, which);
  if (finfo == nullptr) return std::nullopt;
  return field_uint_value(finfo);
}

void want(GArray* wanted, int id) {
  if (id >= 0) g_array_append_val(wanted, id);
}

}  // namespace

std::optional<Transport> labelled_transport(const packet_info* pinfo) {
  if (proto_is_frame_protocol(pinfo->layers, "icmp") ||
      proto_is_frame_protocol(pinfo->layers, "icmpv6")) {
    return std::nullopt;
  }
  switch (pinfo->ptype) {
    case PT_TCP: return Transport::tcp;
    case PT_UDP: return Transport::udp;
    case PT_SCTP: return Transport::sctp;
    case PT_DCCP: return Transport::dccp;
    default: return std::nullopt;
  }
}

void want_header_fields(dissector_handle_t handle) {
  wanted_fields.tcp_flags = proto_registrar_get_id_byname("tcp.flags");
  wanted_fields.sctp_chunk_type = proto_registrar_get_id_byname("sctp.chunk_type");
  wanted_fields.dccp_type = proto_registrar_get_id_byname("dccp.type");
  GArray* wanted = g_array_new(FALSE, FALSE, static_cast<guint>(sizeof(int)));
  want(wanted, wanted_fields.tcp_flags);
  want(wanted, wanted_fields.sctp_chunk_type);
  want(wanted, wanted_fields.dccp_type);
  wanted_fields.tcp_payload = proto_registrar_get_id_byname("tcp.payload");
  wanted_fields.udp_payload = proto_registrar_get_id_byname("udp.payload");
  want(wanted, wanted_fields.tcp_payload);
  want(wanted, wanted_fields.udp_payload);
  set_postdissector_wanted_hfids(handle, wanted);  // epan owns the array from here
}

HandshakeRole handshake_role(proto_tree* tree, Transport transport) {
  switch (transport) {
    case Transport::tcp: {
      const auto flags = field_value(tree, wanted_fields.tcp_flags, Instance::last);
      if (!flags || (*flags & kTcpSyn) == 0) return HandshakeRole::none;
      return (*flags & kTcpAck) != 0 ? HandshakeRole::answer : HandshakeRole::opener;
    }
    case Transport::sctp: {
      const auto chunk = field_value(tree, wanted_fields.sctp_chunk_type, Instance::first);
      if (chunk == kSctpInit) return HandshakeRole::opener;
      if (chunk == kSctpInitAck) return HandshakeRole::answer;
      return HandshakeRole::none;
    }
    case Transport::dccp: {
      const auto type = field_value(tree, wanted_fields.dccp_type, Instance::last);
      if (type == kDccpRequest) return HandshakeRole::opener;
      if (type == kDccpResponse) return HandshakeRole::answer;
      return HandshakeRole::none;
    }
    case Transport::udp:
      return HandshakeRole::none;
  }
  return HandshakeRole::none;
}

bool payload_readable(Transport transport) {
  return transport == Transport::tcp || transport == Transport::udp;
}

std::span<const uint8_t> transport_payload(packet_info* pinfo, proto_tree* tree,
                                           Transport transport, size_t max_bytes) {
  const int id = transport == Transport::tcp   ? wanted_fields.tcp_payload
                 : transport == Transport::udp ? wanted_fields.udp_payload
                                               : -1;
  field_info* finfo = field_instance(tree, id, Instance::last);
  if (finfo == nullptr || finfo->ds_tvb == nullptr || finfo->start < 0 || finfo->length <= 0) {
    return {};
  }
  // Clamp to what was captured, so the copy cannot throw (snaplen-cut frames).
  const gint captured = tvb_captured_length_remaining(finfo->ds_tvb, finfo->start);
  if (captured <= 0) return {};
  const size_t length = std::min({static_cast<size_t>(finfo->length),
                                  static_cast<size_t>(captured), max_bytes});
  auto* copy = static_cast<const uint8_t*>(
      tvb_memdup(pinfo->pool, finfo->ds_tvb, finfo->start, length));
  return {copy, length};
}

}  // namespace pclassify::plugin
