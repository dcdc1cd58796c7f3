#include "flow/payload_samples.h"

#include <algorithm>

namespace pclassify {

void PayloadSamples::offer(uint32_t flow, int direction, std::span<const uint8_t> payload) {
  if (payload.empty() || (direction != 0 && direction != 1)) return;
  if (flow >= slot_of_flow_.size()) slot_of_flow_.resize(size_t{flow} + 1, 0);
  uint32_t& slot = slot_of_flow_[flow];
  if (slot == 0) {
    samples_.emplace_back();
    slot = static_cast<uint32_t>(samples_.size());
  }
  Sample& sample = samples_[slot - 1][static_cast<size_t>(direction)];
  if (sample.taken) return;
  const size_t length = std::min(payload.size(), kMaxBytes);
  sample.offset = static_cast<uint32_t>(arena_.size());
  sample.length = static_cast<uint16_t>(length);
  sample.taken = true;
  arena_.insert(arena_.end(), payload.begin(), payload.begin() + static_cast<ptrdiff_t>(length));
}

std::span<const uint8_t> PayloadSamples::first_payload(uint32_t flow, int direction) const {
  if (flow >= slot_of_flow_.size() || slot_of_flow_[flow] == 0) return {};
  if (direction != 0 && direction != 1) return {};
  const Sample& sample = samples_[slot_of_flow_[flow] - 1][static_cast<size_t>(direction)];
  if (!sample.taken) return {};
  return std::span<const uint8_t>(arena_).subspan(sample.offset, sample.length);
}

}  // namespace pclassify
