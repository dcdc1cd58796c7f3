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
  truncated_ipv6_extension,// an IPv6 extension header runs past the captured bytes
  truncated_transport_header, // captured bytes end inside the TCP/UDP/SCTP/DCCP header
  bad_tcp_header_length,   // TCP data offset < 5 words or beyond the segment
  bad_udp_length,          // UDP length field smaller than 8 or beyond the datagram
  bad_dccp_header,         // DCCP data offset or type inconsistent
  truncated_tunnel_header, // GRE/VXLAN header cut off
  tunnel_too_deep,         // more nested encapsulations than the decoder follows
  fragment_without_first,  // a later fragment whose first fragment was never seen
  count
};

std::string_view anomaly_name(Anomaly a);

}  // namespace pclassify
