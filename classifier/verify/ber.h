// Just enough ASN.1 BER (X.690 section 8.1) for the recognisers of SNMP, LDAP and Kerberos:
// single-byte identifiers and definite lengths in short or long form (up to 4 length bytes).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "bytes/byte_reader.h"

namespace pclassify::ber {

struct Header {
  uint8_t tag = 0;
  uint32_t length = 0;  // content length as declared (may exceed what was captured)
};

// Reads identifier and length; nullopt on a multi-byte tag, an indefinite length, a
// length of more than four bytes, or bytes that run out.
inline std::optional<Header> read_header(ByteReader& r) {
  Header h;
  h.tag = r.u8();
  const uint8_t first = r.u8();
  if (r.overrun() || (h.tag & 0x1f) == 0x1f) return std::nullopt;
  if (first < 0x80) {
    h.length = first;
    return h;
  }
  const unsigned count = first & 0x7fu;
  if (count == 0 || count > 4) return std::nullopt;
  for (unsigned i = 0; i < count; ++i) h.length = (h.length << 8) | r.u8();
  if (r.overrun()) return std::nullopt;
  return h;
}

// Reads a small INTEGER (1 to 4 content bytes, non-negative); nullopt otherwise.
inline std::optional<uint32_t> read_small_integer(ByteReader& r) {
  const auto h = read_header(r);
  if (!h || h->tag != 0x02 || h->length == 0 || h->length > 4) return std::nullopt;
  uint32_t value = 0;
  for (uint32_t i = 0; i < h->length; ++i) value = (value << 8) | r.u8();
  if (r.overrun()) return std::nullopt;
  return value;
}

}  // namespace pclassify::ber
