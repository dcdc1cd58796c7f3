// The application protocols the payload recognisers know, and their names in the output.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace pclassify {

// Append new protocols before `count`; the names are part of the output contract.
enum class PayloadProtocol : uint8_t {
  none,
  tls,
  dtls,
  http,
  http2,  // the HTTP/2 cleartext connection preface (h2c with prior knowledge)
  ssh,
  dns,
  quic,
  smtp,
  pop3,
  imap,
  ftp,
  ntp,
  sip,
  rtsp,
  rdp,
  smb,
  snmp,
  mysql,
  postgresql,
  bittorrent,
  wireguard,
  telnet,
  irc,
  kerberos,
  ldap,
  syslog,
  openvpn,
  stun,
  count
};

// Lower-case name ("tls", "http", ...); empty for `none`.
std::string_view payload_protocol_name(PayloadProtocol p);
std::optional<PayloadProtocol> payload_protocol_from_name(std::string_view name);

}  // namespace pclassify
