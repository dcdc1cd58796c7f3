// Text forms of addresses: dotted quad for IPv4, RFC 5952 canonical text for IPv6
// (lower-case hex, no leading zeros, the longest run of two or more zero groups shortened
// to "::", the first such run on a tie, and IPv4-mapped addresses as ::ffff:a.b.c.d).
#include "net/ip_address.h"

#include <array>
#include <cstdio>

namespace pclassify {

namespace {

std::string ipv4_text(const uint8_t* b) {
  char text[16];
  std::snprintf(text, sizeof text, "%u.%u.%u.%u", b[0], b[1], b[2], b[3]);
  return text;
}

bool is_ipv4_mapped(const std::array<uint8_t, 16>& b) {
  for (int i = 0; i < 10; ++i) {
    if (b[i] != 0) return false;
  }
  return b[10] == 0xFF && b[11] == 0xFF;
}

std::string ipv6_text(const std::array<uint8_t, 16>& b) {
  if (is_ipv4_mapped(b)) return "::ffff:" + ipv4_text(b.data() + 12);
  std::array<unsigned, 8> groups{};
  for (int i = 0; i < 8; ++i) groups[i] = (unsigned{b[2 * i]} << 8) | b[2 * i + 1];

  int best_start = -1, best_length = 0;
  for (int i = 0; i < 8;) {
    if (groups[i] != 0) {
      ++i;
      continue;
    }
    int j = i;
    while (j < 8 && groups[j] == 0) ++j;
    if (j - i > best_length) {
      best_start = i;
      best_length = j - i;
    }
    i = j;
  }
  if (best_length < 2) best_start = -1;  // RFC 5952 4.2.2: a single 0 group stays

  std::string text;
  for (int i = 0; i < 8; ++i) {
    if (i == best_start) {
      text += "::";
      i += best_length - 1;
      continue;
    }
    if (!text.empty() && text.back() != ':') text += ':';
    char group[5];
    std::snprintf(group, sizeof group, "%x", groups[i]);
    text += group;
  }
  return text;
}

}  // namespace

std::string IpAddress::to_string() const {
  switch (family) {
    case 4:
      return ipv4_text(bytes.data());
    case 6:
      return ipv6_text(bytes);
    default:
      return "";
  }
}

}  // namespace pclassify
