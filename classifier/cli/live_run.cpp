#include "cli/live_run.h"

#include <algorithm>
#include <array>
#include <csignal>
#include <cstring>
#include <ctime>
#include <limits>
#include <memory>
#include <optional>
#include <string>

#include "cli/exit_codes.h"
#include "cli/live_annotator.h"
#include "cli/live_events.h"
#include "cli/live_signals.h"
#include "decode/packet.h"
#include "flow/flow_tracker.h"
#include "output/flow_report.h"
#include "capture/live_capture.h"
#include "output/pcapng_writer.h"
#include "output/summary.h"

namespace pclassify::cli {
namespace {

constexpr int64_t kNsPerSecond = 1'000'000'000;
// Idle flows are looked for once per second of capture time: often enough that an idle
// flow's final line is at most a second late, rare enough to cost nothing.
constexpr int64_t kExpireIntervalNs = kNsPerSecond;

int64_t clock_ns(clockid_t clock) {
  timespec now{};
  clock_gettime(clock, &now);
  return static_cast<int64_t>(now.tv_sec) * kNsPerSecond + now.tv_nsec;
}

// "-i 2" is the second interface of -D, as in tcpdump and tshark, unless an interface is
// really called "2".
std::string resolve_interface(const std::string& name) {
  if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos) return name;
  std::string error;
  const std::vector<capture::InterfaceInfo> interfaces = capture::LiveCapture::list_interfaces(error);
  for (const capture::InterfaceInfo& info : interfaces) {
    if (info.name == name) return name;
  }
  const unsigned long number = std::strtoul(name.c_str(), nullptr, 10);
  if (number >= 1 && number <= interfaces.size()) return interfaces[number - 1].name;
  return name;
}

void report_capture_error(const capture::LiveError& error) {
  std::fprintf(stderr, "pclassify: %s\n", error.message.c_str());
  switch (error.kind) {
    case capture::LiveErrorKind::permission:
      std::fprintf(stderr,
                   "pclassify: capturing needs the CAP_NET_RAW and CAP_NET_ADMIN capabilities: "
                   "run as root, or grant them with\n"
                   "  setcap cap_net_raw,cap_net_admin=eip \"$(command -v pclassify)\"\n");
      break;
    case capture::LiveErrorKind::no_such_interface:
      std::fprintf(stderr, "pclassify: run pclassify -D to list the interfaces\n");
      break;
    default: break;
  }
}

FlowTracker::Options tracker_options(const Options& options) {
  FlowTracker::Options out;
  out.max_flows = options.max_flows != 0 ? options.max_flows : kDefaultLiveMaxFlows;
  // Payload samples are released when their flow ends, so verification costs bounded
  // memory; the verdict is in each flow's final line. --no-verify turns it off.
  out.sample_payloads = options.verify;
  const auto& given = options.idle_timeouts.ns;
  const auto apply = [&](IdleTimeoutOverrides::Which which, int64_t& field) {
    if (given[which] >= 0) field = given[which];
  };
  apply(IdleTimeoutOverrides::tcp, out.idle_timeouts.tcp_ns);
  apply(IdleTimeoutOverrides::tcp_closed, out.idle_timeouts.tcp_closed_ns);
  apply(IdleTimeoutOverrides::udp, out.idle_timeouts.udp_ns);
  apply(IdleTimeoutOverrides::sctp, out.idle_timeouts.sctp_ns);
  apply(IdleTimeoutOverrides::dccp, out.idle_timeouts.dccp_ns);
  return out;
}

const char* signal_name(int signal_number) {
  switch (signal_number) {
    case SIGINT: return "SIGINT";
    case SIGTERM: return "SIGTERM";
    default: return "a signal";
  }
}

// What ended the capture, for the summary.
enum class StopCause : uint8_t { signal, packet_count, duration, error };

// The summary's live-capture lines: how flows ended, evictions, the kernel's counters.
std::string live_summary(const std::string& interface, const FlowTracker& tracker,
                         const std::array<uint64_t, 4>& ended, uint64_t started,
                         const std::optional<capture::LiveStats>& kernel, StopCause cause,
                         int signal_number, int64_t elapsed_ns, uint64_t max_flows) {
  std::string out = "Live capture on " + interface + ": ";
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.1f s", static_cast<double>(elapsed_ns) / 1e9);
  out += seconds;
  switch (cause) {
    case StopCause::signal: out += std::string(", stopped by ") + signal_name(signal_number); break;
    case StopCause::packet_count: out += ", packet count reached"; break;
    case StopCause::duration: out += ", duration reached"; break;
    case StopCause::error: out += ", stopped by a capture error"; break;
  }
  out += "\n";
  uint64_t total_ended = 0;
  for (const uint64_t n : ended) total_ended += n;
  out += "Flows: " + std::to_string(started) + " started, " + std::to_string(total_ended) +
         " ended (";
  const std::array<FlowEndReason, 4> reasons = {FlowEndReason::tcp_close,
                                                FlowEndReason::idle_timeout,
                                                FlowEndReason::evicted,
                                                FlowEndReason::capture_end};
  for (size_t i = 0; i < reasons.size(); ++i) {
    if (i > 0) out += ", ";
    out += std::string(flow_end_reason_name(reasons[i])) + " " +
           std::to_string(ended[static_cast<size_t>(reasons[i])]);
  }
  out += ")\n";
  out += "Evictions: " + std::to_string(tracker.evicted_count()) + " (at most " +
         std::to_string(max_flows) + " open flows)\n";
  if (kernel) {
    out += "Kernel: " + std::to_string(kernel->received) + " packets received, " +
           std::to_string(kernel->dropped) + " dropped, " +
           std::to_string(kernel->interface_dropped) + " dropped by the interface\n";
  }
  return out;
}

}  // namespace

int list_interfaces(std::FILE* out) {
  std::string error;
  const std::vector<capture::InterfaceInfo> interfaces = capture::LiveCapture::list_interfaces(error);
  if (!error.empty()) {
    std::fprintf(stderr, "pclassify: %s\n", error.c_str());
    return kExitInputError;
  }
  for (size_t i = 0; i < interfaces.size(); ++i) {
    const capture::InterfaceInfo& info = interfaces[i];
    std::string flags;
    const auto add_flag = [&](bool set, const char* name) {
      if (!set) return;
      if (!flags.empty()) flags += ", ";
      flags += name;
    };
    add_flag(info.up, "Up");
    add_flag(info.running, "Running");
    add_flag(info.loopback, "Loopback");
    std::fprintf(out, "%zu. %s", i + 1, info.name.c_str());
    if (!info.description.empty()) std::fprintf(out, " (%s)", info.description.c_str());
    if (!flags.empty()) std::fprintf(out, " [%s]", flags.c_str());
    std::fputc('\n', out);
  }
  if (std::fflush(out) != 0) return kExitOutputError;
  return kExitOk;
}

int run_live_capture(const Options& options, const ServiceTable& table) {
  capture::LiveCaptureOptions capture_options;
  capture_options.interface = resolve_interface(options.interface);
  capture_options.promiscuous = options.promiscuous;
  capture::LiveError open_error;
  std::unique_ptr<capture::LiveCapture> capture = capture::LiveCapture::open(capture_options, open_error);
  if (!capture) {
    report_capture_error(open_error);
    return kExitInputError;
  }
  if (!options.filter.empty() && !capture->set_filter(options.filter, open_error)) {
    report_capture_error(open_error);
    return kExitInputError;
  }
  if (!capture->warning().empty()) {
    std::fprintf(stderr, "pclassify: warning: %s\n", capture->warning().c_str());
  }

  const FlowTracker::Options flow_options = tracker_options(options);
  FlowTracker tracker(flow_options);
  output::FlowReporter reporter(tracker, table);
  FlowEventPrinter printer(options.format, stdout);
  output::ServiceSummary summary;
  std::array<uint64_t, 4> ended{};
  uint64_t started = 0;

  // The handlers run inside add(), expire() and finish(), while the tracker still holds
  // the flow: its report is made from the table.
  const auto report_of = [&](const Flow& flow) -> std::optional<output::FlowReport> {
    const uint32_t index = tracker.flows().find(flow.key);
    if (index == FlowTable::kNotFound) return std::nullopt;
    return reporter.report(index);
  };
  tracker.set_flow_start_handler([&](const Flow& flow) {
    ++started;
    if (const auto report = report_of(flow)) printer.flow_started(*report);
  });
  tracker.set_flow_end_handler([&](const Flow& flow, FlowEndReason reason) {
    ++ended[static_cast<size_t>(reason)];
    if (const auto report = report_of(flow)) {
      printer.flow_ended(*report, reason);
      summary.add(*report);
    }
  });

  std::unique_ptr<PacketAnnotator> annotator;
  if (!options.write_file.empty()) {
    annotator = open_annotator(options, tracker, reporter);
    if (!annotator) return kExitOutputError;
  }

  StopSignals signals(*capture);
  if (!options.quiet) {
    std::fprintf(stderr, "pclassify: listening on %s, link-type %d, snapshot length %d bytes\n",
                 capture->interface().c_str(), capture->link_type(), capture_options.snaplen);
  }
  printer.begin();

  const int64_t start_ns = clock_ns(CLOCK_MONOTONIC);
  const int64_t deadline_ns =
      options.duration_seconds > 0
          ? start_ns + static_cast<int64_t>(options.duration_seconds * 1e9)
          : std::numeric_limits<int64_t>::max();
  int64_t next_expire_ns = 0;
  output::InputTotals totals;
  capture::CapturedPacket packet;
  int exit_code = kExitOk;
  StopCause cause = StopCause::signal;
  for (;;) {
    if (StopSignals::requested() != 0) break;
    const capture::LiveStatus status = capture->next(packet);
    int64_t now_ns = 0;
    bool count_reached = false;
    if (status == capture::LiveStatus::packet) {
      ++totals.packets_read;
      DecodedPacket decoded = decode_packet(packet.link_type, packet.data, packet.wire_length);
      const uint32_t wire_length =
          std::max(packet.wire_length, static_cast<uint32_t>(packet.data.size()));
      tracker.add(decoded, packet.timestamp_ns, wire_length);
      if (annotator && !annotator->add(packet, decoded)) {
        std::fprintf(stderr, "pclassify: %s\n", annotator->error().c_str());
        exit_code = kExitOutputError;
        cause = StopCause::error;
        break;
      }
      now_ns = packet.timestamp_ns;
      count_reached = options.max_packets != 0 && tracker.counts().total >= options.max_packets;
    } else if (status == capture::LiveStatus::error) {
      std::fprintf(stderr, "pclassify: %s\n", capture->error().c_str());
      exit_code = kExitInputError;
      cause = StopCause::error;
      break;
    } else {
      now_ns = clock_ns(CLOCK_REALTIME);  // timeout or stop: no packet to tell the time
    }
    if (now_ns >= next_expire_ns) {
      tracker.expire(now_ns);
      next_expire_ns = now_ns + kExpireIntervalNs;
      if (annotator) annotator->flush();
    }
    if (!printer.ok()) {
      exit_code = kExitOutputError;
      cause = StopCause::error;
      break;
    }
    if (count_reached) {
      cause = StopCause::packet_count;
      break;
    }
    if (clock_ns(CLOCK_MONOTONIC) >= deadline_ns) {
      cause = StopCause::duration;
      break;
    }
  }

  // Every flow still open gets its final line.
  tracker.finish();
  printer.finish();
  if (annotator && !annotator->close()) {
    std::fprintf(stderr, "pclassify: %s\n", annotator->error().c_str());
    exit_code = worse_exit(exit_code, kExitOutputError);
  }
  capture::LiveStats kernel_stats;
  std::optional<capture::LiveStats> kernel;
  if (capture->stats(kernel_stats)) kernel = kernel_stats;
  const int signal_number = StopSignals::requested();
  if (!options.quiet) {
    const bool to_stdout = options.format == output::OutputFormat::table;
    std::FILE* stream = to_stdout ? stdout : stderr;
    std::string text = summary.format(tracker, totals);
    text += live_summary(capture->interface(), tracker, ended, started, kernel, cause,
                         signal_number, clock_ns(CLOCK_MONOTONIC) - start_ns,
                         flow_options.max_flows);
    if (to_stdout) std::fputc('\n', stream);
    std::fputs(text.c_str(), stream);
  }
  if (std::fflush(stdout) != 0 || !printer.ok()) {
    exit_code = worse_exit(exit_code, kExitOutputError);
  }
  return exit_code;
}

}  // namespace pclassify::cli
