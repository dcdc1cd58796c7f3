#include "triage/triage_reason.h"

namespace pclassify::triage {

std::string_view reason_name(Reason reason) {
  switch (reason) {
    case Reason::payload_contradicts: return "payload_contradicts";
    case Reason::policy_mismatch: return "policy_mismatch";
    case Reason::scan_like: return "scan_like";
    case Reason::unexpected_service: return "unexpected_service";
    case Reason::unauthorized_use: return "unauthorized_use";
    case Reason::service_deassigned: return "service_deassigned";
    case Reason::port_reserved: return "port_reserved";
    case Reason::port_unassigned: return "port_unassigned";
    case Reason::dynamic_known_protocol: return "dynamic_known_protocol";
    case Reason::count: break;
  }
  return "unknown";
}

// The scoring table of triage_reason.h. Contradictions of a claim (by the payload or by
// the site's own policy) weigh most: they are direct evidence. Registry facts about the
// port are circumstantial and weigh less.
int reason_points(Reason reason) {
  switch (reason) {
    case Reason::payload_contradicts: return 50;
    case Reason::policy_mismatch: return 50;
    case Reason::scan_like: return 40;
    case Reason::unexpected_service: return 40;
    case Reason::unauthorized_use: return 30;
    case Reason::service_deassigned: return 30;
    case Reason::port_reserved: return 30;
    case Reason::port_unassigned: return 20;
    case Reason::dynamic_known_protocol: return 20;
    case Reason::count: break;
  }
  return 0;
}

}  // namespace pclassify::triage
