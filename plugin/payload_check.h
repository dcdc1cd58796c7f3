// Payload verification for the plugin: the classifier's verify_payload() over the first
// payload of each direction of a flow, as the CLI samples it (flow/payload_samples.h),
// and the note that states the result.
//
// Plain C++ over classifier/: no GLib or epan header here.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "label/label.h"
#include "verify/payload_verdict.h"

namespace pclassify::plugin {

// The first payload bytes of each direction: [0] client to server, [1] server to client.
struct FirstPayloads {
  std::array<std::vector<uint8_t>, 2> bytes;

  // Keeps `payload` (cut to the CLI's sample size) if it is the first non-empty payload of
  // that direction; returns whether it was kept.
  bool offer(bool to_server, std::span<const uint8_t> payload);
};

struct PayloadCheck {
  PayloadVerdict result;
  std::optional<Note> note;  // payload_confirms or payload_contradicts; none for unknown
  uint32_t decided_in_frame = 0;
};

// The assigned service names on the label's server port, primary first, without repeats:
// what the payload is weighed against.
std::vector<std::string_view> port_services(const Label& label);

PayloadCheck check_payload(const Label& label, std::span<const std::string_view> services,
                           const FirstPayloads& payloads, uint32_t frame);

}  // namespace pclassify::plugin
