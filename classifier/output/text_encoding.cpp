#include "output/text_encoding.h"

#include <array>
#include <charconv>

namespace pclassify::output {
namespace {

constexpr char kHex[] = "0123456789abcdef";

// Bytes a JSON string holds as they are: printable ASCII except quote and backslash.
// Everything else (controls, DEL, non-ASCII) goes through the escaping path.
constexpr std::array<bool, 256> kJsonPlain = [] {
  std::array<bool, 256> plain{};
  for (int c = 0x20; c < 0x7f; ++c) plain[c] = c != '"' && c != '\\';
  return plain;
}();

// Bytes a Zeek value holds as they are (outside a set: the comma too).
constexpr std::array<bool, 256> kZeekPlain = [] {
  std::array<bool, 256> plain{};
  for (int c = 0x20; c < 0x7f; ++c) plain[c] = c != '\\';
  return plain;
}();

// The end of the run of bytes from `at` for which `plain` holds.
template <typename IsPlain>
size_t plain_run_end(std::string_view text, size_t at, IsPlain plain) {
  while (at < text.size() && plain(static_cast<uint8_t>(text[at]))) ++at;
  return at;
}

// Length of the valid UTF-8 sequence at text[at], or 0 when the bytes there are not one
// (overlong forms, surrogates and code points above U+10FFFF are invalid, RFC 3629).
size_t utf8_sequence_length(std::string_view text, size_t at) {
  const auto byte = [&](size_t i) { return static_cast<uint8_t>(text[i]); };
  const uint8_t lead = byte(at);
  if (lead < 0x80) return 1;
  size_t length = 0;
  uint32_t min = 0;
  uint32_t code = 0;
  if ((lead & 0xe0) == 0xc0) {
    length = 2, min = 0x80, code = lead & 0x1f;
  } else if ((lead & 0xf0) == 0xe0) {
    length = 3, min = 0x800, code = lead & 0x0f;
  } else if ((lead & 0xf8) == 0xf0) {
    length = 4, min = 0x10000, code = lead & 0x07;
  } else {
    return 0;
  }
  if (text.size() - at < length) return 0;
  for (size_t i = 1; i < length; ++i) {
    const uint8_t next = byte(at + i);
    if ((next & 0xc0) != 0x80) return 0;
    code = (code << 6) | (next & 0x3f);
  }
  if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return 0;
  return length;
}

// Appends the escaped form of the byte (or valid UTF-8 sequence) at text[at], which is not
// plain, and returns the index after it.
size_t append_json_escape(std::string& out, std::string_view text, size_t at) {
  const auto c = static_cast<uint8_t>(text[at]);
  switch (c) {
    case '"': out += "\\\""; return at + 1;
    case '\\': out += "\\\\"; return at + 1;
    case '\n': out += "\\n"; return at + 1;
    case '\r': out += "\\r"; return at + 1;
    case '\t': out += "\\t"; return at + 1;
    default: break;
  }
  if (c < 0x20 || c == 0x7f) {
    const char escaped[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xf]};
    out.append(escaped, sizeof escaped);
    return at + 1;
  }
  const size_t length = utf8_sequence_length(text, at);
  if (length == 0) {
    out += "\\ufffd";  // not UTF-8: the replacement character, as RFC 8259 section 8.2 allows
    return at + 1;
  }
  out.append(text.substr(at, length));
  return at + length;
}

using text_detail::write_two_digits;

// `value` (< 10^6) as exactly six digits, two at a time.
char* write_six_digits(char* out, uint32_t value) {
  out = write_two_digits(out, value / 10000);
  out = write_two_digits(out, value / 100 % 100);
  return write_two_digits(out, value % 100);
}

// Splits nanoseconds since the epoch into whole seconds and microseconds, rounding toward
// negative infinity so that times before 1970 print correctly.
void split_time(int64_t timestamp_ns, int64_t& seconds, int64_t& micros) {
  seconds = timestamp_ns / 1'000'000'000;
  int64_t rest = timestamp_ns % 1'000'000'000;
  if (rest < 0) {
    rest += 1'000'000'000;
    --seconds;
  }
  micros = rest / 1000;
}

struct CivilDate {
  int64_t year;
  unsigned month;  // 1-12
  unsigned day;    // 1-31
};

// The proleptic Gregorian date of a day count since 1970-01-01 (what gmtime computes,
// without its call). The calendar repeats every 400 years (146097 days); counting years
// from March puts the leap day last, so month lengths follow a fixed pattern.
CivilDate civil_from_days(int64_t days) {
  days += 719468;  // days from 0000-03-01 to 1970-01-01
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const auto day_of_era = static_cast<uint32_t>(days - era * 146097);  // [0, 146096]
  const uint32_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const uint32_t day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const uint32_t month_from_march = (5 * day_of_year + 2) / 153;  // [0, 11]
  const uint32_t day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
  const uint32_t month = month_from_march < 10 ? month_from_march + 3 : month_from_march - 9;
  return {static_cast<int64_t>(year_of_era) + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

// "YYYY-MM-DDTHH:MM:SS" for whole seconds since the epoch, UTC. Nanosecond timestamps span
// the years 1677 to 2262, so the year always has four digits.
char* write_date_time(char* out, int64_t seconds) {
  int64_t days = seconds / 86400;
  int64_t second_of_day = seconds % 86400;
  if (second_of_day < 0) {
    second_of_day += 86400;
    --days;
  }
  const CivilDate date = civil_from_days(days);
  const auto year = static_cast<uint32_t>(date.year);
  out = write_two_digits(out, year / 100);
  out = write_two_digits(out, year % 100);
  *out++ = '-';
  out = write_two_digits(out, date.month);
  *out++ = '-';
  out = write_two_digits(out, date.day);
  *out++ = 'T';
  const auto s = static_cast<uint32_t>(second_of_day);
  out = write_two_digits(out, s / 3600);
  *out++ = ':';
  out = write_two_digits(out, s / 60 % 60);
  *out++ = ':';
  return write_two_digits(out, s % 60);
}

// ".123456Z", the end of an ISO 8601 UTC time.
char* write_micros_utc(char* out, int64_t micros) {
  *out++ = '.';
  out = write_six_digits(out, static_cast<uint32_t>(micros));
  *out++ = 'Z';
  return out;
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  for (size_t i = 0; i < text.size();) {
    const size_t run_end = plain_run_end(text, i, [](uint8_t c) { return kJsonPlain[c]; });
    out.append(text.data() + i, run_end - i);
    if (run_end == text.size()) break;
    i = append_json_escape(out, text, run_end);
  }
  out += '"';
}

void append_csv_field(std::string& out, std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += text;
    return;
  }
  out += '"';
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void append_zeek_string(std::string& out, std::string_view text, bool in_set) {
  if (text.empty()) {
    out += "(empty)";
    return;
  }
  if (text == "-") {
    out += "\\x2d";
    return;
  }
  const auto plain = [in_set](uint8_t c) { return kZeekPlain[c] && !(in_set && c == ','); };
  for (size_t i = 0; i < text.size();) {
    const size_t run_end = plain_run_end(text, i, plain);
    out.append(text.data() + i, run_end - i);
    if (run_end == text.size()) break;
    const auto c = static_cast<uint8_t>(text[run_end]);
    if (c == '\\') {
      out += "\\\\";
    } else {
      const char escaped[] = {'\\', 'x', kHex[c >> 4], kHex[c & 0xf]};
      out.append(escaped, sizeof escaped);
    }
    i = run_end + 1;
  }
}

char* write_iso8601_utc(char* out, int64_t timestamp_ns) {
  int64_t seconds = 0, micros = 0;
  split_time(timestamp_ns, seconds, micros);
  out = write_date_time(out, seconds);
  return write_micros_utc(out, micros);
}

char* Iso8601UtcWriter::write(char* out, int64_t timestamp_ns) {
  int64_t seconds = 0, micros = 0;
  split_time(timestamp_ns, seconds, micros);
  if (seconds != seconds_) {
    write_date_time(date_time_, seconds);
    seconds_ = seconds;
  }
  out = write_chars(out, {date_time_, kDateTimeLength});
  return write_micros_utc(out, micros);
}

char* write_epoch_seconds(char* out, int64_t timestamp_ns) {
  int64_t seconds = 0, micros = 0;
  split_time(timestamp_ns, seconds, micros);
  uint64_t whole = static_cast<uint64_t>(seconds);
  if (seconds < 0) {
    // Zeek prints negative times with the sign on the whole value.
    const uint64_t total_micros = static_cast<uint64_t>(-(seconds * 1'000'000 + micros));
    *out++ = '-';
    whole = total_micros / 1'000'000;
    micros = static_cast<int64_t>(total_micros % 1'000'000);
  }
  out = write_uint(out, whole);
  *out++ = '.';
  return write_six_digits(out, static_cast<uint32_t>(micros));
}

char* write_tcp_flags(char* out, uint8_t flags) {
  static constexpr char kLetters[] = "FSRPAUEC";
  for (int bit = 0; bit < 8; ++bit) {
    if (flags & (1u << bit)) *out++ = kLetters[bit];
  }
  return out;
}

void append_iso8601_utc(std::string& out, int64_t timestamp_ns) {
  char text[kMaxIso8601UtcText];
  out.append(text, write_iso8601_utc(text, timestamp_ns));
}

void append_ip(std::string& out, const IpAddress& ip) {
  char text[kMaxIpText];
  out.append(text, write_ip(text, ip));
}

void append_epoch_seconds(std::string& out, int64_t timestamp_ns) {
  char text[kMaxEpochSecondsText];
  out.append(text, write_epoch_seconds(text, timestamp_ns));
}

std::string tcp_flags_text(uint8_t flags) {
  char text[kMaxTcpFlagsText];
  return std::string(text, write_tcp_flags(text, flags));
}

size_t display_width(std::string_view text) {
  size_t width = 0;
  for (size_t i = 0; i < text.size();) {
    if (static_cast<uint8_t>(text[i]) < 0x80) {  // ASCII, nearly all of a table
      ++i;
      ++width;
      continue;
    }
    const size_t length = utf8_sequence_length(text, i);
    i += length == 0 ? 1 : length;
    ++width;
  }
  return width;
}

std::string_view prefix_of_width(std::string_view text, size_t width) {
  size_t i = 0;
  for (size_t shown = 0; i < text.size() && shown < width; ++shown) {
    const size_t length = utf8_sequence_length(text, i);
    i += length == 0 ? 1 : length;
  }
  return text.substr(0, i);
}

}  // namespace pclassify::output
