#include "output/flow_report.h"

#include "label/payload_notes.h"
#include "label/server_side.h"

namespace pclassify::output {

static_assert(PayloadSamples::kMaxBytes == kPayloadSampleBytes,
              "the verifier's datagram rules assume the samples' size");

const Label& FlowReporter::label_for(const FlowEnds& ends) {
  const ServerChoice choice = choose_server(ends, table_);
  const uint16_t server_port = choice.server_is_initiator ? ends.initiator_port
                                                          : ends.responder_port;
  const uint32_t key = (uint32_t{server_port} << 16) |
                       (static_cast<uint32_t>(ends.transport) << 8) |
                       (static_cast<uint32_t>(choice.basis) << 1) |
                       (choice.server_is_initiator ? 1u : 0u);
  auto& slot = labels_[key];
  if (!slot) slot = std::make_unique<Label>(label_flow(ends, table_));
  return *slot;
}

PayloadVerdict FlowReporter::verify_flow(uint32_t flow_index, const Label& base, int client,
                                         int server) {
  const PayloadSamples& samples = *tracker_.payload_samples();
  auto [it, inserted] = port_services_.try_emplace(&base);
  if (inserted) it->second = port_service_names(base);
  PayloadEvidence evidence;
  evidence.transport = base.transport;
  evidence.server_port = base.server_port;
  evidence.client_payload = samples.first_payload(flow_index, client);
  evidence.server_payload = samples.first_payload(flow_index, server);
  evidence.services = it->second;
  // The verdict is a pure function of the base label (transport, port, services) and the
  // two samples, so equal keys give equal verdicts. The client sample's length separates
  // the two samples' bytes.
  constexpr size_t kMaxMemoEntries = 4096;
  const auto base_address = reinterpret_cast<uintptr_t>(&base);
  const auto client_length = static_cast<uint16_t>(evidence.client_payload.size());
  memo_key_.assign(reinterpret_cast<const char*>(&base_address), sizeof base_address);
  memo_key_.append(reinterpret_cast<const char*>(&client_length), sizeof client_length);
  memo_key_.append(evidence.client_payload.begin(), evidence.client_payload.end());
  memo_key_.append(evidence.server_payload.begin(), evidence.server_payload.end());
  if (const auto found = verdict_memo_.find(memo_key_); found != verdict_memo_.end()) {
    return found->second;
  }
  PayloadVerdict verdict = verify_payload(evidence);
  if (verdict_memo_.size() >= kMaxMemoEntries) verdict_memo_.clear();
  verdict_memo_.emplace(memo_key_, verdict);
  return verdict;
}

const Label& FlowReporter::verified_label(const Label& base, const PayloadVerdict& verdict) {
  std::optional<Note> note = payload_note(base, verdict);
  if (!note) return base;
  // The note's text names the port, the services, the protocol and what was seen: the
  // whole difference from the base label.
  std::string key = std::to_string(reinterpret_cast<uintptr_t>(&base));
  key += '\n';
  key += note->text;
  key += static_cast<char>(note->code);
  auto& slot = verified_labels_[key];
  if (!slot) {
    slot = std::make_unique<Label>(base);
    slot->notes.push_back(std::move(*note));
  }
  return *slot;
}

FlowReporter::LabelledEnds FlowReporter::label_ends(const Flow& flow) {
  const int initiator = flow.initiator();
  const int responder = flow.responder();
  FlowEnds ends;
  ends.transport = flow.key.transport;
  ends.initiator_port = flow.key.port(initiator);
  ends.responder_port = flow.key.port(responder);
  ends.handshake_seen = flow.handshake_seen();
  const Label& label = label_for(ends);
  const int server = label.server_is_initiator ? initiator : responder;
  return {&label, server, 1 - server};
}

uint32_t FlowReporter::settle(uint32_t flow_index) {
  const LabelledEnds ends = label_ends(tracker_.flows().at(flow_index));
  Outcome outcome;
  outcome.verdict = verify_flow(flow_index, *ends.label, ends.client, ends.server);
  outcome.label = &verified_label(*ends.label, outcome.verdict);
  // Everything report() shows of the outcome: the label (with its note) and the verdict's
  // fields. protocol and reason are static texts, told apart by address.
  const PayloadVerdict& v = outcome.verdict;
  const uintptr_t words[3] = {reinterpret_cast<uintptr_t>(outcome.label),
                              reinterpret_cast<uintptr_t>(v.protocol.data()),
                              reinterpret_cast<uintptr_t>(v.reason.data())};
  std::string key(reinterpret_cast<const char*>(words), sizeof words);
  key += static_cast<char>(v.verdict);
  key += static_cast<char>(v.protocol_id);
  key += static_cast<char>(v.strong);
  key += v.detail;
  const auto [it, inserted] = outcome_ids_.try_emplace(std::move(key),
                                                       static_cast<uint32_t>(outcomes_.size()));
  if (inserted) outcomes_.push_back(std::move(outcome));
  return it->second;
}

FlowReport FlowReporter::report(uint32_t flow_index) {
  const Flow& flow = tracker_.flows().at(flow_index);
  const LabelledEnds ends = label_ends(flow);
  const int server = ends.server;
  const int client = ends.client;
  FlowReport r;
  r.flow = &flow;
  r.label = ends.label;
  if (const PayloadSamples* samples = tracker_.payload_samples(); samples != nullptr) {
    if (const std::optional<uint32_t> id = samples->outcome(flow_index)) {
      r.payload = outcomes_.at(*id).verdict;
      r.label = outcomes_.at(*id).label;
    } else {
      r.payload = verify_flow(flow_index, *ends.label, client, server);
      r.label = &verified_label(*ends.label, *r.payload);
    }
  }
  r.transport = flow.key.transport;
  r.client_ip = flow.key.address(client);
  r.server_ip = flow.key.address(server);
  r.client_port = flow.key.port(client);
  r.server_port = flow.key.port(server);
  // Counters are indexed by sender: direction 0 = sent by end a (0).
  r.client_packets = flow.packets[client];
  r.client_bytes = flow.bytes[client];
  r.server_packets = flow.packets[server];
  r.server_bytes = flow.bytes[server];
  r.client_tcp_flags = flow.tcp_flags[client];
  r.server_tcp_flags = flow.tcp_flags[server];
  r.client_initiated = client == flow.initiator();
  r.handshake_seen = flow.handshake_seen();
  if (flow.tunnel_id != 0) r.tunnel = &tracker_.tunnel(flow.tunnel_id);
  return r;
}

std::string service_or_status(const Label& label) {
  if (!label.service().empty()) return std::string(label.service());
  switch (label.status) {
    case ServiceStatus::assigned: return "(unnamed)";
    case ServiceStatus::reserved: return "(reserved)";
    case ServiceStatus::unassigned: return "(unassigned)";
    case ServiceStatus::deassigned: return "(de-assigned)";
  }
  return "(unknown)";
}

}  // namespace pclassify::output
