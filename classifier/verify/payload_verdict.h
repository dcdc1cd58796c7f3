// Payload verification: do the first bytes of a flow confirm or contradict the service the
// IANA registry lists for its server port?
//
// IANA warns that traffic on a registered port is not necessarily the registered service.
// verify_payload() looks at the first payload bytes of each direction, recognises the
// protocol if it can (TLS, HTTP, SSH, DNS, QUIC, SMTP, ... see recognizer_table.cpp) and
// weighs it against the port's services (service_map.h):
//   confirmed     a recognised protocol is one the port's service speaks;
//   contradicted  a protocol is recognised with confidence and the port's service neither
//                 is it nor can carry it (TLS on 80/tcp, SSH on 443/tcp, ...);
//   unknown       nothing recognised, the evidence is weak, no service is registered, or
//                 the protocol is one many services run over and the port's service is not
//                 one pclassify can check. A false "contradicted" costs an analyst more
//                 than an "unknown", so every doubt resolves to unknown.
// The port number alone never decides anything.
//
// Pure: no state, no I/O; safe to call from any thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "net/transport.h"
#include "verify/payload_protocol.h"

namespace pclassify {

enum class Verdict : uint8_t { unknown, confirmed, contradicted };
std::string_view verdict_name(Verdict v);  // "unknown", "confirmed", "contradicted"

// How many first bytes of each direction callers keep (flow/payload_samples.h, the
// plugin). A payload of exactly this size may have been cut there, so a datagram's own
// length fields may run past its end.
inline constexpr size_t kPayloadSampleBytes = 256;

// The most characters `PayloadVerdict::detail` holds.
inline constexpr size_t kMaxPayloadDetail = 64;

struct PayloadEvidence {
  Transport transport = Transport::tcp;
  uint16_t server_port = 0;                  // for the caller's records; not used to guess
  std::span<const uint8_t> client_payload;   // the first bytes the client sent; may be empty
  std::span<const uint8_t> server_payload;   // the first bytes the server sent; may be empty
  // IANA service names registered on (transport, server_port), e.g. {"https"} or
  // {"domain"}; empty when the port is unassigned.
  std::span<const std::string_view> services;
};

struct PayloadVerdict {
  Verdict verdict = Verdict::unknown;
  PayloadProtocol protocol_id = PayloadProtocol::none;
  std::string_view protocol;  // what the payload looks like: "tls", "http", ... or empty
  std::string detail;         // e.g. "ClientHello SNI example.org", "GET example.org";
                              // printable ASCII, at most kMaxPayloadDetail characters
  bool strong = false;        // the recognition was strong (not a weak hint)
  std::string_view reason;    // one sentence: why this verdict (static text)
};

PayloadVerdict verify_payload(const PayloadEvidence& evidence);

}  // namespace pclassify
