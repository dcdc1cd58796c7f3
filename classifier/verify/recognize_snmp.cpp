// SNMP message (RFC 3416, RFC 1157, RFC 3412 for v3), BER-encoded:
//
//   SEQUENCE { version INTEGER (0 = v1, 1 = v2c, 3 = v3),
//              v1/v2c: community OCTET STRING, PDU [0]..[8]
//              v3:     msgGlobalData SEQUENCE, ... }
//
// Over UDP the outer SEQUENCE must span the datagram exactly.
#include <algorithm>
#include <array>

#include "verify/ber.h"
#include "verify/recognizer.h"

namespace pclassify {
namespace {

constexpr uint8_t kSequence = 0x30;
constexpr uint8_t kOctetString = 0x04;
constexpr size_t kMaxCommunityShown = 32;

std::string_view pdu_name(uint8_t tag) {
  static constexpr std::array<std::string_view, 9> kNames = {
      "GetRequest", "GetNextRequest", "Response", "SetRequest", "Trap",
      "GetBulkRequest", "InformRequest", "SNMPv2-Trap", "Report"};
  return kNames[tag - 0xA0u];
}

}  // namespace

Match recognize_snmp(const Probe& probe) {
  ByteReader r(probe.bytes);
  const auto message = ber::read_header(r);
  if (!message || message->tag != kSequence) return no_match();
  if (!probe.is_stream() && !probe.datagram_holds(message->length, r.remaining())) {
    return no_match();
  }
  const auto version = ber::read_small_integer(r);
  if (!version || (*version != 0 && *version != 1 && *version != 3)) return no_match();

  Match m = strong_match(PayloadProtocol::snmp);
  if (*version == 3) {
    const auto global = ber::read_header(r);
    if (!global || global->tag != kSequence) return no_match();
    m.detail.append("v3");
    return m;
  }
  const auto community = ber::read_header(r);
  if (!community || community->tag != kOctetString || community->length > r.remaining()) {
    return no_match();
  }
  const auto community_bytes = r.take(community->length);
  const auto pdu = ber::read_header(r);
  if (!pdu || pdu->tag < 0xA0 || pdu->tag > 0xA8) return no_match();
  m.detail.append(*version == 0 ? "v1 " : "v2c ");
  m.detail.append(pdu_name(pdu->tag));
  m.detail.append(" community ");
  m.detail.append(community_bytes.first(std::min(community_bytes.size(), kMaxCommunityShown)));
  return m;
}

}  // namespace pclassify
