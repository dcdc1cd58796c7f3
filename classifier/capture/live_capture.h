// Live capture from a network interface through libpcap (pcap_create / pcap_activate).
//
// next() waits at most `timeout_ms` for a packet, so the caller regains control a few
// times a second even on a quiet link: to expire idle flows, check a duration limit or
// notice a stop request. libpcap's own timeout cannot promise that: on Linux (TPACKET_V3)
// the kernel retires a ring block only once it holds a packet, so a blocking read on a
// silent interface never returns. The handle is therefore non-blocking and next() polls
// its descriptor itself. stop() may be called from a signal handler (it only calls
// pcap_breakloop, which sets a flag, as tcpdump does); the signal also interrupts the
// poll.
//
// Errors are values with a kind, so the CLI can say what to do about them: missing
// capture privileges, an unknown interface, a filter libpcap rejects.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "capture/capture_reader.h"

struct pcap;  // libpcap's handle; pcap.h stays out of this header

namespace pclassify::capture {

struct LiveCaptureOptions {
  std::string interface;
  int snaplen = 262144;       // bytes kept per packet (libpcap's and tcpdump's default)
  bool promiscuous = false;   // off: only traffic to and from this host
  int timeout_ms = 100;       // the longest next() waits (also the kernel's batching delay)
  int buffer_bytes = 16 << 20;  // kernel ring size; larger absorbs bursts without drops
};

enum class LiveErrorKind : uint8_t {
  none,
  no_such_interface,  // the name is not a capture device (see list_interfaces)
  permission,         // the process may not open a capture socket (CAP_NET_RAW, CAP_NET_ADMIN)
  interface_down,     // the interface exists but is not up
  filter,             // the filter expression does not compile
  other,              // anything else libpcap reports
};

struct LiveError {
  LiveErrorKind kind = LiveErrorKind::none;
  std::string message;  // libpcap's own words, prefixed with what failed
};

enum class LiveStatus : uint8_t {
  packet,   // `packet` is filled
  timeout,  // no packet within timeout_ms
  stopped,  // stop() was called
  error,    // the capture failed; error() says why
};

// Kernel counters (pcap_stats): packets the filter accepted and packets dropped because
// the ring was full.
struct LiveStats {
  uint64_t received = 0;
  uint64_t dropped = 0;
  uint64_t interface_dropped = 0;
};

struct InterfaceInfo {
  std::string name;
  std::string description;
  bool loopback = false;
  bool up = false;
  bool running = false;
};

class LiveCapture {
 public:
  // Opens and activates the interface. On failure returns nullptr with `error` set.
  static std::unique_ptr<LiveCapture> open(const LiveCaptureOptions& options, LiveError& error);
  // Every capture device libpcap knows, in its order (the order `-D` numbers).
  static std::vector<InterfaceInfo> list_interfaces(std::string& error);

  ~LiveCapture();
  LiveCapture(const LiveCapture&) = delete;
  LiveCapture& operator=(const LiveCapture&) = delete;

  // Compiles `expression` for this interface and installs it in the kernel.
  bool set_filter(const std::string& expression, LiveError& error);

  LiveStatus next(CapturedPacket& packet);
  // Makes next() return `stopped`. Safe in a signal handler.
  void stop();

  int link_type() const { return link_type_; }  // LINKTYPE_ value
  const std::string& interface() const { return interface_; }
  const std::string& error() const { return error_; }
  // libpcap's warning from activation (e.g. promiscuous mode not supported); may be empty.
  const std::string& warning() const { return warning_; }
  bool stats(LiveStats& stats) const;

 private:
  LiveCapture(pcap* handle, std::string interface);

  pcap* handle_;
  std::string interface_;
  int link_type_ = 0;
  int selectable_fd_ = -1;  // -1: the platform has none; the handle then blocks
  int timeout_ms_ = 100;
  bool nanoseconds_ = false;
  std::string error_;
  std::string warning_;
};

// The LINKTYPE_ value (file format) for a DLT_ value (libpcap's run-time link type). Most
// are equal; DLT_RAW and a few others differ by platform.
int link_type_from_dlt(int dlt);

}  // namespace pclassify::capture
