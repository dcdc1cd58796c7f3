// Every sample payload (real captures and specification examples) with what it must be
// recognised as; shared by the recogniser, robustness and verdict tests.
#pragma once

#include <cstdint>
#include <ostream>
#include <span>
#include <string_view>
#include <vector>

#include "net/transport.h"
#include "verify/recognizer.h"

namespace pclassify::testing {

struct Sample {
  std::string_view name;
  std::span<const uint8_t> bytes;
  Transport transport;
  PayloadProtocol protocol;  // what its recogniser must say
  Confidence confidence;     // how sure it must be
  std::string_view detail;   // a substring the detail must contain (may be empty)
};

// GoogleTest prints parameters with this instead of a hex dump of the struct.
inline void PrintTo(const Sample& s, std::ostream* os) { *os << s.name; }

const std::vector<Sample>& all_samples();
const Sample& sample(std::string_view name);

inline std::span<const uint8_t> bytes_of(std::string_view text) {
  return {reinterpret_cast<const uint8_t*>(text.data()), text.size()};
}

}  // namespace pclassify::testing
