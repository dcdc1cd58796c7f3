// Regular files are read ahead on a second thread in blocks (io/read_ahead.h); records cut
// by a block boundary are joined in the next block's headroom, or assembled apart when
// larger. These tests read captures from files with block sizes far below a record (so
// that nearly every record and record header is cut) and compare every packet, the final
// status and the error text with the reader over the same bytes in memory.
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <thread>

#include "../common/scratch_dir_test.h"
#include "capture_bytes.h"
#include "capture/capture_formats.h"
#include "capture/capture_reader.h"
#include "capture/input_buffer.h"

namespace pclassify::test {
namespace {

namespace fs = std::filesystem;
using capture::CaptureReader;
using capture::ReadStatus;

// A packet copied out of the reader, with every field it reports.
struct Packet {
  int link_type = 0;
  uint32_t interface_id = 0;
  uint32_t snaplen = 0;
  int64_t timestamp_ns = 0;
  uint32_t wire_length = 0;
  Bytes data;
  bool operator==(const Packet&) const = default;
};

struct Reading {
  std::string open_error;  // set when the capture did not open
  std::vector<Packet> packets;
  ReadStatus status = ReadStatus::end;
  std::string error;
};

// Reads in batches as pclassify does: the packets of a batch are copied only once the
// whole batch is read, so a span invalidated by a refill inside a batch would show.
Reading read_all(std::unique_ptr<CaptureReader> reader, const std::string& open_error) {
  Reading reading;
  if (!reader) {
    reading.open_error = open_error;
    return reading;
  }
  std::array<capture::CapturedPacket, 16> batch;
  for (;;) {
    ReadStatus status = ReadStatus::packet;
    const size_t count = reader->next_batch(batch, status);
    for (size_t i = 0; i < count; ++i) {
      const capture::CapturedPacket& p = batch[i];
      reading.packets.push_back({p.link_type, p.interface_id, p.snaplen, p.timestamp_ns,
                                 p.wire_length, Bytes(p.data.begin(), p.data.end())});
    }
    if (status != ReadStatus::packet) {
      reading.status = status;
      reading.error = reader->error();
      return reading;
    }
  }
}

Reading read_from_memory(const Bytes& bytes) {
  std::string error;
  auto reader = CaptureReader::open_bytes(bytes, error);
  return read_all(std::move(reader), error);
}

// The format dispatch of CaptureReader::open_file, over an InputBuffer of our block size.
std::unique_ptr<CaptureReader> open_input(std::unique_ptr<capture::InputBuffer> input,
                                          std::string& error) {
  if (!input->ensure(4)) {
    error = "shorter than a magic number";
    return nullptr;
  }
  const auto head = input->peek();
  if (head[0] == 0x0a && head[1] == 0x0d && head[2] == 0x0d && head[3] == 0x0a) {
    return capture::make_pcapng_reader(std::move(input), error);
  }
  return capture::make_pcap_reader(std::move(input), error);
}

// Reads `path` through a file descriptor with `block_size`; `reads_ahead` tells whether
// the buffer used its thread.
Reading read_from_fd(int fd, size_t block_size, bool& reads_ahead) {
  auto input = std::make_unique<capture::InputBuffer>(fd, true, block_size);
  reads_ahead = input->reads_ahead();
  std::string error;
  auto reader = open_input(std::move(input), error);
  return read_all(std::move(reader), error);
}

Reading read_from_file(const fs::path& path, size_t block_size) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  EXPECT_GE(fd, 0) << path;
  bool reads_ahead = false;
  Reading reading = read_from_fd(fd, block_size, reads_ahead);
  EXPECT_TRUE(reads_ahead) << "a regular file is read ahead: " << path;
  return reading;
}

Bytes file_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void write_file(const fs::path& path, const Bytes& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
  ASSERT_TRUE(out.good()) << path;
}

void expect_same(const Reading& from_file, const Reading& from_memory, const std::string& what) {
  EXPECT_EQ(from_file.open_error, from_memory.open_error) << what;
  ASSERT_EQ(from_file.packets.size(), from_memory.packets.size()) << what;
  for (size_t i = 0; i < from_file.packets.size(); ++i) {
    ASSERT_EQ(from_file.packets[i], from_memory.packets[i]) << what << ": packet " << i;
  }
  EXPECT_EQ(from_file.status, from_memory.status) << what;
  EXPECT_EQ(from_file.error, from_memory.error) << what;
}

std::vector<fs::path> captures_in(const fs::path& dir) {
  std::vector<fs::path> found;
  if (!fs::is_directory(dir)) return found;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string ext = entry.path().extension().string();
    if (entry.is_regular_file() && (ext == ".pcap" || ext == ".pcapng")) {
      found.push_back(entry.path());
    }
  }
  std::sort(found.begin(), found.end());
  return found;
}

// 7 bytes cut every record header; 64 and 1000 bytes cut most records, or leave tails
// longer than the headroom (which is at most the block size); 0 is pclassify's default.
constexpr std::array<size_t, 5> kBlockSizes = {7, 64, 1000, 4099, 0};

TEST(ReadAhead, ProjectCapturesReadAsFromMemory) {
  const auto captures = captures_in(fs::path(PCLASSIFY_SOURCE_DIR) / "pcaps");
  ASSERT_GE(captures.size(), 20u) << "the project's pcaps/ folder";
  size_t packets = 0;
  for (const fs::path& capture : captures) {
    const Reading expected = read_from_memory(file_bytes(capture));
    packets += expected.packets.size();
    for (const size_t block_size : kBlockSizes) {
      expect_same(read_from_file(capture, block_size), expected,
                  capture.filename().string() + " in blocks of " + std::to_string(block_size));
    }
  }
  EXPECT_GT(packets, 100u);
}

// nDPI's captures: real traffic, up to a few hundred KiB each.
TEST(ReadAhead, SharedCapturesReadAsFromMemory) {
  const auto captures = captures_in(fs::path(PCLASSIFY_SHARED_DIR) / "pcaps");
  if (captures.empty()) GTEST_SKIP() << "no captures in " << PCLASSIFY_SHARED_DIR << "/pcaps";
  for (const fs::path& capture : captures) {
    const Reading expected = read_from_memory(file_bytes(capture));
    for (const size_t block_size : {size_t{1000}, size_t{65536}, size_t{0}}) {
      expect_same(read_from_file(capture, block_size), expected,
                  capture.filename().string() + " in blocks of " + std::to_string(block_size));
    }
  }
}

class ReadAheadFiles : public ScratchDirTest {
 protected:
  ReadAheadFiles() : ScratchDirTest("pclassify-read-ahead-") {}
};

// A file cut inside its last record: every earlier packet, then `truncated` with the same
// message as from memory.
TEST_F(ReadAheadFiles, TruncatedFileDeliversEveryEarlierPacket) {
  const auto captures = captures_in(fs::path(PCLASSIFY_SOURCE_DIR) / "pcaps");
  ASSERT_FALSE(captures.empty());
  size_t checked = 0;
  for (const fs::path& capture : captures) {
    const Bytes whole = file_bytes(capture);
    const Reading complete = read_from_memory(whole);
    if (!complete.open_error.empty() || complete.status != ReadStatus::end) continue;
    const Bytes cut(whole.begin(), whole.end() - 3);
    const fs::path path = dir_ / capture.filename();
    write_file(path, cut);
    const Reading expected = read_from_memory(cut);
    ASSERT_EQ(expected.status, ReadStatus::truncated) << capture;
    if (capture.extension() == ".pcap") {
      ASSERT_EQ(expected.packets.size() + 1, complete.packets.size()) << capture;
    }
    for (const size_t block_size : kBlockSizes) {
      expect_same(read_from_file(path, block_size), expected,
                  capture.filename().string() + " cut, in blocks of " +
                      std::to_string(block_size));
    }
    ++checked;
  }
  EXPECT_GE(checked, 20u);
}

// The bytes of packet `index`: a pattern that tells packets and positions apart.
Bytes pattern(uint32_t index, size_t length) {
  Bytes bytes(length);
  for (size_t i = 0; i < length; ++i) bytes[i] = uint8_t(index * 31 + i * 7 + (i >> 12));
  return bytes;
}

// Records larger than block + headroom (up to 3 MiB, beyond the default 1 MiB block) are
// assembled apart; the small records around them come from the blocks again.
TEST_F(ReadAheadFiles, RecordsLargerThanBlockAndHeadroom) {
  PcapOptions options;
  options.snaplen = capture::kMaxCapturedLength;
  ByteWriter w = pcap_header(options);
  const std::vector<size_t> lengths = {60,      200'000, 61, 62,        3'000'000, 1500,
                                       100'000, 70'000,  63, 1'200'000, 64,        2000};
  for (uint32_t i = 0; i < lengths.size(); ++i) {
    pcap_record(w, 1'700'000'000 + i, i, pattern(i, lengths[i]));
  }
  const fs::path path = dir_ / "large_records.pcap";
  write_file(path, w.data());
  const Reading expected = read_from_memory(w.data());
  ASSERT_EQ(expected.status, ReadStatus::end) << expected.error;
  ASSERT_EQ(expected.packets.size(), lengths.size());
  for (uint32_t i = 0; i < lengths.size(); ++i) {
    ASSERT_EQ(expected.packets[i].data, pattern(i, lengths[i])) << "packet " << i;
  }
  for (const size_t block_size : {size_t{1000}, size_t{65536}, size_t{100'000}, size_t{0}}) {
    expect_same(read_from_file(path, block_size), expected,
                "large records in blocks of " + std::to_string(block_size));
  }
}

// Stopping early (pclassify -c) on a large file: the thread stops and joins at once, and
// has read no more than its pool of blocks.
TEST_F(ReadAheadFiles, EarlyDestructionStopsTheThread) {
  ByteWriter w = pcap_header({});
  for (uint32_t i = 0; w.size() < (size_t{32} << 20); ++i) {
    pcap_record(w, i, 0, ipv4_frame(i, 2, 3, 4, 0, 1000));
  }
  const fs::path path = dir_ / "big.pcap";
  write_file(path, w.data());
  constexpr size_t kBlock = size_t{64} << 10;
  for (const int packets_to_read : {0, 1, 5, 50}) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    ASSERT_GE(fd, 0);
    const auto start = std::chrono::steady_clock::now();
    {
      auto input = std::make_unique<capture::InputBuffer>(fd, false, kBlock);
      ASSERT_TRUE(input->reads_ahead());
      std::string error;
      auto reader = open_input(std::move(input), error);
      ASSERT_TRUE(reader) << error;
      capture::CapturedPacket packet;
      for (int i = 0; i < packets_to_read; ++i) ASSERT_EQ(reader->next(packet), ReadStatus::packet);
      // Let the thread fill its pool and wait for a free buffer.
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    const auto elapsed = std::chrono::steady_clock::now() - start;
    EXPECT_LT(elapsed, std::chrono::seconds(2)) << packets_to_read << " packets";
    // At most the pool: four blocks (the reader is still in the first one).
    const off_t position = ::lseek(fd, 0, SEEK_CUR);
    EXPECT_GT(position, 0);
    EXPECT_LE(position, off_t(4 * kBlock)) << packets_to_read << " packets";
    ::close(fd);
  }
}

// A read() failing after some bytes: the bytes before it are delivered (every packet they
// hold), then the error, as "read error at offset N: <errno text>". /proc/self/mem read
// into an unmapped page fails with EIO once the mapped page before it has been read.
TEST(ReadAhead, ReadErrorComesAfterTheBytesBeforeIt) {
  const auto page = size_t(::sysconf(_SC_PAGESIZE));
  void* mapped = ::mmap(nullptr, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
                        -1, 0);
  ASSERT_NE(mapped, MAP_FAILED);
  auto* bytes = static_cast<uint8_t*>(mapped);
  ASSERT_EQ(::munmap(bytes + page, page), 0);
  ByteWriter w = pcap_header({});
  for (uint32_t i = 0; w.size() < page; ++i) pcap_record(w, i, 0, ipv4_frame(i, 2, 3, 4, 0, 77));
  std::memcpy(bytes, w.data().data(), page);  // the last record is cut by the page end
  const Reading in_memory = read_from_memory(Bytes(bytes, bytes + page));
  ASSERT_EQ(in_memory.status, ReadStatus::truncated);

  for (const size_t block_size : {size_t{100}, size_t{1000}, size_t{0}}) {
    const int fd = ::open("/proc/self/mem", O_RDONLY | O_CLOEXEC);
    if (fd < 0) GTEST_SKIP() << "/proc/self/mem: " << std::strerror(errno);
    ASSERT_EQ(::lseek(fd, off_t(reinterpret_cast<uintptr_t>(bytes)), SEEK_SET),
              off_t(reinterpret_cast<uintptr_t>(bytes)));
    bool reads_ahead = false;
    const Reading reading = read_from_fd(fd, block_size, reads_ahead);
    EXPECT_TRUE(reads_ahead) << "/proc/self/mem is a regular file";
    ASSERT_EQ(reading.packets, in_memory.packets) << "blocks of " << block_size;
    EXPECT_EQ(reading.status, ReadStatus::error) << reading.error;
    size_t last_offset = 24;  // where the cut record starts
    for (const Packet& p : in_memory.packets) last_offset += 16 + p.data.size();
    EXPECT_EQ(reading.error, "read error at offset " + std::to_string(last_offset) + ": " +
                                 std::strerror(EIO));
  }
  ::munmap(bytes, page);
}

// Pipes are read on the caller's thread, as before.
TEST(ReadAhead, PipesAreReadSynchronously) {
  const fs::path capture = fs::path(PCLASSIFY_SOURCE_DIR) / "pcaps" / "ip_in_ip.pcap";
  const Bytes bytes = file_bytes(capture);
  ASSERT_FALSE(bytes.empty()) << capture;
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  std::thread writer([&] {
    for (size_t done = 0; done < bytes.size();) {
      const ssize_t wrote = ::write(fds[1], bytes.data() + done, bytes.size() - done);
      if (wrote <= 0) break;
      done += size_t(wrote);
    }
    ::close(fds[1]);
  });
  bool reads_ahead = true;
  const Reading reading = read_from_fd(fds[0], 64, reads_ahead);
  writer.join();
  EXPECT_FALSE(reads_ahead);
  expect_same(reading, read_from_memory(bytes), "ip_in_ip.pcap through a pipe");
}

}  // namespace
}  // namespace pclassify::test
