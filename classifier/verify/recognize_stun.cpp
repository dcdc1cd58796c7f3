// STUN (RFC 8489 section 5): a 20-byte header whose magic cookie is fixed.
//
//   |0 0| message type 14 bits | message length 2 | magic cookie 0x2112A442 | transaction id 12 |
//   length counts the attributes after the header and is a multiple of 4.
#include "bytes/byte_reader.h"
#include "verify/recognizer.h"

namespace pclassify {
namespace {

constexpr uint32_t kMagicCookie = 0x2112A442;
constexpr size_t kHeaderSize = 20;

std::string_view message_name(uint16_t type) {
  switch (type) {
    case 0x0001: return "Binding Request";
    case 0x0101: return "Binding Success Response";
    case 0x0111: return "Binding Error Response";
    case 0x0011: return "Binding Indication";
    case 0x0003: return "Allocate Request";
    case 0x0103: return "Allocate Success Response";
    case 0x0113: return "Allocate Error Response";
    default: return "message";
  }
}

}  // namespace

Match recognize_stun(const Probe& probe) {
  ByteReader r(probe.bytes);
  const uint16_t type = r.be16();
  const uint16_t length = r.be16();
  const uint32_t cookie = r.be32();
  if (r.overrun() || (type & 0xC000) != 0 || cookie != kMagicCookie || length % 4 != 0) {
    return no_match();
  }
  const bool exact = probe.is_stream() ? probe.bytes.size() >= kHeaderSize
                                       : probe.datagram_holds(length, probe.bytes.size() - kHeaderSize);
  Match m = exact ? strong_match(PayloadProtocol::stun) : hint_match(PayloadProtocol::stun);
  m.detail.append(message_name(type));
  return m;
}

}  // namespace pclassify
