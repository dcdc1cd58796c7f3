// `pclassify --triage`: every flow through triage/ (scoring, scan detection, site policy),
// then the ranking as a readable list or JSON lines (docs/pclassify.md, "Triage").
#pragma once

#include "cli/options.h"
#include "flow/flow_tracker.h"
#include "output/flow_report.h"
#include "triage/site_policy.h"

namespace pclassify::cli {

// Writes the ranking to stdout: table → one block per entry, then the summary; json → one
// object per entry, then a final {"type":"summary",...} line. Returns an exit code.
// `reporter` reports the tracker's flows.
int write_triage(const Options& options, const FlowTracker& tracker, output::FlowReporter& reporter,
                 const triage::SitePolicy* policy);

}  // namespace pclassify::cli
