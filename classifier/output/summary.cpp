#include "output/summary.h"

#include <algorithm>
#include <map>
#include <vector>

#include "decode/anomaly.h"

namespace pclassify::output {
namespace {

std::string padded(std::string text, size_t width, bool right) {
  if (text.size() >= width) return text;
  return right ? std::string(width - text.size(), ' ') + text
               : text + std::string(width - text.size(), ' ');
}

}  // namespace

void ServiceSummary::add(const FlowReport& flow) {
  Totals& t = by_label_[flow.label];
  ++t.flows;
  t.packets += flow.packets();
  t.bytes += flow.bytes();
}

std::string ServiceSummary::format(const FlowTracker& tracker, const InputTotals& totals) const {
  struct Line {
    std::string service;
    Transport transport;
    Totals totals;
  };
  std::map<std::pair<std::string, Transport>, Totals> by_service;
  for (const auto& [label, value] : by_label_) {
    Totals& t = by_service[{service_or_status(*label), label->transport}];
    t.flows += value.flows;
    t.packets += value.packets;
    t.bytes += value.bytes;
  }
  std::vector<Line> lines;
  for (const auto& [key, value] : by_service) lines.push_back({key.first, key.second, value});
  std::stable_sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) {
    if (a.totals.flows != b.totals.flows) return a.totals.flows > b.totals.flows;
    return a.totals.bytes > b.totals.bytes;
  });
  size_t service_width = 7;
  for (const Line& line : lines) service_width = std::max(service_width, line.service.size());

  std::string out = "Services (" + std::to_string(tracker.flows().size()) + " flows):\n";
  out += "  " + padded("SERVICE", service_width, false) + "  PROTO  " +
         padded("FLOWS", 8, true) + "  " + padded("PACKETS", 10, true) + "  " +
         padded("BYTES", 12, true) + "\n";
  for (const Line& line : lines) {
    out += "  " + padded(line.service, service_width, false) + "  " +
           padded(std::string(transport_name(line.transport)), 5, false) + "  " +
           padded(std::to_string(line.totals.flows), 8, true) + "  " +
           padded(std::to_string(line.totals.packets), 10, true) + "  " +
           padded(std::to_string(line.totals.bytes), 12, true) + "\n";
  }

  const PacketCounts& counts = tracker.counts();
  out += "Packets: " + std::to_string(totals.packets_read) + " read";
  if (totals.filtered_out > 0) {
    out += ", " + std::to_string(totals.filtered_out) + " filtered out";
  }
  out += ", " + std::to_string(counts.in_flows) + " in flows, " +
         std::to_string(counts.not_a_flow) + " not TCP/UDP/SCTP/DCCP, " +
         std::to_string(counts.anomalies) + " skipped as anomalies\n";

  std::string anomalies;
  for (size_t i = 1; i < static_cast<size_t>(Anomaly::count); ++i) {
    const auto anomaly = static_cast<Anomaly>(i);
    const uint64_t n = tracker.anomaly_count(anomaly);
    if (n == 0) continue;
    anomalies += "  " + std::string(anomaly_name(anomaly)) + ": " + std::to_string(n) + "\n";
  }
  out += anomalies.empty() ? "Anomalies: none\n" : "Anomalies:\n" + anomalies;
  // The fragment table is bounded: datagrams dropped to make room lose their later
  // fragments (counted as fragment_without_first), so say so.
  const uint64_t fragments_evicted = tracker.fragments().stats().evicted;
  if (fragments_evicted > 0) {
    out += "Fragment table full: " + std::to_string(fragments_evicted) +
           " fragmented datagrams forgotten (fragment_table_evicted)\n";
  }
  return out;
}

}  // namespace pclassify::output
