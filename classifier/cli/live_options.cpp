#include "cli/live_options.h"

#include <charconv>
#include <cmath>

namespace pclassify::cli {
namespace {

bool parse_non_negative_seconds(std::string_view text, double& seconds) {
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return false;
  if (!std::isfinite(value) || value < 0 || value > 1e9) return false;
  seconds = value;
  return true;
}

}  // namespace

bool parse_seconds(std::string_view text, double& seconds) {
  return parse_non_negative_seconds(text, seconds) && seconds > 0;
}

bool parse_idle_timeout(std::string_view text, IdleTimeoutOverrides& timeouts,
                        std::string& error) {
  std::string_view which = "";
  std::string_view number = text;
  if (const size_t colon = text.find(':'); colon != std::string_view::npos) {
    which = text.substr(0, colon);
    number = text.substr(colon + 1);
  }
  double seconds = 0;
  if (!parse_non_negative_seconds(number, seconds)) {
    error = "--idle-timeout needs [PROTO:]SECONDS, not \"" + std::string(text) + "\"";
    return false;
  }
  const auto ns = static_cast<int64_t>(std::llround(seconds * 1e9));
  if (which.empty()) {
    timeouts.ns.fill(ns);
    return true;
  }
  static constexpr std::array<std::string_view, IdleTimeoutOverrides::count> kNames = {
      "tcp", "tcp-closed", "udp", "sctp", "dccp"};
  for (size_t i = 0; i < kNames.size(); ++i) {
    if (which == kNames[i]) {
      timeouts.ns[i] = ns;
      return true;
    }
  }
  error = "--idle-timeout: unknown transport \"" + std::string(which) +
          "\" (tcp, tcp-closed, udp, sctp, dccp)";
  return false;
}

bool parse_autostop(std::string_view text, double& duration_seconds, uint64_t& max_packets,
                    std::string& error) {
  const size_t colon = text.find(':');
  const std::string_view name = text.substr(0, colon);
  const std::string_view value =
      colon == std::string_view::npos ? std::string_view{} : text.substr(colon + 1);
  if (name == "duration") {
    if (parse_seconds(value, duration_seconds)) return true;
    error = "-a duration: needs a positive number of seconds, not \"" + std::string(value) + "\"";
    return false;
  }
  if (name == "packets") {
    uint64_t count = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), count);
    if (ec == std::errc() && end == value.data() + value.size() && count > 0) {
      max_packets = count;
      return true;
    }
    error = "-a packets: needs a positive count, not \"" + std::string(value) + "\"";
    return false;
  }
  error = "-a supports duration:SECONDS and packets:COUNT, not \"" + std::string(text) + "\"";
  return false;
}

}  // namespace pclassify::cli
