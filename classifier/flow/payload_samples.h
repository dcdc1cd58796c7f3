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
//
// Settling: once a flow's samples have served their purpose (its payload verdict is
// computed), settle() frees their bytes and keeps a 32-bit outcome (the caller's verdict
// id) in the flow's bookkeeping instead. A file run that settles flows as they complete
// holds sample bytes only for the flows still waiting for a payload, not for every flow
// of the capture (that was the largest memory per flow after the flow record itself).
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
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

  // Frees the samples of `flow` and keeps `outcome` for it: first_payload() is empty from
  // then on and wants() false, until release().
  void settle(uint32_t flow, uint32_t outcome);
  // The outcome settle() kept for `flow`, if it was settled.
  std::optional<uint32_t> outcome(uint32_t flow) const;

  // Bytes held (arena and bookkeeping), for the memory bound.
  size_t memory_bytes() const;

 private:
  struct Sample {
    uint32_t offset = 0;    // arena offset; in a settled flow's first Sample, the outcome
    uint16_t length = 0;    // 0 = no sample yet; kSettled = settled (see settle())
    uint16_t capacity = 0;  // arena bytes reserved at `offset` (>= length)
  };
  // A length no sample has (samples are at most kMaxBytes long).
  static constexpr uint16_t kSettled = 0xFFFF;
  static_assert(kMaxBytes < kSettled);
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
  void free_blocks_of(FlowSamples& samples);
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
