#include "triage/site_policy.h"

#include <arpa/inet.h>

#include <charconv>

#include "verify/service_map.h"

namespace pclassify::triage {
namespace {

constexpr std::string_view kFormat = "HOST_OR_CIDR PORT/TRANSPORT SERVICE [expect|allow]";

std::vector<std::string_view> split_words(std::string_view line) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
    const size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') ++i;
    if (i > start) words.push_back(line.substr(start, i - start));
  }
  return words;
}

bool parse_number(std::string_view text, uint32_t max, uint32_t& value) {
  if (text.empty()) return false;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && end == text.data() + text.size() && value <= max;
}

bool parse_address(std::string_view text, IpAddress& out) {
  const std::string copy(text);  // inet_pton needs a terminated string
  IpAddress ip;
  if (::inet_pton(AF_INET, copy.c_str(), ip.bytes.data()) == 1) {
    ip.family = 4;
  } else if (::inet_pton(AF_INET6, copy.c_str(), ip.bytes.data()) == 1) {
    ip.family = 6;
  } else {
    return false;
  }
  out = ip;
  return true;
}

bool host_bits_set(const IpPrefix& prefix) {
  const size_t total = prefix.address.family == 4 ? 32 : 128;
  for (size_t bit = prefix.length; bit < total; ++bit) {
    if ((prefix.address.bytes[bit / 8] >> (7 - bit % 8)) & 1) return true;
  }
  return false;
}

// Parses HOST_OR_CIDR; returns an error message or "".
std::string parse_hosts(std::string_view text, IpPrefix& out) {
  if (text == "*") {
    out = IpPrefix{};
    return "";
  }
  const size_t slash = text.find('/');
  const std::string_view address = text.substr(0, slash);
  if (!parse_address(address, out.address)) {
    return "\"" + std::string(address) + "\" is not an IPv4 or IPv6 address";
  }
  const uint32_t max_length = out.address.family == 4 ? 32 : 128;
  uint32_t length = max_length;
  if (slash != std::string_view::npos &&
      !parse_number(text.substr(slash + 1), max_length, length)) {
    return "bad prefix length in \"" + std::string(text) + "\" (0-" +
           std::to_string(max_length) + ")";
  }
  out.length = static_cast<uint8_t>(length);
  if (host_bits_set(out)) {
    return "\"" + std::string(text) + "\" has host bits set after the prefix length";
  }
  return "";
}

// Parses PORT/TRANSPORT; returns an error message or "".
std::string parse_port_transport(std::string_view text, PolicyRule& rule) {
  const size_t slash = text.find('/');
  if (slash == std::string_view::npos) {
    return "\"" + std::string(text) + "\" is not PORT/TRANSPORT (e.g. 443/tcp)";
  }
  const std::string_view port = text.substr(0, slash);
  const std::string_view transport = text.substr(slash + 1);
  const auto parsed = transport_from_name(transport);
  if (!parsed) {
    return "unknown transport \"" + std::string(transport) + "\" (tcp, udp, sctp or dccp)";
  }
  rule.transport = *parsed;
  if (port == "*") {
    rule.port_lo = 0;
    rule.port_hi = 65535;
    return "";
  }
  const size_t dash = port.find('-');
  uint32_t lo = 0;
  uint32_t hi = 0;
  const bool ok = dash == std::string_view::npos
                      ? parse_number(port, 65535, lo) && (hi = lo, true)
                      : parse_number(port.substr(0, dash), 65535, lo) &&
                            parse_number(port.substr(dash + 1), 65535, hi) && lo <= hi;
  if (!ok) {
    return "bad port \"" + std::string(port) + "\" (a number 0-65535, a range LO-HI or *)";
  }
  rule.port_lo = static_cast<uint16_t>(lo);
  rule.port_hi = static_cast<uint16_t>(hi);
  return "";
}

// Parses one non-blank line into `rule`; returns an error message or "".
std::string parse_rule(const std::vector<std::string_view>& words,
                       const ServiceNameCheck& is_service_name, PolicyRule& rule) {
  if (words.size() < 3 || words.size() > 4) {
    return "expected " + std::string(kFormat) + ", got " + std::to_string(words.size()) +
           (words.size() == 1 ? " field" : " fields");
  }
  if (std::string error = parse_hosts(words[0], rule.hosts); !error.empty()) return error;
  rule.host_text = std::string(words[0]);
  if (std::string error = parse_port_transport(words[1], rule); !error.empty()) return error;
  const std::string_view service = words[2];
  const bool known = service == "*" || payload_protocol_from_name(service).has_value() ||
                     (is_service_name && is_service_name(service));
  if (!known) {
    return "unknown service or protocol \"" + std::string(service) +
           "\" (an IANA service name, a protocol such as tls or http, or *)";
  }
  rule.service = std::string(service);
  if (words.size() == 4) {
    if (words[3] == "expect") {
      rule.action = PolicyAction::expect;
    } else if (words[3] == "allow") {
      rule.action = PolicyAction::allow;
    } else {
      return "unknown action \"" + std::string(words[3]) + "\" (expect or allow)";
    }
  }
  return "";
}

}  // namespace

bool IpPrefix::contains(const IpAddress& ip) const {
  if (address.family == 0) return true;  // `*`
  if (ip.family != address.family) return false;
  const size_t whole = length / 8;
  for (size_t i = 0; i < whole; ++i) {
    if (ip.bytes[i] != address.bytes[i]) return false;
  }
  const unsigned rest = length % 8;
  if (rest == 0) return true;
  const auto mask = static_cast<uint8_t>(0xFF << (8 - rest));
  return (ip.bytes[whole] & mask) == (address.bytes[whole] & mask);
}

std::string_view policy_action_name(PolicyAction action) {
  return action == PolicyAction::allow ? "allow" : "expect";
}

std::optional<SitePolicy> SitePolicy::parse(std::string_view text, std::string_view origin,
                                            const ServiceNameCheck& is_service_name,
                                            std::string& error) {
  SitePolicy policy;
  policy.origin_ = std::string(origin);
  size_t line_number = 0;
  while (!text.empty()) {
    ++line_number;
    const size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    if (const size_t hash = line.find('#'); hash != std::string_view::npos) {
      line = line.substr(0, hash);
    }
    const std::vector<std::string_view> words = split_words(line);
    if (words.empty()) continue;
    PolicyRule rule;
    rule.line = line_number;
    if (std::string message = parse_rule(words, is_service_name, rule); !message.empty()) {
      error = std::string(origin) + ":" + std::to_string(line_number) + ": " + message;
      return std::nullopt;
    }
    policy.rules_.push_back(std::move(rule));
  }
  return policy;
}

const PolicyRule* SitePolicy::find(const IpAddress& ip, uint16_t port,
                                   Transport transport) const {
  const PolicyRule* best = nullptr;
  for (const PolicyRule& rule : rules_) {
    if (!rule.covers(ip, port, transport)) continue;
    if (best == nullptr) {
      best = &rule;
      continue;
    }
    const bool longer_prefix = rule.hosts.address.family != 0 &&
                               (best->hosts.address.family == 0 ||
                                rule.hosts.length > best->hosts.length);
    const bool same_prefix = rule.hosts.address.family == best->hosts.address.family &&
                             rule.hosts.length == best->hosts.length;
    const bool narrower = rule.port_hi - rule.port_lo < best->port_hi - best->port_lo;
    if (longer_prefix || (same_prefix && narrower)) best = &rule;
  }
  return best;
}

bool SitePolicy::lists_host(const IpAddress& ip) const {
  for (const PolicyRule& rule : rules_) {
    if (rule.hosts.contains(ip)) return true;
  }
  return false;
}

bool payload_fits_service(std::string_view service, const PayloadVerdict* payload) {
  if (service == "*" || payload == nullptr) return true;
  const PayloadProtocol p = payload->protocol_id;
  // Nothing recognised, or only a weak hint: no evidence against the expected service.
  if (p == PayloadProtocol::none || !payload->strong) return true;
  if (payload_protocol_name(p) == service) return true;
  if (protocol_confirms_service(p, service) || service_may_carry(service, p)) return true;
  // Protocol names in the policy are checked exactly; service names get the verifier's
  // doubt rule for protocols many services run over.
  if (payload_protocol_from_name(service).has_value()) return false;
  return is_substrate_protocol(p) && !is_verifiable_service(service);
}

}  // namespace pclassify::triage
