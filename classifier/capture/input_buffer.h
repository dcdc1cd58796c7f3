// Sequential access to a capture's bytes in large blocks: a file descriptor read in blocks,
// or a byte buffer already in memory (tests, fuzzers).
//
// A regular file is read ahead on a second thread (read_ahead.h): perf showed about a
// quarter of a 1 GB run in read()'s page-cache copy, which then overlaps with the parsing.
// Pipes, FIFOs, terminals and stdin are read on the caller's thread: a thread blocked in
// read() on them could not be stopped when the caller quits early.
// Regular files are not mmap()ed: that was measured slower (page-table and cache misses in
// user time cost more than read()'s copy) and counts the mapped file in RSS.
//
// Parsers ask for `need` bytes at the cursor with ensure(), look at them with peek() and
// step over them with consume(). Nothing is copied per packet: a packet's bytes are a span
// into the block, valid until the next ensure()/consume().
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "capture/read_ahead.h"

namespace pclassify::capture {

class InputBuffer {
 public:
  // Reads from `fd`, closing it at the end when `owns_fd`. `block_size` is the read() size;
  // 0 picks the default of the mode (read-ahead for a regular file, else synchronous).
  InputBuffer(int fd, bool owns_fd, size_t block_size = 0);
  // Serves `bytes` (not copied; must outlive the buffer).
  explicit InputBuffer(std::span<const uint8_t> bytes);

  ~InputBuffer();
  InputBuffer(const InputBuffer&) = delete;
  InputBuffer& operator=(const InputBuffer&) = delete;

  // Block sizes: 256 KiB read()s when reading synchronously, and 256 KiB blocks read ahead.
  // Not larger: the parser reads what the other core wrote, and with 1 MiB blocks (a 4 MiB
  // pool, beyond the 1 MiB L2) its user time grew by about 40% on the 1 GB bench, every
  // record header a miss to L3 or memory; a 4 x 256 KiB pool stays near L2 size. Not
  // smaller: each block costs a thread handoff (mutex, condition variable, often a wakeup).
  static constexpr size_t kDefaultBlockSize = size_t{256} << 10;
  static constexpr size_t kReadAheadBlockSize = size_t{256} << 10;
  // Room in front of each read-ahead block for the tail of the block before it: a record
  // cut by the boundary. Records are mostly far smaller; longer tails are assembled in an
  // owned buffer instead (a copy, but rare). Never more than the block size.
  static constexpr size_t kMaxHeadroom = size_t{64} << 10;
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
  // True when a thread reads the input ahead (regular files).
  bool reads_ahead() const { return ahead_ != nullptr; }

 private:
  bool refill(size_t need);
  bool refill_synchronously(size_t need);
  bool refill_from_blocks(size_t need);
  // Puts the unread bytes and `next` into `assembly_` and presents that.
  void assemble(const ReadAhead::Block& next);
  // The view leaves current_: keep it until the next refill when the caller may still
  // hold spans into it, else give it back now.
  void leave_current(bool seen_by_caller);

  int fd_ = -1;
  bool owns_fd_ = false;
  size_t block_size_ = kDefaultBlockSize;
  // Synchronous mode: the block buffer. Read-ahead mode: records assembled from more
  // blocks than one headroom can join.
  std::vector<uint8_t> storage_;
  const uint8_t* data_ = nullptr;
  size_t pos_ = 0;
  size_t end_ = 0;
  uint64_t offset_ = 0;
  bool eof_ = false;
  std::string read_error_;

  // Read-ahead mode only.
  std::unique_ptr<ReadAhead> ahead_;
  std::optional<ReadAhead::Block> current_;  // the block data_ points into, if any
  std::optional<ReadAhead::Block> retired_;  // left at the last refill; released at the next
};

}  // namespace pclassify::capture
