// Whether a record's "Unauthorized Use Reported" text concerns a given port.
//
// On a single-port record it always does. A range row (e.g. "788-799 Unassigned") carries
// IANA's sentence for some ports of the range only, written in many ways: "on port 796",
// "on ports 8616 and 8617", "on ports 28017, 28018 and 28019", "on ports 2194-2196",
// "Known UNAUTHORIZED USE: Port 4045". The numbers outside [brackets] (which hold RFC
// references) are the ports; a sentence with none concerns the whole row.
#pragma once

#include <cstdint>

#include "services/service_table.h"

namespace pclassify {

bool unauthorized_use_concerns_port(const ServiceRecord& record, uint16_t port);

}  // namespace pclassify
