// The recognisers in the order they are tried. Binary protocols with fixed magic come
// first, text protocols after, and the loosest shapes (syslog, NTP, DNS) last, so that a
// tie in confidence goes to the more specific protocol.
#include <array>

#include "verify/recognizer.h"

namespace pclassify {
namespace {

constexpr TransportMask kTcpLike = kStreamTransports;
constexpr TransportMask kUdpLike = kDatagramTransports;
constexpr TransportMask kAny = kAllTransports;

constexpr std::array<RecognizerEntry, 28> kTable = {{
    {PayloadProtocol::tls, kTcpLike, recognize_tls},
    {PayloadProtocol::dtls, kUdpLike, recognize_dtls},
    {PayloadProtocol::quic, kUdpLike, recognize_quic},
    {PayloadProtocol::ssh, kTcpLike, recognize_ssh},
    {PayloadProtocol::http2, kTcpLike, recognize_http2},
    {PayloadProtocol::http, kAny, recognize_http},
    {PayloadProtocol::sip, kAny, recognize_sip},
    {PayloadProtocol::rtsp, kAny, recognize_rtsp},
    {PayloadProtocol::smb, kTcpLike, recognize_smb},
    {PayloadProtocol::rdp, kTcpLike, recognize_rdp},
    {PayloadProtocol::mysql, kTcpLike, recognize_mysql},
    {PayloadProtocol::postgresql, kTcpLike, recognize_postgresql},
    {PayloadProtocol::bittorrent, kAny, recognize_bittorrent},
    {PayloadProtocol::wireguard, kUdpLike, recognize_wireguard},
    {PayloadProtocol::openvpn, kAny, recognize_openvpn},
    {PayloadProtocol::stun, kAny, recognize_stun},
    {PayloadProtocol::kerberos, kAny, recognize_kerberos},
    {PayloadProtocol::ldap, kAny, recognize_ldap},
    {PayloadProtocol::snmp, kAny, recognize_snmp},
    {PayloadProtocol::smtp, kTcpLike, recognize_smtp},
    {PayloadProtocol::ftp, kTcpLike, recognize_ftp},
    {PayloadProtocol::pop3, kTcpLike, recognize_pop3},
    {PayloadProtocol::imap, kTcpLike, recognize_imap},
    {PayloadProtocol::irc, kTcpLike, recognize_irc},
    {PayloadProtocol::telnet, kTcpLike, recognize_telnet},
    {PayloadProtocol::syslog, kAny, recognize_syslog},
    {PayloadProtocol::ntp, kUdpLike, recognize_ntp},
    {PayloadProtocol::dns, kAny, recognize_dns},
}};

}  // namespace

std::span<const RecognizerEntry> recognizer_table() { return kTable; }

}  // namespace pclassify
