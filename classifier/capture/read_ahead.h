// Reads a regular file on a background thread, in large blocks, into a small fixed pool of
// buffers that the parsing thread takes in file order.
//
// Why: on a 1 GB capture, perf showed about a quarter of pclassify's time in read() itself
// (the kernel's page-cache-to-user copy, `_copy_to_iter`), done on the one thread that also
// decodes and counts. On a second core that copy overlaps with the parsing, which shortens
// the run's wall time (what the comparison with a bare libpcap loop measures) when that core
// is free; the CPU time does not drop (the copy is still done, and handed over).
//
// Each buffer has `headroom` writable bytes in front of its data: the consumer copies the
// unread tail of the previous block there (a record cut by the block boundary), so that a
// record straddling two blocks reads as one contiguous span without copying whole blocks.
//
// Only for regular files: a thread blocked in read() on a pipe, terminal or FIFO could not
// be stopped when the consumer quits early (pclassify -c), so InputBuffer keeps reading
// those itself. Memory is bounded: the pool never grows.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace pclassify::capture {

class ReadAhead {
 public:
  // Four buffers: the block the parser reads, the one it just left (its spans may still be
  // in use until the next refill), and two being read ahead.
  static constexpr size_t kDefaultPoolSize = 4;

  // One block of the file, the consumer's from next() until release().
  struct Block {
    uint8_t* data = nullptr;  // `size` bytes of the file; `headroom` writable bytes before
    size_t size = 0;          // never 0
    size_t slot = 0;          // which buffer of the pool
  };

  // Starts reading `fd` (not owned; must stay open until destruction) from its current
  // position. Throws std::system_error when no thread can be started.
  ReadAhead(int fd, size_t block_size, size_t headroom, size_t pool_size = kDefaultPoolSize);
  // Stops the thread (it finishes at most the read() under way) and joins it.
  ~ReadAhead();
  ReadAhead(const ReadAhead&) = delete;
  ReadAhead& operator=(const ReadAhead&) = delete;

  // The next block in file order, waiting until the thread has read it. nullopt when the
  // file has no more: every block read before the end or a read error comes first; then
  // error_number() is 0 at the end of the file, else the failed read()'s errno.
  std::optional<Block> next();
  // Gives `block`'s buffer back to the thread, to read into again (any order).
  void release(const Block& block);
  int error_number() const { return end_error_; }
  size_t headroom() const { return headroom_; }

 private:
  enum class Fill : uint8_t { full, end, error, stopped };
  void run();
  // Reads until `into` holds block_size_ bytes, the file ends, read() fails or a stop is
  // asked for; `filled` says how many bytes arrived.
  Fill read_block(uint8_t* into, size_t& filled, int& error_number);

  const int fd_;
  const size_t block_size_;
  const size_t headroom_;
  std::vector<std::unique_ptr<uint8_t[]>> buffers_;  // headroom_ + block_size_ bytes each
  std::vector<size_t> sizes_;  // bytes read into each buffer (written by the thread before
                               // it queues the buffer; read by the consumer after)

  std::mutex mutex_;
  std::condition_variable block_ready_;  // the consumer waits on it
  std::condition_variable buffer_free_;  // the thread waits on it
  // Guarded by mutex_:
  std::deque<size_t> ready_;  // buffers read, in file order
  std::vector<size_t> free_;  // buffers the thread may read into
  bool finished_ = false;     // the thread has queued its last block
  int error_number_ = 0;      // read()'s errno when it failed
  // Set under mutex_ (so that a waiting thread cannot miss it); also polled without the
  // lock between the read() calls of one block.
  std::atomic<bool> stop_{false};

  int end_error_ = 0;  // the consumer's copy of error_number_, taken at the end
  std::thread thread_;  // last: starts once everything above exists
};

}  // namespace pclassify::capture
