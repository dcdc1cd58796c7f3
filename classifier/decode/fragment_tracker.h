// Joins later IP fragments to the flow of their first fragment.
//
// The decoder is stateless, so a later fragment (no ports) comes out as status `fragment`
// with its FragmentId. The tracker remembers, for every first fragment, which 5-tuple its
// datagram belongs to, and rewrites later fragments of the same datagram into flow packets
// of that tuple.
//
// Choice: no buffering. A later fragment that arrives before its first fragment (reordered
// or lost first fragment) becomes an anomaly `fragment_without_first` and is not counted
// in any flow. Buffering would make the caller handle packets released later, out of
// capture order; orphan fragments are rare and are still counted, under their name.
//
// Memory is bounded: at most `capacity` datagrams are remembered; when full, the oldest is
// evicted. Entries also expire `timeout_us` after their first fragment (RFC 791 suggests a
// reassembly timeout of 15 s; Linux uses 30 s). Time is the capture's, not the wall clock.
#pragma once

#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "decode/packet.h"

namespace pclassify {

struct FragmentIdHash {
  size_t operator()(const FragmentId& id) const noexcept;
};

class FragmentTracker {
 public:
  struct Config {
    size_t capacity = 4096;            // datagrams remembered at once
    uint64_t timeout_us = 30'000'000;  // how long after its first fragment a datagram lives
  };

  struct Stats {
    uint64_t remembered = 0;  // first fragments stored
    uint64_t joined = 0;      // later fragments turned into flow packets
    uint64_t orphans = 0;     // later fragments with no known first fragment
    uint64_t evicted = 0;     // entries dropped because the tracker was full
    uint64_t expired = 0;     // entries dropped because they timed out
  };

  FragmentTracker() : FragmentTracker(Config{}) {}
  explicit FragmentTracker(Config config);

  // Call for every decoded packet, in capture order, with its capture time.
  // - a first fragment (status flow, first_fragment) is remembered;
  // - a later fragment (status fragment) becomes status flow with the remembered tuple
  //   (role none, payload = the fragment's bytes), or anomaly fragment_without_first.
  // Other packets are left alone.
  void process(DecodedPacket& packet, uint64_t timestamp_us);

  size_t size() const { return index_.size(); }
  const Stats& stats() const { return stats_; }

 private:
  struct Entry {
    FragmentId id;
    PacketTuple tuple;
    uint64_t first_seen_us = 0;
    bool live = false;
  };

  void remember(const FragmentId& id, const PacketTuple& tuple, uint64_t now_us);
  void expire(uint64_t now_us);
  void drop_oldest();

  Config config_;
  // A ring of entries in arrival order (oldest at head_), and an index into it.
  std::vector<Entry> ring_;
  size_t head_ = 0;
  size_t count_ = 0;
  std::unordered_map<FragmentId, size_t, FragmentIdHash> index_;
  Stats stats_;
};

}  // namespace pclassify
