#include "triage/flow_assessment.h"

#include <algorithm>

#include "label/payload_notes.h"

namespace pclassify::triage {
namespace {

constexpr uint8_t kTcpSyn = 0x02;
constexpr uint8_t kTcpRst = 0x04;

std::string host_port(const IpAddress& ip, uint16_t port, Transport t) {
  const std::string host = ip.family == 6 ? "[" + ip.to_string() + "]" : ip.to_string();
  return host + ":" + std::to_string(port) + "/" + std::string(transport_name(t));
}

std::string payload_text(const PayloadVerdict& payload) {
  std::string text(payload_protocol_display_name(payload.protocol_id));
  if (!payload.detail.empty()) text += " (" + payload.detail + ")";
  return text;
}

void add(FlowAssessment& out, Reason reason, std::string text) {
  out.findings.push_back({reason, std::move(text)});
}

// The label's note of `code`, if it has one.
const Note* note_of(const Label& label, NoteCode code) {
  const auto it = std::find_if(label.notes.begin(), label.notes.end(),
                               [&](const Note& n) { return n.code == code; });
  return it == label.notes.end() ? nullptr : &*it;
}

// Registry facts about the server port; they count only when a service answered there.
void add_port_status_findings(FlowAssessment& out, const FlowFacts& flow) {
  if (!flow.answered) return;
  const Label& label = *flow.label;
  const std::pair<NoteCode, Reason> pairs[] = {
      {NoteCode::unauthorized_use, Reason::unauthorized_use},
      {NoteCode::service_deassigned, Reason::service_deassigned},
      {NoteCode::port_reserved, Reason::port_reserved},
      {NoteCode::port_unassigned, Reason::port_unassigned},
  };
  for (const auto& [code, reason] : pairs) {
    if (const Note* note = note_of(label, code)) add(out, reason, note->text);
  }
}

void add_dynamic_findings(FlowAssessment& out, const FlowFacts& flow) {
  if (flow.payload == nullptr || flow.payload->protocol_id == PayloadProtocol::none ||
      !flow.payload->strong) {
    return;
  }
  if (range_class_of(flow.client_port) != RangeClass::dynamic ||
      range_class_of(flow.server_port) != RangeClass::dynamic) {
    return;
  }
  add(out, Reason::dynamic_known_protocol,
      "both ports are dynamic (" + std::to_string(flow.client_port) + ", " +
          std::to_string(flow.server_port) + ") and the payload is " +
          payload_text(*flow.payload) + ".");
}

}  // namespace

bool server_answered(Transport transport, uint64_t server_packets, uint8_t server_tcp_flags) {
  if (server_packets == 0) return false;
  if (transport != Transport::tcp) return true;
  return (server_tcp_flags & kTcpSyn) != 0 || (server_tcp_flags & kTcpRst) == 0;
}

FlowAssessment assess_flow(const FlowFacts& flow, const SitePolicy* policy) {
  FlowAssessment out;
  if (policy != nullptr) {
    out.rule = policy->find(flow.server_ip, flow.server_port, flow.transport);
    if (out.rule != nullptr) {
      // The site's word replaces the registry's: allowed or expected traffic is cleared;
      // expected traffic whose payload is something else is the one finding.
      if (out.rule->action == PolicyAction::allow ||
          payload_fits_service(out.rule->service, flow.payload)) {
        out.cleared_by_policy = true;
        return out;
      }
      add(out, Reason::policy_mismatch,
          policy->origin() + ":" + std::to_string(out.rule->line) + " expects " +
              out.rule->service + " on " +
              host_port(flow.server_ip, flow.server_port, flow.transport) +
              "; payload is " + payload_text(*flow.payload) + ".");
      out.score = reason_points(Reason::policy_mismatch);
      return out;
    }
  }

  if (flow.payload != nullptr && flow.payload->verdict == Verdict::contradicted) {
    const auto note = payload_note(*flow.label, *flow.payload);
    add(out, Reason::payload_contradicts, note ? note->text : std::string(flow.payload->reason));
  }
  if (policy != nullptr && flow.answered && policy->lists_host(flow.server_ip)) {
    add(out, Reason::unexpected_service,
        policy->origin() + " lists services for " + flow.server_ip.to_string() + ", not " +
            std::to_string(flow.server_port) + "/" + std::string(transport_name(flow.transport)) +
            ", and a service answered there.");
  }
  add_port_status_findings(out, flow);
  add_dynamic_findings(out, flow);
  std::stable_sort(out.findings.begin(), out.findings.end(),
            [](const Finding& a, const Finding& b) { return a.reason < b.reason; });
  for (const Finding& f : out.findings) out.score += reason_points(f.reason);
  return out;
}

}  // namespace pclassify::triage
