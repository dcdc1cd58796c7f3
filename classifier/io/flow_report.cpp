#include "io/flow_report.h"

#include "label/server_side.h"

namespace pclassify::io {

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

FlowReport FlowReporter::report(uint32_t flow_index) {
  const Flow& flow = tracker_.flows().at(flow_index);
  const int initiator = flow.initiator();
  const int responder = flow.responder();
  FlowEnds ends;
  ends.transport = flow.key.transport;
  ends.initiator_port = flow.key.port(initiator);
  ends.responder_port = flow.key.port(responder);
  ends.handshake_seen = flow.handshake_seen();
  const Label& label = label_for(ends);

  const int server = label.server_is_initiator ? initiator : responder;
  const int client = 1 - server;
  FlowReport r;
  r.flow = &flow;
  r.label = &label;
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
  r.client_initiated = client == initiator;
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

}  // namespace pclassify::io
