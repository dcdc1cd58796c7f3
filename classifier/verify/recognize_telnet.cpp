// Telnet option negotiation (RFC 854, RFC 855): IAC (255) followed by WILL (251),
// WON'T (252), DO (253) or DON'T (254) and an option code, or IAC SB ... IAC SE.
// Servers and clients usually open with a burst of these.
#include "verify/recognizer.h"

namespace pclassify {
namespace {

constexpr uint8_t kIac = 255;
constexpr uint8_t kWill = 251;
constexpr uint8_t kDont = 254;
constexpr uint8_t kSb = 250;

}  // namespace

Match recognize_telnet(const Probe& probe) {
  const auto b = probe.bytes;
  if (b.size() < 3 || b[0] != kIac) return no_match();
  size_t commands = 0;
  size_t i = 0;
  // Count the well-formed negotiation commands at the start.
  while (i + 3 <= b.size() && b[i] == kIac && b[i + 1] >= kWill && b[i + 1] <= kDont) {
    ++commands;
    i += 3;
  }
  if (commands == 0) {
    if (b[1] != kSb) return no_match();
    Match m = hint_match(PayloadProtocol::telnet);
    m.detail.append("subnegotiation");
    return m;
  }
  // One command is three bytes: strong when it is the whole payload (a lone "IAC DO x"
  // answer) or one of several, weak when other bytes follow a single one.
  const bool strong = commands >= 2 || i == b.size();
  Match m = strong ? strong_match(PayloadProtocol::telnet) : weak_match(PayloadProtocol::telnet);
  m.detail.append("option negotiation, ");
  m.detail.append_number(commands);
  m.detail.append(commands == 1 ? " command" : " commands");
  return m;
}

}  // namespace pclassify
