// One flow as the writers present it: client and server ends as the label chose them,
// per-end counters, and the label.
//
// Labels depend only on (transport, server port, basis, which end is the server), so the
// reporter computes label_flow once per distinct combination and shares the result.
// Payload verification (when the tracker sampled payloads) adds a payload note to some
// labels; those are cached under the base key plus the note's text, so flows share a label
// only when they would read exactly the same notes.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>
#include <unordered_map>

#include "flow/flow_tracker.h"
#include "label/label.h"
#include "services/service_table.h"
#include "verify/payload_verdict.h"

namespace pclassify::output {

struct FlowReport {
  const Flow* flow = nullptr;
  const Label* label = nullptr;  // shared between flows: use the ports below, not its own
  Transport transport = Transport::tcp;
  IpAddress client_ip;
  IpAddress server_ip;
  uint16_t client_port = 0;
  uint16_t server_port = 0;
  uint64_t client_packets = 0;
  uint64_t client_bytes = 0;
  uint64_t server_packets = 0;
  uint64_t server_bytes = 0;
  uint8_t client_tcp_flags = 0;
  uint8_t server_tcp_flags = 0;
  bool client_initiated = true;    // the client sent first / opened the handshake
  bool handshake_seen = false;
  const TunnelInfo* tunnel = nullptr;  // null when not tunnelled
  // The payload verdict from the first bytes of each direction; empty when verification
  // is off (--no-verify: the tracker kept no samples).
  std::optional<PayloadVerdict> payload;

  uint64_t packets() const { return client_packets + server_packets; }
  uint64_t bytes() const { return client_bytes + server_bytes; }
};

class FlowReporter {
 public:
  FlowReporter(const FlowTracker& tracker, const ServiceTable& table)
      : tracker_(tracker), table_(table) {}

  FlowReport report(uint32_t flow_index);

  // For FlowTracker::set_payloads_complete_handler: verifies the flow's payload now, while
  // its samples exist, and returns the id under which report() finds the outcome once the
  // tracker has settled (freed) the samples. Equal outcomes share an id.
  uint32_t settle(uint32_t flow_index);

  // The label as label_flow gives it for these ends, computed once per distinct key.
  const Label& label_for(const FlowEnds& ends);

 private:
  // The label of a flow whose payload gave `verdict`: the base label, or a copy with the
  // payload note when there is one (cached per base label and note text).
  const Label& verified_label(const Label& base, const PayloadVerdict& verdict);
  PayloadVerdict verify_flow(uint32_t flow_index, const Label& base, int client, int server);

  // The base label of a flow, and which end (0 = a, 1 = b) it makes the server.
  struct LabelledEnds {
    const Label* label;
    int server;
    int client;
  };
  LabelledEnds label_ends(const Flow& flow);

  // Settled outcomes (settle()), by id.
  struct Outcome {
    PayloadVerdict verdict;
    const Label* label;  // the label with the verdict's note, as verified_label() gives it
  };
  std::vector<Outcome> outcomes_;
  std::unordered_map<std::string, uint32_t> outcome_ids_;  // by label and verdict fields

  const FlowTracker& tracker_;
  const ServiceTable& table_;
  std::unordered_map<uint32_t, std::unique_ptr<Label>> labels_;
  // Per base label: the service names the payload is weighed against (aliases included).
  std::unordered_map<const Label*, std::vector<std::string_view>> port_services_;
  // Base label address + payload note text -> the label with that note.
  std::unordered_map<std::string, std::unique_ptr<Label>> verified_labels_;
  // Verdicts already computed, by base label address and the exact sample bytes (client
  // then server): captures repeat first payloads (zero-padded handshakes, scans, probes)
  // and recognition is the costly part of a report. Cleared when full, to stay bounded.
  std::unordered_map<std::string, PayloadVerdict> verdict_memo_;
  std::string memo_key_;  // reused buffer for the lookup key
};

// The "service" users read for a label: the IANA name, or the status in parentheses
// ("(unassigned)", "(reserved)", "(de-assigned)") when the port has none.
std::string service_or_status(const Label& label);

}  // namespace pclassify::output
