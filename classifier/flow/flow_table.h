// The flow table: one compact record per bidirectional flow, found through an
// open-addressing index.
//
// Memory is the constraint (the target is at most 128 bytes per flow, counted as peak
// RSS growth over the flow count), so:
//   - records live in fixed-size chunks that never move (no reallocation copies, stable
//     indices), 96 bytes each; a chunk holds 4096 records (384 KiB) unless the table is
//     made with fewer (a power of two): a fuzz run that creates a handful of flows per
//     input should not zero 384 KiB for each;
//   - the index is an array of 8-byte slots (record index + 32 hash bits to skip most key
//     comparisons), linear probing, at most 3/4 full;
//   - nothing per flow is allocated on the heap.
// Labels are not stored: they are computed once per flow when the flow is written out.
//
// Flows can be erased (live capture ends them); erasing shifts the following index slots
// back (no tombstones, so probes stay short) and puts the record on a free list for the
// next new flow. A file run never erases, so its records stay numbered in creation order.
//
// Hash flooding: the key hash is seeded per table (random by default), so keys crafted
// to collide in one process do not collide in another; longest_probe() lets tests check.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "flow/flow_key.h"
#include "flow/huge_page_allocator.h"

namespace pclassify {

struct Flow {
  FlowKey key;
  uint8_t state = 0;                     // the k... bits below
  std::array<uint8_t, 2> tcp_flags{};    // OR of the TCP flags sent in each direction
  uint32_t tunnel_id = 0;                // FlowTracker::tunnel(); 0 = not tunnelled
  std::array<uint64_t, 2> packets{};     // per direction (0 = sent by end a)
  std::array<uint64_t, 2> bytes{};       // wire bytes (frame lengths), per direction
  int64_t first_ns = 0;
  int64_t last_ns = 0;

  static constexpr uint8_t kInitiatorIsB = 0x01;  // end b opened the flow
  static constexpr uint8_t kHandshakeSeen = 0x02; // the initiator is known from a handshake
  // Payload sampling (FlowTracker::Options::sample_payloads): the first payload of that
  // direction was offered, so later packets skip the samples altogether; and the flow's
  // samples were settled (FlowTracker::set_payloads_complete_handler).
  static constexpr uint8_t kSampledFromA = 0x04;
  static constexpr uint8_t kSampledFromB = 0x08;
  static constexpr uint8_t kPayloadsSettled = 0x10;
  static constexpr uint8_t kFreeRecord = 0x80;    // set by FlowTable::erase: no flow here

  // The end that opened the flow (0 = a, 1 = b), and the other one.
  int initiator() const { return (state & kInitiatorIsB) ? 1 : 0; }
  int responder() const { return 1 - initiator(); }
  bool handshake_seen() const { return (state & kHandshakeSeen) != 0; }
  uint64_t total_packets() const { return packets[0] + packets[1]; }
  uint64_t total_bytes() const { return bytes[0] + bytes[1]; }
};
static_assert(sizeof(Flow) <= 96, "a flow record must stay within 96 bytes");

class FlowTable {
 public:
  static constexpr size_t kDefaultChunkRecords = 4096;

  // `hash_seed` keys the hash; the default draws one at random (see hash_flow_key).
  // `chunk_records` is the number of records allocated at a time, rounded up to a power of
  // two (at least 1, at most 2^24).
  FlowTable() : FlowTable(random_hash_seed()) {}
  explicit FlowTable(uint64_t hash_seed, size_t chunk_records = kDefaultChunkRecords);
  static uint64_t random_hash_seed();

  // The index of the flow with `key`, created (zeroed but for the key) when absent;
  // `created` tells which.
  uint32_t find_or_insert(const FlowKey& key, bool& created) {
    return find_or_insert(key, hash_of(key), created);
  }
  // The same, with `hash` = hash_of(key) already computed (by a read loop's prefetch).
  uint32_t find_or_insert(const FlowKey& key, uint64_t hash, bool& created);
  // The key's hash under this table's seed.
  uint64_t hash_of(const FlowKey& key) const { return hash_flow_key(key, hash_seed_); }
  // The index of the flow with `key`, or kNotFound.
  uint32_t find(const FlowKey& key) const;
  static constexpr uint32_t kNotFound = UINT32_MAX;
  // Starts loading the index slot where the lookup of the key with `hash` (hash_of) will
  // begin. A read loop that prefetches a batch of packets' slots before updating their
  // flows overlaps those cache misses instead of waiting for each in turn (they were the
  // largest cost per packet).
  void prefetch(uint64_t hash) const {
    const uint32_t tag = static_cast<uint32_t>(hash >> 32);
    __builtin_prefetch(&slots_[tag >> home_shift_]);
  }
  // Removes the flow at `index` (which must be live); its record is reused later.
  void erase(uint32_t index);

  Flow& at(uint32_t index) { return chunks_[index >> chunk_shift_][index & chunk_mask_]; }
  const Flow& at(uint32_t index) const {
    return chunks_[index >> chunk_shift_][index & chunk_mask_];
  }
  // Records per chunk (a power of two).
  size_t chunk_records() const { return chunk_mask_ + 1; }
  // Records are numbered 0 to size()-1, in order of creation until a flow is erased
  // (a new flow then reuses the erased one's record). is_live() tells erased ones apart.
  size_t size() const { return size_; }
  size_t live_count() const { return size_ - free_.size(); }
  bool is_live(uint32_t index) const { return (at(index).state & Flow::kFreeRecord) == 0; }
  // Index slots (a power of two, at least 4/3 of the live flows).
  size_t slot_count() const { return slots_.size(); }
  // The longest run of slots a lookup of a present key walks (1 = found at home).
  size_t longest_probe() const;

  // Heap bytes held by records and index (for reports and the memory bound).
  size_t memory_bytes() const;

 private:
  void grow_index();
  uint32_t new_record(const FlowKey& key);
  size_t home_of(uint64_t slot) const { return static_cast<uint32_t>(slot >> 32) >> home_shift_; }

  uint64_t hash_seed_;
  unsigned chunk_shift_;  // record index >> chunk_shift_ = chunk, & chunk_mask_ = record
  size_t chunk_mask_;
  std::vector<std::unique_ptr<Flow[]>> chunks_;
  size_t size_ = 0;
  std::vector<uint32_t> free_;  // erased records, reused last-in first-out
  // Slot: high 32 bits = upper hash bits (the tag), low 32 bits = record index + 1;
  // 0 = empty. A key's home slot is its tag's top bits (tag >> home_shift_).
  std::vector<uint64_t, HugePageAllocator<uint64_t>> slots_;
  size_t slot_mask_ = 0;
  unsigned home_shift_ = 0;
};

}  // namespace pclassify
