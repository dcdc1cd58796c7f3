// Fuzz target: every payload recogniser of verify/ on one direction's first bytes, plus
// the two parsers they share (the TLS/DTLS ClientHello body and the HTTP-family start
// line).
//
// Input: byte 0 picks the transport (low two bits), the rest is the payload. Each
// recogniser runs only on the transports its table entry lists, as verify_payload runs it.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_input.h"
#include "verify/recognizer.h"
#include "verify/start_line.h"
#include "verify/tls_hello.h"

namespace {

using namespace pclassify;

bool printable_ascii(std::string_view text) {
  for (const char c : text) {
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

bool within_text(std::string_view inner, std::span<const uint8_t> outer) {
  return fuzz::within({reinterpret_cast<const uint8_t*>(inner.data()), inner.size()}, outer);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fuzz::FuzzInput input(data, size);
  const auto transport = static_cast<Transport>(input.u8() & 0x03);
  const std::span<const uint8_t> payload = input.take_rest();

  const Probe probe{payload, transport};
  for (const RecognizerEntry& entry : recognizer_table()) {
    if ((entry.transports & transport_bit(transport)) == 0) continue;
    const Match match = entry.recognize(probe);
    fuzz::check(!match.matched() || match.protocol == entry.protocol,
                "a recogniser reported another protocol than its table entry");
    fuzz::check(match.detail.view().size() <= DetailText::kCapacity, "detail over capacity");
    fuzz::check(printable_ascii(match.detail.view()), "detail text is not printable ASCII");
  }

  for (const bool dtls : {false, true}) {
    const ClientHelloInfo hello = read_client_hello(payload, dtls);
    fuzz::check(fuzz::within(hello.server_name, payload), "SNI span outside the payload");
    fuzz::touch(hello.server_name);
  }

  const StartLine line = parse_start_line(payload);
  for (const std::string_view part :
       {line.method, line.target, line.version, line.cut_version, line.code}) {
    fuzz::check(within_text(part, payload), "start-line field outside the payload");
  }
  return 0;
}
