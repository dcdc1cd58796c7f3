// Which flows were seen least recently, for eviction and idle expiry.
//
// One doubly linked list per timeout class (established TCP, closed TCP, UDP, SCTP, DCCP),
// most recently seen first. Every flow of a list has the same timeout, so expiry walks a
// list from its tail and stops at the first flow still within its timeout: the cost is
// the number of flows ended, not the number of flows. The least recently seen flow
// overall is the oldest of the five tails.
//
// Links are kept beside the flow records, not in them (12 bytes per record, allocated
// only when recency is tracked), so a file run pays nothing.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace pclassify {

enum class TimeoutClass : uint8_t { tcp, tcp_closed, udp, sctp, dccp };
inline constexpr size_t kTimeoutClassCount = 5;

class FlowRecency {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;

  // Makes `index` the most recently seen flow of `list` (moving it from its old list).
  void touch(uint32_t index, TimeoutClass list);
  // Takes `index` out of its list (no-op if in none).
  void remove(uint32_t index);
  // The least recently seen flow of `list`, or kNone.
  uint32_t oldest(TimeoutClass list) const { return ends_[static_cast<size_t>(list)].tail; }
  bool contains(uint32_t index) const {
    return index < links_.size() && links_[index].list != kNoList;
  }

 private:
  static constexpr uint8_t kNoList = 0xff;
  struct Link {
    uint32_t newer = kNone;  // towards the head (more recently seen)
    uint32_t older = kNone;  // towards the tail
    uint8_t list = kNoList;
  };
  struct Ends {
    uint32_t head = kNone;  // most recently seen
    uint32_t tail = kNone;  // least recently seen
  };

  std::vector<Link> links_;
  std::array<Ends, kTimeoutClassCount> ends_{};
};

}  // namespace pclassify
