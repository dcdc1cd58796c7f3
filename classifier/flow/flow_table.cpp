#include "flow/flow_table.h"

#include <algorithm>
#include <bit>
#include <random>

namespace pclassify {
namespace {

constexpr unsigned kInitialBits = 10;
constexpr size_t kInitialSlots = size_t{1} << kInitialBits;

uint32_t tag_of(uint64_t hash) { return static_cast<uint32_t>(hash >> 32); }
uint64_t make_slot(uint64_t hash, uint32_t index) {
  return (uint64_t{tag_of(hash)} << 32) | (uint64_t{index} + 1);
}
uint32_t slot_index(uint64_t slot) { return static_cast<uint32_t>(slot) - 1; }

// log2 of the chunk size: `records` rounded up to a power of two within [1, 2^24].
unsigned chunk_shift_for(size_t records) {
  constexpr size_t kMaxChunkRecords = size_t{1} << 24;
  const size_t size = std::bit_ceil(std::clamp<size_t>(records, 1, kMaxChunkRecords));
  return static_cast<unsigned>(std::countr_zero(size));
}

}  // namespace

uint64_t FlowTable::random_hash_seed() {
  std::random_device device;
  return (uint64_t{device()} << 32) ^ device();
}

FlowTable::FlowTable(uint64_t hash_seed, size_t chunk_records)
    : hash_seed_(hash_seed),
      chunk_shift_(chunk_shift_for(chunk_records)),
      chunk_mask_((size_t{1} << chunk_shift_) - 1),
      slots_(kInitialSlots, 0),
      slot_mask_(kInitialSlots - 1),
      home_shift_(32 - kInitialBits) {}

uint32_t FlowTable::find(const FlowKey& key) const {
  const uint64_t hash = hash_flow_key(key, hash_seed_);
  const uint32_t tag = tag_of(hash);
  for (size_t i = tag >> home_shift_;; i = (i + 1) & slot_mask_) {
    const uint64_t slot = slots_[i];
    if (slot == 0) return kNotFound;
    if (static_cast<uint32_t>(slot >> 32) == tag && at(slot_index(slot)).key == key) {
      return slot_index(slot);
    }
  }
}

uint32_t FlowTable::find_or_insert(const FlowKey& key, uint64_t hash, bool& created) {
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
  if ((live_count() + 1) * 4 > slots_.size() * 3) {
    grow_index();
    for (i = tag >> home_shift_; slots_[i] != 0; i = (i + 1) & slot_mask_) {
    }
  }
  const uint32_t index = new_record(key);
  slots_[i] = make_slot(hash, index);
  return index;
}

uint32_t FlowTable::new_record(const FlowKey& key) {
  uint32_t index = 0;
  if (!free_.empty()) {
    index = free_.back();
    free_.pop_back();
  } else {
    if ((size_ >> chunk_shift_) == chunks_.size()) {
      chunks_.push_back(std::make_unique<Flow[]>(chunk_records()));
    }
    index = static_cast<uint32_t>(size_++);
  }
  Flow& flow = at(index);
  flow = Flow{};
  flow.key = key;
  return index;
}

// Backward-shift deletion (linear probing without tombstones): after emptying slot `hole`,
// every later slot of the same run whose home is not in (hole, slot] moves into the hole,
// so that each key stays reachable from its home without crossing an empty slot.
void FlowTable::erase(uint32_t index) {
  const uint64_t hash = hash_flow_key(at(index).key, hash_seed_);
  size_t hole = tag_of(hash) >> home_shift_;
  while (slots_[hole] != 0 && slot_index(slots_[hole]) != index) hole = (hole + 1) & slot_mask_;
  if (slots_[hole] == 0) return;  // not in the index: nothing to erase
  for (size_t next = (hole + 1) & slot_mask_; slots_[next] != 0; next = (next + 1) & slot_mask_) {
    const size_t home = home_of(slots_[next]);
    // Distances walked from home: the slot may fill the hole only if the hole lies on its
    // probe path, i.e. no further from its home than its current position.
    if (((hole - home) & slot_mask_) <= ((next - home) & slot_mask_)) {
      slots_[hole] = slots_[next];
      hole = next;
    }
  }
  slots_[hole] = 0;
  Flow& flow = at(index);
  flow = Flow{};
  flow.state = Flow::kFreeRecord;
  free_.push_back(index);
}

// A slot's home is the top bits of its tag, so growing never reads the records.
void FlowTable::grow_index() {
  std::vector<uint64_t, HugePageAllocator<uint64_t>> bigger(slots_.size() * 2, 0);
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

size_t FlowTable::longest_probe() const {
  size_t longest = 0;
  for (size_t i = 0; i < slots_.size(); ++i) {
    if (slots_[i] != 0) longest = std::max(longest, ((i - home_of(slots_[i])) & slot_mask_) + 1);
  }
  return longest;
}

size_t FlowTable::memory_bytes() const {
  return chunks_.size() * chunk_records() * sizeof(Flow) + slots_.size() * sizeof(uint64_t) +
         free_.capacity() * sizeof(uint32_t);
}

}  // namespace pclassify
