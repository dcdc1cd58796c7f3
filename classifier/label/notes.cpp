#include "label/notes.h"

namespace pclassify {

std::string_view note_code_name(NoteCode code) {
  switch (code) {
    case NoteCode::registry_caveat: return "registry_caveat";
    case NoteCode::dynamic_port: return "dynamic_port";
    case NoteCode::port_unassigned: return "port_unassigned";
    case NoteCode::port_reserved: return "port_reserved";
    case NoteCode::service_deassigned: return "service_deassigned";
    case NoteCode::alias_name: return "alias_name";
    case NoteCode::multiple_services: return "multiple_services";
    case NoteCode::unauthorized_use: return "unauthorized_use";
    case NoteCode::payload_contradicts: return "payload_contradicts";
    case NoteCode::payload_confirms: return "payload_confirms";
    case NoteCode::count: break;
  }
  return "unknown";
}

bool note_warrants_attention(NoteCode code) {
  switch (code) {
    case NoteCode::port_unassigned:
    case NoteCode::port_reserved:
    case NoteCode::service_deassigned:
    case NoteCode::unauthorized_use:
    case NoteCode::payload_contradicts:
      return true;
    // The caveat is on every label, dynamic ports are normal client ports, and aliases or
    // shared ports are facts of the registry rather than reasons for doubt.
    default:
      return false;
  }
}

}  // namespace pclassify
