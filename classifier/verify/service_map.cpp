#include "verify/service_map.h"

#include <array>
#include <cstddef>

namespace pclassify {
namespace {

using Names = std::span<const std::string_view>;

// Registered as TLS-based without saying so in a name token (see the naming rule).
constexpr std::string_view kTlsServices[] = {
    "https",   "submissions", "imaps",      "pop3s",     "ldaps",    "ftps",
    "ftps-data", "nntps",     "telnets",    "domain-s",  "ircs-u",   "sips",
    "amqps",   "secure-mqtt", "wsmans",     "docker-s",  "radsec",   "diameters",
    "turns",   "stun-behaviors", "nsiiops", "mbap-s",    "ethernet-ip-s", "tftps",
    "suucp",   "qmtps",       "odette-ftps", "ipfixs",   "rtsps",    "ipps",
    "imqtunnels", "imqstomps", "ssmpp",     "davsrcs",   "secure-ts", "dicom-tls"};
// DTLS-only registrations, on top of every TLS-based service registered over UDP.
constexpr std::string_view kDtlsServices[] = {"coaps", "stuns"};
constexpr std::string_view kQuicServices[] = {"https", "domain-s"};  // HTTP/3, DNS over QUIC
constexpr std::string_view kHttpServices[] = {
    "http", "www", "www-http", "http-alt", "http-mgmt", "http-rpc-epmap", "httpx", "ipp",
    "ssdp", "wsman", "hkp", "xmpp-bosh"};
constexpr std::string_view kSshServices[] = {"ssh"};
constexpr std::string_view kDnsServices[] = {"domain", "mdns", "llmnr", "netbios-ns"};
constexpr std::string_view kSmtpServices[] = {"smtp", "submission"};
constexpr std::string_view kPop3Services[] = {"pop3"};
constexpr std::string_view kImapServices[] = {"imap"};
constexpr std::string_view kFtpServices[] = {"ftp"};
constexpr std::string_view kNtpServices[] = {"ntp"};
constexpr std::string_view kSipServices[] = {"sip"};
constexpr std::string_view kRtspServices[] = {"rtsp", "rtsp-alt"};
constexpr std::string_view kRdpServices[] = {"ms-wbt-server"};
constexpr std::string_view kSmbServices[] = {"microsoft-ds", "netbios-ssn", "cifs"};
constexpr std::string_view kSnmpServices[] = {"snmp", "snmptrap", "snmp-tcp-port"};
constexpr std::string_view kMysqlServices[] = {"mysql"};
constexpr std::string_view kPostgresqlServices[] = {"postgresql"};
constexpr std::string_view kBittorrentServices[] = {"bittorrent"};
constexpr std::string_view kTelnetServices[] = {"telnet", "rtelnet"};
constexpr std::string_view kIrcServices[] = {"irc", "ircu", "irc-serv"};
constexpr std::string_view kKerberosServices[] = {"kerberos"};
constexpr std::string_view kLdapServices[] = {"ldap", "msft-gc"};
constexpr std::string_view kSyslogServices[] = {"syslog", "syslog-conn"};
constexpr std::string_view kOpenvpnServices[] = {"openvpn"};
constexpr std::string_view kStunServices[] = {"stun", "turn", "stun-behavior"};

// Services whose clients upgrade to TLS in-band or tunnel it (see service_may_carry).
constexpr std::string_view kMayCarryTls[] = {
    "smtp", "submission", "imap", "pop3", "ftp", "ldap", "msft-gc", "nntp", "xmpp-client",
    "xmpp-server", "sieve", "postgresql", "mysql", "ms-sql-s", "ms-wbt-server", "amqp",
    "sip", "http-alt", "socks", "stun", "turn", "stun-behavior"};
constexpr std::string_view kMayCarryDtls[] = {"stun", "turn", "stun-behavior", "sip"};

struct ProtocolPolicy {
  Names confirms;
  Names may_carry;
  bool substrate = false;
};

constexpr auto kPolicies = [] {
  std::array<ProtocolPolicy, static_cast<size_t>(PayloadProtocol::count)> p{};
  auto at = [&p](PayloadProtocol id) -> ProtocolPolicy& { return p[static_cast<size_t>(id)]; };
  at(PayloadProtocol::tls) = {kTlsServices, kMayCarryTls, true};
  at(PayloadProtocol::dtls) = {kDtlsServices, kMayCarryDtls, true};
  at(PayloadProtocol::quic) = {kQuicServices, {}, true};
  at(PayloadProtocol::http) = {kHttpServices, {}, true};
  at(PayloadProtocol::http2) = {kHttpServices, {}, true};
  at(PayloadProtocol::dns) = {kDnsServices, {}, true};
  at(PayloadProtocol::telnet) = {kTelnetServices, {}, true};
  at(PayloadProtocol::stun) = {kStunServices, {}, true};
  at(PayloadProtocol::ssh) = {kSshServices, {}, false};
  at(PayloadProtocol::smtp) = {kSmtpServices, {}, false};
  at(PayloadProtocol::pop3) = {kPop3Services, {}, false};
  at(PayloadProtocol::imap) = {kImapServices, {}, false};
  at(PayloadProtocol::ftp) = {kFtpServices, {}, false};
  at(PayloadProtocol::ntp) = {kNtpServices, {}, false};
  at(PayloadProtocol::sip) = {kSipServices, {}, false};
  at(PayloadProtocol::rtsp) = {kRtspServices, {}, false};
  at(PayloadProtocol::rdp) = {kRdpServices, {}, false};
  at(PayloadProtocol::smb) = {kSmbServices, {}, false};
  at(PayloadProtocol::snmp) = {kSnmpServices, {}, false};
  at(PayloadProtocol::mysql) = {kMysqlServices, {}, false};
  at(PayloadProtocol::postgresql) = {kPostgresqlServices, {}, false};
  at(PayloadProtocol::bittorrent) = {kBittorrentServices, {}, false};
  at(PayloadProtocol::wireguard) = {{}, {}, false};  // no service registered for it
  at(PayloadProtocol::irc) = {kIrcServices, {}, false};
  at(PayloadProtocol::kerberos) = {kKerberosServices, {}, false};
  at(PayloadProtocol::ldap) = {kLdapServices, {}, false};
  at(PayloadProtocol::syslog) = {kSyslogServices, {}, false};
  at(PayloadProtocol::openvpn) = {kOpenvpnServices, {}, false};
  return p;
}();

const ProtocolPolicy& policy(PayloadProtocol p) {
  static constexpr ProtocolPolicy kNone{};
  const auto i = static_cast<size_t>(p);
  return i < kPolicies.size() ? kPolicies[i] : kNone;
}

bool listed(Names names, std::string_view service) {
  for (const auto n : names) {
    if (n == service) return true;
  }
  return false;
}

// A token of the name (split at '-' and '_') ends with `suffix`.
bool has_token_ending_in(std::string_view name, std::string_view suffix) {
  size_t start = 0;
  while (start <= name.size()) {
    size_t end = name.find_first_of("-_", start);
    if (end == std::string_view::npos) end = name.size();
    if (name.substr(start, end - start).ends_with(suffix)) return true;
    start = end + 1;
  }
  return false;
}

bool named_tls_based(std::string_view service) {
  return has_token_ending_in(service, "https") || has_token_ending_in(service, "tls") ||
         has_token_ending_in(service, "ssl");
}

}  // namespace

std::span<const std::string_view> services_confirmed_by(PayloadProtocol protocol) {
  return policy(protocol).confirms;
}

bool protocol_confirms_service(PayloadProtocol protocol, std::string_view service) {
  if (service.empty()) return false;
  if (listed(policy(protocol).confirms, service)) return true;
  switch (protocol) {
    case PayloadProtocol::tls:
      return named_tls_based(service);
    case PayloadProtocol::dtls:
      // DTLS is TLS for datagrams: a TLS-based service registered over UDP runs over it.
      return listed(kTlsServices, service) || named_tls_based(service);
    case PayloadProtocol::quic:
      return has_token_ending_in(service, "https");
    case PayloadProtocol::http:
    case PayloadProtocol::http2:
      return has_token_ending_in(service, "http");
    case PayloadProtocol::ssh:
      return has_token_ending_in(service, "ssh");
    default:
      return false;
  }
}

bool service_may_carry(std::string_view service, PayloadProtocol protocol) {
  return listed(policy(protocol).may_carry, service);
}

bool is_substrate_protocol(PayloadProtocol protocol) { return policy(protocol).substrate; }

bool is_verifiable_service(std::string_view service) {
  for (size_t i = 1; i < static_cast<size_t>(PayloadProtocol::count); ++i) {
    if (protocol_confirms_service(static_cast<PayloadProtocol>(i), service)) return true;
  }
  return false;
}

}  // namespace pclassify
