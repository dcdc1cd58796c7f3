// The recognisers: one pure function per protocol over the first payload bytes of one
// direction of a flow. They keep no state, allocate nothing and bail out on the first byte
// that does not fit; payload_verdict.cpp runs them through the table in recognizer_table.cpp
// and weighs what they found against the port's registered services.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "net/transport.h"
#include "verify/payload_protocol.h"
#include "verify/payload_verdict.h"

namespace pclassify {

// How sure a recogniser is. Only `strong` decides a verdict.
//   hint    the bytes fit the protocol's outline only (a header without its body, a message
//           cut by the capture); reported, never promoted.
//   weak    real evidence, but shared with another protocol or too short alone (a "220"
//           greeting: SMTP or FTP); becomes strong when the other direction matches the
//           same protocol at weak or better.
//   strong  the protocol's own structure or magic, checked.
enum class Confidence : uint8_t { none, hint, weak, strong };

// Bounded, printable text about what was seen (an SNI, an HTTP method and host, a banner).
// Fixed capacity so recognisers need no allocation; bytes outside printable ASCII become
// '.', so the text is safe to print, log and put into JSON or a Wireshark tree.
class DetailText {
 public:
  static constexpr size_t kCapacity = 64;

  void append(std::string_view text);
  void append(std::span<const uint8_t> bytes);
  void append_number(uint64_t value);
  std::string_view view() const { return {chars_.data(), size_}; }
  bool empty() const { return size_ == 0; }

 private:
  void push(char c);
  std::array<char, kCapacity> chars_{};
  size_t size_ = 0;
};

// One direction's first payload bytes and the transport they came over. Stream transports
// (TCP, SCTP) may cut a message anywhere; datagram transports (UDP, DCCP) carry whole
// messages, so recognisers check lengths exactly there.
struct Probe {
  std::span<const uint8_t> bytes;
  Transport transport = Transport::tcp;

  bool is_stream() const { return transport == Transport::tcp || transport == Transport::sctp; }
  // Whether a message of `declared` bytes fits this datagram: exactly, or running past the
  // end of a sample that the caller cut at kPayloadSampleBytes.
  bool datagram_holds(size_t declared, size_t remaining) const {
    return declared == remaining || (bytes.size() >= kPayloadSampleBytes && declared > remaining);
  }
};

struct Match {
  PayloadProtocol protocol = PayloadProtocol::none;
  Confidence confidence = Confidence::none;
  DetailText detail;

  bool matched() const { return confidence != Confidence::none; }
};

inline Match no_match() { return {}; }
inline Match hint_match(PayloadProtocol p) { return {p, Confidence::hint, {}}; }
inline Match weak_match(PayloadProtocol p) { return {p, Confidence::weak, {}}; }
inline Match strong_match(PayloadProtocol p) { return {p, Confidence::strong, {}}; }

using RecognizeFn = Match (*)(const Probe&);

// Which transports a recogniser runs on: a bit per pclassify::Transport value.
using TransportMask = uint8_t;
constexpr TransportMask transport_bit(Transport t) {
  return static_cast<TransportMask>(1u << static_cast<unsigned>(t));
}
inline constexpr TransportMask kStreamTransports =
    transport_bit(Transport::tcp) | transport_bit(Transport::sctp);
inline constexpr TransportMask kDatagramTransports =
    transport_bit(Transport::udp) | transport_bit(Transport::dccp);
inline constexpr TransportMask kAllTransports = kStreamTransports | kDatagramTransports;

struct RecognizerEntry {
  PayloadProtocol protocol;
  TransportMask transports;
  RecognizeFn recognize;
};

// Every recogniser, most specific first: when two match with the same confidence the
// earlier one is reported.
std::span<const RecognizerEntry> recognizer_table();

// One per file (recognize_<protocol>.cpp).
Match recognize_tls(const Probe& probe);
Match recognize_dtls(const Probe& probe);
Match recognize_http(const Probe& probe);
Match recognize_http2(const Probe& probe);
Match recognize_ssh(const Probe& probe);
Match recognize_dns(const Probe& probe);
Match recognize_quic(const Probe& probe);
Match recognize_smtp(const Probe& probe);
Match recognize_pop3(const Probe& probe);
Match recognize_imap(const Probe& probe);
Match recognize_ftp(const Probe& probe);
Match recognize_ntp(const Probe& probe);
Match recognize_sip(const Probe& probe);
Match recognize_rtsp(const Probe& probe);
Match recognize_rdp(const Probe& probe);
Match recognize_smb(const Probe& probe);
Match recognize_snmp(const Probe& probe);
Match recognize_mysql(const Probe& probe);
Match recognize_postgresql(const Probe& probe);
Match recognize_bittorrent(const Probe& probe);
Match recognize_wireguard(const Probe& probe);
Match recognize_telnet(const Probe& probe);
Match recognize_irc(const Probe& probe);
Match recognize_kerberos(const Probe& probe);
Match recognize_ldap(const Probe& probe);
Match recognize_syslog(const Probe& probe);
Match recognize_openvpn(const Probe& probe);
Match recognize_stun(const Probe& probe);

}  // namespace pclassify
