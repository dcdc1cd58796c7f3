// Which IANA service names each recognised protocol confirms, which services may carry a
// protocol without being it, and which protocols other services commonly run over.
// This is the policy the verdict applies; the Wireshark plugin and the docs may show it.
#pragma once

#include <span>
#include <string_view>

#include "verify/payload_protocol.h"

namespace pclassify {

// The service names (as the IANA registry spells them) listed for a protocol, e.g. tls →
// {"https", "imaps", "pop3s", "submissions", "ldaps", "ftps", "domain-s", ...}.
// protocol_confirms_service() adds naming rules on top of this list.
std::span<const std::string_view> services_confirmed_by(PayloadProtocol protocol);

// True when traffic of `protocol` is what `service` speaks: the service is listed for it,
// or its name says so. The naming rule covers the registry's many product-specific TLS
// and HTTP services: a '-'/'_'-separated token ending in "https", "tls" or "ssl" (e.g.
// "pcsync-https", "syslog-tls", "ddm-ssl") is TLS-based (and DTLS-based over UDP); one
// ending in "http" is HTTP; one ending in "ssh" is SSH.
bool protocol_confirms_service(PayloadProtocol protocol, std::string_view service);

// True when `service` may legitimately carry `protocol` without being it, so that seeing
// the protocol is no contradiction: STARTTLS and similar upgrades (smtp, imap, ldap,
// postgresql, RDP's TLS phase, ...), proxies tunnelling TLS after CONNECT (http-alt,
// socks), WebRTC multiplexing DTLS with STUN/TURN.
bool service_may_carry(std::string_view service, PayloadProtocol protocol);

// Protocols that other applications commonly run over (TLS, DTLS, QUIC, HTTP, DNS's
// message format, Telnet negotiation, STUN). Seeing one on a port whose service
// pclassify cannot verify is no evidence against that service.
bool is_substrate_protocol(PayloadProtocol protocol);

// True when some recognised protocol confirms `service`, i.e. pclassify knows what it
// looks like on the wire.
bool is_verifiable_service(std::string_view service);

}  // namespace pclassify
