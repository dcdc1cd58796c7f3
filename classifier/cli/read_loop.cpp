#include "cli/read_loop.h"

#include <algorithm>
#include <cstdio>
#include <memory>

#include "cli/exit_codes.h"
#include "cli/progress.h"
#include "cli/terminal.h"
#include "decode/packet.h"
#include "io/bpf_filter.h"
#include "io/capture_reader.h"

namespace pclassify::cli {
namespace {

void report(Progress& progress, const std::string& input, const std::string& message) {
  progress.clear();
  std::fprintf(stderr, "pclassify: %s: %s\n", input == "-" ? "(stdin)" : input.c_str(),
               message.c_str());
}

}  // namespace

int read_inputs(const Options& options, FlowTracker& tracker, io::InputTotals& totals) {
  std::unique_ptr<io::BpfFilter> filter;
  if (!options.filter.empty()) filter = std::make_unique<io::BpfFilter>(options.filter);
  Progress progress(!options.quiet && is_terminal(2));
  int exit_code = kExitOk;
  bool count_reached = false;

  for (const std::string& input : options.inputs) {
    if (count_reached) break;
    std::string error;
    auto reader = io::CaptureReader::open_file(input, error);
    if (!reader) {
      report(progress, input, error);
      exit_code = worse_exit(exit_code, kExitInputError);
      continue;
    }
    ++totals.files;
    progress.start_file(input, reader->size());
    io::CapturedPacket packet;
    uint64_t until_tick = Progress::kPacketsPerTick;
    int prepared_link_type = -1;
    for (;;) {
      const io::ReadStatus status = reader->next(packet);
      if (status == io::ReadStatus::end) break;
      if (status == io::ReadStatus::truncated) {
        report(progress, input, reader->error() + "; the flows read so far are kept");
        exit_code = worse_exit(exit_code, kExitTruncated);
        break;
      }
      if (status == io::ReadStatus::error) {
        report(progress, input, reader->error());
        exit_code = worse_exit(exit_code, kExitInputError);
        break;
      }
      ++totals.packets_read;
      if (filter) {
        if (packet.link_type != prepared_link_type) {
          if (!filter->prepare(packet.link_type)) {
            report(progress, input, filter->error());
            return kExitUsage;
          }
          prepared_link_type = packet.link_type;
        }
        if (!filter->matches(packet.link_type, packet.data, packet.wire_length)) {
          ++totals.filtered_out;
          continue;
        }
      }
      DecodedPacket decoded = decode_packet(packet.link_type, packet.data, packet.wire_length);
      // A record claiming fewer wire bytes than it captured is inconsistent; the captured
      // bytes are evidence (as in bytes/slice.h).
      const uint32_t wire_length =
          std::max(packet.wire_length, static_cast<uint32_t>(packet.data.size()));
      tracker.add(decoded, packet.timestamp_ns, wire_length);
      if (options.max_packets != 0 && tracker.counts().total >= options.max_packets) {
        count_reached = true;
        break;
      }
      if (--until_tick == 0) {
        until_tick = Progress::kPacketsPerTick;
        progress.tick(reader->offset(), totals.packets_read, tracker.flows().size());
      }
    }
  }
  progress.clear();
  return exit_code;
}

}  // namespace pclassify::cli
