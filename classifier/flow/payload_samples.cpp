#include "flow/payload_samples.h"

#include <algorithm>
#include <bit>
#include <cstring>

namespace pclassify {
namespace {

// The class of the largest power of two <= n (n >= 1).
size_t floor_class(size_t n) { return static_cast<size_t>(std::bit_width(n) - 1); }

// Offsets are 32-bit: the arena holds at most this many chunks.
constexpr size_t kMaxArenaBytes = size_t{1} << 32;

}  // namespace

const PayloadSamples::FlowSamples* PayloadSamples::find(uint32_t flow) const {
  const size_t chunk = flow >> kFlowChunkShift;
  if (chunk >= flow_chunks_.size() || !flow_chunks_[chunk]) return nullptr;
  return &flow_chunks_[chunk][flow & kFlowChunkMask];
}

PayloadSamples::FlowSamples& PayloadSamples::at(uint32_t flow) {
  const size_t chunk = flow >> kFlowChunkShift;
  if (chunk >= flow_chunks_.size()) flow_chunks_.resize(chunk + 1);
  // Value-initialised: every sample starts empty (length 0).
  if (!flow_chunks_[chunk]) flow_chunks_[chunk] = std::make_unique<FlowSamples[]>(kFlowChunkMask + 1);
  return flow_chunks_[chunk][flow & kFlowChunkMask];
}

bool PayloadSamples::wants(uint32_t flow, int direction) const {
  if (direction != 0 && direction != 1) return false;
  const FlowSamples* samples = find(flow);
  if (samples == nullptr) return true;
  if ((*samples)[0].length == kSettled) return false;
  return (*samples)[static_cast<size_t>(direction)].length == 0;
}

bool PayloadSamples::allocate(uint16_t length, uint32_t& offset, uint16_t& capacity) {
  // Any block of class >= ceil(log2(length)) is large enough.
  for (size_t c = static_cast<size_t>(std::bit_width(length - 1u)); c < kClasses; ++c) {
    std::vector<uint32_t>& blocks = free_blocks_[c];
    if (blocks.empty()) continue;
    offset = blocks.back();
    blocks.pop_back();
    // The block's real size is not kept with it: its class guarantees 2^c bytes.
    capacity = static_cast<uint16_t>(size_t{1} << c);
    return true;
  }
  // Once flows are released, new blocks get their whole class size, so that every block
  // can serve any request of its class later. Before (a file run) samples are packed.
  const size_t size = released_ ? std::bit_ceil(size_t{length}) : length;
  if (arena_.empty() || arena_used_ + size > kArenaChunkSize) {
    // The tail of the last chunk (less than kMaxBytes) is left unused.
    if ((arena_.size() + 1) * kArenaChunkSize > kMaxArenaBytes) return false;
    arena_.push_back(std::make_unique_for_overwrite<uint8_t[]>(kArenaChunkSize));
    arena_used_ = 0;
  }
  offset = static_cast<uint32_t>(((arena_.size() - 1) << kArenaChunkShift) + arena_used_);
  arena_used_ += size;
  capacity = static_cast<uint16_t>(size);
  return true;
}

void PayloadSamples::offer(uint32_t flow, int direction, std::span<const uint8_t> payload) {
  if (payload.empty() || (direction != 0 && direction != 1)) return;
  FlowSamples& samples = at(flow);
  if (samples[0].length == kSettled) return;
  Sample& sample = samples[static_cast<size_t>(direction)];
  if (sample.length != 0) return;
  const auto length = static_cast<uint16_t>(std::min(payload.size(), kMaxBytes));
  if (!allocate(length, sample.offset, sample.capacity)) return;
  sample.length = length;
  std::memcpy(arena_bytes(sample.offset), payload.data(), length);
}

std::span<const uint8_t> PayloadSamples::first_payload(uint32_t flow, int direction) const {
  if (direction != 0 && direction != 1) return {};
  const FlowSamples* samples = find(flow);
  if (samples == nullptr) return {};
  const Sample& sample = (*samples)[static_cast<size_t>(direction)];
  if (sample.length == 0 || (*samples)[0].length == kSettled) return {};
  return {arena_bytes(sample.offset), sample.length};
}

void PayloadSamples::free_blocks_of(FlowSamples& samples) {
  released_ = true;
  if (samples[0].length != kSettled) {
    for (const Sample& sample : samples) {
      if (sample.capacity != 0) free_blocks_[floor_class(sample.capacity)].push_back(sample.offset);
    }
  }
  samples = FlowSamples{};
}

void PayloadSamples::release(uint32_t flow) {
  const size_t chunk = flow >> kFlowChunkShift;
  if (chunk >= flow_chunks_.size() || !flow_chunks_[chunk]) return;
  free_blocks_of(flow_chunks_[chunk][flow & kFlowChunkMask]);
}

void PayloadSamples::settle(uint32_t flow, uint32_t outcome) {
  FlowSamples& samples = at(flow);
  free_blocks_of(samples);
  samples[0].offset = outcome;
  samples[0].length = kSettled;
}

std::optional<uint32_t> PayloadSamples::outcome(uint32_t flow) const {
  const FlowSamples* samples = find(flow);
  if (samples == nullptr || (*samples)[0].length != kSettled) return std::nullopt;
  return (*samples)[0].offset;
}

size_t PayloadSamples::memory_bytes() const {
  size_t bytes = arena_.size() * kArenaChunkSize + arena_.capacity() * sizeof(arena_[0]) +
                 flow_chunks_.capacity() * sizeof(flow_chunks_[0]);
  for (const auto& chunk : flow_chunks_) {
    if (chunk) bytes += (kFlowChunkMask + 1) * sizeof(FlowSamples);
  }
  for (const auto& blocks : free_blocks_) bytes += blocks.capacity() * sizeof(uint32_t);
  return bytes;
}

}  // namespace pclassify
