// The hook for payload verification: the first bytes of the first payload-bearing packet
// of each direction of a flow, kept outside the hot flow record and only when enabled.
//
// Storage is one byte arena plus 12 bytes of bookkeeping per flow that carried payload;
// each sample is at most kMaxBytes long.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <vector>

namespace pclassify {

class PayloadSamples {
 public:
  static constexpr size_t kMaxBytes = 256;

  // Keeps the first kMaxBytes of `payload` if it is the first non-empty payload seen in
  // `direction` (0 or 1) of flow `flow`.
  void offer(uint32_t flow, int direction, std::span<const uint8_t> payload);

  // The sample of that direction (empty when the flow carried no payload that way).
  std::span<const uint8_t> first_payload(uint32_t flow, int direction) const;

 private:
  struct Sample {
    uint32_t offset = 0;
    uint16_t length = 0;
    bool taken = false;
  };
  // Per flow index: 0 = no sample yet, else 1 + index into samples_.
  std::vector<uint32_t> slot_of_flow_;
  std::vector<std::array<Sample, 2>> samples_;
  std::vector<uint8_t> arena_;
};

}  // namespace pclassify
