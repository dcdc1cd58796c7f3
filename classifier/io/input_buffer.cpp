#include "io/input_buffer.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace pclassify::io {

InputBuffer::InputBuffer(int fd, bool owns_fd, size_t block_size)
    : fd_(fd), owns_fd_(owns_fd), block_size_(block_size == 0 ? kDefaultBlockSize : block_size) {
  storage_.resize(block_size_);
  data_ = storage_.data();
}

InputBuffer::InputBuffer(std::span<const uint8_t> bytes)
    : data_(bytes.data()), end_(bytes.size()), eof_(true) {}

InputBuffer::~InputBuffer() {
  if (owns_fd_) ::close(fd_);
}

bool InputBuffer::refill(size_t need) {
  if (eof_ || need > kMaxRecord) return false;
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

}  // namespace pclassify::io
