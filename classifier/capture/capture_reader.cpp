#include "capture/capture_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "capture/capture_formats.h"

namespace pclassify::capture {

ReadStatus CaptureReader::short_input(const char* what, size_t need) {
  if (!input_->read_error().empty()) {
    return fail("read error at offset " + std::to_string(input_->offset()) + ": " +
                input_->read_error());
  }
  return truncate("truncated at offset " + std::to_string(input_->offset()) + ": the " +
                  what + " needs " + std::to_string(need) + " bytes, only " +
                  std::to_string(input_->peek().size()) + " present");
}

size_t CaptureReader::next_batch(std::span<CapturedPacket> out, ReadStatus& status) {
  status = ReadStatus::packet;
  size_t count = 0;
  while (count < out.size()) {
    // Reading more input would move the bytes the batch's packets point into.
    if (count > 0 && !next_is_buffered()) break;
    status = next(out[count]);
    if (status != ReadStatus::packet) break;
    ++count;
  }
  return count;
}

std::unique_ptr<CaptureReader> CaptureReader::open_input(std::unique_ptr<InputBuffer> input,
                                                         std::string& error) {
  if (!input->ensure(4)) {
    if (!input->read_error().empty()) {
      error = input->read_error();
    } else if (input->peek().empty()) {
      error = "empty file, not a pcap or pcapng file";
    } else {
      error = "not a pcap or pcapng file (only " + std::to_string(input->peek().size()) +
              " bytes)";
    }
    return nullptr;
  }
  const auto head = input->peek();
  const uint32_t big = (uint32_t{head[0]} << 24) | (uint32_t{head[1]} << 16) |
                       (uint32_t{head[2]} << 8) | uint32_t{head[3]};
  const uint32_t little = __builtin_bswap32(big);
  if (big == kPcapngSectionHeader) return make_pcapng_reader(std::move(input), error);
  if (big == kPcapMicroMagic || big == kPcapNanoMagic || little == kPcapMicroMagic ||
      little == kPcapNanoMagic) {
    return make_pcap_reader(std::move(input), error);
  }
  char hex[16];
  std::snprintf(hex, sizeof hex, "0x%08x", big);
  error = std::string("not a pcap or pcapng file (magic ") + hex + ")";
  if (head[0] == 0x1f && head[1] == 0x8b) error += "; it looks gzip-compressed";
  return nullptr;
}

std::unique_ptr<CaptureReader> CaptureReader::open_file(const std::string& path,
                                                        std::string& error) {
  int fd = 0;
  bool owned = false;
  if (path != "-") {
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      error = std::strerror(errno);
      return nullptr;
    }
    owned = true;
  }
  struct stat info {};
  uint64_t size = 0;
  if (::fstat(fd, &info) == 0) {
    if (S_ISDIR(info.st_mode)) {
      if (owned) ::close(fd);
      error = "is a directory";
      return nullptr;
    }
    if (S_ISREG(info.st_mode)) {
      size = static_cast<uint64_t>(info.st_size);
      ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
    }
  }
  // Every input is read in blocks, regular files too: mapping them was measured slower
  // (page-table and cache misses in user time cost more than read()'s copy).
  auto reader = open_input(std::make_unique<InputBuffer>(fd, owned), error);
  if (reader) reader->size_ = size;
  return reader;
}

std::unique_ptr<CaptureReader> CaptureReader::open_bytes(std::span<const uint8_t> bytes,
                                                         std::string& error) {
  auto reader = open_input(std::make_unique<InputBuffer>(bytes), error);
  if (reader) reader->size_ = bytes.size();
  return reader;
}

}  // namespace pclassify::capture
