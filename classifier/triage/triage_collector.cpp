#include "triage/triage_collector.h"

#include <algorithm>
#include <map>

namespace pclassify::triage {
namespace {

std::string scan_text(const ScanSuspect& s) {
  return s.source.to_string() + " contacted " + std::to_string(s.distinct_ports) +
         " distinct ports on " + std::to_string(s.distinct_hosts) + " hosts in " +
         std::to_string(s.flows) + " flows; " + std::to_string(s.unanswered) +
         " got no answer.";
}

}  // namespace

void TriageCollector::add(const FlowFacts& flow, std::string service, uint64_t packets,
                          uint64_t bytes) {
  const uint64_t order = result_.summary.flows++;
  scans_.add(flow.client_ip, flow.server_ip, flow.transport, flow.server_port, flow.answered);
  FlowAssessment assessment = assess_flow(flow, policy_);
  if (assessment.cleared_by_policy) ++result_.summary.cleared_by_policy;
  if (assessment.findings.empty()) return;
  FlaggedFlow flagged;
  flagged.order = order;
  flagged.transport = flow.transport;
  flagged.client_ip = flow.client_ip;
  flagged.server_ip = flow.server_ip;
  flagged.client_port = flow.client_port;
  flagged.server_port = flow.server_port;
  flagged.service = std::move(service);
  flagged.packets = packets;
  flagged.bytes = bytes;
  flagged.answered = flow.answered;
  flagged.score = assessment.score;
  flagged.findings = std::move(assessment.findings);
  result_.flows.push_back(std::move(flagged));
}

TriageResult TriageCollector::finish() {
  TriageResult& r = result_;
  std::map<IpAddress, size_t> host_index;
  for (const ScanSuspect& suspect : scans_.suspects(thresholds_)) {
    FlaggedHost host;
    host.scan = suspect;
    host.findings.push_back({Reason::scan_like, scan_text(suspect)});
    host.score = reason_points(Reason::scan_like);
    host_index[suspect.source] = r.hosts.size();
    r.hosts.push_back(std::move(host));
  }

  // Unanswered flagged flows of a scan-like host become part of the host's entry.
  std::vector<FlaggedFlow> kept;
  kept.reserve(r.flows.size());
  for (FlaggedFlow& flow : r.flows) {
    const auto it = host_index.find(flow.client_ip);
    if (it != host_index.end() && !flow.answered) {
      ++r.hosts[it->second].folded_flows;
      ++r.summary.folded_flows;
      continue;
    }
    kept.push_back(std::move(flow));
  }
  r.flows = std::move(kept);

  for (size_t i = 0; i < r.flows.size(); ++i) {
    r.ranking.push_back({false, i, r.flows[i].score});
    for (const Finding& f : r.flows[i].findings) ++r.summary.reasons[static_cast<size_t>(f.reason)];
  }
  for (size_t i = 0; i < r.hosts.size(); ++i) {
    r.ranking.push_back({true, i, r.hosts[i].score});
    for (const Finding& f : r.hosts[i].findings) ++r.summary.reasons[static_cast<size_t>(f.reason)];
  }
  r.summary.flagged_flows = r.flows.size();
  r.summary.flagged_hosts = r.hosts.size();

  // Score first; then bytes (a host counts as 0), then capture order, hosts after flows.
  const auto bytes_of = [&](const RankedEntry& e) -> uint64_t {
    return e.is_host ? 0 : r.flows[e.index].bytes;
  };
  std::stable_sort(r.ranking.begin(), r.ranking.end(),
                   [&](const RankedEntry& a, const RankedEntry& b) {
                     if (a.score != b.score) return a.score > b.score;
                     return bytes_of(a) > bytes_of(b);
                   });
  return std::move(result_);
}

}  // namespace pclassify::triage
