#include "triage/scan_detector.h"

namespace pclassify::triage {

void ScanDetector::add(const IpAddress& client, const IpAddress& server, Transport transport,
                       uint16_t server_port, bool answered) {
  Source& source = sources_[client];
  source.ports.insert((static_cast<uint32_t>(transport) << 16) | server_port);
  source.hosts.insert(server);
  ++source.flows;
  if (!answered) ++source.unanswered;
}

std::vector<ScanSuspect> ScanDetector::suspects(const ScanThresholds& thresholds) const {
  std::vector<ScanSuspect> out;
  for (const auto& [ip, source] : sources_) {
    const bool wide = source.ports.size() >= thresholds.min_distinct_ports ||
                      source.hosts.size() >= thresholds.min_distinct_hosts;
    // A busy client (a browser, a resolver) reaches many hosts too; scanners mostly get
    // no answer.
    const bool unanswered = static_cast<double>(source.unanswered) >=
                            thresholds.min_unanswered_share * static_cast<double>(source.flows);
    if (!wide || !unanswered) continue;
    out.push_back({ip, source.ports.size(), source.hosts.size(), source.flows,
                   source.unanswered});
  }
  return out;
}

}  // namespace pclassify::triage
