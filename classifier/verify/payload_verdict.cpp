#include "verify/payload_verdict.h"

#include <algorithm>
#include <array>

#include "verify/recognizer.h"
#include "verify/service_map.h"

namespace pclassify {
namespace {

static_assert(kMaxPayloadDetail == DetailText::kCapacity);

// Protocols one direction can match at once (e.g. a "220" greeting is weakly SMTP and
// FTP); more than this many would mean the recognisers are far too loose.
constexpr size_t kMaxMatchesPerDirection = 6;

struct DirectionMatches {
  std::array<Match, kMaxMatchesPerDirection> matches{};
  size_t count = 0;

  const Match* find(PayloadProtocol p) const {
    for (size_t i = 0; i < count; ++i) {
      if (matches[i].protocol == p) return &matches[i];
    }
    return nullptr;
  }
};

DirectionMatches recognize_all(std::span<const uint8_t> bytes, Transport transport) {
  DirectionMatches out;
  if (bytes.empty()) return out;
  const Probe probe{bytes, transport};
  for (const RecognizerEntry& entry : recognizer_table()) {
    if ((entry.transports & transport_bit(transport)) == 0) continue;
    Match m = entry.recognize(probe);
    if (!m.matched()) continue;
    m.protocol = entry.protocol;
    out.matches[out.count++] = m;
    if (out.count == out.matches.size()) break;
  }
  return out;
}

// What both directions say about one protocol.
struct Candidate {
  PayloadProtocol protocol = PayloadProtocol::none;
  Confidence confidence = Confidence::none;
  const DetailText* detail = nullptr;
};

Confidence confidence_of(const Match* m) { return m != nullptr ? m->confidence : Confidence::none; }

// Weak in both directions counts as strong: a "220" greeting and a one-argument USER are
// each ambiguous, together they are FTP. Hints are not promoted: the two directions of
// an unrelated protocol can share the same misleading outline (an RPC call and its reply
// both echo the transaction id where DNS keeps its own).
Candidate combine(const Match* client, const Match* server) {
  Candidate c;
  const Match* any = client != nullptr ? client : server;
  c.protocol = any->protocol;
  const Confidence from_client = confidence_of(client);
  const Confidence from_server = confidence_of(server);
  const bool client_strong = from_client == Confidence::strong;
  const bool server_strong = from_server == Confidence::strong;
  if (client_strong || server_strong ||
      (from_client >= Confidence::weak && from_server >= Confidence::weak)) {
    c.confidence = Confidence::strong;
  } else {
    c.confidence = std::max(from_client, from_server);
  }
  // Prefer the stronger side's words; on a tie the client's (SNI, Host, command).
  if (client != nullptr && (client_strong || !server_strong)) {
    c.detail = &client->detail;
  } else {
    c.detail = &server->detail;
  }
  return c;
}

bool any_confirmed(PayloadProtocol p, std::span<const std::string_view> services) {
  for (const auto s : services) {
    if (protocol_confirms_service(p, s)) return true;
  }
  return false;
}

bool any_may_carry(PayloadProtocol p, std::span<const std::string_view> services) {
  for (const auto s : services) {
    if (service_may_carry(s, p)) return true;
  }
  return false;
}

bool all_verifiable(std::span<const std::string_view> services) {
  for (const auto s : services) {
    if (!s.empty() && !is_verifiable_service(s)) return false;
  }
  return true;
}

bool has_named_service(std::span<const std::string_view> services) {
  for (const auto s : services) {
    if (!s.empty()) return true;
  }
  return false;
}

PayloadVerdict make(Verdict v, const Candidate& c, std::string_view reason) {
  PayloadVerdict out;
  out.verdict = v;
  out.protocol_id = c.protocol;
  out.protocol = payload_protocol_name(c.protocol);
  out.strong = c.confidence == Confidence::strong;
  if (c.detail != nullptr) out.detail = std::string(c.detail->view());
  out.reason = reason;
  return out;
}

PayloadVerdict judge(const Candidate& c, std::span<const std::string_view> services) {
  if (!has_named_service(services)) {
    return make(Verdict::unknown, c, "no service is registered on the port to compare with");
  }
  if (any_confirmed(c.protocol, services)) {
    return make(Verdict::confirmed, c, "the payload is what the port's service speaks");
  }
  if (any_may_carry(c.protocol, services)) {
    return make(Verdict::unknown, c,
                "the port's service may carry this protocol (upgrade, tunnel or multiplexing)");
  }
  if (is_substrate_protocol(c.protocol) && !all_verifiable(services)) {
    return make(Verdict::unknown, c,
                "many services run over this protocol and the port's service is not one "
                "pclassify can check");
  }
  return make(Verdict::contradicted, c, "the payload is another protocol than the port's service");
}

}  // namespace

std::string_view verdict_name(Verdict v) {
  switch (v) {
    case Verdict::unknown: return "unknown";
    case Verdict::confirmed: return "confirmed";
    case Verdict::contradicted: return "contradicted";
  }
  return "unknown";
}

PayloadVerdict verify_payload(const PayloadEvidence& evidence) {
  const DirectionMatches client = recognize_all(evidence.client_payload, evidence.transport);
  const DirectionMatches server = recognize_all(evidence.server_payload, evidence.transport);

  // Every protocol either direction matched, in table order (client's first).
  std::array<Candidate, 2 * kMaxMatchesPerDirection> candidates{};
  size_t count = 0;
  auto add = [&](PayloadProtocol p) {
    for (size_t i = 0; i < count; ++i) {
      if (candidates[i].protocol == p) return;
    }
    candidates[count++] = combine(client.find(p), server.find(p));
  };
  for (size_t i = 0; i < client.count; ++i) add(client.matches[i].protocol);
  for (size_t i = 0; i < server.count; ++i) add(server.matches[i].protocol);

  if (count == 0) {
    PayloadVerdict out;
    out.reason = evidence.client_payload.empty() && evidence.server_payload.empty()
                     ? "no payload to look at"
                     : "the payload matches no protocol pclassify recognises";
    return out;
  }

  // A strong candidate that confirms the port wins; else the first strong one decides.
  const Candidate* first_strong = nullptr;
  for (size_t i = 0; i < count; ++i) {
    const Candidate& c = candidates[i];
    if (c.confidence != Confidence::strong) continue;
    if (any_confirmed(c.protocol, evidence.services)) return judge(c, evidence.services);
    if (first_strong == nullptr) first_strong = &c;
  }
  if (first_strong != nullptr) return judge(*first_strong, evidence.services);
  return make(Verdict::unknown, candidates[0], "the payload only weakly resembles this protocol");
}

}  // namespace pclassify
