#include <gtest/gtest.h>

#include <filesystem>

#include "checks.h"
#include "read_registry_file.h"
#include "records_tsv.h"
#include "wireshark_services_reader.h"

namespace pclassify::gen {
namespace {

constexpr const char* kSystemServices = "/usr/share/wireshark/services";

std::vector<std::string> tsv_lines_at(const RegistrySnapshot& s, uint16_t port) {
  std::vector<std::string> out;
  for (const RegistryRecord& r : s.records) {
    if (r.ports && r.ports->lo == port) out.push_back(record_tsv_line(r));
  }
  return out;
}

TEST(WiresharkServices, ProjectMadeLines) {
  const ReadOutcome o = read_wireshark_services(
      "# header\n\nhttp\t\t80/tcp/udp/sctp\t# World Wide Web HTTP\nx11\t6000-6063/tcp\n", "svc");
  ASSERT_TRUE(o.ok) << o.error;
  ASSERT_EQ(o.snapshot.records.size(), 4u);
  EXPECT_EQ(record_tsv_line(o.snapshot.records[2]),
            "http\t80\t80\tsctp\tWorld Wide Web HTTP\t\t\t\t\t\t\t\t");
  EXPECT_EQ(record_tsv_line(o.snapshot.records[3]), "x11\t6000\t6063\ttcp\t\t\t\t\t\t\t\t\t");
  EXPECT_EQ(o.snapshot.records[3].origin.line, 4);
  EXPECT_FALSE(o.snapshot.claims_full_registry);
  EXPECT_EQ(o.snapshot.last_updated, "");
}

TEST(WiresharkServices, MalformedLinesNameTheirLine) {
  EXPECT_EQ(read_wireshark_services("a 1/tcp\nb 70000/tcp\n", "svc").error,
            "svc:2: '70000' is not a port or port range");
  EXPECT_EQ(read_wireshark_services("a 1/tcp\n\nb 2/quic # x\n", "svc").error,
            "svc:3: unknown transport protocol 'quic'");
  EXPECT_EQ(read_wireshark_services("a 1\n", "svc").error, "svc:1: '1' has no /protocol");
  EXPECT_EQ(read_wireshark_services("lonely\n", "svc").error,
            "svc:1: expected 'NAME PORT/PROTOCOL', found only 'lonely'");
  EXPECT_FALSE(read_wireshark_services("a 1/tcp\n", "svc").error.size() > 0);
}

TEST(WiresharkServices, TheSystemFile) {
  if (!std::filesystem::exists(kSystemServices)) GTEST_SKIP() << "no " << kSystemServices;
  Rendering sniffed = Rendering::xml;
  const ReadOutcome o = read_registry_file(kSystemServices, &sniffed);
  ASSERT_TRUE(o.ok) << o.error;
  EXPECT_EQ(sniffed, Rendering::wireshark_services);
  EXPECT_EQ(o.snapshot.sha256.size(), 64u);
  EXPECT_GT(o.snapshot.records.size(), 10000u);  // ~6200 lines, most for tcp and udp
  EXPECT_EQ(tsv_lines_at(o.snapshot, 80),
            (std::vector<std::string>{"http\t80\t80\ttcp\tWorld Wide Web HTTP\t\t\t\t\t\t\t\t",
                                      "http\t80\t80\tudp\tWorld Wide Web HTTP\t\t\t\t\t\t\t\t",
                                      "http\t80\t80\tsctp\tWorld Wide Web HTTP\t\t\t\t\t\t\t\t"}));
  const auto x11 = tsv_lines_at(o.snapshot, 6000);
  ASSERT_FALSE(x11.empty());
  EXPECT_EQ(x11[0].substr(0, x11[0].find('\t', x11[0].find('\t', x11[0].find('\t') + 1) + 1)),
            "x11\t6000\t6063");
  // Only the "no date" warning: every line parses into a consistent record.
  const auto diagnostics = check_snapshot(o.snapshot);
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_EQ(diagnostics[0].severity, Severity::warning);
}

}  // namespace
}  // namespace pclassify::gen
