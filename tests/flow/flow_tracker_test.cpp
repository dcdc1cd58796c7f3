// The tracker: initiator rules, per-direction counters, fragments, anomalies, tunnels.
#include <gtest/gtest.h>

#include "flow/flow_tracker.h"
#include "packets.h"

namespace pclassify::test {
namespace {

constexpr uint8_t kSyn = 0x02, kAck = 0x10, kFin = 0x01, kPsh = 0x08;

const IpAddress kClient = ipv4(192, 168, 1, 10);
const IpAddress kServer = ipv4(10, 0, 0, 1);  // sorts first: the client is end b

// The end of `flow` that has this address.
int end_of(const Flow& flow, const IpAddress& ip) { return flow.key.address(0) == ip ? 0 : 1; }

TEST(FlowTracker, TcpHandshakeCountsBothDirections) {
  FlowTracker tracker;
  auto syn = flow_packet(kClient, 50000, kServer, 443, Transport::tcp, HandshakeRole::opener, kSyn);
  auto synack = flow_packet(kServer, 443, kClient, 50000, Transport::tcp, HandshakeRole::answerer,
                            kSyn | kAck);
  auto data = flow_packet(kClient, 50000, kServer, 443, Transport::tcp, HandshakeRole::none,
                          kAck | kPsh);
  auto fin = flow_packet(kServer, 443, kClient, 50000, Transport::tcp, HandshakeRole::none,
                         kFin | kAck);
  tracker.add(syn, 1000, 60);
  tracker.add(synack, 2000, 60);
  tracker.add(data, 3000, 500);
  tracker.add(fin, 5000, 54);
  ASSERT_EQ(tracker.flows().size(), 1u);
  const Flow& flow = tracker.flows().at(0);
  const int client = end_of(flow, kClient);
  const int server = 1 - client;
  EXPECT_EQ(flow.initiator(), client);
  EXPECT_TRUE(flow.handshake_seen());
  EXPECT_EQ(flow.packets[client], 2u);
  EXPECT_EQ(flow.packets[server], 2u);
  EXPECT_EQ(flow.bytes[client], 560u);
  EXPECT_EQ(flow.bytes[server], 114u);
  EXPECT_EQ(flow.tcp_flags[client], kSyn | kAck | kPsh);
  EXPECT_EQ(flow.tcp_flags[server], kSyn | kAck | kFin);
  EXPECT_EQ(flow.first_ns, 1000);
  EXPECT_EQ(flow.last_ns, 5000);
  EXPECT_EQ(tracker.counts().in_flows, 4u);
}

// The capture missed the SYN: the SYN+ACK's receiver is the initiator even though the
// server's packet came first.
TEST(FlowTracker, AnswerWithoutOpenerNamesTheReceiver) {
  FlowTracker tracker;
  auto synack = flow_packet(kServer, 443, kClient, 50000, Transport::tcp, HandshakeRole::answerer,
                            kSyn | kAck);
  tracker.add(synack, 1, 60);
  const Flow& flow = tracker.flows().at(0);
  EXPECT_EQ(flow.initiator(), end_of(flow, kClient));
  EXPECT_TRUE(flow.handshake_seen());
}

// Mid-stream capture: the first sender is the initiator, and a later handshake (a new
// connection on the same 5-tuple) takes over only if none was seen before.
TEST(FlowTracker, FirstSenderUntilAHandshake) {
  FlowTracker tracker;
  auto from_server = flow_packet(kServer, 443, kClient, 50000, Transport::tcp, HandshakeRole::none, kAck);
  tracker.add(from_server, 1, 60);
  EXPECT_EQ(tracker.flows().at(0).initiator(), end_of(tracker.flows().at(0), kServer));
  EXPECT_FALSE(tracker.flows().at(0).handshake_seen());
  auto syn = flow_packet(kClient, 50000, kServer, 443, Transport::tcp, HandshakeRole::opener, kSyn);
  tracker.add(syn, 2, 60);
  EXPECT_EQ(tracker.flows().at(0).initiator(), end_of(tracker.flows().at(0), kClient));
  // A stray SYN from the other side later does not flip it again.
  auto stray = flow_packet(kServer, 443, kClient, 50000, Transport::tcp, HandshakeRole::opener, kSyn);
  tracker.add(stray, 3, 60);
  EXPECT_EQ(tracker.flows().at(0).initiator(), end_of(tracker.flows().at(0), kClient));
}

TEST(FlowTracker, SctpInitAndUdpFirstSender) {
  FlowTracker tracker;
  auto init = flow_packet(kServer, 2905, kClient, 3868, Transport::sctp, HandshakeRole::opener);
  auto udp = flow_packet(kClient, 5353, kServer, 53, Transport::udp);
  tracker.add(init, 1, 100);
  tracker.add(udp, 2, 80);
  ASSERT_EQ(tracker.flows().size(), 2u);
  const Flow& sctp = tracker.flows().at(0);
  EXPECT_EQ(sctp.key.transport, Transport::sctp);
  EXPECT_EQ(sctp.initiator(), end_of(sctp, kServer));
  const Flow& dns = tracker.flows().at(1);
  EXPECT_EQ(dns.initiator(), end_of(dns, kClient));
  EXPECT_FALSE(dns.handshake_seen());
}

TEST(FlowTracker, NonFlowsAndAnomaliesAreCountedByName) {
  FlowTracker tracker;
  DecodedPacket arp;
  arp.status = DecodeStatus::not_a_flow;
  DecodedPacket bad;
  bad.status = DecodeStatus::anomaly;
  bad.anomaly = Anomaly::bad_tcp_header_length;
  tracker.add(arp, 1, 42);
  tracker.add(bad, 2, 60);
  tracker.add(bad, 3, 60);
  EXPECT_EQ(tracker.flows().size(), 0u);
  EXPECT_EQ(tracker.counts().total, 3u);
  EXPECT_EQ(tracker.counts().not_a_flow, 1u);
  EXPECT_EQ(tracker.counts().anomalies, 2u);
  EXPECT_EQ(tracker.anomaly_count(Anomaly::bad_tcp_header_length), 2u);
}

TEST(FlowTracker, LaterFragmentsJoinTheirFlow) {
  FlowTracker tracker;
  auto first = flow_packet(kClient, 5000, kServer, 53, Transport::udp);
  first.first_fragment = true;
  first.fragment = {kClient, kServer, 77, 17};
  DecodedPacket later;
  later.status = DecodeStatus::fragment;
  later.fragment = {kClient, kServer, 77, 17};
  DecodedPacket orphan;
  orphan.status = DecodeStatus::fragment;
  orphan.fragment = {kClient, kServer, 78, 17};
  tracker.add(first, 1'000'000, 1514);
  tracker.add(later, 1'100'000, 600);
  tracker.add(orphan, 1'200'000, 600);
  ASSERT_EQ(tracker.flows().size(), 1u);
  const Flow& flow = tracker.flows().at(0);
  EXPECT_EQ(flow.packets[flow.initiator()], 2u);
  EXPECT_EQ(flow.bytes[flow.initiator()], 2114u);
  EXPECT_EQ(tracker.anomaly_count(Anomaly::fragment_without_first), 1u);
}

TEST(FlowTracker, TunnelIsRecordedOncePerFlow) {
  FlowTracker tracker;
  auto inner = flow_packet(kClient, 5000, kServer, 80);
  inner.tunnel = {TunnelKind::vxlan, ipv4(172, 16, 0, 1), ipv4(172, 16, 0, 2), 42};
  inner.tunnel_depth = 1;
  tracker.add(inner, 1, 150);
  auto plain = flow_packet(kClient, 5001, kServer, 80);
  tracker.add(plain, 2, 100);
  const Flow& tunnelled = tracker.flows().at(0);
  ASSERT_NE(tunnelled.tunnel_id, 0u);
  EXPECT_EQ(tracker.tunnel(tunnelled.tunnel_id).kind, TunnelKind::vxlan);
  EXPECT_EQ(tracker.tunnel(tunnelled.tunnel_id).vni, 42u);
  EXPECT_EQ(tracker.flows().at(1).tunnel_id, 0u);
}

TEST(FlowTracker, PayloadSamplesKeepTheFirstPayloadOfEachDirection) {
  FlowTracker::Options options;
  options.sample_payloads = true;
  FlowTracker tracker(options);
  const std::string hello = "GET / HTTP/1.1\r\n", reply = "HTTP/1.1 200 OK\r\n", more = "x";
  const auto bytes = [](const std::string& s) {
    return std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(s.data()), s.size());
  };
  auto request = flow_packet(kClient, 5000, kServer, 80);
  request.payload = bytes(hello);
  auto response = flow_packet(kServer, 80, kClient, 5000);
  response.payload = bytes(reply);
  auto later = flow_packet(kClient, 5000, kServer, 80);
  later.payload = bytes(more);
  tracker.add(request, 1, 100);
  tracker.add(response, 2, 100);
  tracker.add(later, 3, 100);
  const PayloadSamples* samples = tracker.payload_samples();
  ASSERT_NE(samples, nullptr);
  const Flow& flow = tracker.flows().at(0);
  const auto client_sample = samples->first_payload(0, end_of(flow, kClient));
  const auto server_sample = samples->first_payload(0, end_of(flow, kServer));
  EXPECT_EQ(std::string(client_sample.begin(), client_sample.end()), hello);
  EXPECT_EQ(std::string(server_sample.begin(), server_sample.end()), reply);
  EXPECT_EQ(FlowTracker().payload_samples(), nullptr);
}

}  // namespace
}  // namespace pclassify::test
