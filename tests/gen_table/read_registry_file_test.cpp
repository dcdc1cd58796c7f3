#include "read_registry_file.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "sha256.h"
#include "snapshot_builders.h"

namespace pclassify::gen {
namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(Sha256, KnownVectors) {
  // FIPS 180-4 examples, and a message that needs a second padding block.
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Sniff, ProjectMadeTexts) {
  EXPECT_EQ(sniff_rendering("  <?xml version='1.0'?>\n<registry/>"), Rendering::xml);
  EXPECT_EQ(sniff_rendering("Service Name,Port Number,Transport Protocol,Description\n"),
            Rendering::csv);
  EXPECT_EQ(
      sniff_rendering("Title\n| Service Name | Port Number | Transport Protocol |\n|---|---|\n"),
      Rendering::pipe_table);
  EXPECT_EQ(sniff_rendering("Service Name | Port Number | Transport Protocol |\n"),
            Rendering::pipe_table);
  EXPECT_EQ(
      sniff_rendering("Service Name Port Number Transport Protocol Description\nhttp 80 tcp\n"),
      Rendering::plain_text);
  EXPECT_EQ(sniff_rendering("# comment\nhttp\t80/tcp/udp\t# Web\nx11\t6000-6063/tcp\n"),
            Rendering::wireshark_services);
}

TEST(Sniff, SharedFiles) {
  const std::string seeds = std::string(PCLASSIFY_SHARED_DIR) + "/seeds/";
  if (!std::filesystem::exists(seeds)) GTEST_SKIP() << "no " << seeds;
  EXPECT_EQ(sniff_rendering(slurp(seeds + "000_268dbc1e4290dc2e.txt")), Rendering::pipe_table);
  EXPECT_EQ(sniff_rendering(slurp(seeds + "002_d2c3e2121117790b.txt")), Rendering::pipe_table);
  EXPECT_EQ(sniff_rendering(slurp(seeds + "003_e7a3042a5287b3f1.txt")), Rendering::plain_text);
  EXPECT_EQ(sniff_rendering(slurp(testing::kNewXml)), Rendering::xml);
}

TEST(ReadRegistryFile, RecordsFileDateAndHash) {
  const std::string path = testing::kNewXml;
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no " << path;
  Rendering sniffed = Rendering::csv;
  const ReadOutcome outcome = read_registry_file(path, &sniffed);
  ASSERT_TRUE(outcome.ok) << outcome.error;
  EXPECT_EQ(sniffed, Rendering::xml);
  EXPECT_EQ(outcome.snapshot.file, path);
  EXPECT_EQ(outcome.snapshot.last_updated, "2026-08-17");
  EXPECT_EQ(outcome.snapshot.sha256, sha256_hex(slurp(path)));
  EXPECT_EQ(outcome.snapshot.records.size(), 14533u);
}

TEST(ReadRegistryFile, MissingFile) {
  const ReadOutcome outcome = read_registry_file("/nonexistent/registry.xml");
  EXPECT_FALSE(outcome.ok);
  EXPECT_EQ(outcome.error, "/nonexistent/registry.xml:0: cannot read the file");
}

}  // namespace
}  // namespace pclassify::gen
