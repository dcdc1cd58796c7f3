// Reads fixed-size integer fields from a capture file header or record in the byte order
// the file declared. Every read checks the span first; out of range reads give 0 and set
// `overrun`, which the parsers check (they also ensure() whole headers beforehand).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace pclassify::capture {

class FieldReader {
 public:
  FieldReader(std::span<const uint8_t> bytes, bool big_endian)
      : bytes_(bytes), big_endian_(big_endian) {}

  uint16_t u16(size_t at) {
    if (!fits(at, 2)) return 0;
    const uint16_t a = bytes_[at], b = bytes_[at + 1];
    return static_cast<uint16_t>(big_endian_ ? (a << 8) | b : (b << 8) | a);
  }
  uint32_t u32(size_t at) {
    if (!fits(at, 4)) return 0;
    uint32_t v = 0;
    for (size_t i = 0; i < 4; ++i) {
      const uint32_t byte = bytes_[at + (big_endian_ ? i : 3 - i)];
      v = (v << 8) | byte;
    }
    return v;
  }
  bool overrun() const { return overrun_; }

 private:
  bool fits(size_t at, size_t n) {
    if (at <= bytes_.size() && n <= bytes_.size() - at) return true;
    overrun_ = true;
    return false;
  }

  std::span<const uint8_t> bytes_;
  bool big_endian_ = false;
  bool overrun_ = false;
};

}  // namespace pclassify::capture
