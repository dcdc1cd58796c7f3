// Text forms of addresses: dotted quad for IPv4, RFC 5952 canonical text for IPv6
// (lower-case hex, no leading zeros, the longest run of two or more zero groups shortened
// to "::", the first such run on a tie, and IPv4-mapped addresses as ::ffff:a.b.c.d).
// Written digit by digit into the caller's buffer: the flow writers format two addresses
// per flow, and printf-style formatting cost more than the rest of a JSON line.
#include "net/ip_address.h"

#include <array>
#include <cstring>

namespace pclassify {

namespace {

// "0".."255", padded to three characters, and their real lengths: an octet is one table
// read and a three-byte copy.
struct OctetText {
  char text[3];
  uint8_t length;
};
constexpr std::array<OctetText, 256> kOctets = [] {
  std::array<OctetText, 256> octets{};
  for (unsigned v = 0; v < 256; ++v) {
    OctetText& o = octets[v];
    if (v >= 100) o.text[o.length++] = static_cast<char>('0' + v / 100);
    if (v >= 10) o.text[o.length++] = static_cast<char>('0' + v / 10 % 10);
    o.text[o.length++] = static_cast<char>('0' + v % 10);
  }
  return octets;
}();

// Writes three bytes, of which the octet's length count: the rest is overwritten by what
// follows or lies past the end of the text. The longest text ending in an octet,
// "::ffff:255.255.255.255", has room for that within kMaxTextLength.
static_assert(sizeof("::ffff:255.255.255.255") - 1 + 2 <= IpAddress::kMaxTextLength);
char* write_octet(char* out, uint8_t value) {
  const OctetText& o = kOctets[value];
  std::memcpy(out, o.text, sizeof o.text);
  return out + o.length;
}

char* write_ipv4(char* out, const uint8_t* b) {
  for (int i = 0; i < 4; ++i) {
    if (i > 0) *out++ = '.';
    out = write_octet(out, b[i]);
  }
  return out;
}

// One group in lower-case hex without leading zeros ("0" for zero).
char* write_group(char* out, unsigned group) {
  static constexpr char kHex[] = "0123456789abcdef";
  int shift = group >= 0x1000 ? 12 : group >= 0x100 ? 8 : group >= 0x10 ? 4 : 0;
  for (; shift >= 0; shift -= 4) *out++ = kHex[(group >> shift) & 0xf];
  return out;
}

bool is_ipv4_mapped(const std::array<uint8_t, 16>& b) {
  for (int i = 0; i < 10; ++i) {
    if (b[i] != 0) return false;
  }
  return b[10] == 0xFF && b[11] == 0xFF;
}

char* write_ipv6(char* out, const std::array<uint8_t, 16>& b) {
  if (is_ipv4_mapped(b)) {
    for (const char c : {':', ':', 'f', 'f', 'f', 'f', ':'}) *out++ = c;
    return write_ipv4(out, b.data() + 12);
  }
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

  const char* const start = out;
  for (int i = 0; i < 8; ++i) {
    if (i == best_start) {
      *out++ = ':';
      *out++ = ':';
      i += best_length - 1;
      continue;
    }
    if (out != start && out[-1] != ':') *out++ = ':';
    out = write_group(out, groups[i]);
  }
  return out;
}

}  // namespace

char* IpAddress::write_text(char* out) const {
  switch (family) {
    case 4:
      return write_ipv4(out, bytes.data());
    case 6:
      return write_ipv6(out, bytes);
    default:
      return out;
  }
}

std::string IpAddress::to_string() const {
  char text[kMaxTextLength];
  return std::string(text, write_text(text));
}

}  // namespace pclassify
