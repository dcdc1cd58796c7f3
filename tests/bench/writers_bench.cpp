// The flow writers (JSON lines, CSV, Zeek TSV, table) on real FlowReports, written to
// /dev/null. The flows are synthesised like make_bench_capture's (the whole-run bench):
// IPv4 clients talking to a handful of server ports over TCP, UDP, SCTP and DCCP, with
// payload samples so every report carries a payload verdict. Two mixes:
//   bench_capture  as the whole-run capture: IPv4 only, no payload pclassify recognises;
//   varied         a tenth IPv6, a few tunnelled, every third TCP client speaking HTTP
//                  (payload verdicts change from flow to flow), so every branch runs.
// Reports are built once: only the writing is timed. `per_flow` (CPU time per flow) is
// the number to read.
//   build-writer/tests/bench/writers_bench --benchmark_min_time=0.5
#include <benchmark/benchmark.h>

#include <array>
#include <cstdio>
#include <string_view>
#include <vector>

#include "flow/flow_tracker.h"
#include "output/flow_report.h"
#include "output/flow_writer.h"
#include "services/service_table.h"

namespace {

using namespace pclassify;

constexpr size_t kFlows = 20'000;
constexpr std::array<uint16_t, 10> kServerPorts = {443, 80,   53,   22,   25,
                                                   123, 8080, 3389, 4705, 50000};

uint64_t next_random(uint64_t& state) {  // splitmix64, as make_bench_capture
  uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

IpAddress address(uint8_t family, uint32_t value, uint8_t network) {
  IpAddress ip;
  ip.family = family;
  if (family == 4) {
    ip.bytes = {network, static_cast<uint8_t>(value >> 16), static_cast<uint8_t>(value >> 8),
                static_cast<uint8_t>(value)};
  } else {  // 2001:db8:NN::xxxx:xxxx: RFC 5952 shortens the zero run
    ip.bytes = {0x20,
                0x01,
                0x0d,
                0xb8,
                0,
                network,
                0,
                0,
                0,
                0,
                0,
                0,
                static_cast<uint8_t>(value >> 24),
                static_cast<uint8_t>(value >> 16),
                static_cast<uint8_t>(value >> 8),
                static_cast<uint8_t>(value)};
  }
  return ip;
}

FlowTracker::Options sampling_options() {
  FlowTracker::Options options;
  options.sample_payloads = true;  // as a run with verification (the default)
  return options;
}

enum class Mix { bench_capture, varied };

// The flows and their reports; everything the reports point into lives here.
struct Workload {
  FlowTracker tracker{sampling_options()};
  std::unique_ptr<output::FlowReporter> reporter;
  std::vector<output::FlowReport> reports;

  explicit Workload(Mix mix) {
    const bool varied = mix == Mix::varied;
    uint64_t rng = 42;
    constexpr std::string_view kHttp = "GET / HTTP/1.1\r\nHost: bench\r\n\r\n";
    const std::vector<uint8_t> http_request(kHttp.begin(), kHttp.end());
    const std::array<uint8_t, 64> zeros{};
    for (uint32_t id = 0; id < kFlows; ++id) {
      const uint8_t family = varied && id % 10 == 9 ? 6 : 4;
      const IpAddress client = address(family, id, 10);
      const IpAddress server = address(family, static_cast<uint32_t>(next_random(rng) % 200), 198);
      const auto client_port = static_cast<uint16_t>(49152 + next_random(rng) % 16000);
      const uint16_t server_port = kServerPorts[next_random(rng) % kServerPorts.size()];
      const uint64_t kind = next_random(rng) % 100;
      const Transport transport = kind < 70   ? Transport::tcp
                                  : kind < 98 ? Transport::udp
                                  : kind < 99 ? Transport::sctp
                                              : Transport::dccp;
      const int64_t start_ns = 1'700'000'000'000'000'000 + int64_t{id} * 7'000;
      for (int index = 0; index < 6; ++index) {
        const bool from_client = index % 2 == 0;
        DecodedPacket p;
        p.status = DecodeStatus::flow;
        p.tuple = from_client ? PacketTuple{client, server, client_port, server_port, transport}
                              : PacketTuple{server, client, server_port, client_port, transport};
        if (index < 2) {
          p.role = index == 0 ? HandshakeRole::opener : HandshakeRole::answerer;
          p.tcp_flags = index == 0 ? 0x02 : 0x12;
        } else {
          p.tcp_flags = 0x18;
          // Every third TCP client speaks HTTP (confirmed on 80, contradicted elsewhere).
          const bool http = varied && transport == Transport::tcp && id % 3 == 0 && index == 2;
          p.payload =
              http ? std::span<const uint8_t>(http_request) : std::span<const uint8_t>(zeros);
          p.payload_wire_length = static_cast<uint32_t>(p.payload.size());
        }
        if (transport != Transport::tcp) p.tcp_flags = 0;
        if (varied && id % 100 == 7) {  // a few flows inside a VXLAN tunnel
          p.tunnel = {TunnelKind::vxlan, address(4, 1, 192), address(4, 2, 192), 4242};
          p.tunnel_depth = 1;
        }
        tracker.add(p, start_ns + index * 12'600'000, index < 2 ? 66 : 590);
      }
    }
    reporter = std::make_unique<output::FlowReporter>(tracker, ServiceTable::builtin());
    for (uint32_t i = 0; i < tracker.flows().size(); ++i) reports.push_back(reporter->report(i));
  }
};

const Workload& workload(Mix mix) {
  static const Workload bench_capture(Mix::bench_capture);
  static const Workload varied(Mix::varied);
  return mix == Mix::varied ? varied : bench_capture;
}

// One iteration writes every report through a new writer (begin, write each, finish), as
// a run does; the table writer only renders in finish(), so it is timed whole too.
void BM_Write(benchmark::State& state, output::OutputFormat format, Mix mix) {
  const Workload& w = workload(mix);
  std::FILE* null = std::fopen("/dev/null", "w");
  if (null == nullptr) return state.SkipWithError("cannot open /dev/null");
  output::TableLayout layout;
  layout.width = 200;
  for (auto _ : state) {
    auto writer = output::make_flow_writer(format, null, layout);
    writer->begin();
    for (const output::FlowReport& r : w.reports) writer->write(r);
    writer->finish();
  }
  std::fclose(null);
  const auto flows = static_cast<double>(w.reports.size());
  // CPU seconds per flow, shown with an SI prefix ("95.2n" is 95.2 ns).
  state.counters["per_flow"] = benchmark::Counter(
      flows, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * w.reports.size()));
}
BENCHMARK_CAPTURE(BM_Write, json / bench_capture, output::OutputFormat::json, Mix::bench_capture)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Write, json / varied, output::OutputFormat::json, Mix::varied)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Write, csv / bench_capture, output::OutputFormat::csv, Mix::bench_capture)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Write, csv / varied, output::OutputFormat::csv, Mix::varied)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Write, zeek / bench_capture, output::OutputFormat::zeek, Mix::bench_capture)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Write, zeek / varied, output::OutputFormat::zeek, Mix::varied)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Write, table / bench_capture, output::OutputFormat::table, Mix::bench_capture)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Write, table / varied, output::OutputFormat::table, Mix::varied)
    ->Unit(benchmark::kMillisecond);

}  // namespace
