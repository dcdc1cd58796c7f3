// Runs the built pclassify binary: on project-made captures (exit codes, messages, stdin,
// filters, formats) and on the shared nDPI captures (JSON parses; flow counts agree with
// tshark's conversation tables). Shared captures, python3 and tshark are optional: the
// tests that need them skip with a message.
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "../common/scratch_dir_test.h"
#include "capture_bytes.h"

namespace pclassify::test {
namespace {

namespace fs = std::filesystem;

class CliTest : public ScratchDirTest {
 protected:
  CliTest() : ScratchDirTest("pclassify-cli-") {}

  CommandResult pclassify(const std::string& args) { return sh(std::string(PCLASSIFY_CLI_BINARY) + " " + args); }

  fs::path write_file(const std::string& name, const Bytes& bytes) {
    const fs::path path = dir_ / name;
    std::ofstream(path, std::ios::binary)
        .write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
    return path;
  }

  // A small capture: a TCP handshake to port 80 and two DNS queries.
  Bytes small_capture() {
    ByteWriter w = pcap_header({});
    pcap_record(w, 100, 0, ipv4_frame(0xc0a80001, 0x0a000001, 40000, 80, 0x02));
    pcap_record(w, 100, 10, ipv4_frame(0x0a000001, 0xc0a80001, 80, 40000, 0x12));
    pcap_record(w, 101, 0, ipv4_frame(0xc0a80001, 0x0a000002, 5353, 53, 0, 30));
    pcap_record(w, 102, 0, ipv4_frame(0xc0a80002, 0x0a000002, 5354, 53, 0, 30));
    return w.data();
  }

  static bool have(const char* tool) {
    return std::system((std::string("command -v ") + tool + " >/dev/null 2>&1").c_str()) == 0;
  }
  static fs::path shared(const std::string& name) {
    return fs::path(PCLASSIFY_SHARED_DIR) / "pcaps" / name;
  }

};

size_t line_count(const std::string& text) { return size_t(std::count(text.begin(), text.end(), '\n')); }

TEST_F(CliTest, TableAndSummaryOnAProjectCapture) {
  const fs::path capture = write_file("small.pcap", small_capture());
  const CommandResult run = sh("COLUMNS=120 " + std::string(PCLASSIFY_CLI_BINARY) + " " + capture.string());
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("tcp    192.168.0.1:40000  10.0.0.1:80"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("Services (3 flows):"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("Packets: 4 read, 4 in flows"), std::string::npos) << run.out;
}

TEST_F(CliTest, JsonGoesToStdoutAndSummaryToStderr) {
  const fs::path capture = write_file("small.pcap", small_capture());
  const CommandResult run = pclassify("-o json " + capture.string());
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(line_count(run.out), 3u);
  EXPECT_NE(run.err.find("Services (3 flows)"), std::string::npos);
  const CommandResult quiet = pclassify("-q -o json " + capture.string());
  EXPECT_EQ(quiet.err, "");
  EXPECT_EQ(quiet.out, run.out);
}

TEST_F(CliTest, StdinFilterAndCount) {
  const fs::path capture = write_file("small.pcap", small_capture());
  const CommandResult from_file = pclassify("-q -o csv " + capture.string());
  const CommandResult from_stdin = sh("cat " + capture.string() + " | " + PCLASSIFY_CLI_BINARY + " -q -o csv -");
  EXPECT_EQ(from_stdin.exit_code, 0) << from_stdin.err;
  EXPECT_EQ(from_stdin.out, from_file.out);
  const CommandResult filtered = pclassify("-q -o json " + capture.string() + " udp and dst port 53");
  EXPECT_EQ(line_count(filtered.out), 2u) << filtered.out;
  EXPECT_EQ(filtered.out.find("\"transport\":\"tcp\""), std::string::npos);
  const CommandResult counted = pclassify("-c 1 -o json -r " + capture.string());
  EXPECT_EQ(line_count(counted.out), 1u);
  EXPECT_NE(counted.err.find("Packets: 1 read"), std::string::npos) << counted.err;
}

TEST_F(CliTest, ExitCodesAndMessages) {
  const fs::path text = write_file("notes.txt", Bytes{'h', 'e', 'l', 'l', 'o', '\n'});
  CommandResult run = pclassify(text.string());
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("pclassify: " + text.string() +
                         ": not a pcap or pcapng file (magic 0x68656c6c)"),
            std::string::npos)
      << run.err;

  run = pclassify((dir_ / "missing.pcap").string());
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("No such file or directory"), std::string::npos);

  Bytes cut = small_capture();
  cut.resize(cut.size() - 20);
  const fs::path truncated = write_file("cut.pcap", cut);
  run = pclassify("-o json " + truncated.string());
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_NE(run.err.find("truncated at offset"), std::string::npos) << run.err;
  // The last DNS query is cut off: the handshake's flow and the first query's remain.
  EXPECT_EQ(line_count(run.out), 2u) << "flows before the cut are still printed";

  // An input error outranks a truncated capture; the good file's flows still come out.
  run = pclassify("-q -o json " + truncated.string() + " " + text.string());
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(line_count(run.out), 2u);

  EXPECT_EQ(pclassify("--no-such-option").exit_code, 1);
  const fs::path capture = write_file("small.pcap", small_capture());
  run = pclassify(capture.string() + " tcp port port");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("invalid filter expression"), std::string::npos);
  EXPECT_EQ(pclassify("--lookup no-such-service-name").exit_code, 1);
}

TEST_F(CliTest, LookupAnswersLikeALabel) {
  CommandResult run = pclassify("--lookup 443/tcp");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out.rfind("443/tcp  ", 0), 0u) << run.out;
  EXPECT_NE(run.out.find("[registry_caveat]"), std::string::npos);
  run = pclassify("-o json --lookup 53");
  EXPECT_EQ(line_count(run.out), 4u) << "one answer per transport";
  run = pclassify("--help");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_NE(run.out.find("Usage: pclassify"), std::string::npos);
  run = pclassify("--version");
  EXPECT_NE(run.out.find("service table: "), std::string::npos);
}

const std::vector<std::string> kSharedCaptures = {
    "443-chrome.pcap", "dns.pcap",      "ftp.pcap",      "http_ipv6.pcap", "bittorrent.pcap",
    "emotet.pcap",     "gre.pcapng",    "6in4tunnel.pcap", "teamviewer.pcap", "quic.pcap"};

TEST_F(CliTest, SharedCapturesGiveValidJsonLines) {
  if (!fs::exists(shared("dns.pcap"))) GTEST_SKIP() << "shared captures not found in " << PCLASSIFY_SHARED_DIR;
  if (!have("python3")) GTEST_SKIP() << "python3 not installed";
  const std::string check =
      "python3 -c 'import json,sys\n"
      "n=0\n"
      "for line in sys.stdin:\n"
      "  o=json.loads(line); n+=1\n"
      "  assert o[\"network\"][\"packets\"]==o[\"source\"][\"packets\"]+o[\"destination\"][\"packets\"]\n"
      "  assert o[\"pclassify\"][\"notes\"][0][\"code\"]==\"registry_caveat\"\n"
      "print(n)'";
  for (const std::string& name : kSharedCaptures) {
    const CommandResult run = sh(std::string(PCLASSIFY_CLI_BINARY) + " -q -o json " + shared(name).string() +
                       " | " + check);
    EXPECT_EQ(run.exit_code, 0) << name << ": " << run.err;
    EXPECT_GT(std::stoul(run.out.empty() ? "0" : run.out), 0u) << name;
  }
}

// tshark's conversation tables count the same bidirectional 5-tuples (for captures without
// ICMP errors, whose quoted headers tshark counts and pclassify does not).
TEST_F(CliTest, FlowCountsAgreeWithTshark) {
  if (!fs::exists(shared("dns.pcap"))) GTEST_SKIP() << "shared captures not found in " << PCLASSIFY_SHARED_DIR;
  if (!have("tshark")) GTEST_SKIP() << "tshark not installed";
  for (const std::string& name : kSharedCaptures) {
    for (const std::string transport : {"tcp", "udp"}) {
      const CommandResult theirs = sh("tshark -n -q -r " + shared(name).string() + " -z conv," + transport +
                            " | grep -c '<->'");
      const CommandResult ours = sh(std::string(PCLASSIFY_CLI_BINARY) + " -q -o json " +
                          shared(name).string() + " | grep -c '\"transport\":\"" + transport + "\"'");
      EXPECT_EQ(std::stoul(ours.out.empty() ? "0" : ours.out),
                std::stoul(theirs.out.empty() ? "0" : theirs.out))
          << name << " " << transport;
    }
  }
}

}  // namespace
}  // namespace pclassify::test
