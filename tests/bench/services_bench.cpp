// The service table's costs: compiling the official XML into a table (read, merge, emit,
// load: what a run-time `--table` or a rebuild pays) and a lookup (what every flow pays).
//   build-table/tests/bench/services_bench --benchmark_min_time=0.5
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "merge.h"
#include "read_registry_file.h"
#include "services/service_table.h"
#include "table_writer.h"

namespace {

const std::string kXml =
    std::string(PCLASSIFY_SHARED_DIR) + "/registry/service-names-port-numbers.xml";

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The XML bytes, read from disk once (file I/O is not what is measured).
const std::string& xml_text() {
  static const std::string text = std::filesystem::exists(kXml) ? slurp(kXml) : std::string();
  return text;
}

// What `pclassify-gen --table` does after reading the file: read, merge, emit.
std::string table_text() {
  auto read = pclassify::gen::read_registry_text(xml_text(), kXml);
  std::vector<pclassify::gen::RegistrySnapshot> snapshots;
  snapshots.push_back(std::move(read.snapshot));
  return pclassify::gen::render_table(pclassify::gen::merge_snapshots(std::move(snapshots)));
}

void BM_ReadXml(benchmark::State& state) {
  if (xml_text().empty()) return state.SkipWithError("no registry XML in PCLASSIFY_SHARED_DIR");
  for (auto _ : state) {
    auto read = pclassify::gen::read_registry_text(xml_text(), kXml);
    benchmark::DoNotOptimize(read.snapshot.records.data());
  }
}
BENCHMARK(BM_ReadXml)->Unit(benchmark::kMillisecond);

// XML text -> records -> merged -> table text -> loaded ServiceTable with its indexes.
void BM_XmlToLoadedTable(benchmark::State& state) {
  if (xml_text().empty()) return state.SkipWithError("no registry XML in PCLASSIFY_SHARED_DIR");
  for (auto _ : state) {
    std::string error;
    auto table = pclassify::ServiceTable::load(table_text(), "bench", error);
    benchmark::DoNotOptimize(table.get());
  }
}
BENCHMARK(BM_XmlToLoadedTable)->Unit(benchmark::kMillisecond);

// The loader alone, as for `--table FILE` or the built-in table at first use.
void BM_LoadTable(benchmark::State& state) {
  if (xml_text().empty()) return state.SkipWithError("no registry XML in PCLASSIFY_SHARED_DIR");
  const std::string text = table_text();
  for (auto _ : state) {
    std::string error;
    auto table = pclassify::ServiceTable::load(text, "bench", error);
    benchmark::DoNotOptimize(table.get());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_LoadTable)->Unit(benchmark::kMillisecond);

// One lookup over a spread of ports and transports (the built-in table).
void BM_Lookup(benchmark::State& state) {
  const pclassify::ServiceTable& table = pclassify::ServiceTable::builtin();
  uint32_t port = 0;
  size_t found = 0;
  for (auto _ : state) {
    const auto t = static_cast<pclassify::Transport>(port & 3);
    found += table.lookup(t, static_cast<uint16_t>(port)).size();
    port += 7919;  // a prime stride: visits ports all over the index
  }
  benchmark::DoNotOptimize(found);
}
BENCHMARK(BM_Lookup);

void BM_FindName(benchmark::State& state) {
  const pclassify::ServiceTable& table = pclassify::ServiceTable::builtin();
  for (auto _ : state) benchmark::DoNotOptimize(table.find_name("HTTPS").size());
}
BENCHMARK(BM_FindName);

}  // namespace
