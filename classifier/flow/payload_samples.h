// The hook for payload verification: the first bytes of the first payload-bearing packet
// of each direction of a flow, kept outside the hot flow record and only when enabled.
//
// Storage is fixed-size chunks that never move: 16 bytes of bookkeeping per flow index
// (chunks of 4096 flows, allocated as flow indices reach them) and a byte arena in 256 KiB
// chunks (a sample never straddles two). Nothing is copied when storage grows, and peak
// memory is what is held, not twice that as with a doubling vector. Each sample is at
// most kMaxBytes long. When a flow ends (live capture), release() puts its bytes on a free
// list by size class, so that bounded flow state keeps the arena bounded too; a file run
// never releases and stores the samples back to back.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace pclassify {

class PayloadSamples {
 public:
  static constexpr size_t kMaxBytes = 256;

  // Keeps the first kMaxBytes of `payload` if it is the first non-empty payload seen in
  // `direction` (0 or 1) of flow `flow`. Arena offsets are 32-bit: past 4 GiB of samples
  // new ones are dropped (their flows read as carrying no payload that way).
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
  using FlowSamples = std::array<Sample, 2>;  // per direction

  static constexpr unsigned kFlowChunkShift = 12;  // 4096 flows (64 KiB) per chunk
  static constexpr size_t kFlowChunkMask = (size_t{1} << kFlowChunkShift) - 1;
  static constexpr unsigned kArenaChunkShift = 18;  // 256 KiB of sample bytes per chunk
  static constexpr size_t kArenaChunkSize = size_t{1} << kArenaChunkShift;
  // Free arena blocks by size class c: every block in class c holds at least 2^c bytes,
  // and a request of n bytes takes a block from the class of the next power of two >= n.
  static constexpr size_t kClasses = 9;  // 2^8 = kMaxBytes

  // The samples of `flow`, or null when its chunk was never allocated.
  const FlowSamples* find(uint32_t flow) const;
  FlowSamples& at(uint32_t flow);  // allocates the chunk when needed
  // An arena block of at least `length` bytes; false when the arena is full.
  bool allocate(uint16_t length, uint32_t& offset, uint16_t& capacity);
  uint8_t* arena_bytes(uint32_t offset) const {
    return arena_[offset >> kArenaChunkShift].get() + (offset & (kArenaChunkSize - 1));
  }

  std::vector<std::unique_ptr<FlowSamples[]>> flow_chunks_;  // null until used
  std::array<std::vector<uint32_t>, kClasses> free_blocks_;
  std::vector<std::unique_ptr<uint8_t[]>> arena_;
  size_t arena_used_ = 0;  // bytes handed out in the last chunk
  bool released_ = false;  // release() was called: new blocks are rounded to their class
};

}  // namespace pclassify
