// Which end of a flow is the server: the rules of label.h's ServerBasis, in order.
#pragma once

#include "label/label.h"

namespace pclassify {

struct ServerChoice {
  bool server_is_initiator = false;
  ServerBasis basis = ServerBasis::responder;
};

ServerChoice choose_server(const FlowEnds& ends, const ServiceTable& table);

// True when the registry has an assigned (named, not de-assigned) record for the port.
bool port_has_assigned_service(const ServiceTable& table, Transport t, uint16_t port);

}  // namespace pclassify
