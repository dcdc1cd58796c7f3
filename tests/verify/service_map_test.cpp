// The protocol → IANA service mapping: the listed names are real registry names, and the
// naming rules catch the product-specific TLS/HTTP/SSH services.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "verify/payload_protocol.h"
#include "verify/service_map.h"

namespace pclassify {
namespace {

bool lists(PayloadProtocol p, std::string_view service) {
  for (const auto s : services_confirmed_by(p)) {
    if (s == service) return true;
  }
  return false;
}

TEST(ServiceMap, TlsConfirmsTheImplicitTlsServices) {
  for (const std::string_view s :
       {"https", "imaps", "pop3s", "submissions", "ldaps", "ftps", "domain-s", "nntps", "sips"}) {
    EXPECT_TRUE(lists(PayloadProtocol::tls, s)) << s;
    EXPECT_TRUE(protocol_confirms_service(PayloadProtocol::tls, s)) << s;
  }
}

TEST(ServiceMap, NamingRulesFollowTokens) {
  EXPECT_TRUE(protocol_confirms_service(PayloadProtocol::tls, "pcsync-https"));
  EXPECT_TRUE(protocol_confirms_service(PayloadProtocol::tls, "syslog-tls"));
  EXPECT_TRUE(protocol_confirms_service(PayloadProtocol::tls, "ddm-ssl"));
  EXPECT_TRUE(protocol_confirms_service(PayloadProtocol::tls, "caspssl"));
  EXPECT_FALSE(protocol_confirms_service(PayloadProtocol::tls, "initlsmsad"));  // "tls" inside a word
  EXPECT_FALSE(protocol_confirms_service(PayloadProtocol::tls, "http"));
  EXPECT_TRUE(protocol_confirms_service(PayloadProtocol::http, "www-http"));
  EXPECT_TRUE(protocol_confirms_service(PayloadProtocol::http, "wbem-http"));
  EXPECT_FALSE(protocol_confirms_service(PayloadProtocol::http, "https"));
  EXPECT_FALSE(protocol_confirms_service(PayloadProtocol::http, "wbem-https"));
  EXPECT_TRUE(protocol_confirms_service(PayloadProtocol::ssh, "netconf-ssh"));
  EXPECT_TRUE(protocol_confirms_service(PayloadProtocol::dtls, "snmpdtls"));
  EXPECT_TRUE(protocol_confirms_service(PayloadProtocol::dtls, "coaps"));
  EXPECT_TRUE(protocol_confirms_service(PayloadProtocol::quic, "https"));
  EXPECT_FALSE(protocol_confirms_service(PayloadProtocol::quic, "http"));
  EXPECT_FALSE(protocol_confirms_service(PayloadProtocol::tls, ""));
}

TEST(ServiceMap, PlainProtocolsConfirmTheirServices) {
  EXPECT_TRUE(protocol_confirms_service(PayloadProtocol::dns, "domain"));
  EXPECT_TRUE(protocol_confirms_service(PayloadProtocol::ssh, "ssh"));
  EXPECT_TRUE(protocol_confirms_service(PayloadProtocol::http, "http-alt"));
  EXPECT_TRUE(protocol_confirms_service(PayloadProtocol::smtp, "submission"));
  EXPECT_FALSE(protocol_confirms_service(PayloadProtocol::smtp, "submissions"));  // that is TLS
  EXPECT_TRUE(protocol_confirms_service(PayloadProtocol::smb, "microsoft-ds"));
  EXPECT_TRUE(protocol_confirms_service(PayloadProtocol::rdp, "ms-wbt-server"));
}

TEST(ServiceMap, StartTlsServicesMayCarryTlsButAreNotTls) {
  for (const std::string_view s : {"smtp", "imap", "pop3", "ldap", "postgresql", "ms-wbt-server"}) {
    EXPECT_TRUE(service_may_carry(s, PayloadProtocol::tls)) << s;
    EXPECT_FALSE(protocol_confirms_service(PayloadProtocol::tls, s)) << s;
  }
  EXPECT_FALSE(service_may_carry("http", PayloadProtocol::tls));
}

TEST(ServiceMap, SubstratesAreTheCarrierProtocols) {
  EXPECT_TRUE(is_substrate_protocol(PayloadProtocol::tls));
  EXPECT_TRUE(is_substrate_protocol(PayloadProtocol::http));
  EXPECT_TRUE(is_substrate_protocol(PayloadProtocol::quic));
  EXPECT_FALSE(is_substrate_protocol(PayloadProtocol::ssh));
  EXPECT_FALSE(is_substrate_protocol(PayloadProtocol::openvpn));
}

TEST(ServiceMap, VerifiableServices) {
  EXPECT_TRUE(is_verifiable_service("https"));
  EXPECT_TRUE(is_verifiable_service("domain"));
  EXPECT_FALSE(is_verifiable_service("irdmi"));
}

TEST(PayloadProtocolNames, RoundTrip) {
  for (size_t i = 1; i < static_cast<size_t>(PayloadProtocol::count); ++i) {
    const auto p = static_cast<PayloadProtocol>(i);
    const auto name = payload_protocol_name(p);
    ASSERT_FALSE(name.empty());
    EXPECT_EQ(payload_protocol_from_name(name), p);
  }
  EXPECT_FALSE(payload_protocol_from_name("").has_value());
  EXPECT_FALSE(payload_protocol_from_name("gopher").has_value());
}

// Every listed name must be spelled as the official registry spells it: a typo would
// silently never confirm anything.
TEST(ServiceMap, ListedNamesExistInTheOfficialRegistry) {
  const std::filesystem::path xml = PCLASSIFY_EMBEDDED_REGISTRY;  // committed in registry/
  if (!std::filesystem::exists(xml)) GTEST_SKIP() << "official registry not found at " << xml;
  std::ifstream in(xml);
  std::stringstream text;
  text << in.rdbuf();
  const std::string registry = text.str();
  for (size_t i = 1; i < static_cast<size_t>(PayloadProtocol::count); ++i) {
    const auto p = static_cast<PayloadProtocol>(i);
    for (const auto name : services_confirmed_by(p)) {
      const std::string element = "<name>" + std::string(name) + "</name>";
      EXPECT_NE(registry.find(element), std::string::npos)
          << payload_protocol_name(p) << " lists '" << name << "', which the registry lacks";
    }
  }
  for (const std::string_view carrier :
       {"smtp", "submission", "imap", "pop3", "ftp", "ldap", "msft-gc", "nntp", "xmpp-client",
        "xmpp-server", "sieve", "postgresql", "mysql", "ms-sql-s", "ms-wbt-server", "amqp", "sip",
        "http-alt", "socks", "stun", "turn", "stun-behavior"}) {
    EXPECT_TRUE(service_may_carry(carrier, PayloadProtocol::tls)) << carrier;
    EXPECT_NE(registry.find("<name>" + std::string(carrier) + "</name>"), std::string::npos) << carrier;
  }
}

}  // namespace
}  // namespace pclassify
