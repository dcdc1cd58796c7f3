// The pclassify binary: payload verdicts in every output format, --no-verify, --triage on
// the project's captures (pcaps/README.md says what each holds) and on nDPI's captures in
// ../shared/pcaps (skipped when absent), and --policy with its errors.
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "../common/scratch_dir_test.h"
#include "services/service_table.h"

namespace pclassify::test {
namespace {

namespace fs = std::filesystem;

size_t count_of(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// The registry facts triage ranks (Reserved and Unassigned rows, de-assignments,
// unauthorized use) come only from an IANA registry. A build that found none (no network
// for the fetch, no PCLASSIFY_REGISTRY) compiles Wireshark's services file: names only,
// and no date, which is how its source tells.
bool builtin_table_has_registry_facts() {
  for (const TableSource& source : ServiceTable::builtin().sources()) {
    if (!source.last_updated.empty()) return true;
  }
  return false;
}

class TriageCli : public ScratchDirTest {
 protected:
  TriageCli() : ScratchDirTest("pclassify-triage-") {}

  CommandResult pclassify(const std::string& args) {
    return sh(std::string(PCLASSIFY_CLI_BINARY) + " " + args);
  }

  static std::string project(const std::string& name) {
    return std::string(PCLASSIFY_SOURCE_DIR) + "/pcaps/" + name;
  }
  static std::string shared(const std::string& name) {
    return std::string(PCLASSIFY_SHARED_DIR) + "/pcaps/" + name;
  }

  fs::path write(const std::string& name, const std::string& text) {
    const fs::path path = dir_ / name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

};

#define SKIP_WITHOUT(path)                                                        \
  if (!fs::exists(path)) GTEST_SKIP() << (path) << " is absent (../shared/pcaps)"

TEST_F(TriageCli, JsonCarriesThePayloadVerdict) {
  const CommandResult run = pclassify("-q -o json " + project("payload_contradicts_port.pcap"));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(count_of(run.out, "\"payload\":{\"verdict\":\"contradicted\""), 2u) << run.out;
  EXPECT_NE(run.out.find("\"protocol\":\"ssh\""), std::string::npos);
  EXPECT_NE(run.out.find("\"protocol\":\"http\""), std::string::npos);
  EXPECT_NE(run.out.find("\"code\":\"payload_contradicts\",\"text\":\"port 443/tcp is "
                         "registered to https; payload is SSH"),
            std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("port 53/tcp is registered to domain; payload is HTTP"),
            std::string::npos);
}

TEST_F(TriageCli, NoVerifyLeavesThePayloadOut) {
  const CommandResult run = pclassify("-q --no-verify -o json " + project("payload_contradicts_port.pcap"));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out.find("\"payload\""), std::string::npos);
  EXPECT_EQ(run.out.find("payload_contradicts"), std::string::npos);
  EXPECT_EQ(count_of(run.out, "\n"), 2u);
  const CommandResult table =
      pclassify("-q --no-verify " + project("payload_contradicts_port.pcap"));
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_EQ(table.out.find("PAYLOAD"), std::string::npos) << table.out;
}

TEST_F(TriageCli, CsvZeekAndTableShowTheVerdict) {
  const std::string capture = project("payload_contradicts_port.pcap");
  CommandResult run = pclassify("-q -o csv " + capture);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find(",payload_verdict,payload_protocol,payload_detail\r\n"),
            std::string::npos);
  EXPECT_EQ(count_of(run.out, ",contradicted,"), 2u) << run.out;
  run = pclassify("-q -o zeek " + capture);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("\tpayload_verdict\tpayload_protocol\tpayload_detail\n"),
            std::string::npos);
  EXPECT_EQ(count_of(run.out, "\tcontradicted\t"), 2u) << run.out;
  run = pclassify("-q " + capture);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("PAYLOAD"), std::string::npos);
  EXPECT_NE(run.out.find("WRONG:ssh"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("WRONG:http"), std::string::npos) << run.out;
}

TEST_F(TriageCli, TriageRanksContradictionsAndRegistryFacts) {
  if (!builtin_table_has_registry_facts()) {
    GTEST_SKIP() << "the built-in table is not from an IANA registry (see BuiltinTable.cmake)";
  }
  const CommandResult run = pclassify("--triage -o json " + project("payload_contradicts_port.pcap") +
                            " " + project("ports_unassigned_reserved.pcap") + " " +
                            project("ports_deassigned.pcap") + " " +
                            project("ports_unauthorized_use.pcap"));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::istringstream lines(run.out);
  std::vector<std::string> entries;
  for (std::string line; std::getline(lines, line);) entries.push_back(line);
  ASSERT_FALSE(entries.empty());
  // Ranked: the two contradictions (50) first, then unauthorized use + unassigned on 796
  // (50), de-assigned 5030 (30), finger's unauthorized use (30), unassigned 4907 (20).
  // 1024/tcp answered only by a RST: no service there, not listed.
  EXPECT_EQ(count_of(run.out, "\"type\":\"flow\""), 6u) << run.out;
  EXPECT_NE(entries[0].find("\"score\":50"), std::string::npos) << entries[0];
  EXPECT_NE(entries[0].find("\"code\":\"payload_contradicts\""), std::string::npos);
  EXPECT_NE(run.out.find("\"port\":796},\"service\":\"(unassigned)\""), std::string::npos);
  EXPECT_NE(run.out.find("\"code\":\"service_deassigned\""), std::string::npos);
  EXPECT_NE(run.out.find("\"port\":4907}"), std::string::npos);
  EXPECT_EQ(run.out.find("\"port\":1024}"), std::string::npos);
  const std::string& summary = entries.back();
  EXPECT_EQ(summary.rfind("{\"type\":\"summary\",\"flows\":7,\"flagged_flows\":6,", 0), 0u)
      << summary;
  EXPECT_NE(summary.find("\"payload_contradicts\":2"), std::string::npos);
  EXPECT_NE(summary.find("\"unauthorized_use\":2"), std::string::npos);
  EXPECT_NE(summary.find("\"service_deassigned\":1"), std::string::npos);
  EXPECT_NE(summary.find("\"port_unassigned\":2"), std::string::npos);
  EXPECT_NE(summary.find("\"port_reserved\":0"), std::string::npos);
}

TEST_F(TriageCli, TriageTableHasReasonsAndSummary) {
  const CommandResult run = pclassify("--triage " + project("payload_contradicts_port.pcap"));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("payload_contradicts (+50): port 443/tcp is registered to https; "
                         "payload is SSH"),
            std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("Triage: 2 flows examined; 2 flows and 0 hosts flagged"),
            std::string::npos);
}

TEST_F(TriageCli, PolicyClearsExpectedAndFlagsUnexpected) {
  // The site says 192.0.2.43 runs ssh on 443 (cleared), and 192.0.2.53 runs only https on
  // 443: its 53/tcp is an unexpected service.
  const fs::path policy = write("site.policy",
                                "# test site\n"
                                "192.0.2.43  443/tcp  ssh\n"
                                "192.0.2.53  443/tcp  https\n");
  const CommandResult run = pclassify("--triage -o json --policy " + policy.string() + " " +
                            project("payload_contradicts_port.pcap"));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(count_of(run.out, "\"type\":\"flow\""), 1u) << run.out;
  EXPECT_NE(run.out.find("\"code\":\"unexpected_service\""), std::string::npos);
  EXPECT_NE(run.out.find("\"code\":\"payload_contradicts\""), std::string::npos);
  EXPECT_NE(run.out.find("\"score\":90"), std::string::npos);
  EXPECT_NE(run.out.find("\"cleared_by_policy\":1"), std::string::npos);
}

TEST_F(TriageCli, PolicyErrorsExitTwoWithFileAndLine) {
  const fs::path policy = write("bad.policy", "192.0.2.43 443/tcp ssh\n\n192.0.2.53 443 https\n");
  const CommandResult run = pclassify("--triage --policy " + policy.string() + " " +
                            project("payload_contradicts_port.pcap"));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err, "pclassify: " + policy.string() +
                         ":3: \"443\" is not PORT/TRANSPORT (e.g. 443/tcp)\n");
  EXPECT_TRUE(run.out.empty());
  const CommandResult missing = pclassify("--triage --policy " + (dir_ / "none").string() + " " +
                                project("payload_contradicts_port.pcap"));
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("cannot read the policy file"), std::string::npos);
  EXPECT_EQ(pclassify("--policy " + policy.string() + " x.pcap").exit_code, 1);
  EXPECT_EQ(pclassify("--triage -o csv x.pcap").exit_code, 1);
}

TEST_F(TriageCli, SynScanIsOneScanLikeHost) {
  const std::string capture = shared("synscan.pcap");
  SKIP_WITHOUT(capture);
  const CommandResult run = pclassify("--triage -o json " + capture);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  ASSERT_GE(count_of(run.out, "\"type\":\"host\""), 1u) << run.out.substr(0, 2000);
  EXPECT_NE(run.out.find("\"code\":\"scan_like\""), std::string::npos);
  // The scanner's entry is near the top (score 40), not buried under per-port flows.
  std::istringstream lines(run.out);
  std::string line;
  bool host_in_top_five = false;
  for (int i = 0; i < 5 && std::getline(lines, line); ++i) {
    host_in_top_five |= line.find("\"type\":\"host\"") != std::string::npos;
  }
  EXPECT_TRUE(host_in_top_five);
}

TEST_F(TriageCli, TlsOnPort80IsContradicted) {
  const std::string capture = shared("tls_port_80.pcapng");
  SKIP_WITHOUT(capture);
  const CommandResult run = pclassify("--triage -o json " + capture);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("port 80/tcp is registered to http; payload is TLS (ClientHello"),
            std::string::npos)
      << run.out;
}

// The capture's HTTP client uses source port 5060 (sip); the handshake makes 8888 the
// server port, registered to ddi-tcp-1 with unauthorized use reported. HTTP is something
// many services run over and ddi-tcp-1 is not checkable: the verdict stays unknown, and
// the flow is flagged for the port's unauthorized use, not as SIP.
TEST_F(TriageCli, HttpFromTheSipPortIsJudgedOnTheServerPort) {
  const std::string capture = shared("http_on_sip_port.pcap");
  SKIP_WITHOUT(capture);
  CommandResult run = pclassify("-q -o json " + capture);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("\"destination\":{\"ip\":\"45.58.148.2\",\"port\":8888"),
            std::string::npos);
  EXPECT_NE(run.out.find("\"payload\":{\"verdict\":\"unknown\",\"protocol\":\"http\""),
            std::string::npos)
      << run.out;
  run = pclassify("--triage -o json " + capture);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("\"code\":\"unauthorized_use\""), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("\"code\":\"payload_contradicts\""), std::string::npos);
}

}  // namespace
}  // namespace pclassify::test
