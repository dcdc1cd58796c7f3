// The capture readers on project-made byte buffers: both pcap byte orders and precisions,
// pcapng with several interfaces and unknown blocks, and every kind of damage.
#include <fcntl.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "capture_bytes.h"
#include "capture/capture_reader.h"
#include "capture/input_buffer.h"

namespace pclassify::test {
namespace {

using capture::CapturedPacket;
using capture::CaptureReader;
using capture::ReadStatus;

std::unique_ptr<CaptureReader> open(const Bytes& bytes, std::string& error) {
  return CaptureReader::open_bytes(bytes, error);
}

TEST(PcapReader, LittleEndianMicroseconds) {
  ByteWriter w = pcap_header({});
  const Bytes first = ipv4_frame(0x0a000001, 0x0a000002, 1234, 53);
  const Bytes second = ipv4_frame(0x0a000002, 0x0a000001, 53, 1234, 0, 10);
  pcap_record(w, 1700000000, 250000, first, 1000);
  pcap_record(w, 1700000001, 999999, second);
  std::string error;
  auto reader = open(w.data(), error);
  ASSERT_TRUE(reader) << error;
  EXPECT_EQ(reader->format(), capture::CaptureFormat::pcap);
  CapturedPacket p;
  ASSERT_EQ(reader->next(p), ReadStatus::packet);
  EXPECT_EQ(p.link_type, 1);
  EXPECT_EQ(p.timestamp_ns, 1700000000'250000000);
  EXPECT_EQ(p.wire_length, 1000u);
  EXPECT_EQ(Bytes(p.data.begin(), p.data.end()), first);
  ASSERT_EQ(reader->next(p), ReadStatus::packet);
  EXPECT_EQ(p.timestamp_ns, 1700000001'999999000);
  EXPECT_EQ(Bytes(p.data.begin(), p.data.end()), second);
  EXPECT_EQ(reader->next(p), ReadStatus::end);
}

TEST(PcapReader, BigEndianNanoseconds) {
  PcapOptions options;
  options.big_endian = true;
  options.nanoseconds = true;
  options.link_type = 101;
  ByteWriter w = pcap_header(options);
  const Bytes frame = {0x45, 0, 0, 20, 1, 2, 3, 4};
  pcap_record(w, 10, 123456789, frame);
  std::string error;
  auto reader = open(w.data(), error);
  ASSERT_TRUE(reader) << error;
  CapturedPacket p;
  ASSERT_EQ(reader->next(p), ReadStatus::packet);
  EXPECT_EQ(p.link_type, 101);
  EXPECT_EQ(p.timestamp_ns, 10'123456789);
  EXPECT_EQ(p.data.size(), frame.size());
  EXPECT_EQ(reader->next(p), ReadStatus::end);
}

TEST(PcapReader, TruncatedLastRecordKeepsEarlierPackets) {
  ByteWriter w = pcap_header({});
  pcap_record(w, 1, 0, ipv4_frame(1, 2, 3, 4));
  const size_t second_offset = w.size();
  pcap_record(w, 2, 0, ipv4_frame(1, 2, 3, 4, 0, 100));
  Bytes cut = w.data();
  cut.resize(cut.size() - 30);
  std::string error;
  auto reader = open(cut, error);
  ASSERT_TRUE(reader) << error;
  CapturedPacket p;
  EXPECT_EQ(reader->next(p), ReadStatus::packet);
  EXPECT_EQ(reader->next(p), ReadStatus::truncated);
  EXPECT_NE(reader->error().find("offset " + std::to_string(second_offset)), std::string::npos)
      << reader->error();
}

TEST(PcapReader, TruncatedRecordHeader) {
  ByteWriter w = pcap_header({});
  pcap_record(w, 1, 0, ipv4_frame(1, 2, 3, 4));
  w.u32(5).u32(0);  // half a record header
  std::string error;
  auto reader = open(w.data(), error);
  ASSERT_TRUE(reader);
  CapturedPacket p;
  EXPECT_EQ(reader->next(p), ReadStatus::packet);
  EXPECT_EQ(reader->next(p), ReadStatus::truncated);
  EXPECT_NE(reader->error().find("record header needs 16 bytes, only 8"), std::string::npos)
      << reader->error();
}

TEST(PcapReader, CapturedLengthAboveSnaplenIsAnErrorNamingBoth) {
  PcapOptions options;
  options.snaplen = 64;
  ByteWriter w = pcap_header(options);
  pcap_record(w, 1, 0, ipv4_frame(1, 2, 3, 4, 0, 100));  // 142 bytes
  std::string error;
  auto reader = open(w.data(), error);
  ASSERT_TRUE(reader);
  CapturedPacket p;
  EXPECT_EQ(reader->next(p), ReadStatus::error);
  EXPECT_NE(reader->error().find("captured length 142"), std::string::npos) << reader->error();
  EXPECT_NE(reader->error().find("snapshot length 64"), std::string::npos) << reader->error();
  EXPECT_NE(reader->error().find("offset 24"), std::string::npos) << reader->error();
}

TEST(PcapReader, AbsurdCapturedLengthWithoutSnaplen) {
  PcapOptions options;
  options.snaplen = 0;
  ByteWriter w = pcap_header(options);
  w.u32(1).u32(0).u32(0x7fffffff).u32(0x7fffffff);
  std::string error;
  auto reader = open(w.data(), error);
  ASSERT_TRUE(reader);
  CapturedPacket p;
  EXPECT_EQ(reader->next(p), ReadStatus::error);
  EXPECT_NE(reader->error().find("2147483647"), std::string::npos) << reader->error();
}

TEST(CaptureReader, NotACaptureNamesTheMagic) {
  const std::string text = "GET / HTTP/1.1\r\n\r\n";
  std::string error;
  auto reader = open(Bytes(text.begin(), text.end()), error);
  EXPECT_FALSE(reader);
  EXPECT_EQ(error, "not a pcap or pcapng file (magic 0x47455420)");
}

TEST(CaptureReader, EmptyAndTinyInputs) {
  std::string error;
  EXPECT_FALSE(open({}, error));
  EXPECT_NE(error.find("empty"), std::string::npos);
  EXPECT_FALSE(open({0xd4, 0xc3, 0xb2}, error));
  EXPECT_NE(error.find("3 bytes"), std::string::npos) << error;
  Bytes header = pcap_header({}).data();
  header.resize(20);
  EXPECT_FALSE(open(header, error));
  EXPECT_NE(error.find("truncated pcap file header"), std::string::npos) << error;
}

TEST(CaptureReader, MissingFileGivesTheSystemError) {
  std::string error;
  EXPECT_FALSE(CaptureReader::open_file("/nonexistent/x.pcap", error));
  EXPECT_EQ(error, "No such file or directory");
}

// Two interfaces with different link types and timestamp resolutions, a big-endian
// section, and blocks the reader does not know, which it must skip.
TEST(PcapngReader, TwoInterfacesAndUnknownBlocks) {
  for (const bool big : {false, true}) {
    SCOPED_TRACE(big ? "big-endian" : "little-endian");
    ByteWriter w(big);
    pcapng_section(w, big);
    pcapng_interface(w, big, 1, 65535);        // Ethernet, microseconds
    pcapng_block(w, 0x0BAD0001, {1, 2, 3, 4, 5});  // unknown: skipped by its length
    pcapng_interface(w, big, 101, 0, 9);       // raw IP, nanoseconds
    const Bytes ethernet = ipv4_frame(1, 2, 3, 4);
    const Bytes raw(ethernet.begin() + 14, ethernet.end());
    pcapng_enhanced_packet(w, big, 0, 1'700'000'000'000'001ULL, ethernet);
    pcapng_block(w, 5, Bytes(16, 0));          // interface statistics: skipped
    pcapng_enhanced_packet(w, big, 1, 1'700'000'000'000'000'002ULL, raw);
    std::string error;
    auto reader = open(w.data(), error);
    ASSERT_TRUE(reader) << error;
    EXPECT_EQ(reader->format(), capture::CaptureFormat::pcapng);
    CapturedPacket p;
    ASSERT_EQ(reader->next(p), ReadStatus::packet) << reader->error();
    EXPECT_EQ(p.link_type, 1);
    EXPECT_EQ(p.interface_id, 0u);
    EXPECT_EQ(p.timestamp_ns, 1'700'000'000'000'001'000LL);
    EXPECT_EQ(Bytes(p.data.begin(), p.data.end()), ethernet);
    ASSERT_EQ(reader->next(p), ReadStatus::packet) << reader->error();
    EXPECT_EQ(p.link_type, 101);
    EXPECT_EQ(p.interface_id, 1u);
    EXPECT_EQ(p.timestamp_ns, 1'700'000'000'000'000'002LL);
    EXPECT_EQ(Bytes(p.data.begin(), p.data.end()), raw);
    EXPECT_EQ(reader->next(p), ReadStatus::end);
  }
}

TEST(PcapngReader, SimplePacketBlockUsesInterfaceZero) {
  ByteWriter w(false);
  pcapng_section(w, false);
  pcapng_interface(w, false, 1, 40);
  const Bytes frame = ipv4_frame(1, 2, 3, 4, 0, 20);  // 62 bytes, cut to the snaplen 40
  ByteWriter body(false);
  body.u32(uint32_t(frame.size())).bytes(Bytes(frame.begin(), frame.begin() + 40));
  pcapng_block(w, 3, body.data());
  std::string error;
  auto reader = open(w.data(), error);
  ASSERT_TRUE(reader) << error;
  CapturedPacket p;
  ASSERT_EQ(reader->next(p), ReadStatus::packet) << reader->error();
  EXPECT_EQ(p.data.size(), 40u);
  EXPECT_EQ(p.wire_length, 62u);
}

TEST(PcapngReader, BlockLengthNotMultipleOfFourIsAnErrorWithOffset) {
  ByteWriter w(false);
  pcapng_section(w, false);
  const size_t offset = w.size();
  w.u32(1).u32(21).u32(0).u32(0).u8(0).u32(21);
  std::string error;
  auto reader = open(w.data(), error);
  ASSERT_TRUE(reader) << error;
  CapturedPacket p;
  EXPECT_EQ(reader->next(p), ReadStatus::error);
  EXPECT_NE(reader->error().find("block at offset " + std::to_string(offset)), std::string::npos)
      << reader->error();
  EXPECT_NE(reader->error().find("21"), std::string::npos);
}

TEST(PcapngReader, TrailingLengthMismatch) {
  ByteWriter w(false);
  pcapng_section(w, false);
  w.u32(0x0BAD0002).u32(16).u32(0).u32(20);
  std::string error;
  auto reader = open(w.data(), error);
  ASSERT_TRUE(reader);
  CapturedPacket p;
  EXPECT_EQ(reader->next(p), ReadStatus::error);
  EXPECT_NE(reader->error().find("trailing block length 20"), std::string::npos)
      << reader->error();
}

TEST(PcapngReader, TruncatedBlockAndUnknownInterface) {
  ByteWriter w(false);
  pcapng_section(w, false);
  pcapng_interface(w, false, 1, 0);
  pcapng_enhanced_packet(w, false, 0, 1, ipv4_frame(1, 2, 3, 4));
  Bytes cut = w.data();
  cut.resize(cut.size() - 8);
  std::string error;
  auto reader = open(cut, error);
  ASSERT_TRUE(reader);
  CapturedPacket p;
  EXPECT_EQ(reader->next(p), ReadStatus::truncated);

  ByteWriter bad(false);
  pcapng_section(bad, false);
  pcapng_interface(bad, false, 1, 0);
  pcapng_enhanced_packet(bad, false, 3, 1, ipv4_frame(1, 2, 3, 4));
  reader = open(bad.data(), error);
  ASSERT_TRUE(reader);
  EXPECT_EQ(reader->next(p), ReadStatus::error);
  EXPECT_NE(reader->error().find("interface 3"), std::string::npos) << reader->error();
}

TEST(PcapngReader, SectionWithoutByteOrderMagic) {
  ByteWriter w(false);
  w.u32(0x0A0D0D0A).u32(28).u32(0x12345678).u32(0).u32(0).u32(0).u32(28);
  std::string error;
  EXPECT_FALSE(open(w.data(), error));
  EXPECT_NE(error.find("byte-order magic"), std::string::npos) << error;
}

// The block reader assembles records that straddle its blocks: read through a pipe with a
// 7-byte block so that every record does.
TEST(InputBuffer, RecordsStraddlingBlocks) {
  ByteWriter w = pcap_header({});
  for (uint32_t i = 0; i < 20; ++i) pcap_record(w, i, 0, ipv4_frame(i, 2, 3, 4, 0, i));
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  ASSERT_EQ(::write(fds[1], w.data().data(), w.size()), ssize_t(w.size()));
  ::close(fds[1]);
  capture::InputBuffer input(fds[0], true, 7);
  // Walk the records by hand through ensure/peek/consume.
  ASSERT_TRUE(input.ensure(24));
  input.consume(24);
  int records = 0;
  while (input.ensure(16)) {
    const auto header = input.peek();
    const uint32_t caplen = header[8] | (header[9] << 8);
    ASSERT_TRUE(input.ensure(16 + caplen));
    EXPECT_EQ(input.peek()[16 + 26 + 3], uint8_t(records)) << "source address low byte";
    input.consume(16 + caplen);
    ++records;
  }
  EXPECT_EQ(records, 20);
  EXPECT_TRUE(input.peek().empty());
  EXPECT_EQ(input.offset(), w.size());
}

}  // namespace
}  // namespace pclassify::test
