// The four transports pclassify labels, and their names as the registry spells them.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace pclassify {

enum class Transport : uint8_t { tcp = 0, udp = 1, sctp = 2, dccp = 3 };
inline constexpr int kTransportCount = 4;

constexpr std::string_view transport_name(Transport t) {
  switch (t) {
    case Transport::tcp: return "tcp";
    case Transport::udp: return "udp";
    case Transport::sctp: return "sctp";
    case Transport::dccp: return "dccp";
  }
  return "?";
}

constexpr std::optional<Transport> transport_from_name(std::string_view name) {
  if (name == "tcp") return Transport::tcp;
  if (name == "udp") return Transport::udp;
  if (name == "sctp") return Transport::sctp;
  if (name == "dccp") return Transport::dccp;
  return std::nullopt;
}

// IANA protocol numbers (the IPv4 protocol / IPv6 next-header values).
constexpr std::optional<Transport> transport_from_ip_protocol(uint8_t proto) {
  switch (proto) {
    case 6: return Transport::tcp;
    case 17: return Transport::udp;
    case 132: return Transport::sctp;
    case 33: return Transport::dccp;
    default: return std::nullopt;
  }
}

}  // namespace pclassify
