// NTP (RFC 5905 section 7.3) over UDP: a 48-byte header, optionally followed by extension
// fields and a MAC (key id + 16- or 20-byte digest).
//
//   +--+---+----+---------+--------+-----------+
//   |LI|VN |Mode| Stratum | Poll 1 | Precision |  then root delay, dispersion, ref id, 4 timestamps
//   +--+---+----+---------+--------+-----------+
//
// Few bytes are fixed, so the checks are on ranges: version 1-4, mode 1-5, stratum 0-16,
// poll within 4..17 (2^4 s .. 36 h; some clients send 0), precision -32..0 (a small
// negative power of two), and the exact sizes NTP packets come in.
#include "bytes/byte_reader.h"
#include "verify/recognizer.h"

namespace pclassify {
namespace {

constexpr size_t kHeaderSize = 48;

bool is_ntp_size(size_t n) {
  // Header; header + MAC (4 + 16 or 4 + 20); NTS and other extensions come in 4-byte words.
  return n == kHeaderSize || n == kHeaderSize + 20 || n == kHeaderSize + 24;
}

std::string_view mode_name(unsigned mode) {
  static constexpr std::string_view kNames[] = {"reserved",  "symmetric active", "symmetric passive",
                                                "client",    "server",           "broadcast"};
  return mode < 6 ? kNames[mode] : "control";
}

}  // namespace

Match recognize_ntp(const Probe& probe) {
  ByteReader r(probe.bytes);
  const uint8_t first = r.u8();
  const uint8_t stratum = r.u8();
  const uint8_t poll = r.u8();
  const auto precision = static_cast<int8_t>(r.u8());
  if (r.overrun() || probe.bytes.size() < kHeaderSize) return no_match();
  const unsigned version = (first >> 3) & 7u;
  const unsigned mode = first & 7u;
  if (version < 1 || version > 4 || mode < 1 || mode > 5) return no_match();
  if (stratum > 16 || poll > 17 || (poll != 0 && poll < 4) || precision > 0 || precision < -32) {
    return no_match();
  }
  const bool exact_size = is_ntp_size(probe.bytes.size());
  if (!exact_size && (probe.bytes.size() - kHeaderSize) % 4 != 0) return no_match();
  Match m = exact_size ? strong_match(PayloadProtocol::ntp) : weak_match(PayloadProtocol::ntp);
  m.detail.append("v");
  m.detail.append_number(version);
  m.detail.append(" ");
  m.detail.append(mode_name(mode));
  return m;
}

}  // namespace pclassify
