#include "sample_catalog.h"

#include <stdexcept>
#include <string>

#include "capture_samples.h"
#include "spec_samples.h"

namespace pclassify::testing {

using P = PayloadProtocol;
using C = Confidence;
constexpr Transport kTcp = Transport::tcp;
constexpr Transport kUdp = Transport::udp;

const std::vector<Sample>& all_samples() {
  namespace s = samples;
  namespace r = spec_samples;
  static const std::vector<Sample> kAll = {
      {"tls_client_hello_port80", s::kTlsClientHelloPort80, kTcp, P::tls, C::strong, "ClientHello"},
      {"tls_server_hello_port80", s::kTlsServerHelloPort80, kTcp, P::tls, C::strong, "ServerHello"},
      {"tls_client_hello_imaps", s::kTlsClientHelloImaps, kTcp, P::tls, C::strong, "SNI mail.ntop.org"},
      {"tls_alert_then_server_hello", s::kTlsServerAlertThenHello, kTcp, P::tls, C::strong, "ServerHello"},
      {"tls_application_data", s::kTlsApplicationData, kTcp, P::tls, C::strong, "application data"},
      {"dtls_client_hello", s::kDtlsClientHello, kUdp, P::dtls, C::strong, "ClientHello"},
      {"dtls_client_hello_stun_port", s::kDtlsClientHelloStun, kUdp, P::dtls, C::strong, "ClientHello"},
      {"http_get", s::kHttpGet, kTcp, P::http, C::strong, "GET fkl.co.ke"},
      {"http_response", s::kHttpResponse, kTcp, P::http, C::strong, "HTTP/1.1 200"},
      {"http_connect", s::kHttpConnect, kTcp, P::http, C::strong, "CONNECT apache.org:443"},
      {"http_connect_response", s::kHttpConnectResponse, kTcp, P::http, C::strong, "HTTP/1.0 200"},
      {"http2_preface", r::kHttp2Preface, kTcp, P::http2, C::strong, "preface"},
      {"ssh_server_banner", s::kSshServerBanner, kTcp, P::ssh, C::strong, "SSH-2.0-OpenSSH_5.3"},
      {"ssh_client_banner", s::kSshClientBanner, kTcp, P::ssh, C::strong, "OpenSSH_5.6"},
      {"ssh_client_banner_port8000", s::kSshClientBannerPort8000, kTcp, P::ssh, C::strong, "SSH-2.0"},
      {"dns_query", s::kDnsQuery, kUdp, P::dns, C::strong, "query www.example.com"},
      {"dns_response", s::kDnsResponse, kUdp, P::dns, C::strong, "response e7.whatsapp.net"},
      {"dns_tcp_query", s::kDnsTcpQuery, kTcp, P::dns, C::strong, "query weberlab.de"},
      {"dns_tcp_query_spec", r::kDnsTcpQueryExampleCom, kTcp, P::dns, C::strong, "query example.com"},
      {"quic_draft29_initial", s::kQuicDraft29Initial, kUdp, P::quic, C::strong, "draft-29 Initial"},
      {"quic_v1_initial", r::kQuicV1InitialHeader, kUdp, P::quic, C::strong, "v1 Initial"},
      {"quic_version_negotiation", r::kQuicVersionNegotiation, kUdp, P::quic, C::strong, "negotiation"},
      {"gquic_q024", s::kGoogleQuicQ024, kUdp, P::quic, C::strong, "gQUIC Q024"},
      {"smtp_greeting", s::kSmtpGreeting, kTcp, P::smtp, C::strong, "ESMTP"},
      {"smtp_ehlo", s::kSmtpEhlo, kTcp, P::smtp, C::strong, "EHLO delta.peach.mil"},
      {"pop3_greeting", s::kPop3Greeting, kTcp, P::pop3, C::strong, "+OK POP server ready"},
      {"pop3_user", s::kPop3User, kTcp, P::pop3, C::weak, "user"},
      {"imap_greeting", bytes_of(r::kImapGreeting), kTcp, P::imap, C::strong, "* OK"},
      {"imap_capability", bytes_of(r::kImapCapability), kTcp, P::imap, C::strong, "CAPABILITY"},
      {"ftp_greeting", s::kFtpGreeting, kTcp, P::ftp, C::strong, "vsFTPd"},
      {"ftp_user", s::kFtpUser, kTcp, P::ftp, C::weak, "USER"},
      {"ntp_client", s::kNtpClient, kUdp, P::ntp, C::strong, "v4 client"},
      {"sip_register", s::kSipRegister, kUdp, P::sip, C::strong, "REGISTER sip:sip.cybercity.dk"},
      {"sip_response", s::kSipResponse, kUdp, P::sip, C::strong, "SIP/2.0 401"},
      {"rtsp_options", bytes_of(r::kRtspOptions), kTcp, P::rtsp, C::strong, "OPTIONS *"},
      {"rtsp_reply", bytes_of(r::kRtspReply), kTcp, P::rtsp, C::strong, "RTSP/1.0 200"},
      {"rdp_connection_request", s::kRdpConnectionRequest, kTcp, P::rdp, C::strong, "Request"},
      {"rdp_connection_confirm", s::kRdpConnectionConfirm, kTcp, P::rdp, C::strong, "Confirm"},
      {"smb1_negotiate", s::kSmb1Negotiate, kTcp, P::smb, C::strong, "SMB1 Negotiate"},
      {"smb2_response", s::kSmb2Response, kTcp, P::smb, C::strong, "SMB2 Session Setup"},
      {"snmp_get_next", s::kSnmpGetNext, kUdp, P::snmp, C::strong, "v1 GetNextRequest community public"},
      {"snmp_response", s::kSnmpResponse, kUdp, P::snmp, C::strong, "Response"},
      {"mysql_greeting", s::kMysqlGreeting, kTcp, P::mysql, C::strong, "server 5.5.5-10.6.12-MariaDB"},
      {"postgresql_startup", s::kPostgresStartup, kTcp, P::postgresql, C::strong, "user oryx"},
      {"postgresql_ssl_request", s::kPostgresSslRequest, kTcp, P::postgresql, C::strong, "SSLRequest"},
      {"postgresql_gssenc_request", s::kPostgresGssEncRequest, kTcp, P::postgresql, C::strong, "GSSENCRequest"},
      {"bittorrent_handshake", s::kBittorrentHandshake, kTcp, P::bittorrent, C::strong, "handshake"},
      {"bittorrent_dht_ping", bytes_of(r::kDhtPing), kUdp, P::bittorrent, C::strong, "DHT query"},
      {"wireguard_initiation", s::kWireguardInitiation, kUdp, P::wireguard, C::strong, "initiation"},
      {"wireguard_response", s::kWireguardResponse, kUdp, P::wireguard, C::strong, "response"},
      {"wireguard_data", s::kWireguardData, kUdp, P::wireguard, C::weak, "transport data"},
      {"telnet_client", s::kTelnetClient, kTcp, P::telnet, C::strong, "9 commands"},
      {"telnet_server", s::kTelnetServer, kTcp, P::telnet, C::strong, "1 command"},
      {"irc_client", s::kIrcClient, kTcp, P::irc, C::strong, "USER"},
      {"irc_server", s::kIrcServer, kTcp, P::irc, C::strong, ":card.freenode.net NOTICE"},
      {"kerberos_as_req", s::kKerberosAsReq, kTcp, P::kerberos, C::strong, "AS-REQ"},
      {"kerberos_error", s::kKerberosError, kTcp, P::kerberos, C::strong, "KRB-ERROR"},
      {"ldap_bind_response", s::kLdapBindResponse, kTcp, P::ldap, C::strong, "bindResponse"},
      {"syslog_cisco", s::kSyslogCisco, kUdp, P::syslog, C::strong, "local2.err"},
      {"openvpn_client_reset_udp", s::kOpenvpnClientResetUdp, kUdp, P::openvpn, C::strong, "client hard reset"},
      {"openvpn_server_reset_udp", s::kOpenvpnServerResetUdp, kUdp, P::openvpn, C::strong, "server hard reset"},
      {"openvpn_client_reset_tcp", s::kOpenvpnClientResetTcp443, kTcp, P::openvpn, C::strong, "client"},
      {"openvpn_server_reset_tcp", s::kOpenvpnServerResetTcp443, kTcp, P::openvpn, C::strong, "server"},
      {"stun_binding_request", r::kStunBindingRequest, kUdp, P::stun, C::strong, "Binding Request"},
  };
  return kAll;
}

const Sample& sample(std::string_view name) {
  for (const Sample& s : all_samples()) {
    if (s.name == name) return s;
  }
  throw std::out_of_range("no sample named " + std::string(name));
}

}  // namespace pclassify::testing
