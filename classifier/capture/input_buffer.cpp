#include "capture/input_buffer.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <system_error>

namespace pclassify::capture {

InputBuffer::InputBuffer(int fd, bool owns_fd, size_t block_size) : fd_(fd), owns_fd_(owns_fd) {
  struct stat info {};
  if (::fstat(fd, &info) == 0 && S_ISREG(info.st_mode)) {
    block_size_ = block_size == 0 ? kReadAheadBlockSize : block_size;
    try {
      ahead_ = std::make_unique<ReadAhead>(fd, block_size_, std::min(block_size_, kMaxHeadroom));
      return;
    } catch (const std::system_error&) {
      // No thread to be had: read on this one, as for a pipe.
    }
  }
  block_size_ = block_size == 0 ? kDefaultBlockSize : block_size;
  storage_.resize(block_size_);
  data_ = storage_.data();
}

InputBuffer::InputBuffer(std::span<const uint8_t> bytes)
    : data_(bytes.data()), end_(bytes.size()), eof_(true) {}

InputBuffer::~InputBuffer() {
  ahead_.reset();  // stops and joins the thread before its file descriptor closes
  if (owns_fd_) ::close(fd_);
}

bool InputBuffer::refill(size_t need) {
  if (eof_ || need > kMaxRecord) return false;
  return ahead_ ? refill_from_blocks(need) : refill_synchronously(need);
}

bool InputBuffer::refill_synchronously(size_t need) {
  // Move the unread tail to the front, grow for records larger than a block, then read
  // whole blocks until `need` bytes are there or the input ends.
  const size_t unread = end_ - pos_;
  if (pos_ > 0) {
    if (unread > 0) std::memmove(storage_.data(), storage_.data() + pos_, unread);
    pos_ = 0;
    end_ = unread;
  }
  const size_t wanted = std::max(need, block_size_);
  if (storage_.size() < wanted) storage_.resize(wanted);
  data_ = storage_.data();
  while (end_ < need) {
    const ssize_t got = ::read(fd_, storage_.data() + end_, storage_.size() - end_);
    if (got > 0) {
      end_ += static_cast<size_t>(got);
      continue;
    }
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) read_error_ = std::strerror(errno);
    eof_ = true;
    return false;
  }
  return true;
}

// The view moves from block to block. The unread tail of the current view (a record cut
// by the block boundary) is copied into the headroom in front of the next block, so the
// record is contiguous and nothing else is copied. A tail longer than the headroom (a
// record larger than headroom + block) is assembled in storage_ instead.
bool InputBuffer::refill_from_blocks(size_t need) {
  // The caller has called ensure() since it left this block: no span of it is in use.
  if (retired_) {
    ahead_->release(*retired_);
    retired_.reset();
  }
  bool seen_by_caller = true;  // the view at entry; blocks taken below are not yet
  while (end_ - pos_ < need) {
    const std::optional<ReadAhead::Block> next = ahead_->next();
    if (!next) {
      // The view still holds every byte left, for the caller's truncation report.
      if (ahead_->error_number() != 0) read_error_ = std::strerror(ahead_->error_number());
      eof_ = true;
      return false;
    }
    const size_t unread = end_ - pos_;
    if (unread <= ahead_->headroom()) {
      uint8_t* start = next->data - unread;
      if (unread > 0) std::memcpy(start, data_ + pos_, unread);
      leave_current(seen_by_caller);
      current_ = next;
      data_ = start;
      end_ = unread + next->size;
    } else {
      assemble(*next);
      ahead_->release(*next);  // copied
      leave_current(seen_by_caller);
      data_ = storage_.data();
      end_ = storage_.size();
    }
    pos_ = 0;
    seen_by_caller = false;
  }
  return true;
}

void InputBuffer::assemble(const ReadAhead::Block& next) {
  const size_t unread = end_ - pos_;
  if (data_ == storage_.data()) {
    // Already assembling (a record spanning several blocks), or the previous assembly's
    // tail: move it to the front, as the synchronous mode does.
    std::memmove(storage_.data(), storage_.data() + pos_, unread);
    storage_.resize(unread);
  } else {
    storage_.assign(data_ + pos_, data_ + end_);
  }
  storage_.insert(storage_.end(), next.data, next.data + next.size);
}

void InputBuffer::leave_current(bool seen_by_caller) {
  if (!current_) return;
  if (seen_by_caller) {
    retired_ = current_;
  } else {
    ahead_->release(*current_);
  }
  current_.reset();
}

}  // namespace pclassify::capture
