// Fuzz target: the path a capture's packets take after the reader, over a sequence of
// packets: decode, fragment tracking, the flow table, payload samples, the label (server
// side, registrations, notes) from the built-in table, payload verification (early, as the
// CLI settles flows whose evidence is final, and at the end for the rest), and the four
// output writers.
//
// Input: a sequence of packet records, each
//   selector (1 byte: link type as in decode_packet_fuzzer, high bit = cut by a snaplen)
//   time step (1 byte, in units of 250 ms, so fragment and flow timeouts are reachable)
//   length (2 bytes, big-endian), then that many bytes of frame (fewer at the input's end).
//
// The tracker is made with small allocations (fragment ring, flow record chunk): zeroing
// the capture-sized defaults (4096 each) cost most of each run, and an input (4 KiB, so
// at most about 90 packets) could never fill them. At 16, a full fragment ring (eviction) and a
// table of several chunks are within reach of a short input.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string_view>
#include <vector>

#include "decode/packet.h"
#include "flow/flow_tracker.h"
#include "fuzz_input.h"
#include "output/flow_report.h"
#include "output/flow_writer.h"
#include "services/service_table.h"
#include "verify/payload_verdict.h"

namespace {

using namespace pclassify;

// Writers write somewhere real (their buffering and flushing is part of the path), but
// the output is of no interest.
std::FILE* null_output() {
  static std::FILE* const out = std::fopen("/dev/null", "w");
  return out;
}

// The assigned service names of a label, as the CLI and plugin hand them to verify_payload.
std::vector<std::string_view> assigned_names(const Label& label) {
  std::vector<std::string_view> names;
  for (const ServiceRecord* record : label.registrations) {
    if (record->status == ServiceStatus::assigned && !record->name.empty()) {
      names.push_back(record->name);
    }
  }
  return names;
}

// For a flow whose samples still exist: its verdict, recomputed from them, keeps its bound.
void verify_flow(const output::FlowReport& report, const PayloadSamples& samples, uint32_t flow_index) {
  const Flow& flow = *report.flow;
  const int client_end =
      (report.client_ip == flow.key.address(0) && report.client_port == flow.key.port(0)) ? 0 : 1;
  const std::vector<std::string_view> services = assigned_names(*report.label);
  PayloadEvidence evidence;
  evidence.transport = report.transport;
  evidence.server_port = report.server_port;
  evidence.client_payload = samples.first_payload(flow_index, client_end);
  evidence.server_payload = samples.first_payload(flow_index, 1 - client_end);
  evidence.services = services;
  const PayloadVerdict verdict = verify_payload(evidence);
  fuzz::check(verdict.detail.size() <= kMaxPayloadDetail, "payload detail exceeds its bound");
}

// For a flow settled early: its samples are gone, and its report carries the verdict kept
// at settling time.
void check_settled_flow(const output::FlowReport& report, const PayloadSamples& samples,
                        uint32_t flow_index) {
  fuzz::check((report.flow->state & Flow::kPayloadsSettled) != 0,
              "samples settled for a flow not marked settled");
  fuzz::check(samples.first_payload(flow_index, 0).empty() &&
                  samples.first_payload(flow_index, 1).empty(),
              "a settled flow still has payload samples");
  fuzz::check(report.payload.has_value(), "a settled flow's report has no payload verdict");
  fuzz::check(report.payload->detail.size() <= kMaxPayloadDetail,
              "settled payload detail exceeds its bound");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fuzz::FuzzInput input(data, size);
  FlowTracker::Options options;
  options.sample_payloads = true;
  options.fragments.capacity = 16;
  options.flow_chunk_records = 16;
  FlowTracker tracker(options);
  // As the CLI does: flows are verified as soon as their payload evidence is final.
  output::FlowReporter reporter(tracker, ServiceTable::builtin());
  tracker.set_payloads_complete_handler(
      [&reporter](uint32_t index, const Flow&) { return reporter.settle(index); });
  int64_t now_ns = 1'700'000'000'000'000'000;
  while (!input.empty()) {
    const uint8_t selector = input.u8();
    now_ns += int64_t{input.u8()} * 250'000'000;
    const uint16_t length = input.be16();
    const std::span<const uint8_t> frame = input.take(length);
    const auto wire_length =
        static_cast<uint32_t>(frame.size() + ((selector & 0x80) != 0 ? 1500 : 0));
    DecodedPacket packet = decode_packet(fuzz::link_type_from(selector), frame, wire_length);
    tracker.add(packet, now_ns, wire_length);
  }

  const PacketCounts& counts = tracker.counts();
  fuzz::check(counts.in_flows + counts.not_a_flow + counts.anomalies == counts.total,
              "packet counts do not add up to the total");

  std::vector<std::unique_ptr<output::FlowWriter>> writers;
  for (const output::OutputFormat format : {output::OutputFormat::table, output::OutputFormat::json,
                                        output::OutputFormat::csv, output::OutputFormat::zeek}) {
    writers.push_back(output::make_flow_writer(format, null_output(), output::TableLayout{}));
    writers.back()->begin();
  }
  for (uint32_t i = 0; i < tracker.flows().size(); ++i) {
    const output::FlowReport report = reporter.report(i);
    fuzz::check(report.label != nullptr && !report.label->notes.empty(),
                "a label without the registry's caveat note");
    const PayloadSamples& samples = *tracker.payload_samples();
    if (samples.outcome(i).has_value()) {
      check_settled_flow(report, samples, i);
    } else {
      verify_flow(report, samples, i);
    }
    for (const auto& writer : writers) writer->write(report);
  }
  for (const auto& writer : writers) writer->finish();
  return 0;
}
