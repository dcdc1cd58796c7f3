// BitTorrent: the peer wire handshake over TCP (BEP 3) and the DHT over UDP (BEP 5).
//
//   handshake: | 19 | "BitTorrent protocol" | reserved 8 | info_hash 20 | peer_id 20 |
//   DHT:       a bencoded dictionary, e.g. "d1:ad2:id20:<id>...e1:q4:ping1:t2:aa1:y1:qe"
//              whose "y" key says query ("q"), response ("r") or error ("e").
#include "verify/recognizer.h"
#include "verify/wire_text.h"

namespace pclassify {
namespace {

constexpr std::string_view kHandshake = "\x13" "BitTorrent protocol";
constexpr size_t kMinHandshakePrefix = 8;  // "\x13BitTor": enough to rule out chance
constexpr size_t kDhtScan = 512;

Match recognize_dht(std::string_view text) {
  if (!text.starts_with("d1:")) return no_match();
  const std::string_view head = text.substr(0, kDhtScan);
  const bool has_id = head.find("2:id20:") != std::string_view::npos;
  std::string_view kind;
  if (head.find("1:y1:q") != std::string_view::npos) kind = "DHT query";
  if (head.find("1:y1:r") != std::string_view::npos) kind = "DHT response";
  if (head.find("1:y1:e") != std::string_view::npos) kind = "DHT error";
  if (kind.empty() && !has_id) return no_match();
  // Queries and responses carry the node id; errors need not.
  const bool strong = !kind.empty() && (has_id || kind == "DHT error");
  Match m = strong ? strong_match(PayloadProtocol::bittorrent) : hint_match(PayloadProtocol::bittorrent);
  m.detail.append(kind.empty() ? "DHT" : kind);
  return m;
}

}  // namespace

Match recognize_bittorrent(const Probe& probe) {
  const std::string_view text = wire_text::as_chars(probe.bytes);
  if (!probe.is_stream()) return recognize_dht(text);
  if (text.size() < kMinHandshakePrefix) return no_match();
  const auto prefix = wire_text::match_prefix(text, kHandshake);
  if (prefix == wire_text::Prefix::no) return no_match();
  Match m = strong_match(PayloadProtocol::bittorrent);
  m.detail.append("handshake");
  return m;
}

}  // namespace pclassify
