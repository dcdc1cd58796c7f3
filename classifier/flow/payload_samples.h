// The hook for payload verification: the first bytes of the first payload-bearing packet
// of each direction of a flow, kept outside the hot flow record and only when enabled.
//
// Storage is one byte arena plus 20 bytes of bookkeeping per flow that carried payload;
// each sample is at most kMaxBytes long. When a flow ends (live capture), release() puts
// its bytes on a free list by size class, so that bounded flow state keeps the arena
// bounded too; a file run never releases and stores the samples back to back.
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

  // True when `direction` of `flow` still wants a sample (offer() would keep one).
  bool wants(uint32_t flow, int direction) const;

  // The sample of that direction (empty when the flow carried no payload that way).
  std::span<const uint8_t> first_payload(uint32_t flow, int direction) const;

  // Forgets the samples of `flow` (its index may be reused by a new flow).
  void release(uint32_t flow);

  // Bytes held (arena and bookkeeping), for the memory bound.
  size_t memory_bytes() const;

 private:
  struct Sample {
    uint32_t offset = 0;
    uint16_t length = 0;    // 0 = no sample yet
    uint16_t capacity = 0;  // arena bytes reserved at `offset` (>= length)
  };
  // Free arena blocks by size class c: every block in class c holds at least 2^c bytes,
  // and a request of n bytes takes a block from the class of the next power of two >= n.
  static constexpr size_t kClasses = 9;  // 2^8 = kMaxBytes

  uint32_t allocate(uint16_t length, uint16_t& capacity);

  // Per flow index: 0 = no sample yet, else 1 + index into samples_.
  std::vector<uint32_t> slot_of_flow_;
  std::vector<std::array<Sample, 2>> samples_;
  std::vector<uint32_t> free_samples_;  // released entries of samples_
  std::array<std::vector<uint32_t>, kClasses> free_blocks_;
  std::vector<uint8_t> arena_;
  bool released_ = false;  // release() was called: new blocks are rounded to their class
};

}  // namespace pclassify
