// TLS (RFC 8446 section 5.1, RFC 5246 section 6.2): a stream of records.
//
//   +--------+---------+---------+----------+
//   | type 1 | version 2         | length 2 | fragment ...
//   +--------+---------+---------+----------+
//   type: 20 change_cipher_spec, 21 alert, 22 handshake, 23 application_data, 24 heartbeat
//   version: 0x0300 (SSL 3.0) .. 0x0304; length <= 2^14 + 2048
//
// A record header alone is already specific (three constrained fields), so it is strong
// evidence of TLS even mid-flow; a ClientHello or ServerHello adds the SNI or the version.
// Whether TLS fits the port (implicit TLS, STARTTLS, a proxy tunnel) is decided by the
// verdict, not here.
#include <algorithm>

#include "bytes/byte_reader.h"
#include "verify/recognizer.h"
#include "verify/tls_hello.h"

namespace pclassify {
namespace {

constexpr uint8_t kChangeCipherSpec = 20;
constexpr uint8_t kAlert = 21;
constexpr uint8_t kHandshake = 22;
constexpr uint8_t kApplicationData = 23;
constexpr uint8_t kHeartbeat = 24;
constexpr uint8_t kClientHello = 1;
constexpr uint8_t kServerHello = 2;
constexpr size_t kRecordHeader = 5;
constexpr size_t kMaxRecordLength = 16384 + 2048;
constexpr int kMaxRecordsWalked = 4;  // an alert or change_cipher_spec may precede the hello

bool is_record_type(uint8_t t) { return t >= kChangeCipherSpec && t <= kHeartbeat; }

std::string_view record_type_name(uint8_t type) {
  switch (type) {
    case kChangeCipherSpec: return "change_cipher_spec record";
    case kAlert: return "alert record";
    case kHandshake: return "handshake record";
    case kApplicationData: return "application data record";
    default: return "heartbeat record";
  }
}

// SSLv2-compatible ClientHello (RFC 6101 appendix E.2): 2-byte length with the top bit
// set, msg_type 1, version 0x0002 or 0x03xx. Only ancient clients and scanners send it.
Match recognize_sslv2_hello(std::span<const uint8_t> b) {
  if (b.size() < 5 || (b[0] & 0x80) == 0 || b[2] != kClientHello) return no_match();
  const bool version_ok = (b[3] == 0x00 && b[4] == 0x02) || (b[3] == 0x03 && b[4] <= 0x04);
  if (!version_ok) return no_match();
  Match m = hint_match(PayloadProtocol::tls);
  m.detail.append("SSLv2-format ClientHello");
  return m;
}

void describe_client_hello(std::span<const uint8_t> handshake_body, DetailText& detail) {
  const ClientHelloInfo hello = read_client_hello(handshake_body, /*dtls=*/false);
  detail.append("ClientHello");
  if (!hello.server_name.empty()) {
    detail.append(" SNI ");
    detail.append(hello.server_name);
  }
}

}  // namespace

Match recognize_tls(const Probe& probe) {
  ByteReader r(probe.bytes);
  const uint8_t first_type = r.peek_u8();
  if (r.overrun()) return no_match();
  if (!is_record_type(first_type)) return recognize_sslv2_hello(probe.bytes);

  for (int i = 0; i < kMaxRecordsWalked; ++i) {
    const uint8_t type = r.u8();
    const uint8_t major = r.u8();
    const uint8_t minor = r.u8();
    const uint16_t length = r.be16();
    if (r.overrun()) {
      // Fewer than five bytes of a first record prove nothing; a later cut record is fine.
      if (i == 0) return no_match();
      break;
    }
    if (!is_record_type(type) || major != 3 || minor > 4 || length == 0 ||
        length > kMaxRecordLength) {
      if (i == 0) return no_match();
      break;
    }
    const auto fragment = r.rest().first(std::min<size_t>(length, r.remaining()));
    if (type == kHandshake && fragment.size() >= 4) {
      // Handshake header: msg_type(1) length(3), then the body.
      const uint8_t msg_type = fragment[0];
      if (msg_type == kClientHello) {
        Match m = strong_match(PayloadProtocol::tls);
        describe_client_hello(fragment.subspan(4), m.detail);
        return m;
      }
      if (msg_type == kServerHello) {
        Match m = strong_match(PayloadProtocol::tls);
        m.detail.append("ServerHello");
        return m;
      }
    }
    if (i == 0 && type != kAlert && type != kChangeCipherSpec) {
      Match m = strong_match(PayloadProtocol::tls);
      m.detail.append(record_type_name(type));
      return m;
    }
    if (!r.skip(length)) break;  // the next record is beyond the capture
  }
  Match m = strong_match(PayloadProtocol::tls);
  m.detail.append(record_type_name(first_type));
  return m;
}

}  // namespace pclassify
