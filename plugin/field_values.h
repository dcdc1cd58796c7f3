// The value lists of pclassify's enumerated fields (transport, direction, basis, range,
// status, payload verdict). The fields are integers carrying the classifier's enum value;
// these lists name each value, so Wireshark shows the words, offers them in the filter
// dialog, lists them in `tshark -G values`, and refuses a filter that names no value.
//
// The lists are built from the classifier's own name functions, so a value added to a
// classifier enum appears here without a change (see field_values.cpp).
#pragma once

#include <cstdint>

#include "ws_epan.h"

namespace pclassify::plugin {

// pclassify.direction
enum class Direction : uint8_t { to_server = 0, to_client = 1 };

// pclassify.payload.verdict before any payload was checked: outside the Verdict enum.
inline constexpr uint32_t kVerdictNotChecked = 255;

struct FieldValues {
  const value_string* transport;
  const value_string* direction;
  const value_string* basis;
  const value_string* range;
  const value_string* status;
  const value_string* verdict;  // the Verdict enum, then not_checked
};

// Built on first use (at field registration); the arrays live as long as the process.
const FieldValues& field_values();

}  // namespace pclassify::plugin
