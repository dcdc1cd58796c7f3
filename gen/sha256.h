// SHA-256 (FIPS 180-4) of a byte string, as lowercase hex: the provenance hash of every
// registry file the table is compiled from. Small enough to keep instead of a crypto
// library dependency.
#pragma once

#include <string>
#include <string_view>

namespace pclassify::gen {

std::string sha256_hex(std::string_view bytes);

}  // namespace pclassify::gen
