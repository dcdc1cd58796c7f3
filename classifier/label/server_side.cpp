#include "label/server_side.h"

namespace pclassify {

bool port_has_assigned_service(const ServiceTable& table, Transport t, uint16_t port) {
  for (const ServiceRecord* record : table.lookup(t, port)) {
    if (record->status == ServiceStatus::assigned && !record->name.empty()) return true;
  }
  return false;
}

ServerChoice choose_server(const FlowEnds& ends, const ServiceTable& table) {
  // A handshake is what the endpoints themselves said: the answerer is the server, even
  // when it listens on a high port and the client on a low one.
  if (ends.handshake_seen) return {false, ServerBasis::handshake};

  const uint16_t first = ends.initiator_port;
  const uint16_t second = ends.responder_port;
  if (first == second) return {false, ServerBasis::responder};

  const bool first_registered = port_has_assigned_service(table, ends.transport, first);
  const bool second_registered = port_has_assigned_service(table, ends.transport, second);
  if (first_registered != second_registered) {
    return {first_registered, ServerBasis::registered_port};
  }

  // RFC 6335: services live on system ports before user ports before dynamic ones, and
  // clients draw their ephemeral ports from the top of the space.
  const RangeClass first_range = range_class_of(first);
  const RangeClass second_range = range_class_of(second);
  if (first_range != second_range) {
    return {first_range < second_range, ServerBasis::port_range};
  }
  return {first < second, ServerBasis::lower_port};
}

}  // namespace pclassify
