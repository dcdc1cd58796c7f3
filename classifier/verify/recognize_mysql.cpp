// MySQL / MariaDB (MySQL client/server protocol, "Protocol::HandshakeV10"): the server
// speaks first with a packet header (3-byte little-endian length, sequence id 0) and
// protocol version 10, then the server version as a NUL-terminated string.
//
//   | length 3 (LE) | seq 0 | 0x0a | "8.0.36\0" | thread id 4 | auth-plugin-data 8 | 0 | ...
//
// A server that refuses the client sends an ERR packet (0xff, code, message) instead.
#include "verify/recognizer.h"
#include "verify/wire_text.h"

namespace pclassify {
namespace {

constexpr size_t kPacketHeader = 4;
constexpr uint8_t kProtocolVersion10 = 0x0a;
constexpr uint8_t kErrPacket = 0xff;
constexpr size_t kMaxGreeting = 1024;
constexpr size_t kMaxServerVersion = 64;
constexpr size_t kAfterVersion = 4 + 8 + 1;  // thread id, auth data part 1, filler

}  // namespace

Match recognize_mysql(const Probe& probe) {
  const auto b = probe.bytes;
  if (b.size() < kPacketHeader + 2) return no_match();
  const size_t length = b[0] | (size_t{b[1]} << 8) | (size_t{b[2]} << 16);
  if (b[3] != 0 || length < 2 || length > kMaxGreeting) return no_match();
  const auto body = b.subspan(kPacketHeader);

  if (body[0] == kErrPacket) {
    // ERR: 0xff, error code (LE), message text.
    if (body.size() < 4 || length < 4) return no_match();
    const std::string_view text = wire_text::as_chars(body.subspan(3));
    if (!wire_text::all_printable(text.substr(0, 32))) return no_match();
    Match m = hint_match(PayloadProtocol::mysql);
    m.detail.append("error greeting");
    return m;
  }
  if (body[0] != kProtocolVersion10 || !wire_text::is_digit(static_cast<char>(body[1]))) {
    return no_match();
  }
  const auto version_and_rest = body.subspan(1);
  size_t end = 0;
  while (end < version_and_rest.size() && end < kMaxServerVersion && version_and_rest[end] != 0) {
    if (!wire_text::is_printable(static_cast<char>(version_and_rest[end]))) return no_match();
    ++end;
  }
  Match m;
  m.protocol = PayloadProtocol::mysql;
  const bool terminated = end < version_and_rest.size() && version_and_rest[end] == 0;
  if (terminated) {
    if (end == kMaxServerVersion) return no_match();
    // The fixed fields after the version must fit in the declared length.
    if (1 + end + 1 + kAfterVersion > length) return no_match();
    m.confidence = Confidence::strong;
  } else {
    if (end >= kMaxServerVersion || end < 3) return no_match();
    m.confidence = Confidence::hint;  // cut inside the version string
  }
  m.detail.append("server ");
  m.detail.append(version_and_rest.first(end));
  return m;
}

}  // namespace pclassify
