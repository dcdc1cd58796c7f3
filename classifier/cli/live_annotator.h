// `-w FILE`: writes every packet pclassify reads (live or from files) to a pcapng file,
// with a packet comment holding the label on the first packet of each flow and on every
// packet of a flow whose label has a note that warrants attention. Wireshark shows the
// comments as `frame.comment`.
//
// The label in a comment is the one the first packet's ports and handshake give; payload
// verdicts come later and are not in it.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>

#include "cli/read_loop.h"
#include "decode/packet.h"
#include "flow/flow_tracker.h"
#include "capture/capture_reader.h"
#include "output/flow_report.h"
#include "output/pcapng_writer.h"

namespace pclassify::cli {

class PacketAnnotator {
 public:
  // `tracker` must already have counted each packet given to add().
  PacketAnnotator(std::unique_ptr<output::PcapngWriter> writer, const FlowTracker& tracker,
                  output::FlowReporter& reporter)
      : writer_(std::move(writer)), tracker_(tracker), reporter_(reporter) {}

  // Writes the packet with its comment, if any. False once writing failed.
  bool add(const capture::CapturedPacket& packet, const DecodedPacket& decoded);

  bool flush() { return writer_->flush(); }
  // Closes the file; false (with error()) if anything failed.
  bool close() { return writer_->close(); }
  const std::string& error() const { return writer_->error(); }

 private:
  struct Comments {
    std::string first;    // for a flow's first packet
    std::string warning;  // for its later packets; empty when nothing warrants attention
  };
  const Comments& comments_for(const Label& label);

  std::unique_ptr<output::PcapngWriter> writer_;
  const FlowTracker& tracker_;
  output::FlowReporter& reporter_;
  std::unordered_map<const Label*, Comments> comments_;  // labels are shared and stable
};

// Creates `options.write_file` and an annotator writing to it; null, having said why on
// stderr, when the file cannot be created.
std::unique_ptr<PacketAnnotator> open_annotator(const Options& options,
                                                const FlowTracker& tracker,
                                                output::FlowReporter& reporter);

// read_inputs (read_loop.h) that also writes every packet read, filter permitting, to
// `options.write_file`. Returns kExitOutputError, having said why, when the file cannot
// be created or written.
// `reporter` reports the tracker's flows (its labels go into the comments).
int read_inputs_annotated(const Options& options, FlowTracker& tracker, output::InputTotals& totals,
                          output::FlowReporter& reporter);

}  // namespace pclassify::cli
