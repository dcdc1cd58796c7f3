// The read loop: every input, packet by packet, through the filter, the decoder and the
// flow tracker. Errors name the file; a bad or truncated input does not stop the others.
#pragma once

#include <functional>

#include "cli/options.h"
#include "decode/packet.h"
#include "capture/capture_reader.h"
#include "flow/flow_tracker.h"
#include "output/summary.h"

namespace pclassify::cli {

// Reads every input of `options` into `tracker`. Returns an exit code (kExitOk,
// kExitTruncated, kExitInputError, or kExitUsage for a filter libpcap rejects).
// `observer`, when given, sees every packet after the tracker has counted it (for -w).
using PacketObserver = std::function<void(const capture::CapturedPacket&, const DecodedPacket&)>;
int read_inputs(const Options& options, FlowTracker& tracker, output::InputTotals& totals,
                const PacketObserver& observer = {});

}  // namespace pclassify::cli
