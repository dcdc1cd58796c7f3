// Collects every flow of a capture, keeps the ones worth a second look and the scan-like
// hosts, and ranks them (scoring table: triage_reason.h). Pure: the CLI feeds it flows and
// prints the result (cli/triage_output.cpp).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "triage/flow_assessment.h"
#include "triage/scan_detector.h"
#include "triage/site_policy.h"
#include "triage/triage_reason.h"

namespace pclassify::triage {

struct FlaggedFlow {
  uint64_t order = 0;  // position among the flows given to add()
  Transport transport = Transport::tcp;
  IpAddress client_ip;
  IpAddress server_ip;
  uint16_t client_port = 0;
  uint16_t server_port = 0;
  std::string service;  // as users read it: "https", "(unassigned)", ...
  uint64_t packets = 0;
  uint64_t bytes = 0;
  bool answered = false;
  int score = 0;
  std::vector<Finding> findings;
};

struct FlaggedHost {
  ScanSuspect scan;
  int score = 0;
  std::vector<Finding> findings;
  // Flows of this host that were flagged but got no answer: shown as part of the host,
  // not one by one (a scan of 1,000 closed ports is one finding, not 1,000).
  uint64_t folded_flows = 0;
};

// One line of the ranking: a flow or a host, by index into TriageResult's vectors.
struct RankedEntry {
  bool is_host = false;
  size_t index = 0;
  int score = 0;
};

struct TriageSummary {
  uint64_t flows = 0;              // flows examined
  uint64_t flagged_flows = 0;      // listed in the ranking
  uint64_t folded_flows = 0;       // flagged, but folded into their scan-like host
  uint64_t flagged_hosts = 0;
  uint64_t cleared_by_policy = 0;  // allowed or expected by the site policy
  ReasonCounts reasons{};          // findings per reason over the listed entries
};

struct TriageResult {
  std::vector<FlaggedFlow> flows;
  std::vector<FlaggedHost> hosts;
  std::vector<RankedEntry> ranking;  // highest score first; ties: more bytes, then order
  TriageSummary summary;
};

class TriageCollector {
 public:
  explicit TriageCollector(const SitePolicy* policy, ScanThresholds thresholds = {})
      : policy_(policy), thresholds_(thresholds) {}

  void add(const FlowFacts& flow, std::string service, uint64_t packets, uint64_t bytes);

  TriageResult finish();

 private:
  const SitePolicy* policy_;
  ScanThresholds thresholds_;
  ScanDetector scans_;
  TriageResult result_;
};

}  // namespace pclassify::triage
