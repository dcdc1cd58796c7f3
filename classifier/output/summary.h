// The summary printed after the flows: flows, packets and bytes per service, what happened
// to the packets that are in no flow, and the anomaly counts by name.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <string>

#include "flow/flow_tracker.h"
#include "output/flow_report.h"

namespace pclassify::output {

// Counts the CLI knows and the tracker does not.
struct InputTotals {
  uint64_t packets_read = 0;   // delivered by the capture readers
  uint64_t filtered_out = 0;   // rejected by the BPF expression
  uint64_t files = 0;
};

class ServiceSummary {
 public:
  void add(const FlowReport& flow);

  // The summary as text lines (no trailing blank line).
  std::string format(const FlowTracker& tracker, const InputTotals& totals) const;

 private:
  struct Totals {
    uint64_t flows = 0;
    uint64_t packets = 0;
    uint64_t bytes = 0;
  };
  // Per label first (labels are shared, so this is a pointer lookup per flow); merged by
  // (service or status, transport) when formatted.
  std::unordered_map<const Label*, Totals> by_label_;
};

}  // namespace pclassify::output
