// The verdict rules: confirmed, contradicted or unknown, from the first payload bytes of
// both directions and the IANA services registered on the server port.
#include <gtest/gtest.h>

#include <cctype>
#include <initializer_list>
#include <string>
#include <vector>

#include "capture_samples.h"
#include "sample_catalog.h"
#include "verify/payload_verdict.h"

namespace pclassify {
namespace {

using testing::bytes_of;
using testing::sample;

std::span<const uint8_t> none() { return {}; }

PayloadVerdict verify(Transport t, uint16_t port, std::span<const uint8_t> client,
                      std::span<const uint8_t> server, std::initializer_list<std::string_view> services) {
  const std::vector<std::string_view> names(services);
  return verify_payload(PayloadEvidence{t, port, client, server, names});
}

// The services IANA registers on a few ports (2026-08-17 registry).
const auto kHttp80 = {std::string_view("http"), std::string_view("www"), std::string_view("www-http")};

TEST(Verdict, TlsOnPort80IsContradictedAsTls) {
  const auto v = verify(Transport::tcp, 80, sample("tls_client_hello_port80").bytes,
                        sample("tls_server_hello_port80").bytes, kHttp80);
  EXPECT_EQ(v.verdict, Verdict::contradicted);
  EXPECT_EQ(v.protocol, "tls");
  EXPECT_EQ(v.detail, "ClientHello");  // this client sent no SNI
}

TEST(Verdict, HttpOnPort80IsConfirmed) {
  const auto v = verify(Transport::tcp, 80, sample("http_get").bytes, sample("http_response").bytes,
                        kHttp80);
  EXPECT_EQ(v.verdict, Verdict::confirmed);
  EXPECT_EQ(v.protocol, "http");
  EXPECT_EQ(v.detail, "GET fkl.co.ke");
}

TEST(Verdict, TlsOn443IsConfirmedWithTheSni) {
  const auto v = verify(Transport::tcp, 443, sample("tls_client_hello_imaps").bytes, none(), {"https"});
  EXPECT_EQ(v.verdict, Verdict::confirmed);
  EXPECT_EQ(v.protocol, "tls");
  EXPECT_EQ(v.detail, "ClientHello SNI mail.ntop.org");
}

TEST(Verdict, NothingRecognisedIsUnknown) {
  const std::string junk = "\x01\x02\x03 no protocol here \x7f";
  const auto v = verify(Transport::tcp, 443, bytes_of(junk), none(), {"https"});
  EXPECT_EQ(v.verdict, Verdict::unknown);
  EXPECT_TRUE(v.protocol.empty());
  EXPECT_TRUE(v.detail.empty());
}

TEST(Verdict, NoPayloadIsUnknownWhateverThePort) {
  for (const int port : {22, 53, 80, 443}) {
    const auto v = verify(Transport::tcp, static_cast<uint16_t>(port), none(), none(),
                          {"https", "ssh", "http", "domain"});
    EXPECT_EQ(v.verdict, Verdict::unknown) << port;
    EXPECT_EQ(v.reason, "no payload to look at");
  }
}

TEST(Verdict, ImplicitTlsServicesAreConfirmedByTls) {
  const auto hello = sample("tls_client_hello_imaps").bytes;
  for (const std::string_view service :
       {"imaps", "pop3s", "submissions", "ldaps", "ftps", "domain-s", "pcsync-https", "syslog-tls"}) {
    const std::vector<std::string_view> names{service};
    const auto v = verify_payload(PayloadEvidence{Transport::tcp, 0, hello, {}, names});
    EXPECT_EQ(v.verdict, Verdict::confirmed) << service;
  }
}

TEST(Verdict, OnePortOneConfirmingServiceIsEnough) {
  // 465/tcp lists urd and submissions.
  const auto v = verify(Transport::tcp, 465, sample("tls_client_hello_imaps").bytes, none(),
                        {"urd", "submissions"});
  EXPECT_EQ(v.verdict, Verdict::confirmed);
}

TEST(Verdict, TlsRecordsOnAStartTlsPortAreNotAContradiction) {
  // A capture that starts after STARTTLS sees only TLS records on 25/tcp.
  const auto v = verify(Transport::tcp, 25, sample("tls_application_data").bytes, none(), {"smtp"});
  EXPECT_EQ(v.verdict, Verdict::unknown);
  EXPECT_EQ(v.protocol, "tls");
}

TEST(Verdict, HttpConnectOnAProxyPortIsConfirmedAndTheTunnelIsNoContradiction) {
  const auto connect = verify(Transport::tcp, 8080, sample("http_connect").bytes,
                              sample("http_connect_response").bytes, {"http-alt"});
  EXPECT_EQ(connect.verdict, Verdict::confirmed);
  EXPECT_EQ(connect.detail, "CONNECT apache.org:443");
  const auto tunnel = verify(Transport::tcp, 8080, sample("tls_client_hello_imaps").bytes, none(),
                             {"http-alt"});
  EXPECT_EQ(tunnel.verdict, Verdict::unknown);
  EXPECT_EQ(tunnel.protocol, "tls");
}

TEST(Verdict, SshOnAnotherServicesPortIsContradicted) {
  // ssh.pcap: an SSH session on 8000/tcp, registered as irdmi.
  const auto v = verify(Transport::tcp, 8000, sample("ssh_client_banner_port8000").bytes, none(),
                        {"irdmi"});
  EXPECT_EQ(v.verdict, Verdict::contradicted);
  EXPECT_EQ(v.protocol, "ssh");
  EXPECT_EQ(v.detail.substr(0, 8), "SSH-2.0-");
}

TEST(Verdict, IrcOnPort8000IsContradicted) {
  const auto v = verify(Transport::tcp, 8000, sample("irc_client").bytes, sample("irc_server").bytes,
                        {"irdmi"});
  EXPECT_EQ(v.verdict, Verdict::contradicted);
  EXPECT_EQ(v.protocol, "irc");
}

TEST(Verdict, SubstrateOnAServiceWeCannotCheckIsUnknown) {
  // Many products speak HTTP or TLS on their own registered port.
  const auto http = verify(Transport::tcp, 8000, sample("http_get").bytes, none(), {"irdmi"});
  EXPECT_EQ(http.verdict, Verdict::unknown);
  EXPECT_EQ(http.protocol, "http");
  const auto tls = verify(Transport::tcp, 9000, sample("tls_client_hello_imaps").bytes, none(),
                          {"cslistener"});
  EXPECT_EQ(tls.verdict, Verdict::unknown);
}

TEST(Verdict, OpenVpnOn443IsContradicted) {
  const auto tcp = verify(Transport::tcp, 443, sample("openvpn_client_reset_tcp").bytes,
                          sample("openvpn_server_reset_tcp").bytes, {"https"});
  EXPECT_EQ(tcp.verdict, Verdict::contradicted);
  EXPECT_EQ(tcp.protocol, "openvpn");
  const auto udp = verify(Transport::udp, 443, sample("openvpn_client_reset_udp").bytes,
                          sample("openvpn_server_reset_udp").bytes, {"https"});
  EXPECT_EQ(udp.verdict, Verdict::contradicted);
}

TEST(Verdict, QuicOn443UdpIsConfirmed) {
  const auto v = verify(Transport::udp, 443, sample("quic_draft29_initial").bytes, none(), {"https"});
  EXPECT_EQ(v.verdict, Verdict::confirmed);
  EXPECT_EQ(v.protocol, "quic");
}

TEST(Verdict, DtlsMultiplexedOnTheStunPortIsNoContradiction) {
  const auto v = verify(Transport::udp, 3478, sample("dtls_client_hello_stun_port").bytes, none(),
                        {"stun", "stun-behavior", "turn"});
  EXPECT_EQ(v.verdict, Verdict::unknown);
  EXPECT_EQ(v.protocol, "dtls");
}

TEST(Verdict, TwoWeakDirectionsThatAgreeAreStrong) {
  const auto greeting = bytes_of("220 Welcome\r\n");
  const auto user = sample("ftp_user").bytes;  // "USER anonymous"
  const auto alone = verify(Transport::tcp, 21, none(), greeting, {"ftp"});
  EXPECT_EQ(alone.verdict, Verdict::unknown);
  EXPECT_FALSE(alone.strong);
  const auto both = verify(Transport::tcp, 21, user, greeting, {"ftp"});
  EXPECT_EQ(both.verdict, Verdict::confirmed);
  EXPECT_EQ(both.protocol, "ftp");
}

TEST(Verdict, HintsInBothDirectionsAreStillHints) {
  // An RPC call and its reply both fit a DNS header outline (same id, plausible counts)
  // without a question: that must not add up to DNS.
  const auto v = verify(Transport::udp, 2049, samples::kRpcNullCall, samples::kRpcNullReply,
                        {"shilp", "nfs"});
  EXPECT_EQ(v.verdict, Verdict::unknown);
  EXPECT_FALSE(v.strong);
  const auto on53 = verify(Transport::udp, 53, samples::kRpcNullCall, samples::kRpcNullReply,
                           {"domain"});
  EXPECT_EQ(on53.verdict, Verdict::unknown);
}

TEST(Verdict, AWeakHintNeverContradicts) {
  const auto v = verify(Transport::tcp, 443, bytes_of("GET /a-very-long-path"), none(), {"https"});
  EXPECT_EQ(v.verdict, Verdict::unknown);
  EXPECT_EQ(v.protocol, "http");
  EXPECT_FALSE(v.strong);
}

TEST(Verdict, UnassignedPortReportsTheProtocolWithoutAVerdict) {
  const auto v = verify(Transport::udp, 51820, sample("wireguard_initiation").bytes,
                        sample("wireguard_response").bytes, {});
  EXPECT_EQ(v.verdict, Verdict::unknown);
  EXPECT_EQ(v.protocol, "wireguard");
  EXPECT_TRUE(v.strong);
}

TEST(Verdict, PlainHttpOnTheHttpsPortIsContradicted) {
  const auto v = verify(Transport::tcp, 443, sample("http_get").bytes, none(), {"https"});
  EXPECT_EQ(v.verdict, Verdict::contradicted);
  EXPECT_EQ(v.protocol, "http");
}

struct PortCase {
  std::string_view sample;
  std::string_view other;  // the other direction's sample, or empty
  Transport transport;
  std::vector<std::string_view> services;
  Verdict verdict;
};

class ServicePorts : public ::testing::TestWithParam<PortCase> {};

TEST_P(ServicePorts, SampleOnItsOwnPort) {
  const PortCase& c = GetParam();
  const auto client = sample(c.sample).bytes;
  const auto server = c.other.empty() ? std::span<const uint8_t>{} : sample(c.other).bytes;
  const auto v = verify_payload(PayloadEvidence{c.transport, 0, client, server, c.services});
  EXPECT_EQ(v.verdict, c.verdict) << v.protocol << ": " << v.detail << " (" << v.reason << ")";
}

const std::vector<PortCase> kPortCases = {
    {"ssh_client_banner", "ssh_server_banner", Transport::tcp, {"ssh"}, Verdict::confirmed},
    {"dns_query", "dns_response", Transport::udp, {"domain"}, Verdict::confirmed},
    {"dns_tcp_query", "", Transport::tcp, {"domain"}, Verdict::confirmed},
    {"dns_query", "", Transport::udp, {"mdns"}, Verdict::confirmed},
    {"smtp_ehlo", "smtp_greeting", Transport::tcp, {"smtp"}, Verdict::confirmed},
    {"smtp_ehlo", "smtp_greeting", Transport::tcp, {"submission"}, Verdict::confirmed},
    {"pop3_user", "pop3_greeting", Transport::tcp, {"pop3"}, Verdict::confirmed},
    {"imap_capability", "imap_greeting", Transport::tcp, {"imap"}, Verdict::confirmed},
    {"ftp_user", "ftp_greeting", Transport::tcp, {"ftp"}, Verdict::confirmed},
    {"ntp_client", "", Transport::udp, {"ntp"}, Verdict::confirmed},
    {"sip_register", "sip_response", Transport::udp, {"sip"}, Verdict::confirmed},
    {"rtsp_options", "rtsp_reply", Transport::tcp, {"rtsp"}, Verdict::confirmed},
    {"rdp_connection_request", "rdp_connection_confirm", Transport::tcp, {"ms-wbt-server"},
     Verdict::confirmed},
    {"smb1_negotiate", "", Transport::tcp, {"microsoft-ds"}, Verdict::confirmed},
    {"snmp_get_next", "snmp_response", Transport::udp, {"snmp"}, Verdict::confirmed},
    {"mysql_greeting", "", Transport::tcp, {"mysql"}, Verdict::confirmed},
    {"postgresql_startup", "", Transport::tcp, {"postgresql"}, Verdict::confirmed},
    {"postgresql_ssl_request", "", Transport::tcp, {"postgresql"}, Verdict::confirmed},
    {"telnet_client", "telnet_server", Transport::tcp, {"telnet"}, Verdict::confirmed},
    {"irc_client", "irc_server", Transport::tcp, {"ircu"}, Verdict::confirmed},
    {"kerberos_as_req", "kerberos_error", Transport::tcp, {"kerberos"}, Verdict::confirmed},
    {"ldap_bind_response", "", Transport::tcp, {"ldap"}, Verdict::confirmed},
    {"syslog_cisco", "", Transport::udp, {"syslog"}, Verdict::confirmed},
    {"openvpn_client_reset_udp", "openvpn_server_reset_udp", Transport::udp, {"openvpn"},
     Verdict::confirmed},
    {"stun_binding_request", "", Transport::udp, {"stun", "turn"}, Verdict::confirmed},
    {"http2_preface", "", Transport::tcp, {"http"}, Verdict::confirmed},
    {"dtls_client_hello", "", Transport::udp, {"coaps"}, Verdict::confirmed},
    // Protocols on another protocol's port.
    {"smb1_negotiate", "", Transport::tcp, {"http", "www", "www-http"}, Verdict::contradicted},
    {"mysql_greeting", "", Transport::tcp, {"postgresql"}, Verdict::contradicted},
    {"ssh_client_banner", "", Transport::tcp, {"https"}, Verdict::contradicted},
    {"sip_register", "", Transport::udp, {"domain"}, Verdict::contradicted},
    {"bittorrent_handshake", "", Transport::tcp, {"http"}, Verdict::contradicted},
    {"dns_query", "", Transport::udp, {"ntp"}, Verdict::contradicted},
};

INSTANTIATE_TEST_SUITE_P(Rules, ServicePorts, ::testing::ValuesIn(kPortCases),
                         [](const auto& param_info) {
                           std::string name = std::string(param_info.param.sample) + "_on_" +
                                              std::string(param_info.param.services.front());
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name + "_" + std::to_string(param_info.index);
                         });

TEST(VerdictNames, AreStable) {
  EXPECT_EQ(verdict_name(Verdict::unknown), "unknown");
  EXPECT_EQ(verdict_name(Verdict::confirmed), "confirmed");
  EXPECT_EQ(verdict_name(Verdict::contradicted), "contradicted");
}

}  // namespace
}  // namespace pclassify
