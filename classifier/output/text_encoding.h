// The string encodings the writers need, each in one place: JSON string escaping (RFC
// 8259, invalid UTF-8 replaced by U+FFFD), RFC 4180 CSV fields, Zeek TSV escaping, and
// ISO 8601 / Zeek timestamps.
//
// Two forms: append_* add to a std::string; write_* format into a caller's char buffer
// and return the end of what they wrote. The writers build the numeric part of each flow's
// line with write_* in a stack buffer sized from the kMax* bounds below and append it in
// one piece: per-character appends were most of the writers' cost.
#pragma once

#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "net/ip_address.h"

namespace pclassify::output {

// Appends `text` as a JSON string literal, quotes included.
void append_json_string(std::string& out, std::string_view text);

// Appends `text` as one CSV field: quoted (with doubled quotes) when it holds a comma,
// quote, CR or LF.
void append_csv_field(std::string& out, std::string_view text);

// Appends `text` as a Zeek TSV value: backslash, tab, newline, non-printable and non-ASCII
// bytes as \xHH; also the set separator when `in_set`; "(empty)" for the empty string and
// an escaped "-" so it cannot read as unset.
void append_zeek_string(std::string& out, std::string_view text, bool in_set = false);

// "2024-01-31T12:34:56.123456Z": UTC, microseconds (truncated from nanoseconds).
void append_iso8601_utc(std::string& out, int64_t timestamp_ns);

// An address as text: IpAddress::to_string (dotted quad, RFC 5952).
void append_ip(std::string& out, const IpAddress& ip);

// "1706704496.123456": seconds since the epoch with microseconds (Zeek's `time`).
void append_epoch_seconds(std::string& out, int64_t timestamp_ns);

// Number of characters a terminal shows for UTF-8 `text` (code points; invalid bytes count
// as one each).
size_t display_width(std::string_view text);

// The longest prefix of UTF-8 `text` that shows in at most `width` columns.
std::string_view prefix_of_width(std::string_view text, size_t width);

// TCP flags as letters in bit order, tcpdump-like: F S R P A U E C ("" for none).
std::string tcp_flags_text(uint8_t flags);

// --- Buffer forms: `out` must have room for the kMax* characters named. ---

inline constexpr size_t kMaxUintText = 20;          // 18446744073709551615
inline constexpr size_t kMaxIso8601UtcText = 27;    // 2024-01-31T12:34:56.123456Z
inline constexpr size_t kMaxEpochSecondsText = 28;  // sign, 20 digits, '.', 6 digits
inline constexpr size_t kMaxTcpFlagsText = 8;
inline constexpr size_t kMaxIpText = IpAddress::kMaxTextLength;

inline char* write_uint(char* out, uint64_t value);  // defined below: inlined, ~10 per line
char* write_iso8601_utc(char* out, int64_t timestamp_ns);
char* write_epoch_seconds(char* out, int64_t timestamp_ns);
char* write_tcp_flags(char* out, uint8_t flags);
inline char* write_ip(char* out, const IpAddress& ip) { return ip.write_text(out); }

// write_iso8601_utc for a stream of nearby times: keeps the text of the last whole second,
// since consecutive flows mostly start (and end) within the same second as the previous.
class Iso8601UtcWriter {
 public:
  char* write(char* out, int64_t timestamp_ns);

 private:
  static constexpr size_t kDateTimeLength = 19;  // 2024-01-31T12:34:56
  static_assert(kDateTimeLength + 8 == kMaxIso8601UtcText);  // + ".123456Z"
  int64_t seconds_ = INT64_MIN;
  char date_time_[kDateTimeLength] = {};
};

// Copies `text` (a literal or a name of known bound) to `out`.
inline char* write_chars(char* out, std::string_view text) {
  std::memcpy(out, text.data(), text.size());
  return out + text.size();
}

namespace text_detail {

// "00".."99" as pairs of characters.
inline constexpr std::array<char, 200> kTwoDigits = [] {
  std::array<char, 200> digits{};
  for (int i = 0; i < 100; ++i) {
    digits[2 * i] = static_cast<char>('0' + i / 10);
    digits[2 * i + 1] = static_cast<char>('0' + i % 10);
  }
  return digits;
}();

inline char* write_two_digits(char* out, unsigned value) {  // value < 100
  out[0] = kTwoDigits[2 * value];
  out[1] = kTwoDigits[2 * value + 1];
  return out + 2;
}

}  // namespace text_detail

inline char* write_uint(char* out, uint64_t value) {
  // Most numbers of a flow line (packets, ports, protocol numbers) have one to five digits:
  // count them with comparisons and write pairs from the back.
  if (value < 10) {
    *out = static_cast<char>('0' + value);
    return out + 1;
  }
  if (value >= 100'000'000) return std::to_chars(out, out + kMaxUintText, value).ptr;
  auto rest = static_cast<uint32_t>(value);
  const int digits = rest < 100 ? 2 : rest < 1'000 ? 3 : rest < 10'000 ? 4 : rest < 100'000 ? 5
                   : rest < 1'000'000 ? 6 : rest < 10'000'000 ? 7 : 8;
  char* const end = out + digits;
  char* at = end;
  while (rest >= 100) {
    at -= 2;
    text_detail::write_two_digits(at, rest % 100);
    rest /= 100;
  }
  if (rest >= 10) {
    text_detail::write_two_digits(at - 2, rest);
  } else {
    at[-1] = static_cast<char>('0' + rest);
  }
  return end;
}

// "10.0.0.1:443", "[2001:db8::1]:443": an endpoint as the text outputs show it.
inline std::string endpoint_text(const IpAddress& ip, uint16_t port) {
  char text[kMaxIpText + 3 + kMaxUintText];
  char* p = text;
  if (ip.family == 6) *p++ = '[';
  p = write_ip(p, ip);
  if (ip.family == 6) *p++ = ']';
  *p++ = ':';
  p = write_uint(p, port);
  return std::string(text, p);
}

}  // namespace pclassify::output
