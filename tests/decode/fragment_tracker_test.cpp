#include "decode/fragment_tracker.h"

#include <gtest/gtest.h>

#include "decode_test_util.h"

namespace pclassify::test {
namespace {

constexpr uint64_t kSecond = 1'000'000;

Bytes fragment(uint16_t id, uint16_t offset_bytes, bool more, const Bytes& payload,
               const V4& src = kClient4) {
  Ipv4Options o;
  o.id = id;
  o.flags_offset = static_cast<uint16_t>((more ? 0x2000 : 0) | (offset_bytes / 8));
  return ethernet(0x0800, ipv4(src, kServer4, 17, payload, o));
}

Bytes first_fragment(uint16_t id, uint16_t src_port, const V4& src = kClient4) {
  return fragment(id, 0, true, udp(src_port, 53, Bytes(1472, 1), 3000), src);
}

TEST(FragmentTracker, LaterFragmentsJoinTheFirstFragmentsFlow) {
  FragmentTracker tracker;
  DecodedPacket first = decode_eth(first_fragment(7, 5353));
  tracker.process(first, 0);
  EXPECT_EQ(first.status, DecodeStatus::flow);  // untouched
  EXPECT_EQ(tracker.size(), 1u);

  DecodedPacket middle = decode_eth(fragment(7, 1480, true, Bytes(1480, 2)));
  ASSERT_EQ(middle.status, DecodeStatus::fragment);
  tracker.process(middle, 10);
  ASSERT_EQ(middle.status, DecodeStatus::flow);
  EXPECT_EQ(middle.tuple.src_port, 5353);
  EXPECT_EQ(middle.tuple.dst_port, 53);
  EXPECT_EQ(middle.tuple.transport, Transport::udp);
  EXPECT_EQ(middle.payload.size(), 1480u);

  DecodedPacket last = decode_eth(fragment(7, 2960, false, Bytes(40, 3)));
  tracker.process(last, 20);
  EXPECT_EQ(last.status, DecodeStatus::flow);
  EXPECT_EQ(tracker.stats().joined, 2u);
}

TEST(FragmentTracker, FragmentBeforeItsFirstIsAnOrphan) {
  FragmentTracker tracker;
  DecodedPacket orphan = decode_eth(fragment(8, 1480, false, Bytes(100, 2)));
  tracker.process(orphan, 0);
  expect_anomaly(orphan, Anomaly::fragment_without_first);
  EXPECT_EQ(tracker.stats().orphans, 1u);

  // A different datagram (other id, other source) does not match either.
  FragmentTracker other;
  DecodedPacket first = decode_eth(first_fragment(9, 1000));
  other.process(first, 0);
  DecodedPacket wrong_id = decode_eth(fragment(10, 1480, false, Bytes(10, 0)));
  other.process(wrong_id, 1);
  expect_anomaly(wrong_id, Anomaly::fragment_without_first);
  DecodedPacket wrong_src = decode_eth(fragment(9, 1480, false, Bytes(10, 0), kOuterA4));
  other.process(wrong_src, 1);
  expect_anomaly(wrong_src, Anomaly::fragment_without_first);
}

TEST(FragmentTracker, EntriesExpire) {
  FragmentTracker tracker({.capacity = 16, .timeout_us = 30 * kSecond});
  DecodedPacket first = decode_eth(first_fragment(11, 1000));
  tracker.process(first, 0);
  DecodedPacket in_time = decode_eth(fragment(11, 1480, true, Bytes(8, 0)));
  tracker.process(in_time, 29 * kSecond);
  EXPECT_EQ(in_time.status, DecodeStatus::flow);
  DecodedPacket too_late = decode_eth(fragment(11, 2960, false, Bytes(8, 0)));
  tracker.process(too_late, 31 * kSecond);
  expect_anomaly(too_late, Anomaly::fragment_without_first);
  EXPECT_EQ(tracker.stats().expired, 1u);
  EXPECT_EQ(tracker.size(), 0u);
}

TEST(FragmentTracker, CapacityEvictsTheOldest) {
  FragmentTracker tracker({.capacity = 3, .timeout_us = 60 * kSecond});
  for (uint16_t id = 1; id <= 5; ++id) {
    DecodedPacket first = decode_eth(first_fragment(id, static_cast<uint16_t>(1000 + id)));
    tracker.process(first, id);
  }
  EXPECT_EQ(tracker.size(), 3u);
  EXPECT_EQ(tracker.stats().evicted, 2u);
  DecodedPacket evicted = decode_eth(fragment(1, 1480, false, Bytes(8, 0)));
  tracker.process(evicted, 10);
  expect_anomaly(evicted, Anomaly::fragment_without_first);
  DecodedPacket kept = decode_eth(fragment(5, 1480, false, Bytes(8, 0)));
  tracker.process(kept, 10);
  ASSERT_EQ(kept.status, DecodeStatus::flow);
  EXPECT_EQ(kept.tuple.src_port, 1005);
}

TEST(FragmentTracker, ReusedIdentificationFollowsTheNewestDatagram) {
  FragmentTracker tracker({.capacity = 2, .timeout_us = 60 * kSecond});
  DecodedPacket old_first = decode_eth(first_fragment(3, 1111));
  tracker.process(old_first, 0);
  DecodedPacket new_first = decode_eth(first_fragment(3, 2222));
  tracker.process(new_first, 1);
  EXPECT_EQ(tracker.size(), 1u);
  DecodedPacket later = decode_eth(fragment(3, 1480, false, Bytes(8, 0)));
  tracker.process(later, 2);
  ASSERT_EQ(later.status, DecodeStatus::flow);
  EXPECT_EQ(later.tuple.src_port, 2222);
  // The dead slot of the first datagram does not count as an eviction.
  DecodedPacket another = decode_eth(first_fragment(4, 3333));
  tracker.process(another, 3);
  EXPECT_EQ(tracker.stats().evicted, 0u);
}

TEST(FragmentTracker, Ipv6FragmentsJoinToo) {
  FragmentTracker tracker;
  DecodedPacket first = decode_eth(
      ethernet(0x86DD, ipv6(kClient6, kServer6, 44,
                            ipv6_fragment(6, 0, true, 99, tcp(40000, 443, kAck, Bytes(1000, 0))))));
  tracker.process(first, 0);
  DecodedPacket later = decode_eth(ethernet(
      0x86DD, ipv6(kClient6, kServer6, 44, ipv6_fragment(6, 1024, false, 99, Bytes(64, 0)))));
  tracker.process(later, 1);
  ASSERT_EQ(later.status, DecodeStatus::flow);
  EXPECT_EQ(later.tuple.dst_port, 443);
  EXPECT_EQ(later.tuple.src, ip(kClient6));
}

}  // namespace
}  // namespace pclassify::test
