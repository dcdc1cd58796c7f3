// An IPv4 or IPv6 address held by value, cheap to hash and compare in flow keys.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

namespace pclassify {

struct IpAddress {
  uint8_t family = 0;  // 4 or 6; 0 for "none"
  std::array<uint8_t, 16> bytes{};  // IPv4 in the first 4 bytes, the rest zero

  bool operator==(const IpAddress&) const = default;
  auto operator<=>(const IpAddress&) const = default;

  std::string to_string() const;  // dotted quad or RFC 5952 text

  // The longest text: eight groups of four hex digits and seven colons.
  static constexpr size_t kMaxTextLength = 39;
  // Writes to_string()'s text at `out`, which has room for kMaxTextLength characters, and
  // returns its end: for writers that format many addresses (no allocation, no printf).
  char* write_text(char* out) const;
};

}  // namespace pclassify
