// Flow scoring (triage/flow_assessment.h) on labels built from registry-shaped rows.
#include <gtest/gtest.h>

#include <arpa/inet.h>

#include "label/table_fixture.h"
#include "triage/flow_assessment.h"

namespace pclassify::test {
namespace {

using triage::FlowAssessment;
using triage::FlowFacts;
using triage::Reason;

IpAddress ipv4(const char* text) {
  IpAddress ip;
  ip.family = 4;
  EXPECT_EQ(::inet_pton(AF_INET, text, ip.bytes.data()), 1);
  return ip;
}

PayloadVerdict verdict_of(Verdict v, PayloadProtocol p, std::string detail = "") {
  PayloadVerdict out;
  out.verdict = v;
  out.protocol_id = p;
  out.protocol = payload_protocol_name(p);
  out.detail = std::move(detail);
  out.strong = p != PayloadProtocol::none;
  return out;
}

class Scoring : public ::testing::Test {
 protected:
  FlowFacts facts(uint16_t client_port, uint16_t server_port, bool answered = true) {
    FlowEnds ends;
    ends.initiator_port = client_port;
    ends.responder_port = server_port;
    ends.handshake_seen = true;
    labels_.push_back(std::make_unique<Label>(label_flow(ends, *table_)));
    FlowFacts f;
    f.client_ip = ipv4("198.51.100.1");
    f.server_ip = ipv4("192.0.2.1");
    f.client_port = client_port;
    f.server_port = server_port;
    f.label = labels_.back().get();
    f.answered = answered;
    return f;
  }

  static std::vector<Reason> reasons(const FlowAssessment& a) {
    std::vector<Reason> out;
    for (const auto& f : a.findings) out.push_back(f.reason);
    return out;
  }

  std::unique_ptr<ServiceTable> table_ = testing::label_fixture_table();
  std::vector<std::unique_ptr<Label>> labels_;
};

TEST_F(Scoring, TableOfPoints) {
  EXPECT_EQ(triage::reason_points(Reason::payload_contradicts), 50);
  EXPECT_EQ(triage::reason_points(Reason::policy_mismatch), 50);
  EXPECT_EQ(triage::reason_points(Reason::scan_like), 40);
  EXPECT_EQ(triage::reason_points(Reason::unexpected_service), 40);
  EXPECT_EQ(triage::reason_points(Reason::unauthorized_use), 30);
  EXPECT_EQ(triage::reason_points(Reason::service_deassigned), 30);
  EXPECT_EQ(triage::reason_points(Reason::port_reserved), 30);
  EXPECT_EQ(triage::reason_points(Reason::port_unassigned), 20);
  EXPECT_EQ(triage::reason_points(Reason::dynamic_known_protocol), 20);
  for (size_t i = 0; i < triage::kReasonCount; ++i) {
    EXPECT_NE(triage::reason_name(static_cast<Reason>(i)), "unknown");
  }
}

TEST_F(Scoring, ConfirmedHttpIsNotFlagged) {
  FlowFacts f = facts(50000, 80);
  const PayloadVerdict v = verdict_of(Verdict::confirmed, PayloadProtocol::http, "GET x");
  f.payload = &v;
  const FlowAssessment a = triage::assess_flow(f, nullptr);
  EXPECT_TRUE(a.findings.empty());
  EXPECT_EQ(a.score, 0);
}

TEST_F(Scoring, ContradictedClaimScoresFiftyWithTheNoteText) {
  FlowFacts f = facts(50000, 80);
  const PayloadVerdict v =
      verdict_of(Verdict::contradicted, PayloadProtocol::tls, "ClientHello SNI example.com");
  f.payload = &v;
  const FlowAssessment a = triage::assess_flow(f, nullptr);
  ASSERT_EQ(reasons(a), std::vector<Reason>{Reason::payload_contradicts});
  EXPECT_EQ(a.score, 50);
  EXPECT_EQ(a.findings[0].text,
            "port 80/tcp is registered to http; payload is TLS (ClientHello SNI example.com).");
}

TEST_F(Scoring, PortStatusReasonsNeedAnAnswer) {
  EXPECT_EQ(reasons(triage::assess_flow(facts(50000, 4707), nullptr)),
            std::vector<Reason>{Reason::port_unassigned});
  EXPECT_EQ(reasons(triage::assess_flow(facts(50000, 1024), nullptr)),
            std::vector<Reason>{Reason::port_reserved});
  EXPECT_EQ(reasons(triage::assess_flow(facts(50000, 5030), nullptr)),
            std::vector<Reason>{Reason::service_deassigned});
  const FlowAssessment unauthorized = triage::assess_flow(facts(50000, 796), nullptr);
  EXPECT_EQ(reasons(unauthorized),
            (std::vector<Reason>{Reason::unauthorized_use, Reason::port_unassigned}));
  EXPECT_EQ(unauthorized.score, 50);
  EXPECT_EQ(reasons(triage::assess_flow(facts(50000, 79), nullptr)),
            std::vector<Reason>{Reason::unauthorized_use});
  // A SYN answered by nothing (or a RST) is a closed port, not a service.
  EXPECT_TRUE(triage::assess_flow(facts(50000, 4707, false), nullptr).findings.empty());
  EXPECT_TRUE(triage::assess_flow(facts(50000, 1024, false), nullptr).findings.empty());
}

TEST_F(Scoring, DynamicToDynamicNeedsAStrongKnownProtocol) {
  FlowFacts f = facts(50000, 60000);
  EXPECT_TRUE(triage::assess_flow(f, nullptr).findings.empty());
  PayloadVerdict v = verdict_of(Verdict::unknown, PayloadProtocol::bittorrent, "handshake");
  f.payload = &v;
  const FlowAssessment a = triage::assess_flow(f, nullptr);
  ASSERT_EQ(reasons(a), std::vector<Reason>{Reason::dynamic_known_protocol});
  EXPECT_EQ(a.findings[0].text,
            "both ports are dynamic (50000, 60000) and the payload is BitTorrent (handshake).");
  v.strong = false;
  EXPECT_TRUE(triage::assess_flow(f, nullptr).findings.empty());
  // A user-range client port is an ordinary client.
  FlowFacts user = facts(40000, 60000);
  v.strong = true;
  user.payload = &v;
  EXPECT_TRUE(triage::assess_flow(user, nullptr).findings.empty());
}

TEST_F(Scoring, ServerAnswered) {
  EXPECT_FALSE(triage::server_answered(Transport::tcp, 0, 0));
  EXPECT_TRUE(triage::server_answered(Transport::tcp, 1, 0x12));   // SYN+ACK
  EXPECT_FALSE(triage::server_answered(Transport::tcp, 1, 0x14));  // RST+ACK
  EXPECT_TRUE(triage::server_answered(Transport::tcp, 3, 0x10));   // ACKs mid-stream
  EXPECT_TRUE(triage::server_answered(Transport::tcp, 9, 0x16));   // SYN+ACK, later RST
  EXPECT_TRUE(triage::server_answered(Transport::udp, 1, 0));
  EXPECT_FALSE(triage::server_answered(Transport::udp, 0, 0));
}

}  // namespace
}  // namespace pclassify::test
