#include "verify/tls_hello.h"

#include "bytes/byte_reader.h"

namespace pclassify {
namespace {

constexpr uint16_t kExtensionServerName = 0;
constexpr uint8_t kNameTypeHostName = 0;
constexpr size_t kMaxHostName = 255;  // RFC 1035 bound on a DNS name
constexpr int kMaxExtensions = 64;    // enough for real hellos; bounds the loop on junk

// server_name extension: ServerNameList <1..2^16-1> of { NameType; opaque HostName<1..2^16-1> }.
std::span<const uint8_t> read_server_name(std::span<const uint8_t> extension) {
  ByteReader r(extension);
  r.be16();  // list length: the captured entries are read whatever it says
  const uint8_t type = r.u8();
  const uint16_t length = r.be16();
  if (r.overrun() || type != kNameTypeHostName || length == 0 || length > kMaxHostName) return {};
  return r.take(length);
}

}  // namespace

ClientHelloInfo read_client_hello(std::span<const uint8_t> body, bool dtls) {
  ClientHelloInfo info;
  ByteReader r(body);
  info.legacy_version = r.be16();
  r.skip(32);  // random
  const uint8_t session_id_length = r.u8();
  if (r.overrun() || session_id_length > 32) return info;
  r.skip(session_id_length);
  if (dtls) r.skip(r.u8());  // cookie
  const uint16_t suites_length = r.be16();
  if (r.overrun() || suites_length < 2 || suites_length % 2 != 0) return info;
  info.well_formed = true;
  r.skip(suites_length);
  r.skip(r.u8());  // compression methods
  r.be16();        // extensions length: read what was captured
  for (int i = 0; i < kMaxExtensions && !r.overrun() && r.remaining() >= 4; ++i) {
    const uint16_t type = r.be16();
    const uint16_t length = r.be16();
    const auto data = r.take(length);
    if (r.overrun()) break;  // the extension runs past the capture
    if (type == kExtensionServerName) {
      info.server_name = read_server_name(data);
      break;
    }
  }
  return info;
}

}  // namespace pclassify
