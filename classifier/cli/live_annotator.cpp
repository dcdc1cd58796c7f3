#include "cli/live_annotator.h"

#include <cstdio>

#include "cli/exit_codes.h"
#include "output/packet_comment.h"

namespace pclassify::cli {

const PacketAnnotator::Comments& PacketAnnotator::comments_for(const Label& label) {
  auto [it, inserted] = comments_.try_emplace(&label);
  if (inserted) {
    it->second.first = output::first_packet_comment(label);
    it->second.warning = output::warning_comment(label);
  }
  return it->second;
}

bool PacketAnnotator::add(const capture::CapturedPacket& packet, const DecodedPacket& decoded) {
  std::string_view comment;
  if (decoded.status == DecodeStatus::flow) {
    const CanonicalKey canonical = make_flow_key(decoded.tuple);
    const uint32_t index = tracker_.flows().find(canonical.key);
    if (index != FlowTable::kNotFound) {
      const Flow& flow = tracker_.flows().at(index);
      FlowEnds ends;
      ends.transport = flow.key.transport;
      ends.initiator_port = flow.key.port(flow.initiator());
      ends.responder_port = flow.key.port(flow.responder());
      ends.handshake_seen = flow.handshake_seen();
      const Comments& comments = comments_for(reporter_.label_for(ends));
      // The tracker has counted this packet: a flow with one packet has just started.
      comment = flow.total_packets() == 1 ? comments.first : comments.warning;
    }
  }
  return writer_->write_packet(packet.link_type, packet.timestamp_ns, packet.wire_length,
                               packet.data, comment);
}

std::unique_ptr<PacketAnnotator> open_annotator(const Options& options,
                                                const FlowTracker& tracker,
                                                output::FlowReporter& reporter) {
  std::string error;
  auto writer = output::PcapngWriter::create(options.write_file,
                                         std::string("pclassify ") + PCLASSIFY_VERSION, error);
  if (!writer) {
    std::fprintf(stderr, "pclassify: %s\n", error.c_str());
    return nullptr;
  }
  return std::make_unique<PacketAnnotator>(std::move(writer), tracker, reporter);
}

int read_inputs_annotated(const Options& options, FlowTracker& tracker, output::InputTotals& totals,
                          output::FlowReporter& reporter) {
  const std::unique_ptr<PacketAnnotator> annotator = open_annotator(options, tracker, reporter);
  if (!annotator) return kExitOutputError;
  bool failed = false;
  int status = read_inputs(options, tracker, totals,
                           [&](const capture::CapturedPacket& packet, const DecodedPacket& decoded) {
                             if (!failed && !annotator->add(packet, decoded)) failed = true;
                           });
  if (!annotator->close() || failed) {
    std::fprintf(stderr, "pclassify: %s\n", annotator->error().c_str());
    status = worse_exit(status, kExitOutputError);
  }
  return status;
}

}  // namespace pclassify::cli
