// QUIC long header (RFC 8999 invariants, RFC 9000 section 17.2, RFC 9369 for version 2)
// and Google QUIC's older public header.
//
//   +-+-+-----+-------+------------+-------------+-----+-------------+-----+
//   |1|F| T T | x x x | version 4  | DCID len 1  | DCID| SCID len 1  | SCID| ...
//   +-+-+-----+-------+------------+-------------+-----+-------------+-----+
//   F: fixed bit (1 in v1/v2); version 0 is Version Negotiation, followed by a list of
//   supported versions; v1/v2 connection IDs are at most 20 bytes.
//
// Google QUIC (Q0xx up to Q043): public flags (bit 0x01 version present, 0x08 8-byte
// connection ID, 0x80 unused), connection ID, then the ASCII version "Q043".
//
// The payload after the header is encrypted, so no SNI is read here.
#include "bytes/byte_reader.h"
#include "verify/recognizer.h"

namespace pclassify {
namespace {

constexpr uint32_t kVersion1 = 0x00000001;
constexpr uint32_t kVersion2 = 0x6b3343cf;
constexpr size_t kMaxConnectionId = 20;

bool is_draft(uint32_t v) { return (v & 0xffffff00u) == 0xff000000u && (v & 0xffu) != 0; }
bool is_google_version(uint32_t v) {  // 'Q' '0' digit digit, or 'T'/'Q' 05x over IETF framing
  const auto c = [v](int i) { return static_cast<char>((v >> (24 - 8 * i)) & 0xff); };
  return (c(0) == 'Q' || c(0) == 'T') && c(1) == '0' && c(2) >= '0' && c(2) <= '9' &&
         c(3) >= '0' && c(3) <= '9';
}
bool is_mvfst(uint32_t v) { return (v & 0xfffffff0u) == 0xfaceb000u; }  // Facebook's QUIC

void describe_version(uint32_t version, DetailText& detail) {
  if (version == kVersion1) {
    detail.append("v1");
  } else if (version == kVersion2) {
    detail.append("v2");
  } else if (is_draft(version)) {
    detail.append("draft-");
    detail.append_number(version & 0xffu);
  } else if (is_google_version(version)) {
    const uint8_t chars[4] = {static_cast<uint8_t>(version >> 24), static_cast<uint8_t>(version >> 16),
                              static_cast<uint8_t>(version >> 8), static_cast<uint8_t>(version)};
    detail.append(std::span<const uint8_t>(chars));
  } else {
    detail.append("mvfst");
  }
}

// Long-header packet type names; version 2 permutes the code points (RFC 9369 3.2).
std::string_view packet_type_name(uint32_t version, unsigned type_bits) {
  static constexpr std::string_view kV1[] = {"Initial", "0-RTT", "Handshake", "Retry"};
  static constexpr std::string_view kV2[] = {"Retry", "Initial", "0-RTT", "Handshake"};
  return version == kVersion2 ? kV2[type_bits & 3] : kV1[type_bits & 3];
}

Match recognize_google_public_header(ByteReader r, uint8_t flags) {
  // Version present and an 8-byte connection ID: the client's first packets.
  if ((flags & 0x80) != 0 || (flags & 0x09) != 0x09) return no_match();
  r.skip(1 + 8);
  const uint32_t version = r.be32();
  if (r.overrun() || !is_google_version(version)) return no_match();
  Match m = strong_match(PayloadProtocol::quic);
  m.detail.append("gQUIC ");
  describe_version(version, m.detail);
  return m;
}

}  // namespace

Match recognize_quic(const Probe& probe) {
  ByteReader r(probe.bytes);
  const uint8_t first = r.u8();
  if (r.overrun()) return no_match();
  if ((first & 0x80) == 0) return recognize_google_public_header(ByteReader(probe.bytes), first);

  const uint32_t version = r.be32();
  const uint8_t dcid_length = r.u8();
  r.skip(dcid_length);
  const uint8_t scid_length = r.u8();
  r.skip(scid_length);
  if (r.overrun()) return no_match();

  if (version == 0) {
    // Version Negotiation: the rest is a non-empty list of 32-bit versions.
    // The supported list must name a version we know: a zero version field alone is too
    // common in other UDP traffic (an RTP stream starting at sequence 0, for instance).
    if (r.remaining() == 0 || r.remaining() % 4 != 0) return no_match();
    bool lists_known_version = false;
    while (r.remaining() >= 4) {
      const uint32_t supported = r.be32();
      lists_known_version = lists_known_version || supported == kVersion1 ||
                            supported == kVersion2 || is_draft(supported);
    }
    if (!lists_known_version) return no_match();
    Match m = strong_match(PayloadProtocol::quic);
    m.detail.append("version negotiation");
    return m;
  }
  const bool ietf = version == kVersion1 || version == kVersion2 || is_draft(version);
  if (!ietf && !is_google_version(version) && !is_mvfst(version)) return no_match();
  if (ietf && ((first & 0x40) == 0 || dcid_length > kMaxConnectionId ||
               scid_length > kMaxConnectionId)) {
    return no_match();
  }
  Match m = strong_match(PayloadProtocol::quic);
  describe_version(version, m.detail);
  if (ietf) {
    m.detail.append(" ");
    m.detail.append(packet_type_name(version, (first >> 4) & 3u));
  }
  return m;
}

}  // namespace pclassify
