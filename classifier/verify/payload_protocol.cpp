#include "verify/payload_protocol.h"

#include <array>
#include <cstddef>

namespace pclassify {
namespace {

constexpr std::array<std::string_view, static_cast<size_t>(PayloadProtocol::count)> kNames = {
    "",     "tls",  "dtls",  "http", "http2",      "ssh",        "dns",       "quic",
    "smtp", "pop3", "imap",  "ftp",  "ntp",        "sip",        "rtsp",      "rdp",
    "smb",  "snmp", "mysql", "postgresql", "bittorrent", "wireguard", "telnet", "irc",
    "kerberos", "ldap", "syslog", "openvpn", "stun"};

}  // namespace

std::string_view payload_protocol_name(PayloadProtocol p) {
  const auto i = static_cast<size_t>(p);
  return i < kNames.size() ? kNames[i] : std::string_view{};
}

std::optional<PayloadProtocol> payload_protocol_from_name(std::string_view name) {
  if (name.empty()) return std::nullopt;
  for (size_t i = 1; i < kNames.size(); ++i) {
    if (kNames[i] == name) return static_cast<PayloadProtocol>(i);
  }
  return std::nullopt;
}

}  // namespace pclassify
