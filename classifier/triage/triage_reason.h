// Why `pclassify --triage` puts a flow or a host in front of an analyst, and how much each
// reason weighs. The score of an entry is the sum of its reasons' points; entries are
// ranked by score (then by bytes, then by capture order).
//
// Scoring table (docs/pclassify.md repeats it; keep the two in step):
//   reason                   points  when
//   payload_contradicts        50    the payload is another protocol than the port's service
//   policy_mismatch            50    the site policy expects a service on host:port and the
//                                    payload is another protocol
//   scan_like                  40    a host contacted >= 20 distinct ports or >= 20 distinct
//                                    hosts, and at least half of those flows got no answer
//   unexpected_service         40    the site policy lists services for the server host, and
//                                    not this port/transport
//   unauthorized_use           30    IANA records unauthorized use of the server port
//   service_deassigned         30    the server port's service was de-assigned
//   port_reserved              30    the server port is Reserved
//   port_unassigned            20    the server port (system or user range) is unassigned
//   dynamic_known_protocol     20    both ports are dynamic (49152-65535) and the payload is
//                                    a protocol pclassify recognises
// The port-status reasons (unauthorized_use .. port_unassigned) need a server that
// answered: a SYN to a closed port is evidence of a scan, not of a service. A flow the
// site policy allows, or one that matches what the policy expects, gets none of the
// registry-based reasons: the site knows its own services better than the registry.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace pclassify::triage {

// Append new reasons before `count`; the names are part of the output contract.
enum class Reason : uint8_t {
  payload_contradicts,
  policy_mismatch,
  scan_like,
  unexpected_service,
  unauthorized_use,
  service_deassigned,
  port_reserved,
  port_unassigned,
  dynamic_known_protocol,
  count
};
inline constexpr size_t kReasonCount = static_cast<size_t>(Reason::count);

std::string_view reason_name(Reason reason);
int reason_points(Reason reason);

// Counts per reason, indexed by Reason.
using ReasonCounts = std::array<uint64_t, kReasonCount>;

}  // namespace pclassify::triage
