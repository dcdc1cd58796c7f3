// What live capture prints while it runs: a line when a flow starts (labelled from its
// first packet) and a line when it ends (TCP close, idle expiry, eviction, end of
// capture), each flushed at once so that a pipe reader sees it immediately.
//
//   table: "start tcp 127.0.0.1:40312 > 127.0.0.1:5432 postgresql (handshake) notes: -"
//          "end   tcp 127.0.0.1:40312 > 127.0.0.1:5432 postgresql tcp_close 10 packets
//           812 bytes 0.532s notes: -"
//   json:  the file mode's JSON object, with "event.action" ("flow_start", "flow_end")
//          and, for ends, "event.reason"
//   csv, zeek: the file mode's header, then one row per flow when it ends
#pragma once

#include <cstdio>
#include <string>

#include "flow/flow_tracker.h"
#include "output/flow_report.h"
#include "output/flow_writer.h"

namespace pclassify::cli {

class FlowEventPrinter {
 public:
  FlowEventPrinter(output::OutputFormat format, std::FILE* out) : format_(format), out_(out) {}

  // Header lines (csv, zeek).
  void begin();
  void flow_started(const output::FlowReport& flow);
  void flow_ended(const output::FlowReport& flow, FlowEndReason reason);
  // Trailer lines (zeek's #close).
  void finish();

  // False once writing failed (closed pipe, full disk).
  bool ok() const { return std::ferror(out_) == 0; }

 private:
  void emit(const std::string& text);

  output::OutputFormat format_;
  std::FILE* out_;
};

// `line` (one JSON object from the JSON writer, starting {"event":{) with the event's
// action and reason inserted first in "event". Exposed for tests.
std::string with_event_action(std::string line, std::string_view action,
                              std::string_view reason);

}  // namespace pclassify::cli
