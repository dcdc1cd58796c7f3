// Choosing a flow's server side and describing it: the service, its registrations and
// the notes users read. Shared by the CLI and the Wireshark plugin.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "label/notes.h"
#include "net/transport.h"
#include "services/service_table.h"

namespace pclassify {

// What the label needs to know about a flow's two ends.
struct FlowEnds {
  Transport transport = Transport::tcp;
  uint16_t initiator_port = 0;  // the end that sent the first packet (or opened the handshake)
  uint16_t responder_port = 0;
  bool handshake_seen = false;  // initiator known from SYN / INIT / DCCP-Request (or its answer)
};

// Which rule decided the server side, most trusted first.
enum class ServerBasis : uint8_t {
  handshake,         // the end that answered SYN / INIT / DCCP-Request
  registered_port,   // only one end's port has an assigned service
  port_range,        // both or neither registered: system before user before dynamic
  lower_port,        // same range class: the lower port
  responder,         // equal ports: the end that did not send first
};
std::string_view server_basis_name(ServerBasis b);

struct Label {
  Transport transport = Transport::tcp;
  uint16_t server_port = 0;
  uint16_t client_port = 0;
  bool server_is_initiator = false;  // true when the first sender turned out to be the server
  ServerBasis basis = ServerBasis::responder;

  // The primary assigned record for (transport, server_port); nullptr when none.
  const ServiceRecord* primary = nullptr;
  // Every record on (transport, server_port), primary first (see ServiceTable::lookup).
  std::vector<const ServiceRecord*> registrations;
  RangeClass range = RangeClass::system;
  ServiceStatus status = ServiceStatus::unassigned;

  std::vector<Note> notes;  // always starts with the registry's caveat

  std::string_view service() const { return primary ? primary->name : std::string_view{}; }
  std::string_view description() const {
    return primary ? primary->description : std::string_view{};
  }
};

Label label_flow(const FlowEnds& ends, const ServiceTable& table);

// The codes of the label's notes, comma-joined, without the registry caveat that every
// label carries (so that a column or line of codes shows only what sets a flow apart).
// Empty when the caveat is the only note.
std::string notable_note_codes(const Label& label);

}  // namespace pclassify
