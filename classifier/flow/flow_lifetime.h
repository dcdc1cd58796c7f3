// How flows end when flow state is bounded (live capture): why a flow ended, and how long
// each kind of flow may stay idle. Files are read whole and need none of this.
#pragma once

#include <cstdint>
#include <string_view>

namespace pclassify {

enum class FlowEndReason : uint8_t {
  tcp_close,     // FIN seen both ways, or RST, and tcp_closed_ns passed since the last packet
  idle_timeout,  // no packet for longer than the transport's idle timeout
  evicted,       // max_flows reached: the least recently seen flow made room for a new one
  capture_end,   // FlowTracker::finish(): the capture stopped
};
inline constexpr int kFlowEndReasonCount = 4;

std::string_view flow_end_reason_name(FlowEndReason reason);

// Idle timeouts in capture-time nanoseconds; 0 disables one. The defaults follow common
// connection trackers: an hour for established TCP and SCTP associations, 2 minutes for
// UDP, 10 minutes for DCCP, and 30 s for a closed TCP connection to drain retransmissions.
struct FlowIdleTimeouts {
  int64_t tcp_ns = 3600'000'000'000;        // established (not closed) TCP
  int64_t tcp_closed_ns = 30'000'000'000;   // after FIN both ways, or RST
  int64_t udp_ns = 120'000'000'000;
  int64_t sctp_ns = 3600'000'000'000;
  int64_t dccp_ns = 600'000'000'000;
};

}  // namespace pclassify
