// Replays every corpus file through its fuzz target's entry point, without libFuzzer:
// the seeds and every crash ever found (corpus/<target>/crash-*) run in every build, so
// a regression of a fixed crash fails CI. A crash here is a crash of the test binary;
// the file being replayed is printed before it runs, to stderr.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "fuzz_entries.h"

namespace pclassify::fuzz {
namespace {

namespace fs = std::filesystem;

const fs::path kCorpusRoot = PCLASSIFY_FUZZ_CORPUS_DIR;

std::vector<fs::path> corpus_files(const std::string& target) {
  std::vector<fs::path> files;
  const fs::path dir = kCorpusRoot / target;
  if (!fs::is_directory(dir)) return files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// The file's bytes in an allocation of exactly their size, so that AddressSanitizer (in
// sanitizer builds) catches a read one byte past the end, as under libFuzzer.
std::unique_ptr<uint8_t[]> read_exactly(const fs::path& path, size_t& size) {
  std::ifstream in(path, std::ios::binary);
  const std::vector<char> bytes((std::istreambuf_iterator<char>(in)),
                                std::istreambuf_iterator<char>());
  size = bytes.size();
  auto copy = std::make_unique<uint8_t[]>(size == 0 ? 1 : size);
  std::copy(bytes.begin(), bytes.end(), copy.get());
  return copy;
}

class CorpusReplay : public ::testing::TestWithParam<FuzzEntry> {};

TEST_P(CorpusReplay, EveryCorpusFileRunsCleanly) {
  const FuzzEntry& entry = GetParam();
  const std::vector<fs::path> files = corpus_files(std::string(entry.target));
  ASSERT_FALSE(files.empty()) << "no corpus for fuzz target " << entry.target << " in "
                              << (kCorpusRoot / std::string(entry.target));
  for (const fs::path& file : files) {
    size_t size = 0;
    const std::unique_ptr<uint8_t[]> bytes = read_exactly(file, size);
    std::fprintf(stderr, "replaying %s (%zu bytes)\n", file.c_str(), size);
    // libFuzzer requires 0; other values are reserved.
    EXPECT_EQ(entry.run(bytes.get(), size), 0) << file;
  }
}

std::string target_name(const ::testing::TestParamInfo<FuzzEntry>& info) {
  return std::string(info.param.target);
}

INSTANTIATE_TEST_SUITE_P(Targets, CorpusReplay, ::testing::ValuesIn(kFuzzEntries), target_name);

// A reproducer filed under a misspelt target folder would silently never run.
TEST(CorpusLayout, EveryCorpusFolderBelongsToATarget) {
  std::set<std::string> targets;
  for (const FuzzEntry& entry : kFuzzEntries) targets.emplace(entry.target);
  ASSERT_TRUE(fs::is_directory(kCorpusRoot)) << kCorpusRoot;
  for (const auto& entry : fs::directory_iterator(kCorpusRoot)) {
    if (!entry.is_directory()) continue;
    const std::string name = entry.path().filename().string();
    EXPECT_TRUE(targets.count(name) == 1)
        << "corpus folder " << entry.path() << " matches no fuzz target";
  }
}

}  // namespace
}  // namespace pclassify::fuzz
