// Sequential access to a capture's bytes in large blocks: a file descriptor read 1 MiB at
// a time (regular files, pipes, stdin alike), or a byte buffer already in memory (tests).
// Regular files are not mmap()ed: that was measured slower (page-table and cache misses
// in user time cost more than read()'s copy) and counts the mapped file in RSS.
//
// Parsers ask for `need` bytes at the cursor with ensure(), look at them with peek() and
// step over them with consume(). Nothing is copied per packet: a packet's bytes are a span
// into the block, valid until the next ensure()/consume().
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace pclassify::io {

class InputBuffer {
 public:
  // Reads from `fd`, closing it at the end when `owns_fd`. `block_size` is the read() size.
  InputBuffer(int fd, bool owns_fd, size_t block_size = kDefaultBlockSize);
  // Serves `bytes` (not copied; must outlive the buffer).
  explicit InputBuffer(std::span<const uint8_t> bytes);

  ~InputBuffer();
  InputBuffer(const InputBuffer&) = delete;
  InputBuffer& operator=(const InputBuffer&) = delete;

  static constexpr size_t kDefaultBlockSize = size_t{256} << 10;
  // The largest single record the buffer will assemble; larger requests fail (the
  // parsers reject such lengths first, with a better message).
  static constexpr size_t kMaxRecord = size_t{256} << 20;

  // Makes at least `need` bytes available at the cursor; false when the input ends (or
  // fails) first. peek().size() then tells how many bytes there were.
  bool ensure(size_t need) {
    if (end_ - pos_ >= need) return true;
    return refill(need);
  }
  std::span<const uint8_t> peek() const { return {data_ + pos_, end_ - pos_}; }
  void consume(size_t n) {
    pos_ += n;
    offset_ += n;
  }

  // Offset of the cursor from the start of the input.
  uint64_t offset() const { return offset_; }
  // Set when read() failed (not at plain end of input): errno's text.
  const std::string& read_error() const { return read_error_; }

 private:
  bool refill(size_t need);

  int fd_ = -1;
  bool owns_fd_ = false;
  size_t block_size_ = kDefaultBlockSize;
  std::vector<uint8_t> storage_;
  const uint8_t* data_ = nullptr;
  size_t pos_ = 0;
  size_t end_ = 0;
  uint64_t offset_ = 0;
  bool eof_ = false;
  std::string read_error_;
};

}  // namespace pclassify::io
