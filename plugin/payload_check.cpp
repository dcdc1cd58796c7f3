#include "payload_check.h"

#include <algorithm>
#include <string>

#include "flow/payload_samples.h"

namespace pclassify::plugin {
namespace {

std::string claimed_service(const Label& label) {
  std::string where = std::to_string(label.server_port) + "/" +
                      std::string(transport_name(label.transport));
  if (label.service().empty()) return where;
  return std::string(label.service()) + " (" + where + ")";
}

std::string looks_like(const PayloadVerdict& result) {
  std::string text(result.protocol);
  if (!result.detail.empty()) text += " (" + result.detail + ")";
  return text;
}

std::optional<Note> note_for(const Label& label, const PayloadVerdict& result) {
  switch (result.verdict) {
    case Verdict::confirmed:
      return Note{NoteCode::payload_confirms,
                  "The payload confirms " + claimed_service(label) + ": it is " +
                      looks_like(result) + "."};
    case Verdict::contradicted:
      // The verdict's reason is shown on pclassify.payload.verdict, not repeated here.
      return Note{NoteCode::payload_contradicts,
                  "The payload contradicts " + claimed_service(label) + ": it looks like " +
                      looks_like(result) + "."};
    case Verdict::unknown:
      break;
  }
  return std::nullopt;
}

}  // namespace

bool FirstPayloads::offer(bool to_server, std::span<const uint8_t> payload) {
  std::vector<uint8_t>& sample = bytes[to_server ? 0 : 1];
  if (payload.empty() || !sample.empty()) return false;
  const size_t length = std::min(payload.size(), PayloadSamples::kMaxBytes);
  sample.assign(payload.begin(), payload.begin() + static_cast<std::ptrdiff_t>(length));
  return true;
}

std::vector<std::string_view> port_services(const Label& label) {
  std::vector<std::string_view> names;
  if (!label.service().empty()) names.push_back(label.service());
  for (const ServiceRecord* record : label.registrations) {
    if (record->status != ServiceStatus::assigned || record->name.empty()) continue;
    if (std::find(names.begin(), names.end(), record->name) == names.end()) {
      names.push_back(record->name);
    }
  }
  return names;
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
  check.note = note_for(label, check.result);
  check.decided_in_frame = frame;
  return check;
}

}  // namespace pclassify::plugin
