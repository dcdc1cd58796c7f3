#include "flow/payload_samples.h"

#include <algorithm>
#include <bit>
#include <cstring>

namespace pclassify {
namespace {

// The class of the largest power of two <= n (n >= 1).
size_t floor_class(size_t n) { return static_cast<size_t>(std::bit_width(n) - 1); }

}  // namespace

bool PayloadSamples::wants(uint32_t flow, int direction) const {
  if (direction != 0 && direction != 1) return false;
  if (flow >= slot_of_flow_.size() || slot_of_flow_[flow] == 0) return true;
  return samples_[slot_of_flow_[flow] - 1][static_cast<size_t>(direction)].length == 0;
}

uint32_t PayloadSamples::allocate(uint16_t length, uint16_t& capacity) {
  // Any block of class >= ceil(log2(length)) is large enough.
  for (size_t c = static_cast<size_t>(std::bit_width(length - 1u)); c < kClasses; ++c) {
    std::vector<uint32_t>& blocks = free_blocks_[c];
    if (blocks.empty()) continue;
    const uint32_t offset = blocks.back();
    blocks.pop_back();
    // The block's real size is not kept with it: its class guarantees 2^c bytes.
    capacity = static_cast<uint16_t>(size_t{1} << c);
    return offset;
  }
  // Once flows are released, new blocks get their whole class size, so that every block
  // can serve any request of its class later. Before (a file run) samples are packed.
  const size_t size = released_ ? std::bit_ceil(size_t{length}) : length;
  const auto offset = static_cast<uint32_t>(arena_.size());
  arena_.resize(arena_.size() + size);
  capacity = static_cast<uint16_t>(size);
  return offset;
}

void PayloadSamples::offer(uint32_t flow, int direction, std::span<const uint8_t> payload) {
  if (payload.empty() || (direction != 0 && direction != 1)) return;
  if (flow >= slot_of_flow_.size()) slot_of_flow_.resize(size_t{flow} + 1, 0);
  uint32_t& slot = slot_of_flow_[flow];
  if (slot == 0) {
    if (!free_samples_.empty()) {
      slot = free_samples_.back() + 1;
      free_samples_.pop_back();
      samples_[slot - 1] = {};
    } else {
      samples_.emplace_back();
      slot = static_cast<uint32_t>(samples_.size());
    }
  }
  Sample& sample = samples_[slot - 1][static_cast<size_t>(direction)];
  if (sample.length != 0) return;
  const auto length = static_cast<uint16_t>(std::min(payload.size(), kMaxBytes));
  sample.offset = allocate(length, sample.capacity);
  sample.length = length;
  std::memcpy(arena_.data() + sample.offset, payload.data(), length);
}

std::span<const uint8_t> PayloadSamples::first_payload(uint32_t flow, int direction) const {
  if (flow >= slot_of_flow_.size() || slot_of_flow_[flow] == 0) return {};
  if (direction != 0 && direction != 1) return {};
  const Sample& sample = samples_[slot_of_flow_[flow] - 1][static_cast<size_t>(direction)];
  return std::span<const uint8_t>(arena_).subspan(sample.offset, sample.length);
}

void PayloadSamples::release(uint32_t flow) {
  if (flow >= slot_of_flow_.size() || slot_of_flow_[flow] == 0) return;
  const uint32_t entry = slot_of_flow_[flow] - 1;
  released_ = true;
  for (const Sample& sample : samples_[entry]) {
    if (sample.capacity != 0) free_blocks_[floor_class(sample.capacity)].push_back(sample.offset);
  }
  free_samples_.push_back(entry);
  slot_of_flow_[flow] = 0;
}

size_t PayloadSamples::memory_bytes() const {
  size_t bytes = arena_.capacity() + slot_of_flow_.capacity() * sizeof(uint32_t) +
                 samples_.capacity() * sizeof(samples_[0]) +
                 free_samples_.capacity() * sizeof(uint32_t);
  for (const auto& blocks : free_blocks_) bytes += blocks.capacity() * sizeof(uint32_t);
  return bytes;
}

}  // namespace pclassify
