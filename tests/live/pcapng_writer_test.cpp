// The pcapng writer: blocks read back by the project's own reader (structure, lengths,
// padding, timestamps), and by tshark and capinfos (comments as frame.comment, the
// application name, one interface per link type). Also `pclassify FILE -w OUT` on a
// project capture.
#include "output/pcapng_writer.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <vector>

#include "child_process.h"
#include "capture/capture_reader.h"

namespace pclassify::live_test {
namespace {

std::string temp_path(const std::string& name) { return ::testing::TempDir() + name; }

std::vector<uint8_t> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

uint32_t le32(const std::vector<uint8_t>& bytes, size_t offset) {
  return uint32_t{bytes[offset]} | uint32_t{bytes[offset + 1]} << 8 |
         uint32_t{bytes[offset + 2]} << 16 | uint32_t{bytes[offset + 3]} << 24;
}

struct TestPacket {
  int link_type;
  int64_t timestamp_ns;
  std::vector<uint8_t> data;
  std::string comment;
};

// Data lengths 1 to 5 and comments of 0 to 7 bytes exercise every padding case; two
// link types (Ethernet, raw IP) need two interfaces.
std::vector<TestPacket> test_packets() {
  return {
      {1, 1'700'000'000'123'456'789, {0x01}, "a"},
      {1, 1'700'000'000'223'456'789, {0x01, 0x02}, ""},
      {101, 1'700'000'001'000'000'001, {0x45, 0x00, 0x00}, "abcd"},
      {1, 1'700'000'002'000'000'000, {1, 2, 3, 4}, "pclassify: caf\xc3\xa9 7"},
      {101, 1'700'000'003'999'999'999, {1, 2, 3, 4, 5}, "xyz"},
  };
}

std::string write_test_file(const std::string& name) {
  const std::string path = temp_path(name);
  std::string error;
  auto writer = output::PcapngWriter::create(path, "pclassify-test 1.0", error);
  EXPECT_NE(writer, nullptr) << error;
  if (!writer) return path;
  for (const TestPacket& p : test_packets()) {
    EXPECT_TRUE(writer->write_packet(p.link_type, p.timestamp_ns,
                                     static_cast<uint32_t>(p.data.size() + 10), p.data,
                                     p.comment));
  }
  EXPECT_EQ(writer->packets_written(), 5u);
  EXPECT_EQ(writer->comments_written(), 4u);
  EXPECT_TRUE(writer->close()) << writer->error();
  return path;
}

TEST(PcapngWriter, BlocksAreAlignedAndCarryTheirLengthAtBothEnds) {
  const std::string path = write_test_file("blocks.pcapng");
  const std::vector<uint8_t> bytes = read_file(path);
  ASSERT_GE(bytes.size(), 28u);
  EXPECT_EQ(le32(bytes, 0), 0x0A0D0D0Au);
  EXPECT_EQ(le32(bytes, 8), 0x1A2B3C4Du);
  size_t offset = 0;
  std::vector<uint32_t> types;
  while (offset < bytes.size()) {
    ASSERT_LE(offset + 12, bytes.size());
    const uint32_t length = le32(bytes, offset + 4);
    ASSERT_EQ(length % 4, 0u) << "block at " << offset;
    ASSERT_LE(offset + length, bytes.size());
    EXPECT_EQ(le32(bytes, offset + length - 4), length) << "block at " << offset;
    types.push_back(le32(bytes, offset));
    offset += length;
  }
  // SHB, IDB (Ethernet), EPB, EPB, IDB (raw IP), EPB, EPB, EPB.
  EXPECT_EQ(types, (std::vector<uint32_t>{0x0A0D0D0A, 1, 6, 6, 1, 6, 6, 6}));
  std::remove(path.c_str());
}

TEST(PcapngWriter, PacketsReadBackWithTheProjectReader) {
  const std::string path = write_test_file("readback.pcapng");
  std::string error;
  auto reader = capture::CaptureReader::open_file(path, error);
  ASSERT_NE(reader, nullptr) << error;
  capture::CapturedPacket packet;
  for (const TestPacket& expected : test_packets()) {
    ASSERT_EQ(reader->next(packet), capture::ReadStatus::packet) << reader->error();
    EXPECT_EQ(packet.link_type, expected.link_type);
    EXPECT_EQ(packet.timestamp_ns, expected.timestamp_ns);
    EXPECT_EQ(packet.wire_length, expected.data.size() + 10);
    EXPECT_EQ(std::vector<uint8_t>(packet.data.begin(), packet.data.end()), expected.data);
  }
  EXPECT_EQ(reader->next(packet), capture::ReadStatus::end) << reader->error();
  std::remove(path.c_str());
}

TEST(PcapngWriter, TsharkShowsTheCommentsAndCapinfosTheApplication) {
  if (!have_tool("tshark") || !have_tool("capinfos")) GTEST_SKIP() << "tshark/capinfos absent";
  const std::string path = write_test_file("tshark.pcapng");
  const std::string comments = run_tool("tshark -r " + path + " -T fields -e frame.comment");
  EXPECT_EQ(comments, "a\n\nabcd\npclassify: caf\xc3\xa9 7\nxyz\n");
  const std::string info = run_tool("capinfos " + path);
  EXPECT_NE(info.find("Capture application: pclassify-test 1.0"), std::string::npos) << info;
  EXPECT_NE(info.find("Number of interfaces in file: 2"), std::string::npos) << info;
  EXPECT_NE(info.find("Number of packets:   5"), std::string::npos) << info;
  EXPECT_NE(info.find("nanoseconds"), std::string::npos) << info;
  std::remove(path.c_str());
}

TEST(PcapngWriter, CreateFailsWithTheReason) {
  std::string error;
  EXPECT_EQ(output::PcapngWriter::create("/nonexistent-dir/x.pcapng", "t", error), nullptr);
  EXPECT_NE(error.find("cannot create /nonexistent-dir/x.pcapng: "), std::string::npos) << error;
}

// `pclassify FILE -w OUT`: the file mode annotates too; one first-packet comment per flow.
TEST(PcapngWriter, FileModeWritesOneFirstPacketCommentPerFlow) {
  if (!have_tool("tshark")) GTEST_SKIP() << "tshark absent";
  const std::string input =
      std::string(PCLASSIFY_SOURCE_DIR) + "/pcaps/tcp_server_port_by_handshake.pcap";
  const std::string output = temp_path("file_mode.pcapng");
  ChildProcess child({PCLASSIFY_CLI_BINARY, "-o", "csv", "-q", "-w", output, input});
  const ChildResult result = child.finish(10000);
  ASSERT_EQ(result.exit_status, 0) << result.err;
  const size_t flows = lines_containing(result.out, {","}).size() - 1;  // minus the header
  ASSERT_GT(flows, 0u);
  const std::string comments = run_tool("tshark -r " + output + " -T fields -e frame.comment");
  EXPECT_EQ(lines_containing(comments, {"pclassify: "}).size(), flows) << comments;
  const std::string original = run_tool("capinfos -c -M " + input);
  const std::string written = run_tool("capinfos -c -M " + output);
  const auto count_of = [](const std::string& info) {
    const auto lines = lines_containing(info, {"Number of packets:"});
    return lines.empty() ? std::string("?") : lines[0].substr(lines[0].find_last_of(' ') + 1);
  };
  EXPECT_EQ(count_of(original), count_of(written));
  std::remove(output.c_str());
}

}  // namespace
}  // namespace pclassify::live_test
