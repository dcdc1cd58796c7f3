// DTLS 1.0/1.2 (RFC 6347 section 4.1) record, and the plaintext record layout DTLS 1.3
// (RFC 9147) keeps for its first flight.
//
//   +--------+-----------+---------+----------------------+----------+
//   | type 1 | version 2 | epoch 2 | sequence_number 6    | length 2 | fragment ...
//   +--------+-----------+---------+----------------------+----------+
//   version: 0xfeff (1.0), 0xfefd (1.2), 0xfefc (1.3)
//
// Handshake fragments carry msg_type(1) length(3) message_seq(2) fragment_offset(3)
// fragment_length(3) before the body; a ClientHello's first fragment gives the SNI.
#include <algorithm>

#include "bytes/byte_reader.h"
#include "verify/recognizer.h"
#include "verify/tls_hello.h"

namespace pclassify {
namespace {

constexpr uint8_t kHandshake = 22;
constexpr uint8_t kClientHello = 1;
constexpr uint8_t kServerHello = 2;
constexpr uint8_t kHelloVerifyRequest = 3;
constexpr size_t kHandshakeHeader = 12;
constexpr size_t kMaxRecordLength = 16384 + 2048;

// change_cipher_spec .. heartbeat, and 25 (ack, DTLS 1.3).
bool is_record_type(uint8_t t) { return t >= 20 && t <= 25; }
bool is_dtls_version(uint16_t v) { return v == 0xfeff || v == 0xfefd || v == 0xfefc; }

}  // namespace

Match recognize_dtls(const Probe& probe) {
  ByteReader r(probe.bytes);
  const uint8_t type = r.u8();
  const uint16_t version = r.be16();
  if (r.overrun() || !is_record_type(type) || !is_dtls_version(version)) return no_match();
  const uint16_t epoch = r.be16();
  r.skip(6);  // sequence number
  const uint16_t length = r.be16();
  if (r.overrun()) return no_match();  // a 13-byte header or nothing
  if (length == 0 || length > kMaxRecordLength) return no_match();

  Match m = strong_match(PayloadProtocol::dtls);
  const auto fragment = r.rest().first(std::min<size_t>(length, r.remaining()));
  if (type == kHandshake && epoch == 0 && fragment.size() >= kHandshakeHeader) {
    const uint8_t msg_type = fragment[0];
    const bool first_fragment = fragment[6] == 0 && fragment[7] == 0 && fragment[8] == 0;
    if (msg_type == kClientHello) {
      m.detail.append("ClientHello");
      if (first_fragment) {
        const auto hello = read_client_hello(fragment.subspan(kHandshakeHeader), /*dtls=*/true);
        if (!hello.server_name.empty()) {
          m.detail.append(" SNI ");
          m.detail.append(hello.server_name);
        }
      }
      return m;
    }
    if (msg_type == kServerHello) m.detail.append("ServerHello");
    if (msg_type == kHelloVerifyRequest) m.detail.append("HelloVerifyRequest");
    if (!m.detail.empty()) return m;
  }
  m.detail.append(type == kHandshake ? "handshake record" : "record");
  m.detail.append(" epoch ");
  m.detail.append_number(epoch);
  return m;
}

}  // namespace pclassify
