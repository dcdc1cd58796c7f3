// Registry files that are not registries, or are broken: every reader, and pclassify-gen
// in front of them, must answer with "FILE:LINE: message", quickly, without crashing; and
// pclassify-gen must exit non-zero without writing (or touching) its table file.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "readers.h"

namespace pclassify::gen {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// Generous: the readers are linear and these inputs are at most a few MiB, so even a
// sanitizer build takes well under a second. What this catches is quadratic behaviour.
constexpr auto kTimeBound = std::chrono::seconds(20);

// The official CSV header (ARCHITECTURE.md), and the pipe table's.
constexpr std::string_view kCsvHeader =
    "Service Name,Port Number,Transport Protocol,Description,Assignee,Contact,"
    "Registration Date,Modification Date,Reference,Service Code,Unauthorized Use Reported,"
    "Assignment Notes";

struct BadInput {
  std::string name;  // also the file name used in messages
  std::string text;
  int expected_line;  // the line the error must name; 0 = any line
};

using Reader = std::function<ReadOutcome(std::string_view, std::string_view)>;

struct NamedReader {
  std::string name;
  Reader read;
};

std::vector<NamedReader> all_readers() {
  return {{"xml", read_xml_registry},
          {"csv", read_csv_registry},
          {"pipe_table", read_pipe_table_registry},
          {"plain_text", read_plain_text_registry}};
}

// Deterministic bytes covering every value: NULs, control bytes, invalid UTF-8.
std::string binary_garbage(size_t size) {
  std::string out(size, '\0');
  uint32_t state = 0x12345678u;
  for (char& c : out) {
    state = state * 1664525u + 1013904223u;  // Numerical Recipes' LCG
    c = static_cast<char>(state >> 24);
  }
  return out;
}

BadInput malformed_xml() {
  // <record> is never closed: expat reports the mismatched </registry> on line 5.
  return {"malformed.xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<registry xmlns=\"http://www.iana.org/assignments\" id=\"service-names-port-numbers\">\n"
          "  <record>\n"
          "    <name>echo</name><number>7</number>\n"
          "</registry>\n",
          5};
}

BadInput csv_with_unterminated_quote() {
  // The quote opened on line 3 swallows lines 4 and 5; the error names where it opened.
  return {"unterminated.csv",
          std::string(kCsvHeader) +
              "\n"
              "echo,7,tcp,Echo,,,,,,,,\n"
              "discard,9,tcp,\"Discard,,,,,,,,\n"
              "daytime,13,tcp,Daytime,,,,,,,,\n"
              "qotd,17,tcp,Quote of the Day,,,,,,,,\n",
          3};
}

BadInput pipe_table_without_header() {
  return {"no-header.txt",
          "Service Name and Transport Protocol Port Number Registry\n"
          "- Last Updated\n"
          "- 2025-10-30\n"
          "| echo | 7 | tcp | Echo | | | | | | | | |\n"
          "| discard | 9 | tcp | Discard | | | | | | | | |\n",
          0};
}

// One line of several MiB with no newline: no header can be found in it.
BadInput multi_megabyte_line() {
  std::string line = "echo 7 tcp ";
  line.append(size_t{6} << 20, 'x');
  return {"long-line.txt", line, 1};
}

// "FILE:LINE: message" with the file the reader was given; returns LINE (or -1).
int error_line(std::string_view error, std::string_view file) {
  if (!error.starts_with(file) || error.substr(file.size(), 1) != ":") return -1;
  error.remove_prefix(file.size() + 1);
  int line = 0;
  size_t digits = 0;
  for (; digits < error.size() && digits < 9 &&
         std::isdigit(static_cast<unsigned char>(error[digits]));
       ++digits) {
    line = line * 10 + (error[digits] - '0');
  }
  const bool message_follows = error.substr(digits).starts_with(": ") && error.size() > digits + 2;
  return digits > 0 && line > 0 && message_follows ? line : -1;
}

void expect_line_error(const NamedReader& reader, const BadInput& input) {
  SCOPED_TRACE(reader.name + " reader on " + input.name);
  const auto start = Clock::now();
  const ReadOutcome outcome = reader.read(input.text, input.name);
  const auto elapsed = Clock::now() - start;
  EXPECT_LT(elapsed, kTimeBound);
  ASSERT_FALSE(outcome.ok) << "accepted " << outcome.snapshot.records.size() << " records";
  EXPECT_TRUE(outcome.snapshot.records.empty());
  const int line = error_line(outcome.error, input.name);
  EXPECT_GT(line, 0) << "not FILE:LINE: " << outcome.error.substr(0, 300);
  if (input.expected_line != 0 && line > 0) {
    EXPECT_EQ(line, input.expected_line) << outcome.error.substr(0, 300);
  }
}

TEST(RegistryBadInput, MalformedXmlNamesTheLineOfTheMismatch) {
  expect_line_error({"xml", read_xml_registry}, malformed_xml());
}

TEST(RegistryBadInput, CsvUnterminatedQuoteNamesTheLineWhereItOpened) {
  expect_line_error({"csv", read_csv_registry}, csv_with_unterminated_quote());
}

TEST(RegistryBadInput, PipeTableWithoutHeaderIsAnError) {
  expect_line_error({"pipe_table", read_pipe_table_registry}, pipe_table_without_header());
}

TEST(RegistryBadInput, BinaryGarbageIsAnErrorForEveryReader) {
  const BadInput garbage{"garbage.bin", binary_garbage(64 * 1024), 0};
  for (const NamedReader& reader : all_readers()) expect_line_error(reader, garbage);
}

TEST(RegistryBadInput, MultiMegabyteSingleLineIsAnErrorForEveryReader) {
  const BadInput input = multi_megabyte_line();
  for (const NamedReader& reader : all_readers()) expect_line_error(reader, input);
}

// --- the same inputs through pclassify-gen --table ---------------------------------------

const fs::path kGenExe = fs::path(PCLASSIFY_BINARY_DIR) / "gen" / "pclassify-gen";

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

class PclassifyGenBadInput : public ::testing::TestWithParam<BadInput> {
 protected:
  void SetUp() override {
    if (!fs::exists(kGenExe)) GTEST_SKIP() << kGenExe << " is not built";
    dir_ =
        fs::path(::testing::TempDir()) / ("pclassify-bad-input-" + std::to_string(::getpid()) +
                                          "-" + std::to_string(reinterpret_cast<uintptr_t>(this)));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    if (!dir_.empty()) fs::remove_all(dir_);
  }

  // Runs pclassify-gen --table OUT INPUT; returns its exit status (-1 if it did not exit).
  int run_gen(const fs::path& input, const fs::path& table, std::string& err) {
    const fs::path err_file = dir_ / "stderr";
    const std::string command = "'" + kGenExe.string() + "' --table '" + table.string() + "' '" +
                                input.string() + "' >/dev/null 2>'" + err_file.string() + "'";
    const int raw = std::system(command.c_str());
    err = slurp(err_file);
    return WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  }

  fs::path dir_;
};

TEST_P(PclassifyGenBadInput, ExitsNonZeroWithFileLineAndWritesNoTable) {
  const BadInput& bad = GetParam();
  const fs::path input = dir_ / bad.name;
  std::ofstream(input, std::ios::binary) << bad.text;
  const fs::path table = dir_ / "table.txt";

  std::string err;
  const auto start = Clock::now();
  const int status = run_gen(input, table, err);
  EXPECT_LT(Clock::now() - start, kTimeBound);
  EXPECT_NE(status, 0) << err;
  EXPECT_NE(status, -1) << "pclassify-gen did not exit normally (crash?): " << err;
  EXPECT_GT(error_line(err, input.string()), 0) << "no INPUT:LINE: in " << err.substr(0, 300);
  EXPECT_FALSE(fs::exists(table)) << "a table was written for a bad input";
}

TEST_P(PclassifyGenBadInput, LeavesAnExistingTableUntouched) {
  const BadInput& bad = GetParam();
  const fs::path input = dir_ / bad.name;
  std::ofstream(input, std::ios::binary) << bad.text;
  const fs::path table = dir_ / "table.txt";
  const std::string previous = "pclassify-service-table\t1\nend\t0\n";
  std::ofstream(table, std::ios::binary) << previous;

  std::string err;
  EXPECT_NE(run_gen(input, table, err), 0) << err;
  EXPECT_EQ(slurp(table), previous);
}

std::string input_name(const ::testing::TestParamInfo<BadInput>& info) {
  std::string name;
  for (const char c : info.param.name)
    name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Inputs, PclassifyGenBadInput,
                         ::testing::Values(malformed_xml(), csv_with_unterminated_quote(),
                                           pipe_table_without_header(),
                                           BadInput{"garbage.bin", binary_garbage(64 * 1024), 0},
                                           multi_megabyte_line()),
                         input_name);

}  // namespace
}  // namespace pclassify::gen
