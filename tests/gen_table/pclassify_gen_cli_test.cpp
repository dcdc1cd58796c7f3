// The pclassify-gen command as the build and users run it: exit status, stderr, files.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "sha256.h"
#include "snapshot_builders.h"

namespace pclassify::gen {
namespace {

namespace fs = std::filesystem;

struct CommandResult {
  int status = -1;
  std::string out;
  std::string err;
};

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

class PclassifyGenCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) /
           ("pclassify-gen-cli-" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Runs pclassify-gen with `args` (already shell-quoted where needed).
  CommandResult run(const std::string& args) {
    const fs::path out = dir_ / "stdout", err = dir_ / "stderr";
    const std::string command = std::string("'") + PCLASSIFY_GEN_EXE + "' " + args + " >'" +
                                out.string() + "' 2>'" + err.string() + "'";
    const int raw = std::system(command.c_str());
    return {WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, slurp(out), slurp(err)};
  }

  fs::path dir_;
};

TEST_F(PclassifyGenCli, RecordsTsvOfAServicesFile) {
  const fs::path services = dir_ / "services";
  write(services, "# made for this test\nfoo\t7/tcp/udp\t# Foo service\nbar-baz\t1000-1002/dccp\n");
  const CommandResult r = run("--records-tsv '" + services.string() + "'");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out,
            "foo\t7\t7\ttcp\tFoo service\t\t\t\t\t\t\t\t\n"
            "foo\t7\t7\tudp\tFoo service\t\t\t\t\t\t\t\t\n"
            "bar-baz\t1000\t1002\tdccp\t\t\t\t\t\t\t\t\t\n");
  EXPECT_NE(r.err.find(services.string() + ":1: warning: no \"Last Updated\" date"),
            std::string::npos);
}

TEST_F(PclassifyGenCli, ReaderErrorsNameFileAndLineAndWriteNoTable) {
  const fs::path services = dir_ / "services", table = dir_ / "table.txt";
  write(services, "foo 7/tcp\nbar 99999/tcp\n");
  const CommandResult r = run("--table '" + table.string() + "' '" + services.string() + "'");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err, services.string() + ":2: '99999' is not a port or port range\n");
  EXPECT_FALSE(fs::exists(table));
}

TEST_F(PclassifyGenCli, TruncatedFullRegistryFailsTheFloorAndLeavesTheOldTable) {
  const std::string xml_path = testing::kNewXml;
  if (!fs::exists(xml_path)) GTEST_SKIP() << "no " << xml_path;
  // The official XML cut after its 3000th record: well-formed, claims to be the registry.
  const std::string xml = slurp(xml_path);
  size_t cut = 0;
  for (int i = 0; i < 3000; ++i) cut = xml.find("</record>", cut) + 9;
  const fs::path truncated = dir_ / "truncated.xml", table = dir_ / "table.txt";
  write(truncated, xml.substr(0, cut) + "\n</registry>\n");
  write(table, "the previous table\n");

  const CommandResult r = run("--table '" + table.string() + "' '" + truncated.string() + "'");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find(truncated.string() +
                       ":1: claims to be the full registry but yields only 3000 records"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(slurp(table), "the previous table\n");
  EXPECT_FALSE(fs::exists(dir_ / "table.txt.tmp"));
}

TEST_F(PclassifyGenCli, TableAndRegistryInfoFromTheRealRegistry) {
  const std::string xml_path = testing::kNewXml;
  if (!fs::exists(xml_path)) GTEST_SKIP() << "no " << xml_path;
  const fs::path table = dir_ / "table.txt", cpp = dir_ / "table.cpp";
  const CommandResult r = run("--registry-info --table '" + table.string() + "' --embed-cpp '" +
                              cpp.string() + "' '" + xml_path + "'");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "");
  const std::string sha = sha256_hex(slurp(xml_path));
  EXPECT_NE(r.out.find("  last updated:  2026-08-17\n  sha256:        " + sha), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("  records:       14533 read, 14533 kept after the merge"),
            std::string::npos);
  const std::string text = slurp(table);
  EXPECT_EQ(text.substr(0, text.find('\n')), "pclassify-service-table\t1");
  EXPECT_NE(text.find("source\t0\t" + xml_path + "\t2026-08-17\t" + sha + "\t14533\n"),
            std::string::npos);
  EXPECT_EQ(text.substr(text.rfind("end\t")), "end\t14533\n");
  EXPECT_NE(slurp(cpp).find("std::span<const std::string_view> builtin_table_chunks()"),
            std::string::npos);
  EXPECT_FALSE(fs::exists(dir_ / "table.txt.tmp"));
}

TEST_F(PclassifyGenCli, RecordsTsvOfTheRealRegistryHasThirteenColumns) {
  const std::string xml_path = testing::kNewXml;
  if (!fs::exists(xml_path)) GTEST_SKIP() << "no " << xml_path;
  const CommandResult r = run("--records-tsv '" + xml_path + "'");
  ASSERT_EQ(r.status, 0) << r.err;
  std::istringstream lines(r.out);
  std::string line;
  size_t count = 0;
  while (std::getline(lines, line)) {
    ++count;
    ASSERT_EQ(std::count(line.begin(), line.end(), '\t'), 12) << line;
  }
  EXPECT_EQ(count, 14533u);
}

TEST_F(PclassifyGenCli, DiffOfTheTwoRegistries) {
  const std::string old_xml = testing::kOldXml;
  const std::string new_xml = testing::kNewXml;
  if (!fs::exists(old_xml) || !fs::exists(new_xml)) GTEST_SKIP() << "no registry XMLs";
  const CommandResult r = run("diff '" + old_xml + "' '" + new_xml + "'");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("De-assigned (6):\n  831/tcp  netconf-beep"), std::string::npos)
      << r.out.substr(0, 1500);
}

TEST_F(PclassifyGenCli, UsageErrors) {
  EXPECT_EQ(run("").status, 2);
  EXPECT_EQ(run("--bogus x").status, 2);
  EXPECT_EQ(run("--table").status, 2);
  EXPECT_EQ(run("diff only-one").status, 2);
}

}  // namespace
}  // namespace pclassify::gen
