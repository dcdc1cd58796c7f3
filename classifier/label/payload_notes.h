// The words users read about payload verification, shared by the CLI and the Wireshark
// plugin so both say the same thing: what the port is registered to, and what its payload
// turned out to be.
//
//   confirmed     payload_confirms    "port 443/tcp is registered to https; payload is TLS
//                                      (ClientHello SNI example.com), as registered."
//   contradicted  payload_contradicts "port 80/tcp is registered to http; payload is TLS
//                                      (ClientHello SNI example.com)."
//   unknown       no note: doubt is not evidence (see verify/payload_verdict.h).
// A known protocol on a port registered to another service is a contradiction by the
// verifier's rules, so it gets the same payload_contradicts note.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "label/label.h"
#include "verify/payload_verdict.h"

namespace pclassify {

// The assigned service names on the label's server port, primary first, aliases and
// historic names included, without repeats: what the payload is weighed against.
std::vector<std::string_view> port_service_names(const Label& label);

// How a recognised protocol is written in sentences: "TLS", "HTTP/2", "PostgreSQL", ...
// (the lower-case payload_protocol_name() stays the machine-readable name).
std::string_view payload_protocol_display_name(PayloadProtocol protocol);

// The note for `verdict` on `label`'s port; none for an unknown verdict.
std::optional<Note> payload_note(const Label& label, const PayloadVerdict& verdict);

// Appends payload_note(label, verdict) to label.notes when there is one.
void add_payload_notes(Label& label, const PayloadVerdict& verdict);

}  // namespace pclassify
