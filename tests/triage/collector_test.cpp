// Scan detection and the ranking: thresholds, folding a scanner's unanswered flows into
// its host entry, order by score then bytes, the summary counts.
#include <gtest/gtest.h>

#include "label/table_fixture.h"
#include "triage/triage_collector.h"

namespace pclassify::test {
namespace {

using triage::Reason;

IpAddress v4(uint8_t a, uint8_t b, uint8_t c, uint8_t d) {
  IpAddress ip;
  ip.family = 4;
  ip.bytes[0] = a;
  ip.bytes[1] = b;
  ip.bytes[2] = c;
  ip.bytes[3] = d;
  return ip;
}

TEST(ScanDetector, ManyPortsMostlyUnansweredIsAScan) {
  triage::ScanDetector scans;
  const IpAddress scanner = v4(10, 0, 0, 1);
  const IpAddress browser = v4(10, 0, 0, 2);
  for (uint16_t port = 1; port <= 30; ++port) {
    scans.add(scanner, v4(10, 0, 0, 9), Transport::tcp, port, port == 22 || port == 25);
  }
  // 30 hosts on 443, every one answered: busy, not a scan.
  for (uint8_t host = 1; host <= 30; ++host) {
    scans.add(browser, v4(192, 0, 2, host), Transport::tcp, 443, true);
  }
  const auto suspects = scans.suspects({});
  ASSERT_EQ(suspects.size(), 1u);
  EXPECT_EQ(suspects[0].source, scanner);
  EXPECT_EQ(suspects[0].distinct_ports, 30u);
  EXPECT_EQ(suspects[0].distinct_hosts, 1u);
  EXPECT_EQ(suspects[0].flows, 30u);
  EXPECT_EQ(suspects[0].unanswered, 28u);
  // Below the threshold: not a scan.
  triage::ScanThresholds strict;
  strict.min_distinct_ports = 31;
  EXPECT_TRUE(scans.suspects(strict).empty());
}

TEST(ScanDetector, HostSweepCountsDistinctHosts) {
  triage::ScanDetector scans;
  for (uint8_t host = 1; host <= 25; ++host) {
    scans.add(v4(10, 0, 0, 1), v4(192, 0, 2, host), Transport::tcp, 445, false);
  }
  const auto suspects = scans.suspects({});
  ASSERT_EQ(suspects.size(), 1u);
  EXPECT_EQ(suspects[0].distinct_hosts, 25u);
  EXPECT_EQ(suspects[0].distinct_ports, 1u);
}

class Collector : public ::testing::Test {
 protected:
  triage::FlowFacts facts(IpAddress client, IpAddress server, uint16_t port, bool answered) {
    FlowEnds ends;
    ends.initiator_port = 50000;
    ends.responder_port = port;
    ends.handshake_seen = true;
    labels_.push_back(std::make_unique<Label>(label_flow(ends, *table_)));
    triage::FlowFacts f;
    f.client_ip = client;
    f.server_ip = server;
    f.client_port = 50000;
    f.server_port = port;
    f.label = labels_.back().get();
    f.answered = answered;
    return f;
  }
  std::unique_ptr<ServiceTable> table_ = testing::label_fixture_table();
  std::vector<std::unique_ptr<Label>> labels_;
};

TEST_F(Collector, RanksFoldsAndSummarises) {
  triage::TriageCollector collector(nullptr);
  PayloadVerdict tls_on_80;
  tls_on_80.verdict = Verdict::contradicted;
  tls_on_80.protocol_id = PayloadProtocol::tls;
  tls_on_80.strong = true;
  // 0: TLS on 80 (50 points).
  triage::FlowFacts contradicted = facts(v4(10, 0, 0, 2), v4(192, 0, 2, 1), 80, true);
  contradicted.payload = &tls_on_80;
  collector.add(contradicted, "http", 10, 5000);
  // 1, 2: answered on the unassigned 4707 (20 points each), more bytes on the second.
  collector.add(facts(v4(10, 0, 0, 2), v4(192, 0, 2, 1), 4707, true), "(unassigned)", 4, 100);
  collector.add(facts(v4(10, 0, 0, 3), v4(192, 0, 2, 1), 4707, true), "(unassigned)", 4, 900);
  // 3..: a scanner: 24 ports on one host; the answered unassigned one (4708) stays listed,
  // the unanswered reserved one (1024) scores nothing anyway.
  const IpAddress scanner = v4(10, 0, 0, 66);
  for (uint16_t port = 4700; port < 4724; ++port) {
    collector.add(facts(scanner, v4(192, 0, 2, 9), port, port == 4708), "x", 1, 60);
  }
  // The scanner's TLS probe of 80 got no answer: part of the host's entry, not a line.
  triage::FlowFacts probe = facts(scanner, v4(192, 0, 2, 9), 80, false);
  probe.payload = &tls_on_80;
  collector.add(probe, "http", 1, 300);
  const triage::TriageResult r = collector.finish();
  ASSERT_EQ(r.ranking.size(), 5u);
  EXPECT_FALSE(r.ranking[0].is_host);
  EXPECT_EQ(r.flows[r.ranking[0].index].order, 0u);
  EXPECT_EQ(r.ranking[0].score, 50);
  EXPECT_TRUE(r.ranking[1].is_host);
  EXPECT_EQ(r.hosts[r.ranking[1].index].scan.source, scanner);
  EXPECT_EQ(r.ranking[1].score, 40);
  EXPECT_EQ(r.flows[r.ranking[2].index].bytes, 900u);  // ties: more bytes first
  EXPECT_EQ(r.flows[r.ranking[3].index].bytes, 100u);
  EXPECT_EQ(r.flows[r.ranking[4].index].server_port, 4708);
  EXPECT_EQ(r.hosts[0].folded_flows, 1u);
  EXPECT_EQ(r.summary.folded_flows, 1u);
  EXPECT_EQ(r.summary.flows, 28u);
  EXPECT_EQ(r.summary.flagged_flows, 4u);
  EXPECT_EQ(r.summary.flagged_hosts, 1u);
  EXPECT_EQ(r.summary.reasons[size_t(Reason::payload_contradicts)], 1u);
  EXPECT_EQ(r.summary.reasons[size_t(Reason::port_unassigned)], 3u);
  EXPECT_EQ(r.summary.reasons[size_t(Reason::scan_like)], 1u);
}

}  // namespace
}  // namespace pclassify::test
