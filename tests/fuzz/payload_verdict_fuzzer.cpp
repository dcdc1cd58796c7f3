// Fuzz target: verify_payload, the whole verdict over both directions of a flow and the
// port's registered services.
//
// Input: byte 0 picks the transport (low two bits) and, in its high bits, which service
// names the port claims (a subset of kServiceChoices); bytes 1-2 (big-endian) are the
// client payload's length; the client payload follows, then the server payload (the rest).
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "fuzz_input.h"
#include "verify/payload_verdict.h"

namespace {

using namespace pclassify;

// Services with a recogniser, services that may carry another protocol (STARTTLS, proxies),
// and one pclassify cannot verify, so every branch of the verdict is reachable.
constexpr std::array<std::string_view, 6> kServiceChoices = {"https", "http",     "domain",
                                                             "smtp",  "http-alt", "pcsync-https"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fuzz::FuzzInput input(data, size);
  const uint8_t selector = input.u8();
  const uint16_t client_length = input.be16();
  PayloadEvidence evidence;
  evidence.transport = static_cast<Transport>(selector & 0x03);
  evidence.server_port = 443;
  evidence.client_payload = input.take(client_length);
  evidence.server_payload = input.take_rest();

  std::vector<std::string_view> services;
  for (size_t i = 0; i < kServiceChoices.size(); ++i) {
    // Bits 2..7 of the selector: six services, any subset (none = unassigned port).
    if ((selector >> (2 + i)) & 1) services.push_back(kServiceChoices[i]);
  }
  evidence.services = services;

  const PayloadVerdict verdict = verify_payload(evidence);
  fuzz::check(verdict.detail.size() <= kMaxPayloadDetail, "detail exceeds kMaxPayloadDetail");
  for (const char c : verdict.detail) {
    fuzz::check(c >= 0x20 && c <= 0x7e, "detail text is not printable ASCII");
  }
  fuzz::check(verdict.verdict != Verdict::contradicted || verdict.strong,
              "a contradiction from weak evidence");
  fuzz::check(verdict.verdict == Verdict::unknown || !services.empty(),
              "a verdict on a port with no registered service");
  return 0;
}
