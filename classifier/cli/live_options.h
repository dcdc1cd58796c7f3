// The values of the live-capture options that need more than a number: `-a` (tshark's
// autostop conditions) and `--idle-timeout [PROTO:]SECONDS`.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace pclassify::cli {

// Idle timeouts given on the command line, in nanoseconds; -1 = the tracker's default.
struct IdleTimeoutOverrides {
  enum Which : size_t { tcp, tcp_closed, udp, sctp, dccp, count };
  std::array<int64_t, count> ns{-1, -1, -1, -1, -1};
};

// "SECONDS" (every transport) or "PROTO:SECONDS" with PROTO tcp, tcp-closed, udp, sctp,
// dccp; seconds may have a fraction. False with `error` set otherwise.
bool parse_idle_timeout(std::string_view text, IdleTimeoutOverrides& timeouts,
                        std::string& error);

// tshark's `-a duration:SECONDS` and `-a packets:COUNT`. Sets the one given; false with
// `error` set for anything else.
bool parse_autostop(std::string_view text, double& duration_seconds, uint64_t& max_packets,
                    std::string& error);

// A positive number of seconds (fraction allowed), for --duration.
bool parse_seconds(std::string_view text, double& seconds);

}  // namespace pclassify::cli
