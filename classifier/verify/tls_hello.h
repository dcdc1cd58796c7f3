// The body of a (D)TLS ClientHello, read as far as the captured bytes go, for the one field
// the verdict reports: the server name (SNI, RFC 6066 section 3).
#pragma once

#include <cstdint>
#include <span>

namespace pclassify {

struct ClientHelloInfo {
  bool well_formed = false;           // version and the fixed fields up to the suites fit
  uint16_t legacy_version = 0;        // 0x0303 for TLS 1.2 and 1.3, 0xfefd for DTLS 1.2
  std::span<const uint8_t> server_name;  // first host_name in the SNI extension, or empty
};

// `body` starts after the handshake header (msg_type, length[, DTLS fragment fields]).
//   ProtocolVersion legacy_version; Random random[32]; opaque session_id<0..32>;
//   [DTLS: opaque cookie<0..255>;] CipherSuite suites<2..2^16-2>;
//   opaque compression<1..2^8-1>; Extension extensions<0..2^16-1>;
// A body cut short by the capture is not an error: the fields present are reported.
ClientHelloInfo read_client_hello(std::span<const uint8_t> body, bool dtls);

}  // namespace pclassify
