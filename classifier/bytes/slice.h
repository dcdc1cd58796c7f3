// A piece of a captured packet with its two lengths kept apart: the bytes the capture holds
// (`captured()`, cut short by the snapshot length) and the length the same piece had on the
// wire (`wire_length`). Wireshark calls these "bounds" and "reported bounds".
//
// The two tell a truncated packet (the header is on the wire but not in the capture) from a
// malformed one (a length field points past the end of the packet on the wire).
//
// Sixteen bytes on purpose: a Slice is passed by value from layer to layer, and at this size
// it travels in two registers instead of through the stack.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>

namespace pclassify {

class Slice {
 public:
  constexpr Slice() = default;

  // A whole captured frame. A capture that claims fewer wire bytes than it captured is
  // inconsistent; the captured bytes are evidence, so the wire length is raised to them.
  static constexpr Slice frame(std::span<const uint8_t> captured, uint32_t wire_length) {
    const auto captured_length =
        static_cast<uint32_t>(std::min<size_t>(captured.size(), UINT32_MAX));
    return Slice(captured.data(), captured_length, std::max(wire_length, captured_length));
  }

  constexpr std::span<const uint8_t> captured() const { return {data_, captured_length_}; }
  constexpr size_t captured_length() const { return captured_length_; }
  constexpr uint32_t wire_length() const { return wire_length_; }

  // n bytes are present in the capture.
  constexpr bool has(size_t n) const { return n <= captured_length_; }
  // n bytes existed on the wire.
  constexpr bool wire_has(size_t n) const { return n <= wire_length_; }

  // What follows the first n bytes (a header). Saturates at empty.
  constexpr Slice after(size_t n) const {
    const auto cut = static_cast<uint32_t>(std::min<size_t>(n, captured_length_));
    const auto wire_cut = static_cast<uint32_t>(std::min<size_t>(n, wire_length_));
    return Slice(data_ + cut, captured_length_ - cut, wire_length_ - wire_cut);
  }

  // The first n bytes, as a length field announces them: trailing bytes (Ethernet padding,
  // trailers) are dropped. n larger than the wire length leaves the slice as it is; callers
  // check that case first because it means the length field lies.
  constexpr Slice first(size_t n) const {
    const auto wire = static_cast<uint32_t>(std::min<size_t>(n, wire_length_));
    return Slice(data_, std::min(wire, captured_length_), wire);
  }

 private:
  constexpr Slice(const uint8_t* data, uint32_t captured_length, uint32_t wire_length)
      : data_(data), captured_length_(captured_length), wire_length_(wire_length) {}

  const uint8_t* data_ = nullptr;
  uint32_t captured_length_ = 0;  // invariant: captured_length_ <= wire_length_
  uint32_t wire_length_ = 0;
};

}  // namespace pclassify
