// The flow table alone: canonical keys, lookups, growth to 100k flows.
#include <gtest/gtest.h>

#include "flow/flow_table.h"
#include "packets.h"

namespace pclassify::test {
namespace {

TEST(FlowKey, BothDirectionsGiveOneKeyAndOppositeDirections) {
  const auto forward = flow_packet(ipv4(10, 0, 0, 1), 40000, ipv4(10, 0, 0, 2), 443);
  const auto backward = flow_packet(ipv4(10, 0, 0, 2), 443, ipv4(10, 0, 0, 1), 40000);
  const CanonicalKey a = make_flow_key(forward.tuple);
  const CanonicalKey b = make_flow_key(backward.tuple);
  EXPECT_EQ(a.key, b.key);
  EXPECT_EQ(hash_flow_key(a.key), hash_flow_key(b.key));
  EXPECT_NE(a.direction, b.direction);
  EXPECT_EQ(a.key.address(a.direction).bytes, forward.tuple.src.bytes);
  EXPECT_EQ(a.key.port(a.direction), 40000);
}

TEST(FlowKey, SameAddressesOrderedByPortAndTransportSeparates) {
  const IpAddress host = ipv4(127, 0, 0, 1);
  const CanonicalKey a = make_flow_key(flow_packet(host, 9000, host, 80).tuple);
  const CanonicalKey b = make_flow_key(flow_packet(host, 80, host, 9000).tuple);
  EXPECT_EQ(a.key, b.key);
  EXPECT_EQ(a.key.port_a, 80);
  const CanonicalKey udp =
      make_flow_key(flow_packet(host, 9000, host, 80, Transport::udp).tuple);
  EXPECT_FALSE(udp.key == a.key);
}

TEST(FlowTable, FindOrInsertIsStable) {
  FlowTable table;
  const FlowKey key = make_flow_key(flow_packet(ipv4(1, 2, 3, 4), 1, ipv4(5, 6, 7, 8), 2).tuple).key;
  bool created = false;
  const uint32_t index = table.find_or_insert(key, created);
  EXPECT_TRUE(created);
  EXPECT_EQ(table.find_or_insert(key, created), index);
  EXPECT_FALSE(created);
  EXPECT_EQ(table.find(key), index);
  FlowKey other = key;
  other.port_b = 3;
  EXPECT_EQ(table.find(other), FlowTable::kNotFound);
  EXPECT_EQ(table.size(), 1u);
}

// 100k distinct flows: every one is found again after the index has grown many times,
// records keep their contents, and the memory stays within the per-flow budget.
TEST(FlowTable, GrowsTo100kFlows) {
  FlowTable table;
  constexpr uint32_t kFlows = 100'000;
  const auto key_of = [](uint32_t i) {
    return make_flow_key(flow_packet(ipv4(10, uint8_t(i >> 16), uint8_t(i >> 8), uint8_t(i)),
                                     uint16_t(1024 + i % 50000), ipv4(192, 168, 0, 1), 443)
                             .tuple)
        .key;
  };
  for (uint32_t i = 0; i < kFlows; ++i) {
    bool created = false;
    const uint32_t index = table.find_or_insert(key_of(i), created);
    ASSERT_TRUE(created) << i;
    ASSERT_EQ(index, i);
    table.at(index).packets[0] = i;
  }
  EXPECT_EQ(table.size(), kFlows);
  for (uint32_t i = 0; i < kFlows; ++i) {
    const uint32_t index = table.find(key_of(i));
    ASSERT_EQ(index, i);
    ASSERT_EQ(table.at(index).packets[0], i);
  }
  EXPECT_LE(table.memory_bytes() / kFlows, 128u);
}

}  // namespace
}  // namespace pclassify::test
