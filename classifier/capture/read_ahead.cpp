#include "capture/read_ahead.h"

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>

namespace pclassify::capture {

ReadAhead::ReadAhead(int fd, size_t block_size, size_t headroom, size_t pool_size)
    : fd_(fd), block_size_(block_size), headroom_(headroom) {
  // The consumer holds up to three at once (the block it left, the one it reads, the next
  // while it joins them); the thread needs one more to read into.
  if (pool_size < 4) pool_size = 4;
  buffers_.reserve(pool_size);
  free_.reserve(pool_size);
  for (size_t i = 0; i < pool_size; ++i) {
    // Not value-initialised: every byte is written (by read() or the tail copy) before it
    // is read, and zeroing megabytes would cost a pass over them.
    buffers_.push_back(std::make_unique_for_overwrite<uint8_t[]>(headroom_ + block_size_));
    free_.push_back(pool_size - 1 - i);  // taken from the back: buffer 0 first
  }
  sizes_.assign(pool_size, 0);
  // The thread takes no signals: the process's handlers (pclassify's SIGINT/SIGTERM for
  // live capture) keep running on the main thread, whose blocking calls they interrupt.
  sigset_t all;
  sigset_t previous;
  sigfillset(&all);
  pthread_sigmask(SIG_SETMASK, &all, &previous);
  try {
    thread_ = std::thread(&ReadAhead::run, this);
  } catch (...) {
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    throw;
  }
  pthread_sigmask(SIG_SETMASK, &previous, nullptr);
}

ReadAhead::~ReadAhead() {
  {
    std::lock_guard lock(mutex_);
    stop_.store(true, std::memory_order_relaxed);
  }
  buffer_free_.notify_one();
  thread_.join();
}

std::optional<ReadAhead::Block> ReadAhead::next() {
  std::unique_lock lock(mutex_);
  block_ready_.wait(lock, [this] { return !ready_.empty() || finished_; });
  if (ready_.empty()) {
    end_error_ = error_number_;
    return std::nullopt;
  }
  const size_t slot = ready_.front();
  ready_.pop_front();
  return Block{buffers_[slot].get() + headroom_, sizes_[slot], slot};
}

void ReadAhead::release(const Block& block) {
  {
    std::lock_guard lock(mutex_);
    free_.push_back(block.slot);
  }
  buffer_free_.notify_one();
}

void ReadAhead::run() {
  for (;;) {
    size_t slot = 0;
    {
      std::unique_lock lock(mutex_);
      buffer_free_.wait(lock, [this] { return !free_.empty() || stop_.load(); });
      if (stop_.load()) return;
      slot = free_.back();
      free_.pop_back();
    }
    // The buffer is this thread's alone until it is queued: read without the lock.
    size_t filled = 0;
    int error_number = 0;
    const Fill fill = read_block(buffers_[slot].get() + headroom_, filled, error_number);
    if (fill == Fill::stopped) return;
    {
      std::lock_guard lock(mutex_);
      sizes_[slot] = filled;
      // A short block (the last one, or the bytes before a read error) is delivered first;
      // the end or the error after it.
      if (filled > 0) {
        ready_.push_back(slot);
      } else {
        free_.push_back(slot);
      }
      if (fill != Fill::full) {
        finished_ = true;
        error_number_ = error_number;
      }
    }
    block_ready_.notify_one();
    if (fill != Fill::full) return;
  }
}

ReadAhead::Fill ReadAhead::read_block(uint8_t* into, size_t& filled, int& error_number) {
  while (filled < block_size_) {
    if (stop_.load(std::memory_order_relaxed)) return Fill::stopped;
    const ssize_t got = ::read(fd_, into + filled, block_size_ - filled);
    if (got > 0) {
      filled += static_cast<size_t>(got);
      continue;
    }
    if (got == 0) return Fill::end;
    if (errno == EINTR) continue;
    error_number = errno;
    return Fill::error;
  }
  return Fill::full;
}

}  // namespace pclassify::capture
