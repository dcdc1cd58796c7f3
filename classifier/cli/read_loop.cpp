#include "cli/read_loop.h"

#include <algorithm>
#include <array>
#include <span>
#include <cstdio>
#include <memory>

#include "cli/exit_codes.h"
#include "cli/progress.h"
#include "cli/terminal.h"
#include "decode/packet.h"
#include "capture/bpf_filter.h"
#include "capture/capture_reader.h"

namespace pclassify::cli {
namespace {

// Packets decoded ahead of counting: enough to hide a cache miss behind the decoding of
// the others, few enough that the batch's decoded packets stay in L1.
constexpr size_t kBatchSize = 16;

void report(Progress& progress, const std::string& input, const std::string& message) {
  progress.clear();
  std::fprintf(stderr, "pclassify: %s: %s\n", input == "-" ? "(stdin)" : input.c_str(),
               message.c_str());
}

}  // namespace

int read_inputs(const Options& options, FlowTracker& tracker, output::InputTotals& totals,
                const PacketObserver& observer) {
  std::unique_ptr<capture::BpfFilter> filter;
  if (!options.filter.empty()) filter = std::make_unique<capture::BpfFilter>(options.filter);
  Progress progress(!options.quiet && is_terminal(2));
  int exit_code = kExitOk;
  bool count_reached = false;

  for (const std::string& input : options.inputs) {
    if (count_reached) break;
    std::string error;
    auto reader = capture::CaptureReader::open_file(input, error);
    if (!reader) {
      report(progress, input, error);
      exit_code = worse_exit(exit_code, kExitInputError);
      continue;
    }
    ++totals.files;
    progress.start_file(input, reader->size());
    // Packets come in small batches: each batch is decoded and its flows' index slots
    // prefetched before any of it is counted, so that the table's cache misses overlap
    // instead of stalling every packet in turn (they were the largest cost per packet).
    // The key and hash computed for the prefetch are handed to add(), not computed again.
    // (Prefetching the records too, in a second pass over the batch, measured no faster.)
    // A batch's bytes stay valid until the next read (CaptureReader::next_batch), and
    // packets are still counted, and observed, one by one in capture order.
    std::array<capture::CapturedPacket, kBatchSize> packets;
    std::array<DecodedPacket, kBatchSize> decoded;
    std::array<bool, kBatchSize> passed{};  // not rejected by the filter
    std::array<FlowTracker::PreparedFlow, kBatchSize> prepared;
    uint64_t until_tick = Progress::kPacketsPerTick;
    int prepared_link_type = -1;
    for (;;) {
      size_t wanted = kBatchSize;  // never read past -c: those packets would count as read
      if (options.max_packets != 0) {
        wanted = static_cast<size_t>(
            std::min<uint64_t>(wanted, options.max_packets - tracker.counts().total));
      }
      capture::ReadStatus status = capture::ReadStatus::packet;
      const size_t count = reader->next_batch(std::span(packets).first(wanted), status);
      for (size_t i = 0; i < count; ++i) {
        const capture::CapturedPacket& packet = packets[i];
        ++totals.packets_read;
        passed[i] = false;
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
        passed[i] = true;
        decode_packet(packet.link_type, packet.data, packet.wire_length, decoded[i]);
        tracker.prepare(decoded[i], prepared[i]);
      }
      for (size_t i = 0; i < count; ++i) {
        if (!passed[i]) continue;
        const capture::CapturedPacket& packet = packets[i];
        // A record claiming fewer wire bytes than it captured is inconsistent; the captured
        // bytes are evidence (as in bytes/slice.h).
        const uint32_t wire_length =
            std::max(packet.wire_length, static_cast<uint32_t>(packet.data.size()));
        tracker.add(decoded[i], packet.timestamp_ns, wire_length, &prepared[i]);
        if (observer) observer(packet, decoded[i]);
      }
      if (status == capture::ReadStatus::end) break;
      if (status == capture::ReadStatus::truncated) {
        report(progress, input, reader->error() + "; the flows read so far are kept");
        exit_code = worse_exit(exit_code, kExitTruncated);
        break;
      }
      if (status == capture::ReadStatus::error) {
        report(progress, input, reader->error());
        exit_code = worse_exit(exit_code, kExitInputError);
        break;
      }
      if (options.max_packets != 0 && tracker.counts().total >= options.max_packets) {
        count_reached = true;
        break;
      }
      if (until_tick <= count) {
        until_tick = Progress::kPacketsPerTick;
        progress.tick(reader->offset(), totals.packets_read, tracker.flows().size());
      } else {
        until_tick -= count;
      }
    }
  }
  progress.clear();
  return exit_code;
}

}  // namespace pclassify::cli
