#include "decode/anomaly.h"

#include <array>

namespace pclassify {

namespace {

// Indexed by the enum value; the static_assert below keeps the two in step.
constexpr std::array<std::string_view, static_cast<size_t>(Anomaly::count)> kNames = {
    "none",
    "unsupported_link_type",
    "truncated_link_header",
    "truncated_ip_header",
    "bad_ip_version",
    "bad_ip_header_length",
    "bad_ip_total_length",
    "truncated_ipv6_extension",
    "truncated_transport_header",
    "bad_tcp_header_length",
    "bad_udp_length",
    "bad_dccp_header",
    "truncated_tunnel_header",
    "tunnel_too_deep",
    "fragment_without_first",
    "ip_length_beyond_frame",
    "bad_ip_fragment",
    "first_fragment_too_short",
    "ipv6_extension_chain_too_long",
    "bad_sctp_header",
    "bad_gre_header",
    "bad_pppoe_header",
    "mpls_stack_too_deep",
    "too_many_layers",
    "bad_ipv6_extension",
};
static_assert(kNames.back() == "bad_ipv6_extension", "kNames must list every Anomaly in order");

}  // namespace

std::string_view anomaly_name(Anomaly a) {
  const auto i = static_cast<size_t>(a);
  return i < kNames.size() ? kNames[i] : std::string_view("unknown_anomaly");
}

}  // namespace pclassify
