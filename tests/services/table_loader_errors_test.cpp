// The loader reads untrusted files (`--table FILE`): every corruption is an error with
// the file and line, never a crash and never a partial table.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "merge.h"
#include "services/service_table.h"
#include "table_writer.h"

namespace pclassify {
namespace {

gen::RegistryRecord record(std::string name, uint16_t lo, uint16_t hi, std::string protocol,
                           std::string description, std::string notes = "") {
  gen::RegistryRecord r;
  r.name = std::move(name);
  r.ports = gen::PortRange{lo, hi};
  r.protocol = std::move(protocol);
  r.description = std::move(description);
  r.assignment_notes = std::move(notes);
  return r;
}

// A small valid table written by gen/: lines 1 header, 2 source, 3-6 records, 7 end.
std::string small_table() {
  gen::RegistrySnapshot s;
  s.file = "made.txt";
  s.last_updated = "2025-01-01";
  s.sha256 = "00ff";
  s.records = {
      record("alpha", 7, 7, "tcp", "Alpha"),
      record("alpha_old", 7, 7, "tcp", "Alpha", "This entry is an alias to \"alpha\"."),
      record("", 8, 8, "", "Reserved", "Historic usage was beta. De-Assigned on 2020-01-01"),
      record("", 9, 20, "", "Unassigned")};
  return gen::render_table(gen::merge_snapshots({s}));
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t at = 0;
  while (at < text.size()) {
    const size_t end = text.find('\n', at);
    lines.push_back(text.substr(at, end - at));
    at = end + 1;
  }
  return lines;
}

std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

std::string load_error(const std::string& text) {
  std::string error;
  const auto table = ServiceTable::load(text, "bad.table", error);
  EXPECT_EQ(table, nullptr) << "loaded a corrupt table:\n" << text;
  return error;
}

// Replaces field `field` (0-based, the keyword is 0) of line `line` (1-based).
std::string with_field(std::string text, int line, size_t field, const std::string& value) {
  auto lines = split_lines(text);
  std::string& l = lines.at(static_cast<size_t>(line - 1));
  size_t start = 0;
  for (size_t i = 0; i < field; ++i) start = l.find('\t', start) + 1;
  const size_t end = l.find('\t', start);
  l.replace(start, (end == std::string::npos ? l.size() : end) - start, value);
  return join_lines(lines);
}

TEST(TableLoader, TheSmallTableLoads) {
  std::string error;
  const auto table = ServiceTable::load(small_table(), "good.table", error);
  ASSERT_NE(table, nullptr) << error;
  EXPECT_EQ(table->record_count(), 4u);
  const auto seven = table->lookup(Transport::tcp, 7);
  ASSERT_EQ(seven.size(), 2u);
  EXPECT_EQ(seven[1]->alias_of, "alpha");
  const auto eight = table->lookup(Transport::dccp, 8);
  ASSERT_EQ(eight.size(), 1u);
  EXPECT_EQ(eight[0]->former_name, "beta");
  EXPECT_EQ(eight[0]->status_date, "2020-01-01");
  EXPECT_EQ(table->lookup(Transport::sctp, 20).size(), 1u);
  EXPECT_TRUE(table->lookup(Transport::sctp, 21).empty());
}

TEST(TableLoader, HeaderErrors) {
  const std::string good = small_table();
  EXPECT_EQ(load_error(""), "bad.table:0: empty table: expected the header line");
  EXPECT_EQ(load_error("<?xml version='1.0'?>\n"),
            "bad.table:1: not a pclassify service table (the first line must start "
            "'pclassify-service-table')");
  EXPECT_EQ(load_error(with_field(good, 1, 1, "2")),
            "bad.table:1: table format version '2' is not supported (this build reads version 1)");
}

TEST(TableLoader, FieldErrorsNameTheirLine) {
  const std::string good = small_table();
  EXPECT_EQ(load_error(with_field(good, 4, 3, "70000")),
            "bad.table:4: port '70000'-'7' is not a number from 0 to 65535");
  EXPECT_EQ(load_error(with_field(good, 6, 3, "30")),
            "bad.table:6: port range 30-20 runs backwards");
  EXPECT_EQ(load_error(with_field(good, 3, 5, "dynamic")),
            "bad.table:3: range class 'dynamic' does not match port 7");
  EXPECT_EQ(load_error(with_field(good, 3, 6, "quic")), "bad.table:3: unknown transport 'quic'");
  EXPECT_EQ(load_error(with_field(good, 5, 7, "gone")), "bad.table:5: unknown status 'gone'");
  EXPECT_EQ(load_error(with_field(good, 5, 7, "assigned")),
            "bad.table:5: an assigned record without a name");
  EXPECT_EQ(load_error(with_field(good, 3, 1, "9")),
            "bad.table:3: record names source '9', which no 'source' line defines");
  EXPECT_EQ(load_error(with_field(good, 2, 5, "many")),
            "bad.table:2: source record count 'many' is not a number");
  EXPECT_EQ(load_error(with_field(good, 4, 0, "recrod")),
            "bad.table:4: unknown line kind 'recrod' (expected source, record or end)");
}

TEST(TableLoader, ShapeErrors) {
  const std::string good = small_table();
  auto lines = split_lines(good);
  // A record line that lost its last field.
  auto short_line = lines;
  short_line[3] = short_line[3].substr(0, short_line[3].rfind('\t'));
  EXPECT_EQ(load_error(join_lines(short_line)),
            "bad.table:4: 'record' line has 19 fields, expected 20");
  // Truncated: the end line is missing.
  auto truncated = lines;
  truncated.pop_back();
  EXPECT_EQ(load_error(join_lines(truncated)),
            "bad.table:6: the table stops before its 'end' line (truncated file?)");
  // A record dropped: the end count and the source count disagree.
  auto dropped = lines;
  dropped.erase(dropped.begin() + 4);
  EXPECT_EQ(load_error(join_lines(dropped)),
            "bad.table:6: 'end' announces 4 records, the table holds 3");
  EXPECT_EQ(load_error(with_field(join_lines(dropped), 6, 1, "3")),
            "bad.table:6: source 0 announces 4 records, the table holds 3");
  EXPECT_EQ(load_error(good + "record\n"), "bad.table:8: text after the 'end' line");
  // A source after the first record.
  auto late_source = lines;
  late_source.insert(late_source.begin() + 3, lines[1]);
  EXPECT_EQ(load_error(join_lines(late_source)),
            "bad.table:4: 'source' line after the first record");
}

TEST(TableLoader, GarbageBytesNeverCrash) {
  // Every prefix of a valid table shorter than its last line is an error (the final
  // newline alone may go missing).
  const std::string good = small_table();
  for (size_t n = 0; n + 1 < good.size(); ++n) {
    std::string error;
    EXPECT_EQ(ServiceTable::load(good.substr(0, n), "prefix", error), nullptr) << n;
    EXPECT_FALSE(error.empty());
  }
  std::string binary(300, '\0');
  for (size_t i = 0; i < binary.size(); ++i) binary[i] = static_cast<char>(i * 37);
  std::string error;
  EXPECT_EQ(ServiceTable::load(binary, "binary", error), nullptr);
}

TEST(TableLoader, LoadFile) {
  const auto path = std::filesystem::path(::testing::TempDir()) / "pclassify-small.table";
  std::ofstream(path, std::ios::binary) << with_field(small_table(), 4, 6, "udpx");
  std::string error;
  EXPECT_EQ(ServiceTable::load_file(path.string(), error), nullptr);
  EXPECT_EQ(error, path.string() + ":4: unknown transport 'udpx'");
  std::filesystem::remove(path);
  EXPECT_EQ(ServiceTable::load_file("/nonexistent.table", error), nullptr);
  EXPECT_EQ(error, "/nonexistent.table:0: cannot open the table file");
}

}  // namespace
}  // namespace pclassify
