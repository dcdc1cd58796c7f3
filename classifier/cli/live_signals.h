// SIGINT and SIGTERM stop a live capture cleanly: the handler records the request and
// breaks libpcap's wait (pcap_breakloop, as tcpdump does), and the capture loop then ends
// every open flow, prints the summary and exits 0.
//
// A signal handler can only reach process-wide state, so the capture it wakes is kept in
// one static slot; only one StopSignals may exist at a time.
#pragma once

#include "capture/live_capture.h"

namespace pclassify::cli {

class StopSignals {
 public:
  // Installs the handlers (the previous ones are restored by the destructor).
  explicit StopSignals(capture::LiveCapture& capture);
  ~StopSignals();
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

  // The signal that asked to stop, or 0.
  static int requested();
};

}  // namespace pclassify::cli
