// The site policy: which services a site expects on which of its hosts and ports, so that
// --triage leaves known-good traffic alone and flags what nobody expected.
//
// File format (docs/pclassify.md, "Site policy"): one rule per line,
//   HOST_OR_CIDR  PORT/TRANSPORT  SERVICE  [expect|allow]
// e.g.
//   10.0.0.5      8443/tcp        https             # 10.0.0.5 runs https on 8443
//   10.0.0.0/24   53/udp          domain    allow   # our resolvers: never flag
//   192.0.2.7     2222/tcp        ssh
// HOST_OR_CIDR is an IPv4/IPv6 address, a prefix ADDRESS/LENGTH (no host bits set) or
// `*` (any host). PORT is a number, a range LO-HI or `*`; TRANSPORT is tcp, udp, sctp or
// dccp. SERVICE is an IANA service name, a protocol pclassify recognises (tls, http, ssh,
// ...) or `*`. `expect` (the default): traffic there is fine when its payload is (or may
// be) that service, and flagged as policy_mismatch when the payload is something else.
// `allow`: traffic there is never flagged, whatever it carries. A host that any rule
// covers "has entries": a flow to one of its ports that no rule covers is flagged as
// unexpected_service. '#' starts a comment; blank lines are ignored.
//
// Parsing is pure (text in, rules out); errors are "ORIGIN:LINE: message".
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "net/ip_address.h"
#include "net/transport.h"
#include "verify/payload_verdict.h"

namespace pclassify::triage {

// An address prefix; length 0 with family 0 matches every address (`*`).
struct IpPrefix {
  IpAddress address;
  uint8_t length = 0;

  bool contains(const IpAddress& ip) const;
};

enum class PolicyAction : uint8_t { expect, allow };
std::string_view policy_action_name(PolicyAction action);

struct PolicyRule {
  IpPrefix hosts;
  std::string host_text;  // as written, for messages
  uint16_t port_lo = 0;
  uint16_t port_hi = 65535;
  Transport transport = Transport::tcp;
  std::string service;    // IANA name, protocol name, or "*"
  PolicyAction action = PolicyAction::expect;
  size_t line = 0;

  bool covers(const IpAddress& ip, uint16_t port, Transport t) const {
    return t == transport && port >= port_lo && port <= port_hi && hosts.contains(ip);
  }
};

// Tells whether a SERVICE word names something real (an IANA service name); protocol
// names and `*` are accepted without it.
using ServiceNameCheck = std::function<bool(std::string_view)>;

class SitePolicy {
 public:
  // Parses `text`; on failure returns nullopt and sets `error` to "ORIGIN:LINE: message".
  static std::optional<SitePolicy> parse(std::string_view text, std::string_view origin,
                                         const ServiceNameCheck& is_service_name,
                                         std::string& error);

  // The most specific rule covering (ip, port, transport): longest prefix, then narrowest
  // port range, then first in the file. nullptr when none does.
  const PolicyRule* find(const IpAddress& ip, uint16_t port, Transport transport) const;

  // True when some rule covers `ip` (for any port).
  bool lists_host(const IpAddress& ip) const;

  const std::string& origin() const { return origin_; }
  const std::vector<PolicyRule>& rules() const { return rules_; }

 private:
  std::string origin_;
  std::vector<PolicyRule> rules_;
};

// Whether traffic with this payload verdict is what `rule.service` expects: yes when the
// service is `*`, nothing was recognised (no evidence against it), the protocol is the
// service or one it speaks or may carry, or the protocol is one many services run over
// and the service is not one pclassify can check (the verifier's doubt rule).
bool payload_fits_service(std::string_view service, const PayloadVerdict* payload);

}  // namespace pclassify::triage
