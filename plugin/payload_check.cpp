#include "payload_check.h"

#include <algorithm>

#include "flow/payload_samples.h"
#include "label/payload_notes.h"

namespace pclassify::plugin {

bool FirstPayloads::offer(bool to_server, std::span<const uint8_t> payload) {
  std::vector<uint8_t>& sample = bytes[to_server ? 0 : 1];
  if (payload.empty() || !sample.empty()) return false;
  const size_t length = std::min(payload.size(), PayloadSamples::kMaxBytes);
  sample.assign(payload.begin(), payload.begin() + static_cast<std::ptrdiff_t>(length));
  return true;
}

std::vector<std::string_view> port_services(const Label& label) {
  return port_service_names(label);
}

PayloadCheck check_payload(const Label& label, std::span<const std::string_view> services,
                           const FirstPayloads& payloads, uint32_t frame) {
  PayloadEvidence evidence;
  evidence.transport = label.transport;
  evidence.server_port = label.server_port;
  evidence.client_payload = payloads.bytes[0];
  evidence.server_payload = payloads.bytes[1];
  evidence.services = services;
  PayloadCheck check;
  check.result = verify_payload(evidence);
  // The same words as the CLI (label/payload_notes.h).
  check.note = payload_note(label, check.result);
  check.decided_in_frame = frame;
  return check;
}

}  // namespace pclassify::plugin
