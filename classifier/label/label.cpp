#include "label/label.h"

#include <algorithm>
#include <string>

#include "label/server_side.h"
#include "label/unauthorized_use.h"

namespace pclassify {
namespace {

// IANA's own words, shortened: the registry's header says this about every port.
constexpr std::string_view kRegistryCaveat =
    "IANA: assignment of a port number does not imply endorsement of an application or "
    "product, and traffic flowing to or from a registered port is not necessarily good "
    "traffic, nor necessarily the assigned service.";

std::string port_text(uint16_t port, Transport t) {
  return std::to_string(port) + "/" + std::string(transport_name(t));
}

ServiceStatus overall_status(std::span<const ServiceRecord* const> records) {
  bool reserved = false;
  bool deassigned = false;
  for (const ServiceRecord* record : records) {
    if (record->status == ServiceStatus::assigned && !record->name.empty()) {
      return ServiceStatus::assigned;
    }
    reserved |= record->status == ServiceStatus::reserved;
    deassigned |= record->status == ServiceStatus::deassigned;
  }
  // A de-assigned port is also Reserved in the registry; the history is the stronger fact.
  if (deassigned) return ServiceStatus::deassigned;
  if (reserved) return ServiceStatus::reserved;
  return ServiceStatus::unassigned;
}

const ServiceRecord* primary_record(std::span<const ServiceRecord* const> records) {
  // The table orders primary names first; an alias is never the primary while its
  // target is registered on the same port.
  for (const ServiceRecord* record : records) {
    if (record->status == ServiceStatus::assigned && !record->name.empty() && !record->is_alias) {
      return record;
    }
  }
  for (const ServiceRecord* record : records) {
    if (record->status == ServiceStatus::assigned && !record->name.empty()) return record;
  }
  return nullptr;
}

void add_status_notes(Label& label, const std::string& where) {
  switch (label.status) {
    case ServiceStatus::assigned:
      break;
    case ServiceStatus::reserved:
      label.notes.push_back({NoteCode::port_reserved,
                             where + " is Reserved in the IANA registry: no service is "
                                     "assigned to it, so traffic here is unexpected."});
      break;
    case ServiceStatus::unassigned:
      if (label.range == RangeClass::dynamic) break;  // dynamic_port says it better
      label.notes.push_back({NoteCode::port_unassigned,
                             where + " is unassigned in the IANA registry: no service is "
                                     "registered here, so nothing identifies this traffic."});
      break;
    case ServiceStatus::deassigned:
      for (const ServiceRecord* record : label.registrations) {
        if (record->status != ServiceStatus::deassigned) continue;
        std::string text = where + " was de-assigned by IANA";
        if (!record->assignment_notes.empty()) {
          text += ": ";
          text += record->assignment_notes;
        }
        text += ". Traffic here is not the former service by registration.";
        label.notes.push_back({NoteCode::service_deassigned, std::move(text)});
        break;
      }
      break;
  }
}

void add_registration_notes(Label& label, const std::string& where) {
  std::vector<std::string_view> distinct_services;
  for (const ServiceRecord* record : label.registrations) {
    if (record->name.empty()) continue;
    if (record->is_alias) {
      std::string text = "\"" + std::string(record->name) + "\" on " + where +
                         " is an alias or historic name";
      if (!record->alias_of.empty()) text += " of \"" + std::string(record->alias_of) + "\"";
      text += "; software that uses the old name may be old or non-conforming.";
      label.notes.push_back({NoteCode::alias_name, std::move(text)});
      continue;
    }
    if (record->status != ServiceStatus::assigned) continue;
    const bool seen = std::any_of(distinct_services.begin(), distinct_services.end(),
                                  [&](std::string_view n) { return n == record->name; });
    if (!seen) distinct_services.push_back(record->name);
  }
  if (distinct_services.size() > 1) {
    std::string text = "Several services are registered on " + where + ": ";
    for (size_t i = 0; i < distinct_services.size(); ++i) {
      if (i > 0) text += ", ";
      text += distinct_services[i];
    }
    text += "; the port alone cannot tell which one this is.";
    label.notes.push_back({NoteCode::multiple_services, std::move(text)});
  }
}

void add_unauthorized_use_notes(Label& label, const std::string& where) {
  std::vector<std::string_view> reported;
  for (const ServiceRecord* record : label.registrations) {
    const std::string_view words = record->unauthorized_use;
    if (words.empty()) continue;
    if (!unauthorized_use_concerns_port(*record, label.server_port)) continue;
    if (std::find(reported.begin(), reported.end(), words) != reported.end()) continue;
    reported.push_back(words);
    label.notes.push_back({NoteCode::unauthorized_use, "IANA records unauthorized use of " +
                                                           where + ": \"" + std::string(words) +
                                                           "\"."});
  }
}

}  // namespace

std::string notable_note_codes(const Label& label) {
  std::string out;
  for (const Note& note : label.notes) {
    if (note.code == NoteCode::registry_caveat) continue;
    if (!out.empty()) out += ',';
    out += note_code_name(note.code);
  }
  return out;
}

std::string_view server_basis_name(ServerBasis b) {
  switch (b) {
    case ServerBasis::handshake: return "handshake";
    case ServerBasis::registered_port: return "registered_port";
    case ServerBasis::port_range: return "port_range";
    case ServerBasis::lower_port: return "lower_port";
    case ServerBasis::responder: return "responder";
  }
  return "unknown";
}

Label label_flow(const FlowEnds& ends, const ServiceTable& table) {
  Label label;
  label.transport = ends.transport;
  const ServerChoice choice = choose_server(ends, table);
  label.basis = choice.basis;
  label.server_is_initiator = choice.server_is_initiator;
  label.server_port = choice.server_is_initiator ? ends.initiator_port : ends.responder_port;
  label.client_port = choice.server_is_initiator ? ends.responder_port : ends.initiator_port;

  const auto records = table.lookup(ends.transport, label.server_port);
  label.registrations.assign(records.begin(), records.end());
  label.primary = primary_record(records);
  label.range = range_class_of(label.server_port);
  label.status = overall_status(records);

  const std::string where = port_text(label.server_port, ends.transport);
  label.notes.push_back({NoteCode::registry_caveat, std::string(kRegistryCaveat)});
  if (label.range == RangeClass::dynamic) {
    label.notes.push_back({NoteCode::dynamic_port,
                           where + " is in the dynamic/private range (49152-65535), where "
                                   "IANA assigns no services: the port says nothing about "
                                   "the application."});
  }
  add_status_notes(label, where);
  add_registration_notes(label, where);
  add_unauthorized_use_notes(label, where);
  return label;
}

}  // namespace pclassify
