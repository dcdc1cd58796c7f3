// PostgreSQL frontend/backend protocol (PostgreSQL docs, "Message Formats"): the client
// opens with a length-prefixed message whose first int32 names it.
//
//   | length 4 | code 4 | ...
//   code 0x00030000 StartupMessage (v3; 0x00020000 v2), then "name\0value\0"... "\0"
//        80877103 SSLRequest (length 8), 80877104 GSSENCRequest (length 8),
//        80877102 CancelRequest (length 16)
//
// The server's replies are too short or too generic to tell alone (one byte 'S'/'N' for
// SSLRequest; 'R' + length + auth code for authentication), so they are weak at most.
#include "bytes/byte_reader.h"
#include "verify/recognizer.h"
#include "verify/wire_text.h"

namespace pclassify {
namespace {

constexpr uint32_t kProtocol3 = 0x00030000;
constexpr uint32_t kProtocol2 = 0x00020000;
constexpr uint32_t kSslRequest = 80877103;
constexpr uint32_t kGssEncRequest = 80877104;
constexpr uint32_t kCancelRequest = 80877102;
constexpr uint32_t kMaxStartup = 10000;  // the server's own limit on a startup packet

Match named(PayloadProtocol p, std::string_view name) {
  Match m = strong_match(p);
  m.detail.append(name);
  return m;
}

// 'R', int32 length (8 or more), int32 authentication code (0 ok, 2..12 a method).
Match recognize_server_auth(ByteReader r) {
  const uint8_t type = r.u8();
  const uint32_t length = r.be32();
  const uint32_t code = r.be32();
  if (r.overrun() || type != 'R' || length < 8 || length > 1024 || code == 1 || code > 12) {
    return no_match();
  }
  Match m = weak_match(PayloadProtocol::postgresql);
  m.detail.append("Authentication");
  return m;
}

}  // namespace

Match recognize_postgresql(const Probe& probe) {
  ByteReader r(probe.bytes);
  const uint32_t length = r.be32();
  const uint32_t code = r.be32();
  if (r.overrun()) return no_match();
  if (code == kSslRequest && length == 8) return named(PayloadProtocol::postgresql, "SSLRequest");
  if (code == kGssEncRequest && length == 8) {
    return named(PayloadProtocol::postgresql, "GSSENCRequest");
  }
  if (code == kCancelRequest && length == 16) {
    return named(PayloadProtocol::postgresql, "CancelRequest");
  }
  if ((code == kProtocol3 || code == kProtocol2) && length > 8 && length <= kMaxStartup) {
    if (r.remaining() == 0) {  // cut right after the protocol code
      Match m = hint_match(PayloadProtocol::postgresql);
      m.detail.append("StartupMessage");
      return m;
    }
    // The first parameter name must be text ("user", "database", ...).
    const std::string_view params = wire_text::as_chars(r.rest());
    const size_t name_end = params.find('\0');
    const std::string_view name = params.substr(0, name_end);
    if (name.empty() || !wire_text::all_printable(name)) return no_match();
    Match m = strong_match(PayloadProtocol::postgresql);
    m.detail.append("StartupMessage");
    if (name == "user" && name_end != std::string_view::npos) {
      const std::string_view value = params.substr(name_end + 1);
      m.detail.append(" user ");
      m.detail.append(value.substr(0, value.find('\0')));
    }
    return m;
  }
  return recognize_server_auth(ByteReader(probe.bytes));
}

}  // namespace pclassify
