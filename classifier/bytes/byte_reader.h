// The one way pclassify reads untrusted packet bytes: a cursor over a span that checks the
// captured end before every read.
//
// Reads never throw and never touch memory outside the span. A read that would run past
// the end returns 0, leaves the cursor where it was and sets a sticky `overrun()` flag, so
// a decoder can read a whole fixed header and check once (tcpdump's GET_ macros work the
// same way, with longjmp instead of a flag). Values read after an overrun are meaningless
// and must not be used; every decoder checks `overrun()` before acting on them.
//
// Multi-byte reads are big-endian (network order); le32 exists for the one link header
// written in the capturing host's order (BSD loopback).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace pclassify {

class ByteReader {
 public:
  constexpr ByteReader() = default;
  constexpr explicit ByteReader(std::span<const uint8_t> bytes) : bytes_(bytes) {}

  // Bytes not yet consumed.
  constexpr size_t remaining() const { return bytes_.size() - pos_; }
  constexpr size_t position() const { return pos_; }
  constexpr bool has(size_t n) const { return n <= remaining(); }
  // True once any read, skip or take ran past the end.
  constexpr bool overrun() const { return overrun_; }

  constexpr uint8_t u8() {
    if (!claim(1)) return 0;
    return bytes_[pos_++];
  }
  constexpr uint16_t be16() {
    if (!claim(2)) return 0;
    const auto v = static_cast<uint16_t>((bytes_[pos_] << 8) | bytes_[pos_ + 1]);
    pos_ += 2;
    return v;
  }
  constexpr uint32_t be24() {
    if (!claim(3)) return 0;
    const uint32_t v = (uint32_t{bytes_[pos_]} << 16) | (uint32_t{bytes_[pos_ + 1]} << 8) |
                       uint32_t{bytes_[pos_ + 2]};
    pos_ += 3;
    return v;
  }
  constexpr uint32_t be32() {
    if (!claim(4)) return 0;
    const uint32_t v = (uint32_t{bytes_[pos_]} << 24) | (uint32_t{bytes_[pos_ + 1]} << 16) |
                       (uint32_t{bytes_[pos_ + 2]} << 8) | uint32_t{bytes_[pos_ + 3]};
    pos_ += 4;
    return v;
  }
  constexpr uint32_t le32() {
    if (!claim(4)) return 0;
    const uint32_t v = uint32_t{bytes_[pos_]} | (uint32_t{bytes_[pos_ + 1]} << 8) |
                       (uint32_t{bytes_[pos_ + 2]} << 16) | (uint32_t{bytes_[pos_ + 3]} << 24);
    pos_ += 4;
    return v;
  }

  // Peeks without consuming; 0 and `overrun()` when out of bounds.
  constexpr uint8_t peek_u8(size_t offset = 0) {
    if (!claim(offset + 1)) return 0;
    return bytes_[pos_ + offset];
  }

  // Advances by n bytes; on overrun the cursor does not move.
  constexpr bool skip(size_t n) {
    if (!claim(n)) return false;
    pos_ += n;
    return true;
  }

  // Consumes n bytes and returns them as a span (empty on overrun).
  constexpr std::span<const uint8_t> take(size_t n) {
    if (!claim(n)) return {};
    auto s = bytes_.subspan(pos_, n);
    pos_ += n;
    return s;
  }

  // Copies n bytes into `out` (which must hold n); false on overrun.
  constexpr bool copy_to(std::span<uint8_t> out) {
    if (!claim(out.size())) return false;
    for (size_t i = 0; i < out.size(); ++i) out[i] = bytes_[pos_ + i];
    pos_ += out.size();
    return true;
  }

  // Everything not yet consumed (does not move the cursor).
  constexpr std::span<const uint8_t> rest() const { return bytes_.subspan(pos_); }

 private:
  constexpr bool claim(size_t n) {
    if (n <= remaining()) return true;
    overrun_ = true;
    return false;
  }

  std::span<const uint8_t> bytes_;
  size_t pos_ = 0;
  bool overrun_ = false;
};

}  // namespace pclassify
