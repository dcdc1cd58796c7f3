// Named anomalies: every packet the decoder cannot use is counted under one of these
// stable names (shown in summaries and JSON), in the manner of Zeek's "weird" names.
#pragma once

#include <cstdint>
#include <string_view>

namespace pclassify {

// Add new values before `count`; names are part of the output contract.
enum class Anomaly : uint8_t {
  none,
  unsupported_link_type,   // the capture's link type has no decoder
  truncated_link_header,   // captured bytes end inside the link-layer header
  truncated_ip_header,     // captured bytes end inside the IPv4/IPv6 header
  bad_ip_version,          // version nibble is neither 4 nor 6 where IP was promised
  bad_ip_header_length,    // IPv4 IHL < 5 or beyond the captured/total length
  bad_ip_total_length,     // IP total/payload length smaller than its own header
  truncated_ipv6_extension,// an IPv6 extension header (or IPv4 AH) runs past the captured bytes
  truncated_transport_header, // captured bytes end inside the TCP/UDP/SCTP/DCCP header
  bad_tcp_header_length,   // TCP data offset < 5 words or beyond the segment
  bad_udp_length,          // UDP length field smaller than 8 or beyond the datagram
  bad_dccp_header,         // DCCP data offset or type inconsistent
  truncated_tunnel_header, // GRE/VXLAN header cut off
  tunnel_too_deep,         // more nested encapsulations than the decoder follows
  fragment_without_first,  // a later fragment whose first fragment was never seen
  // Added by the decoder (decode/*.cpp):
  ip_length_beyond_frame,  // IP total/payload length claims more bytes than the frame had
  bad_ip_fragment,         // fragment offset + length beyond 65535 (RFC 791 / RFC 8200)
  first_fragment_too_short,// fragment 0 ends inside the transport header (RFC 1858)
  ipv6_extension_chain_too_long, // more IPv6 extension headers than the decoder follows
  bad_sctp_header,         // SCTP packet shorter than its common header or chunk length < 4
  bad_gre_header,          // GRE version/flags unsupported, or a malformed routing field
  bad_pppoe_header,        // PPPoE version/type not 1/1 or length beyond the frame
  mpls_stack_too_deep,     // more MPLS labels than the decoder follows
  too_many_layers,         // more nested link/network layers than the decoder follows
  bad_ipv6_extension,      // an IPv6 extension header's (or IPv4 AH's) length runs past the packet
  count
};

std::string_view anomaly_name(Anomaly a);

}  // namespace pclassify
