// The site policy: parsing, errors with line numbers, which rule covers a flow, and its
// effect on scoring.
#include <gtest/gtest.h>

#include <arpa/inet.h>

#include "label/table_fixture.h"
#include "triage/flow_assessment.h"
#include "triage/site_policy.h"

namespace pclassify::test {
namespace {

using triage::PolicyAction;
using triage::Reason;
using triage::SitePolicy;

IpAddress ip(const char* text) {
  IpAddress out;
  if (::inet_pton(AF_INET, text, out.bytes.data()) == 1) {
    out.family = 4;
  } else {
    EXPECT_EQ(::inet_pton(AF_INET6, text, out.bytes.data()), 1) << text;
    out.family = 6;
  }
  return out;
}

bool known_service(std::string_view name) {
  return name == "https" || name == "domain" || name == "http" || name == "pcsync-https" ||
         name == "ssh";
}

std::optional<SitePolicy> parse(std::string_view text, std::string& error) {
  return SitePolicy::parse(text, "site.policy", known_service, error);
}

std::string error_of(std::string_view text) {
  std::string error;
  EXPECT_FALSE(parse(text, error).has_value()) << text;
  return error;
}

constexpr std::string_view kPolicy =
    "# our servers\n"
    "\n"
    "10.0.0.5      8443/tcp       https            # web admin\n"
    "10.0.0.0/24   53/udp         domain   allow\n"
    "2001:db8::/32 22/tcp         ssh      expect\n"
    "*             6000-6010/tcp  *        allow\r\n"
    "10.0.0.5      *\t/udp        tls\n"   // '*' and '/udp' are two words: an error
    ;

TEST(SitePolicy, ParsesRulesCommentsAndDefaults) {
  std::string error;
  const auto policy = parse(kPolicy.substr(0, kPolicy.find("10.0.0.5      *")), error);
  ASSERT_TRUE(policy.has_value()) << error;
  const auto& rules = policy->rules();
  ASSERT_EQ(rules.size(), 4u);
  EXPECT_EQ(rules[0].line, 3u);
  EXPECT_EQ(rules[0].service, "https");
  EXPECT_EQ(rules[0].action, PolicyAction::expect);
  EXPECT_EQ(rules[0].port_lo, 8443);
  EXPECT_EQ(rules[0].port_hi, 8443);
  EXPECT_EQ(rules[1].action, PolicyAction::allow);
  EXPECT_EQ(rules[1].transport, Transport::udp);
  EXPECT_EQ(rules[1].hosts.length, 24);
  EXPECT_EQ(rules[2].hosts.address.family, 6);
  EXPECT_EQ(rules[3].hosts.address.family, 0);
  EXPECT_EQ(rules[3].port_lo, 6000);
  EXPECT_EQ(rules[3].port_hi, 6010);
}

TEST(SitePolicy, ErrorsNameFileAndLine) {
  EXPECT_EQ(error_of(kPolicy), "site.policy:7: \"*\" is not PORT/TRANSPORT (e.g. 443/tcp)");
  EXPECT_EQ(error_of("10.0.0.1 80/tcp\n"),
            "site.policy:1: expected HOST_OR_CIDR PORT/TRANSPORT SERVICE [expect|allow], got 2 "
            "fields");
  EXPECT_EQ(error_of("\n\n10.0.0.300 80/tcp http\n"),
            "site.policy:3: \"10.0.0.300\" is not an IPv4 or IPv6 address");
  EXPECT_EQ(error_of("10.0.0.5/24 80/tcp http\n"),
            "site.policy:1: \"10.0.0.5/24\" has host bits set after the prefix length");
  EXPECT_EQ(error_of("10.0.0.0/33 80/tcp http\n"),
            "site.policy:1: bad prefix length in \"10.0.0.0/33\" (0-32)");
  EXPECT_EQ(error_of("10.0.0.1 80 http\n"),
            "site.policy:1: \"80\" is not PORT/TRANSPORT (e.g. 443/tcp)");
  EXPECT_EQ(error_of("10.0.0.1 80/icmp http\n"),
            "site.policy:1: unknown transport \"icmp\" (tcp, udp, sctp or dccp)");
  EXPECT_EQ(error_of("10.0.0.1 70000/tcp http\n"),
            "site.policy:1: bad port \"70000\" (a number 0-65535, a range LO-HI or *)");
  EXPECT_EQ(error_of("10.0.0.1 90-80/tcp http\n"),
            "site.policy:1: bad port \"90-80\" (a number 0-65535, a range LO-HI or *)");
  EXPECT_EQ(error_of("10.0.0.1 80/tcp htp\n"),
            "site.policy:1: unknown service or protocol \"htp\" (an IANA service name, a "
            "protocol such as tls or http, or *)");
  EXPECT_EQ(error_of("10.0.0.1 80/tcp http deny\n"),
            "site.policy:1: unknown action \"deny\" (expect or allow)");
}

TEST(SitePolicy, MostSpecificRuleCovers) {
  std::string error;
  const auto policy = parse(
      "10.0.0.0/8   */tcp     *     allow\n"
      "10.0.0.0/24  443/tcp   https\n"
      "10.0.0.7     400-500/tcp http\n"
      "10.0.0.7     443/tcp   tls\n",
      error);
  ASSERT_TRUE(policy.has_value()) << error;
  EXPECT_EQ(policy->find(ip("10.0.0.7"), 443, Transport::tcp)->line, 4u);
  EXPECT_EQ(policy->find(ip("10.0.0.7"), 444, Transport::tcp)->line, 3u);
  EXPECT_EQ(policy->find(ip("10.0.0.8"), 443, Transport::tcp)->line, 2u);
  // Only the /8 rule covers 10.9.0.8, and only over tcp.
  EXPECT_EQ(policy->find(ip("10.9.0.8"), 443, Transport::tcp)->line, 1u);
  EXPECT_EQ(policy->find(ip("10.9.0.8"), 443, Transport::udp), nullptr);
  EXPECT_TRUE(policy->lists_host(ip("10.9.0.8")));
  EXPECT_FALSE(policy->lists_host(ip("192.0.2.1")));
  EXPECT_FALSE(policy->lists_host(ip("2001:db8::1")));
}

TEST(SitePolicy, PayloadFitsExpectedService) {
  PayloadVerdict tls;
  tls.protocol_id = PayloadProtocol::tls;
  tls.strong = true;
  PayloadVerdict ssh = tls;
  ssh.protocol_id = PayloadProtocol::ssh;
  PayloadVerdict nothing;
  EXPECT_TRUE(triage::payload_fits_service("https", &tls));
  EXPECT_TRUE(triage::payload_fits_service("pcsync-https", &tls));
  EXPECT_TRUE(triage::payload_fits_service("tls", &tls));
  EXPECT_TRUE(triage::payload_fits_service("*", &ssh));
  EXPECT_TRUE(triage::payload_fits_service("https", &nothing));
  EXPECT_TRUE(triage::payload_fits_service("https", nullptr));
  EXPECT_FALSE(triage::payload_fits_service("https", &ssh));
  EXPECT_FALSE(triage::payload_fits_service("tls", &ssh));
  ssh.strong = false;  // a weak hint is no evidence against the policy
  EXPECT_TRUE(triage::payload_fits_service("https", &ssh));
}

class PolicyScoring : public ::testing::Test {
 protected:
  triage::FlowFacts facts(const char* server, uint16_t port, const PayloadVerdict* payload) {
    FlowEnds ends;
    ends.initiator_port = 50000;
    ends.responder_port = port;
    ends.handshake_seen = true;
    labels_.push_back(std::make_unique<Label>(label_flow(ends, *table_)));
    triage::FlowFacts f;
    f.client_ip = ip("198.51.100.1");
    f.server_ip = ip(server);
    f.client_port = 50000;
    f.server_port = port;
    f.label = labels_.back().get();
    f.payload = payload;
    f.answered = true;
    return f;
  }
  std::unique_ptr<ServiceTable> table_ = testing::label_fixture_table();
  std::vector<std::unique_ptr<Label>> labels_;
};

TEST_F(PolicyScoring, ExpectedAllowedUnexpectedAndMismatched) {
  std::string error;
  const auto policy = parse(
      "10.0.0.5   8443/tcp https\n"
      "10.0.0.5   4707/tcp *     allow\n"
      "10.0.0.9   80/tcp   ssh\n",
      error);
  ASSERT_TRUE(policy.has_value()) << error;
  PayloadVerdict tls;
  tls.verdict = Verdict::unknown;
  tls.protocol_id = PayloadProtocol::tls;
  tls.strong = true;
  PayloadVerdict ssh = tls;
  ssh.protocol_id = PayloadProtocol::ssh;
  ssh.verdict = Verdict::contradicted;
  ssh.detail = "SSH-2.0-x";

  // Expected and fitting: cleared.
  auto a = triage::assess_flow(facts("10.0.0.5", 8443, &tls), &*policy);
  EXPECT_TRUE(a.cleared_by_policy);
  EXPECT_TRUE(a.findings.empty());
  // Allowed: an unassigned port that would score 20 is cleared.
  a = triage::assess_flow(facts("10.0.0.5", 4707, nullptr), &*policy);
  EXPECT_TRUE(a.cleared_by_policy);
  EXPECT_EQ(a.score, 0);
  // A port of a listed host that no rule covers.
  a = triage::assess_flow(facts("10.0.0.5", 4708, nullptr), &*policy);
  ASSERT_EQ(a.findings.size(), 2u);
  EXPECT_EQ(a.findings[0].reason, Reason::unexpected_service);
  EXPECT_EQ(a.findings[0].text,
            "site.policy lists services for 10.0.0.5, not 4708/tcp, and a service answered "
            "there.");
  EXPECT_EQ(a.findings[1].reason, Reason::port_unassigned);
  EXPECT_EQ(a.score, 60);
  // Expected https, payload SSH.
  a = triage::assess_flow(facts("10.0.0.5", 8443, &ssh), &*policy);
  ASSERT_EQ(a.findings.size(), 1u);
  EXPECT_EQ(a.findings[0].reason, Reason::policy_mismatch);
  EXPECT_EQ(a.findings[0].text,
            "site.policy:1 expects https on 10.0.0.5:8443/tcp; payload is SSH (SSH-2.0-x).");
  EXPECT_EQ(a.score, 50);
  // The site runs ssh on 80: the registry's contradiction is not reported.
  a = triage::assess_flow(facts("10.0.0.9", 80, &ssh), &*policy);
  EXPECT_TRUE(a.cleared_by_policy);
  EXPECT_TRUE(a.findings.empty());
  // Hosts the policy does not list are scored as without a policy.
  a = triage::assess_flow(facts("10.0.0.77", 80, &ssh), &*policy);
  ASSERT_EQ(a.findings.size(), 1u);
  EXPECT_EQ(a.findings[0].reason, Reason::payload_contradicts);
}

}  // namespace
}  // namespace pclassify::test
