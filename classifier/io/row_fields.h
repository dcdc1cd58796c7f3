// Internal to io/: the flat fields the CSV and Zeek writers share, in one order.
#pragma once

#include <string>
#include <string_view>

#include "io/flow_report.h"

namespace pclassify::io {

std::string_view tunnel_kind_text(TunnelKind kind);  // "" for none

// Names of the label's registrations, in table order (empty names skipped).
std::string registration_names(const Label& label, char separator);
// Codes of the label's notes.
std::string note_codes(const Label& label, char separator);

}  // namespace pclassify::io
