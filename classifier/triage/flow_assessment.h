// The reasons one flow deserves a second look, from its label, its payload verdict and
// the site policy (the scoring table is in triage_reason.h). Pure: no I/O, no state.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "label/label.h"
#include "net/ip_address.h"
#include "triage/site_policy.h"
#include "triage/triage_reason.h"
#include "verify/payload_verdict.h"

namespace pclassify::triage {

// What triage needs to know about a flow (the CLI fills it from a FlowReport).
struct FlowFacts {
  Transport transport = Transport::tcp;
  IpAddress client_ip;
  IpAddress server_ip;
  uint16_t client_port = 0;
  uint16_t server_port = 0;
  const Label* label = nullptr;            // required
  const PayloadVerdict* payload = nullptr;  // null when verification is off
  bool answered = false;                   // see server_answered()
};

// Whether the server end showed a live service: for TCP a SYN+ACK, or packets without a
// RST (a bare RST is a closed port's answer); for the other transports any packet.
bool server_answered(Transport transport, uint64_t server_packets, uint8_t server_tcp_flags);

struct Finding {
  Reason reason = Reason::payload_contradicts;
  std::string text;  // one sentence for the analyst
};

struct FlowAssessment {
  int score = 0;                   // sum of reason_points() of the findings
  std::vector<Finding> findings;   // in scoring-table order
  const PolicyRule* rule = nullptr;  // the policy rule that covered the flow, if any
  bool cleared_by_policy = false;  // an allow rule, or traffic the policy expects
};

FlowAssessment assess_flow(const FlowFacts& flow, const SitePolicy* policy);

}  // namespace pclassify::triage
