// What the flow table and the tracker allocate up front is configurable (the fuzz target
// uses small sizes); the results must not depend on it.
#include <gtest/gtest.h>

#include <vector>

#include "flow/flow_table.h"
#include "flow/flow_tracker.h"
#include "packets.h"

namespace pclassify::test {
namespace {

constexpr uint64_t kSeed = 0x5eed;

FlowKey key_of(uint32_t i) {
  return make_flow_key(flow_packet(ipv4(10, 1, uint8_t(i >> 8), uint8_t(i)), uint16_t(2000 + i),
                                   ipv4(192, 168, 0, 1), 443)
                           .tuple)
      .key;
}

TEST(FlowTableChunks, SizeIsRoundedUpToAPowerOfTwo) {
  EXPECT_EQ(FlowTable(kSeed).chunk_records(), FlowTable::kDefaultChunkRecords);
  EXPECT_EQ(FlowTable(kSeed, 8).chunk_records(), 8u);
  EXPECT_EQ(FlowTable(kSeed, 6).chunk_records(), 8u);
  EXPECT_EQ(FlowTable(kSeed, 0).chunk_records(), 1u);
}

// 1000 flows over 125 chunks of 8 records, with erasures and reuse, give the same indices
// and records as the default table.
TEST(FlowTableChunks, SmallChunksHoldTheSameFlows) {
  FlowTable small(kSeed, 8);
  FlowTable usual(kSeed);
  constexpr uint32_t kFlows = 1000;
  for (uint32_t i = 0; i < kFlows; ++i) {
    bool small_created = false;
    bool usual_created = false;
    const uint32_t index = small.find_or_insert(key_of(i), small_created);
    ASSERT_EQ(index, usual.find_or_insert(key_of(i), usual_created)) << i;
    ASSERT_TRUE(small_created && usual_created) << i;
    small.at(index).packets[0] = i;
    usual.at(index).packets[0] = i;
  }
  for (uint32_t i = 0; i < kFlows; i += 7) {
    small.erase(small.find(key_of(i)));
    usual.erase(usual.find(key_of(i)));
  }
  for (uint32_t i = kFlows; i < kFlows + 100; ++i) {
    bool created = false;
    const uint32_t index = small.find_or_insert(key_of(i), created);
    ASSERT_EQ(index, usual.find_or_insert(key_of(i), created)) << i;
    small.at(index).packets[0] = i;
  }
  ASSERT_EQ(small.size(), usual.size());
  EXPECT_EQ(small.live_count(), usual.live_count());
  for (uint32_t i = 0; i < kFlows + 100; ++i) {
    const uint32_t index = small.find(key_of(i));
    ASSERT_EQ(index, usual.find(key_of(i))) << i;
    if (index == FlowTable::kNotFound) continue;
    EXPECT_EQ(small.at(index).key, key_of(i));
    EXPECT_EQ(small.at(index).packets[0], i);
  }
  for (uint32_t i = 0; i < small.size(); ++i) {
    EXPECT_EQ(small.is_live(i), usual.is_live(i)) << i;
  }
}

// The point of small chunks: one flow costs one small chunk, not 4096 records.
TEST(FlowTableChunks, FirstChunkIsAsSmallAsAsked) {
  FlowTable small(kSeed, 8);
  FlowTable usual(kSeed);
  bool created = false;
  small.find_or_insert(key_of(1), created);
  usual.find_or_insert(key_of(1), created);
  EXPECT_EQ(usual.memory_bytes() - small.memory_bytes(),
            (FlowTable::kDefaultChunkRecords - 8) * sizeof(Flow));
}

const IpAddress kClient = ipv4(192, 168, 1, 10);
const IpAddress kServer = ipv4(10, 0, 0, 1);

DecodedPacket first_fragment(uint16_t source_port, uint32_t id) {
  DecodedPacket p = flow_packet(kClient, source_port, kServer, 53, Transport::udp);
  p.first_fragment = true;
  p.fragment = {kClient, kServer, id, 17};
  return p;
}

DecodedPacket later_fragment(uint32_t id) {
  DecodedPacket p;
  p.status = DecodeStatus::fragment;
  p.fragment = {kClient, kServer, id, 17};
  return p;
}

// Capacity 4: the fifth datagram evicts the first one's entry, so the first datagram's
// later fragment is an orphan while the other four still join their flows.
TEST(FlowTrackerSizes, FragmentCapacityIsPassedToTheFragmentTracker) {
  FlowTracker::Options options;
  options.fragments.capacity = 4;
  FlowTracker tracker(options);
  int64_t now_ns = 1'000'000'000;
  for (uint32_t id = 1; id <= 5; ++id) {
    DecodedPacket first = first_fragment(uint16_t(5000 + id), id);
    tracker.add(first, now_ns += 1000, 1514);
  }
  EXPECT_EQ(tracker.fragments().size(), 4u);
  EXPECT_EQ(tracker.fragments().stats().evicted, 1u);
  for (uint32_t id = 1; id <= 5; ++id) {
    DecodedPacket later = later_fragment(id);
    tracker.add(later, now_ns += 1000, 600);
  }
  EXPECT_EQ(tracker.fragments().stats().joined, 4u);
  EXPECT_EQ(tracker.fragments().stats().orphans, 1u);
  EXPECT_EQ(tracker.anomaly_count(Anomaly::fragment_without_first), 1u);
  ASSERT_EQ(tracker.flows().size(), 5u);
  for (uint32_t i = 0; i < 5; ++i) {
    const Flow& flow = tracker.flows().at(i);
    // Flow i came from datagram i + 1; only the first lost its later fragment.
    EXPECT_EQ(flow.total_packets(), i == 0 ? 1u : 2u) << i;
    EXPECT_EQ(flow.total_bytes(), i == 0 ? 1514u : 2114u) << i;
  }
}

// The same packets through a tracker with 8-record chunks and one with the default give
// the same flows.
TEST(FlowTrackerSizes, FlowChunkSizeIsPassedToTheTable) {
  FlowTracker::Options options;
  options.flow_chunk_records = 8;
  FlowTracker small(options);
  FlowTracker usual;
  EXPECT_EQ(small.flows().chunk_records(), 8u);
  EXPECT_EQ(usual.flows().chunk_records(), FlowTable::kDefaultChunkRecords);
  for (int round = 0; round < 3; ++round) {
    for (uint16_t port = 1; port <= 100; ++port) {
      DecodedPacket packet = flow_packet(kClient, uint16_t(40000 + port), kServer, port);
      DecodedPacket copy = packet;
      small.add(packet, 1'000 + round, 100u + port);
      usual.add(copy, 1'000 + round, 100u + port);
    }
  }
  ASSERT_EQ(small.flows().size(), 100u);
  ASSERT_EQ(usual.flows().size(), 100u);
  for (uint32_t i = 0; i < 100; ++i) {
    const Flow& a = small.flows().at(i);
    const Flow& b = usual.flows().at(i);
    EXPECT_EQ(a.key, b.key) << i;
    EXPECT_EQ(a.packets, b.packets) << i;
    EXPECT_EQ(a.bytes, b.bytes) << i;
    EXPECT_EQ(a.total_packets(), 3u) << i;
  }
}

}  // namespace
}  // namespace pclassify::test
