// Shared by the fuzz targets: a bounds-checked cursor over the fuzzer's input, the link
// types the decoder target chooses from, and a check that aborts with a message.
//
// Targets take their parameters (link type, transport, lengths) from the front of the
// input with this cursor, so every input is valid to every target and the fuzzer spends
// no time on inputs a target would reject before reaching the code under test.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <span>
#include <string_view>

namespace pclassify::fuzz {

class FuzzInput {
 public:
  FuzzInput(const uint8_t* data, size_t size) : rest_(data, size) {}

  bool empty() const { return rest_.empty(); }
  size_t size() const { return rest_.size(); }

  // The next byte, or 0 once the input is used up.
  uint8_t u8() {
    if (rest_.empty()) return 0;
    const uint8_t value = rest_[0];
    rest_ = rest_.subspan(1);
    return value;
  }
  uint16_t be16() {
    const uint16_t hi = u8();
    return static_cast<uint16_t>((hi << 8) | u8());
  }
  // Up to `n` bytes (fewer when the input ends first).
  std::span<const uint8_t> take(size_t n) {
    const size_t count = n < rest_.size() ? n : rest_.size();
    const std::span<const uint8_t> out = rest_.first(count);
    rest_ = rest_.subspan(count);
    return out;
  }
  std::span<const uint8_t> take_rest() { return take(rest_.size()); }

 private:
  std::span<const uint8_t> rest_;
};

// The pcap LINKTYPE_ values decode/link_table.cpp dispatches on, plus one it does not
// (LINKTYPE_USER0, 147) so the unsupported-link path is fuzzed too. The first input byte
// of the packet targets picks one (modulo the count); make_seed_corpus.py writes seeds in
// the same numbering, so keep the two lists in the same order.
inline constexpr std::array<int, 13> kLinkTypes = {1,   113, 276, 101, 12, 14, 228,
                                                   229, 0,   108, 9,   50, 147};

inline int link_type_from(uint8_t selector) {
  return kLinkTypes[(selector & 0x7f) % kLinkTypes.size()];
}

// A bug the target detected without a sanitizer (a broken contract): report and abort,
// so libFuzzer saves the input and the replay test fails.
[[noreturn]] inline void contract_violated(std::string_view what) {
  std::fprintf(stderr, "fuzz contract violated: %.*s\n", static_cast<int>(what.size()),
               what.data());
  std::abort();
}

inline void check(bool ok, std::string_view what) {
  if (!ok) contract_violated(what);
}

// Reads every byte of `bytes` so AddressSanitizer checks that the whole span is valid
// memory (a span reported by the code under test may point outside the input).
inline uint8_t touch(std::span<const uint8_t> bytes) {
  uint8_t sum = 0;
  for (const uint8_t b : bytes) sum = static_cast<uint8_t>(sum + b);
  return sum;
}

// True when `inner` lies within `outer` (or is empty).
inline bool within(std::span<const uint8_t> inner, std::span<const uint8_t> outer) {
  if (inner.empty()) return true;
  // Compared as integers: relational operators on pointers into different objects are
  // unspecified, and `inner` may be a bug's pointer into some other object.
  const auto begin = reinterpret_cast<std::uintptr_t>(inner.data());
  const auto outer_begin = reinterpret_cast<std::uintptr_t>(outer.data());
  return begin >= outer_begin && begin - outer_begin <= outer.size() &&
         inner.size() <= outer.size() - (begin - outer_begin);
}

}  // namespace pclassify::fuzz
