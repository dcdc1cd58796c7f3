// WireGuard (whitepaper section 5.4): a one-byte message type, three reserved zero bytes,
// and, for the handshake messages, an exact size.
//
//   type 1 handshake initiation 148 bytes, 2 handshake response 92, 3 cookie reply 64,
//   4 transport data: 16-byte header + encrypted payload padded to 16 + 16-byte tag.
#include <array>

#include "verify/recognizer.h"

namespace pclassify {
namespace {

struct MessageShape {
  size_t size;  // exact size; 0 for transport data
  std::string_view name;
};

constexpr std::array<MessageShape, 4> kShapes = {{{148, "handshake initiation"},
                                                  {92, "handshake response"},
                                                  {64, "cookie reply"},
                                                  {0, "transport data"}}};
constexpr size_t kMinTransportData = 32;

}  // namespace

Match recognize_wireguard(const Probe& probe) {
  const auto b = probe.bytes;
  if (b.size() < 4 || b[0] < 1 || b[0] > 4 || b[1] != 0 || b[2] != 0 || b[3] != 0) {
    return no_match();
  }
  const MessageShape& shape = kShapes[b[0] - 1u];
  Match m;
  if (shape.size != 0) {
    if (b.size() != shape.size) return no_match();
    m = strong_match(PayloadProtocol::wireguard);
  } else {
    // Data packets have only the type and the size rule: weak unless both directions agree.
    if (b.size() < kMinTransportData || b.size() % 16 != 0) return no_match();
    m = weak_match(PayloadProtocol::wireguard);
  }
  m.detail.append(shape.name);
  return m;
}

}  // namespace pclassify
