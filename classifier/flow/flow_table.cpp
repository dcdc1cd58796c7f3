#include "flow/flow_table.h"

namespace pclassify {
namespace {

constexpr unsigned kInitialBits = 10;
constexpr size_t kInitialSlots = size_t{1} << kInitialBits;

uint32_t tag_of(uint64_t hash) { return static_cast<uint32_t>(hash >> 32); }
uint64_t make_slot(uint64_t hash, uint32_t index) {
  return (uint64_t{tag_of(hash)} << 32) | (uint64_t{index} + 1);
}
uint32_t slot_index(uint64_t slot) { return static_cast<uint32_t>(slot) - 1; }

}  // namespace

FlowTable::FlowTable()
    : slots_(kInitialSlots, 0), slot_mask_(kInitialSlots - 1), home_shift_(32 - kInitialBits) {}

uint32_t FlowTable::find(const FlowKey& key) const {
  const uint64_t hash = hash_flow_key(key);
  const uint32_t tag = tag_of(hash);
  for (size_t i = tag >> home_shift_;; i = (i + 1) & slot_mask_) {
    const uint64_t slot = slots_[i];
    if (slot == 0) return kNotFound;
    if (static_cast<uint32_t>(slot >> 32) == tag && at(slot_index(slot)).key == key) {
      return slot_index(slot);
    }
  }
}

uint32_t FlowTable::find_or_insert(const FlowKey& key, bool& created) {
  const uint64_t hash = hash_flow_key(key);
  const uint32_t tag = tag_of(hash);
  size_t i = tag >> home_shift_;
  for (;; i = (i + 1) & slot_mask_) {
    const uint64_t slot = slots_[i];
    if (slot == 0) break;
    if (static_cast<uint32_t>(slot >> 32) == tag && at(slot_index(slot)).key == key) {
      created = false;
      return slot_index(slot);
    }
  }
  created = true;
  if ((size_ + 1) * 4 > slots_.size() * 3) {
    grow_index();
    for (i = tag >> home_shift_; slots_[i] != 0; i = (i + 1) & slot_mask_) {
    }
  }
  const uint32_t index = append(key);
  slots_[i] = make_slot(hash, index);
  return index;
}

uint32_t FlowTable::append(const FlowKey& key) {
  if ((size_ >> kChunkShift) == chunks_.size()) {
    chunks_.push_back(std::make_unique<Flow[]>(kChunkSize));
  }
  const auto index = static_cast<uint32_t>(size_++);
  at(index).key = key;
  return index;
}

// A slot's home is the top bits of its tag, so growing never reads the records.
void FlowTable::grow_index() {
  std::vector<uint64_t> bigger(slots_.size() * 2, 0);
  const size_t mask = bigger.size() - 1;
  const unsigned shift = home_shift_ - 1;
  for (const uint64_t slot : slots_) {
    if (slot == 0) continue;
    size_t i = static_cast<uint32_t>(slot >> 32) >> shift;
    while (bigger[i] != 0) i = (i + 1) & mask;
    bigger[i] = slot;
  }
  slots_.swap(bigger);
  slot_mask_ = mask;
  home_shift_ = shift;
}

size_t FlowTable::memory_bytes() const {
  return chunks_.size() * kChunkSize * sizeof(Flow) + slots_.size() * sizeof(uint64_t);
}

}  // namespace pclassify
