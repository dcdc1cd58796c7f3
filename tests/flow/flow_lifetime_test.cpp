// Bounded flow state: LRU eviction, idle expiry per transport, TCP close, handlers called
// once per flow, bounded memory over millions of flows, and hash seeding.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "flow/flow_tracker.h"
#include "packets.h"

namespace pclassify::test {
namespace {

constexpr uint8_t kFin = 0x01, kRst = 0x04, kAck = 0x10;
constexpr int64_t kSecond = 1'000'000'000;
const IpAddress kServer = ipv4(10, 0, 0, 1);

// Client n talks to the server from its own address.
IpAddress client(uint32_t n) { return ipv4(192, uint8_t(n >> 16), uint8_t(n >> 8), uint8_t(n)); }

DecodedPacket from_client(uint32_t n, Transport t = Transport::udp, uint8_t flags = 0) {
  return flow_packet(client(n), 40000, kServer, 53, t, HandshakeRole::none, flags);
}
DecodedPacket from_server(uint32_t n, Transport t = Transport::udp, uint8_t flags = 0) {
  return flow_packet(kServer, 53, client(n), 40000, t, HandshakeRole::none, flags);
}

// Records every start and end the handlers report, by client number.
struct Events {
  std::vector<std::pair<uint32_t, FlowEndReason>> ended;
  std::vector<uint32_t> started;

  void attach(FlowTracker& tracker) {
    tracker.set_flow_start_handler([this](const Flow& f) { started.push_back(client_of(f)); });
    tracker.set_flow_end_handler(
        [this](const Flow& f, FlowEndReason r) { ended.emplace_back(client_of(f), r); });
  }
  static uint32_t client_of(const Flow& f) {
    const auto& b = f.key.address_b;  // clients (192.x) sort after the server (10.x)
    return (uint32_t{b[1]} << 16) | (uint32_t{b[2]} << 8) | b[3];
  }
};

TEST(FlowLifetime, EvictsTheLeastRecentlySeenFlow) {
  FlowTracker::Options options;
  options.max_flows = 3;
  FlowTracker tracker(options);
  Events events;
  events.attach(tracker);
  auto p1 = from_client(1), p2 = from_client(2), p3 = from_client(3), p4 = from_client(4);
  tracker.add(p1, 1, 60);
  tracker.add(p2, 2, 60);
  tracker.add(p3, 3, 60);
  auto again = from_server(1);
  tracker.add(again, 4, 60);  // flow 1 is now the most recent: flow 2 is the oldest
  tracker.add(p4, 5, 60);
  ASSERT_EQ(events.ended.size(), 1u);
  EXPECT_EQ(events.ended[0].first, 2u);
  EXPECT_EQ(events.ended[0].second, FlowEndReason::evicted);
  EXPECT_EQ(tracker.evicted_count(), 1u);
  EXPECT_EQ(tracker.flows().live_count(), 3u);
  EXPECT_EQ(tracker.flows().size(), 3u);  // the evicted record was reused
  EXPECT_EQ(tracker.flows().find(make_flow_key(p2.tuple).key), FlowTable::kNotFound);
  // Flow 1 kept its two packets.
  const uint32_t one = tracker.flows().find(make_flow_key(p1.tuple).key);
  ASSERT_NE(one, FlowTable::kNotFound);
  EXPECT_EQ(tracker.flows().at(one).total_packets(), 2u);
  // Next to go: flow 3, then 1.
  auto p5 = from_client(5), p6 = from_client(6);
  tracker.add(p5, 6, 60);
  tracker.add(p6, 7, 60);
  ASSERT_EQ(events.ended.size(), 3u);
  EXPECT_EQ(events.ended[1].first, 3u);
  EXPECT_EQ(events.ended[2].first, 1u);
}

TEST(FlowLifetime, IdleTimeoutsPerTransport) {
  FlowTracker::Options options;
  options.idle_timeouts = {.tcp_ns = 50 * kSecond, .tcp_closed_ns = 5 * kSecond,
                           .udp_ns = 10 * kSecond, .sctp_ns = 30 * kSecond,
                           .dccp_ns = 20 * kSecond};
  FlowTracker tracker(options);
  Events events;
  events.attach(tracker);
  auto tcp = from_client(1, Transport::tcp, kAck), udp = from_client(2, Transport::udp),
       sctp = from_client(3, Transport::sctp), dccp = from_client(4, Transport::dccp);
  tracker.add(tcp, 0, 60);
  tracker.add(udp, 0, 60);
  tracker.add(sctp, 0, 60);
  tracker.add(dccp, 0, 60);
  tracker.expire(10 * kSecond);  // not longer than 10 s yet
  EXPECT_TRUE(events.ended.empty());
  const std::vector<std::pair<int64_t, uint32_t>> steps = {
      {11 * kSecond, 2}, {21 * kSecond, 4}, {31 * kSecond, 3}, {51 * kSecond, 1}};
  for (const auto& [now, expected] : steps) {
    tracker.expire(now);
    ASSERT_FALSE(events.ended.empty()) << now;
    EXPECT_EQ(events.ended.back().first, expected) << now;
    EXPECT_EQ(events.ended.back().second, FlowEndReason::idle_timeout);
  }
  EXPECT_EQ(events.ended.size(), 4u);
  EXPECT_EQ(tracker.expired_count(), 4u);
  EXPECT_EQ(tracker.flows().live_count(), 0u);
}

TEST(FlowLifetime, ActivityPostponesExpiryAndZeroDisables) {
  FlowTracker::Options options;
  options.idle_timeouts.udp_ns = 10 * kSecond;
  options.idle_timeouts.sctp_ns = 0;  // never by timeout
  FlowTracker tracker(options);
  Events events;
  events.attach(tracker);
  auto udp = from_client(1), sctp = from_client(2, Transport::sctp);
  tracker.add(udp, 0, 60);
  tracker.add(sctp, 0, 60);
  tracker.expire(1);  // starts recency tracking of an unbounded tracker
  tracker.add(udp, 8 * kSecond, 60);
  tracker.expire(15 * kSecond);
  EXPECT_TRUE(events.ended.empty());
  tracker.expire(19 * kSecond);
  ASSERT_EQ(events.ended.size(), 1u);
  EXPECT_EQ(events.ended[0].first, 1u);
  tracker.expire(1000 * kSecond);
  EXPECT_EQ(events.ended.size(), 1u);  // the SCTP flow stays
  tracker.finish();
  ASSERT_EQ(events.ended.size(), 2u);
  EXPECT_EQ(events.ended[1], std::make_pair(2u, FlowEndReason::capture_end));
}

TEST(FlowLifetime, TcpCloseAfterFinBothWaysOrRst) {
  FlowTracker::Options options;
  options.idle_timeouts.tcp_closed_ns = 5 * kSecond;
  FlowTracker tracker(options);
  Events events;
  events.attach(tracker);
  // Flow 1: FIN both ways. Flow 2: RST. Flow 3: FIN one way only (half closed).
  auto fin1 = from_client(1, Transport::tcp, kFin | kAck);
  auto fin2 = from_server(1, Transport::tcp, kFin | kAck);
  auto rst = from_server(2, Transport::tcp, kRst);
  auto half = from_client(3, Transport::tcp, kFin | kAck);
  tracker.add(fin1, 0, 60);
  tracker.add(fin2, 1 * kSecond, 60);
  tracker.add(rst, 2 * kSecond, 60);
  tracker.add(half, 0, 60);
  tracker.expire(6 * kSecond + 1);  // flow 1's last packet was 5 s ago, flow 2's 4 s
  ASSERT_EQ(events.ended.size(), 1u);
  EXPECT_EQ(events.ended[0], std::make_pair(1u, FlowEndReason::tcp_close));
  tracker.expire(8 * kSecond);
  ASSERT_EQ(events.ended.size(), 2u);
  EXPECT_EQ(events.ended[1], std::make_pair(2u, FlowEndReason::tcp_close));
  tracker.expire(3000 * kSecond);  // half closed: the established timeout (1 h) applies
  EXPECT_EQ(events.ended.size(), 2u);
  tracker.expire(3601 * kSecond);
  ASSERT_EQ(events.ended.size(), 3u);
  EXPECT_EQ(events.ended[2], std::make_pair(3u, FlowEndReason::idle_timeout));
}

// A mixed workload: every flow starts once and ends once, through every path.
TEST(FlowLifetime, HandlersRunExactlyOncePerFlow) {
  FlowTracker::Options options;
  options.max_flows = 50;
  options.idle_timeouts.udp_ns = kSecond / 2;
  options.idle_timeouts.tcp_closed_ns = kSecond / 5;
  FlowTracker tracker(options);
  std::map<std::string, int> open;  // flow key bytes -> start count minus end count
  uint64_t starts = 0, ends = 0;
  const auto id = [](const Flow& f) {
    return std::string(reinterpret_cast<const char*>(&f.key), sizeof f.key);
  };
  tracker.set_flow_start_handler([&](const Flow& f) {
    ++starts;
    EXPECT_EQ(open[id(f)]++, 0);
    EXPECT_EQ(f.total_packets(), 1u);  // called after the first packet is counted
  });
  tracker.set_flow_end_handler([&](const Flow& f, FlowEndReason) {
    ++ends;
    EXPECT_EQ(open[id(f)]--, 1);
  });
  uint64_t rng = 7;
  for (int64_t i = 0; i < 20'000; ++i) {
    rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
    const auto n = static_cast<uint32_t>((rng >> 33) % 60);
    const bool tcp = (rng >> 20) & 1;
    const uint8_t flags = ((rng >> 24) % 16 == 0) ? kRst : kAck;
    auto p = (rng >> 40) & 1 ? from_client(n, tcp ? Transport::tcp : Transport::udp, flags)
                             : from_server(n, tcp ? Transport::tcp : Transport::udp, flags);
    const int64_t now = i * (kSecond / 100);
    tracker.add(p, now, 60);
    if (i % 100 == 0) tracker.expire(now);
    ASSERT_LE(tracker.flows().live_count(), 50u);
  }
  const size_t live_at_end = tracker.flows().live_count();
  tracker.finish();
  EXPECT_EQ(starts, ends);
  EXPECT_GT(tracker.evicted_count(), 0u);
  EXPECT_GT(tracker.expired_count(), 0u);
  EXPECT_EQ(starts, tracker.evicted_count() + tracker.expired_count() + live_at_end);
  EXPECT_EQ(tracker.flows().live_count(), 0u);
  for (const auto& [key, balance] : open) EXPECT_EQ(balance, 0);
}

// 2 million flows through a tracker bounded at 10,000: records, index and payload samples
// stay at the size 10,000 flows need.
TEST(FlowLifetime, MemoryStaysBoundedOverTwoMillionFlows) {
  FlowTracker::Options options;
  options.max_flows = 10'000;
  options.sample_payloads = true;
  FlowTracker tracker(options);
  uint64_t ended = 0;
  tracker.set_flow_end_handler([&](const Flow&, FlowEndReason) { ++ended; });
  const std::string request = "GET / HTTP/1.1\r\nHost: example.com\r\n\r\n";
  constexpr uint32_t kFlows = 2'000'000;
  size_t memory_at_first_eviction = 0;
  for (uint32_t n = 0; n < kFlows; ++n) {
    auto p = from_client(n, Transport::tcp);
    p.payload = {reinterpret_cast<const uint8_t*>(request.data()), request.size() - n % 20};
    tracker.add(p, n, 100);
    if (n == options.max_flows) {
      memory_at_first_eviction =
          tracker.flows().memory_bytes() + tracker.payload_samples()->memory_bytes();
    }
  }
  EXPECT_EQ(tracker.flows().live_count(), 10'000u);
  EXPECT_EQ(tracker.flows().size(), 10'000u);          // records reused, never more
  EXPECT_LE(tracker.flows().slot_count(), 16'384u);    // 10,000 at most 3/4 full
  EXPECT_EQ(tracker.evicted_count(), kFlows - 10'000u);
  EXPECT_EQ(ended, kFlows - 10'000u);
  const size_t memory = tracker.flows().memory_bytes() + tracker.payload_samples()->memory_bytes();
  EXPECT_LE(memory, memory_at_first_eviction * 2) << memory_at_first_eviction;
  // The newest flows are there with their samples.
  const uint32_t last = tracker.flows().find(make_flow_key(from_client(kFlows - 1).tuple).key);
  EXPECT_EQ(last, FlowTable::kNotFound);  // that was UDP: the flows are TCP
  const uint32_t newest =
      tracker.flows().find(make_flow_key(from_client(kFlows - 1, Transport::tcp).tuple).key);
  ASSERT_NE(newest, FlowTable::kNotFound);
  EXPECT_FALSE(tracker.payload_samples()->first_payload(newest, 1).empty());
}

}  // namespace
}  // namespace pclassify::test
