// Notes: stable codes (for filters, JSON and the plugin) plus the sentence users read.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace pclassify {

// Append new codes before `count`; the names are part of the output contract.
enum class NoteCode : uint8_t {
  registry_caveat,        // IANA: a registered port does not make traffic that service, nor good
  dynamic_port,           // the server port is in the dynamic/private range (49152-65535)
  port_unassigned,        // the registry lists the port as Unassigned (or not at all)
  port_reserved,          // the registry lists the port as Reserved
  service_deassigned,     // the port's service was de-assigned (date, former name)
  alias_name,             // a name on the port is an alias or historic name
  multiple_services,      // several different services are registered on this port
  unauthorized_use,       // IANA records unauthorized use of this port (its words)
  payload_contradicts,    // the payload is another protocol than the port's service
  payload_confirms,       // the payload is the port's service
  count
};

std::string_view note_code_name(NoteCode code);

// True for the codes that deserve an analyst's second look (expert info, triage).
bool note_warrants_attention(NoteCode code);

struct Note {
  NoteCode code = NoteCode::registry_caveat;
  std::string text;
};

}  // namespace pclassify
