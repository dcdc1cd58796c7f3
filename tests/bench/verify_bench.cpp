// Payload verification cost per call: the common case (a TLS ClientHello on 443) and the
// worst common case (bytes no recogniser wants, so every one of them looks and bails out).
#include <benchmark/benchmark.h>

#include <random>
#include <string_view>
#include <vector>

#include "../verify/capture_samples.h"
#include "verify/payload_verdict.h"
#include "verify/recognizer.h"

namespace pclassify {
namespace {

const std::vector<std::string_view> kHttps = {"https"};
const std::vector<std::string_view> kHttp = {"http", "www", "www-http"};

std::vector<uint8_t> random_payload(size_t size, uint32_t seed) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> byte(0, 255);
  std::vector<uint8_t> out(size);
  for (auto& b : out) b = static_cast<uint8_t>(byte(rng));
  return out;
}

void BM_VerifyTlsClientHello(benchmark::State& state) {
  const PayloadEvidence evidence{Transport::tcp, 443, samples::kTlsClientHelloImaps, {}, kHttps};
  for (auto _ : state) benchmark::DoNotOptimize(verify_payload(evidence));
}
BENCHMARK(BM_VerifyTlsClientHello);

void BM_VerifyHttpBothDirections(benchmark::State& state) {
  const PayloadEvidence evidence{Transport::tcp, 80, samples::kHttpGet, samples::kHttpResponse, kHttp};
  for (auto _ : state) benchmark::DoNotOptimize(verify_payload(evidence));
}
BENCHMARK(BM_VerifyHttpBothDirections);

// Random bytes (fixed seeds, so runs compare); one payload per call, cycling through 64.
void BM_VerifyRandomPayload(benchmark::State& state) {
  const auto transport = static_cast<Transport>(state.range(0));
  std::vector<std::vector<uint8_t>> payloads;
  for (uint32_t seed = 0; seed < 64; ++seed) payloads.push_back(random_payload(256, seed));
  size_t i = 0;
  for (auto _ : state) {
    const PayloadEvidence evidence{transport, 443, payloads[i++ % payloads.size()], {}, kHttps};
    benchmark::DoNotOptimize(verify_payload(evidence));
  }
  state.SetLabel(std::string(transport_name(transport)));
}
BENCHMARK(BM_VerifyRandomPayload)
    ->Arg(static_cast<int>(Transport::tcp))
    ->Arg(static_cast<int>(Transport::udp));

void BM_RecognizeTlsOnly(benchmark::State& state) {
  const Probe probe{samples::kTlsClientHelloImaps, Transport::tcp};
  for (auto _ : state) benchmark::DoNotOptimize(recognize_tls(probe));
}
BENCHMARK(BM_RecognizeTlsOnly);

}  // namespace
}  // namespace pclassify
