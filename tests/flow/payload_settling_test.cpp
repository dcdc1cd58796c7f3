// FlowTracker's payloads-complete handler and PayloadSamples::settle: a flow's samples are
// handed over once, when both first payloads are in and its ends are fixed, and their bytes
// are freed then.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "flow/flow_tracker.h"
#include "packets.h"

namespace pclassify::test {
namespace {

const IpAddress kClient = ipv4(192, 168, 1, 10);
const IpAddress kServer = ipv4(10, 0, 0, 1);

std::span<const uint8_t> bytes(const std::string& s) {
  return {reinterpret_cast<const uint8_t*>(s.data()), s.size()};
}

const std::string kRequest = "GET / HTTP/1.1\r\n";
const std::string kReply = "HTTP/1.1 200 OK\r\n";

// A tracker that samples payloads and records every handler call (flow index, and the
// samples as the handler saw them), answering with outcome 1000 + call number.
struct SettlingTracker {
  struct Call {
    uint32_t index;
    std::string payload_a, payload_b;  // the samples of end a's and end b's direction
  };
  FlowTracker tracker{[] {
    FlowTracker::Options options;
    options.sample_payloads = true;
    return options;
  }()};
  std::vector<Call> calls;

  SettlingTracker() {
    tracker.set_payloads_complete_handler([this](uint32_t index, const Flow&) {
      const PayloadSamples& samples = *tracker.payload_samples();
      const auto a = samples.first_payload(index, 0), b = samples.first_payload(index, 1);
      calls.push_back({index, std::string(a.begin(), a.end()), std::string(b.begin(), b.end())});
      return static_cast<uint32_t>(1000 + calls.size() - 1);
    });
  }

  void send(IpAddress src, uint16_t sport, IpAddress dst, uint16_t dport, Transport transport,
            const std::string& payload, HandshakeRole role = HandshakeRole::none) {
    auto packet = flow_packet(src, sport, dst, dport, transport, role);
    packet.payload = bytes(payload);
    tracker.add(packet, ++clock, 100);
  }
  int64_t clock = 0;
};

TEST(PayloadSettling, TcpWithHandshakeSettlesOnTheSecondDirectionsFirstPayload) {
  SettlingTracker t;
  t.send(kClient, 5000, kServer, 80, Transport::tcp, "", HandshakeRole::opener);
  t.send(kServer, 80, kClient, 5000, Transport::tcp, "", HandshakeRole::answerer);
  t.send(kClient, 5000, kServer, 80, Transport::tcp, kRequest);
  EXPECT_TRUE(t.calls.empty()) << "only one direction has a payload yet";
  t.send(kServer, 80, kClient, 5000, Transport::tcp, kReply);
  ASSERT_EQ(t.calls.size(), 1u);
  const PayloadSamples& samples = *t.tracker.payload_samples();
  // The handler saw both samples; afterwards they are gone and the outcome is kept.
  const Flow& flow = t.tracker.flows().at(0);
  const int client_end = flow.initiator();
  EXPECT_EQ(client_end == 0 ? t.calls[0].payload_a : t.calls[0].payload_b, kRequest);
  EXPECT_EQ(client_end == 0 ? t.calls[0].payload_b : t.calls[0].payload_a, kReply);
  EXPECT_TRUE(samples.first_payload(0, 0).empty());
  EXPECT_TRUE(samples.first_payload(0, 1).empty());
  EXPECT_EQ(samples.outcome(0), std::optional<uint32_t>(1000));
  EXPECT_FALSE(samples.wants(0, 0));
  // More payload changes nothing and calls nothing.
  t.send(kClient, 5000, kServer, 80, Transport::tcp, "more");
  t.send(kServer, 80, kClient, 5000, Transport::tcp, "more");
  EXPECT_EQ(t.calls.size(), 1u);
  EXPECT_EQ(samples.outcome(0), std::optional<uint32_t>(1000));
}

TEST(PayloadSettling, TcpWithoutHandshakeKeepsItsSamplesToTheEnd) {
  // Picked up mid-stream: a late SYN could still swap the ends, so nothing is final.
  SettlingTracker t;
  t.send(kClient, 5000, kServer, 80, Transport::tcp, kRequest);
  t.send(kServer, 80, kClient, 5000, Transport::tcp, kReply);
  EXPECT_TRUE(t.calls.empty());
  const PayloadSamples& samples = *t.tracker.payload_samples();
  EXPECT_FALSE(samples.outcome(0).has_value());
  EXPECT_FALSE(samples.first_payload(0, 0).empty());
  EXPECT_FALSE(samples.first_payload(0, 1).empty());
  // The handshake comes after the payloads: now the ends are fixed, and the flow settles.
  t.send(kServer, 80, kClient, 5000, Transport::tcp, "", HandshakeRole::answerer);
  EXPECT_EQ(t.calls.size(), 1u);
  EXPECT_TRUE(samples.outcome(0).has_value());
}

TEST(PayloadSettling, UdpSettlesWithoutHandshakeOneWayNever) {
  SettlingTracker t;
  t.send(kClient, 40000, kServer, 53, Transport::udp, "query");
  t.send(kServer, 53, kClient, 40000, Transport::udp, "answer");
  ASSERT_EQ(t.calls.size(), 1u);
  t.send(kClient, 40001, kServer, 514, Transport::udp, "log line");
  t.send(kClient, 40001, kServer, 514, Transport::udp, "log line");
  EXPECT_EQ(t.calls.size(), 1u);
  // The one-way flow keeps its one sample.
  const PayloadSamples& samples = *t.tracker.payload_samples();
  EXPECT_FALSE(samples.outcome(1).has_value());
  EXPECT_FALSE(samples.first_payload(1, 0).empty() && samples.first_payload(1, 1).empty());
}

TEST(PayloadSettling, SettledFlowsReuseTheSampleArena) {
  // Without settling a file run holds every flow's samples to the end (two 256-byte
  // samples per flow here); settled flows give their bytes back as they complete.
  const std::string big(PayloadSamples::kMaxBytes, 'x');
  constexpr int kFlows = 20000;
  SettlingTracker settling;
  FlowTracker::Options options;
  options.sample_payloads = true;
  FlowTracker holding(options);
  for (int i = 0; i < kFlows; ++i) {
    const auto client = ipv4(10, 1, static_cast<uint8_t>(i >> 8), static_cast<uint8_t>(i));
    settling.send(client, 40000, kServer, 53, Transport::udp, big);
    settling.send(kServer, 53, client, 40000, Transport::udp, big);
    for (const bool from_client : {true, false}) {
      auto packet = from_client ? flow_packet(client, 40000, kServer, 53, Transport::udp)
                                : flow_packet(kServer, 53, client, 40000, Transport::udp);
      packet.payload = bytes(big);
      holding.add(packet, 1, 100);
    }
  }
  ASSERT_EQ(settling.calls.size(), size_t{kFlows});
  const size_t held = holding.payload_samples()->memory_bytes();
  const size_t settled = settling.tracker.payload_samples()->memory_bytes();
  EXPECT_GT(held, size_t{kFlows} * 2 * PayloadSamples::kMaxBytes);
  // What remains is the per-flow bookkeeping (16 bytes) and one arena chunk.
  EXPECT_LT(settled, size_t{kFlows} * 16 + (size_t{1} << 19));
}

TEST(PayloadSettling, WithoutAHandlerNothingSettles) {
  FlowTracker::Options options;
  options.sample_payloads = true;
  FlowTracker tracker(options);
  const std::string query_bytes = "query", answer_bytes = "answer";
  auto query = flow_packet(kClient, 40000, kServer, 53, Transport::udp);
  query.payload = bytes(query_bytes);
  auto answer = flow_packet(kServer, 53, kClient, 40000, Transport::udp);
  answer.payload = bytes(answer_bytes);
  tracker.add(query, 1, 100);
  tracker.add(answer, 2, 100);
  EXPECT_FALSE(tracker.payload_samples()->outcome(0).has_value());
  EXPECT_FALSE(tracker.payload_samples()->first_payload(0, 0).empty());
}

}  // namespace
}  // namespace pclassify::test
