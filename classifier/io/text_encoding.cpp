#include "io/text_encoding.h"

#include <charconv>
#include <climits>
#include <ctime>

namespace pclassify::io {
namespace {

constexpr char kHex[] = "0123456789abcdef";

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

void append_number(std::string& out, uint64_t value, int min_digits = 1) {
  char digits[24];
  const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, value);
  (void)ec;
  for (int pad = min_digits - static_cast<int>(end - digits); pad > 0; --pad) out += '0';
  out.append(digits, end);
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

void append_date_time(std::string& out, int64_t seconds);

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  for (size_t i = 0; i < text.size();) {
    const auto c = static_cast<uint8_t>(text[i]);
    if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    switch (c) {
      case '"': out += "\\\""; ++i; continue;
      case '\\': out += "\\\\"; ++i; continue;
      case '\n': out += "\\n"; ++i; continue;
      case '\r': out += "\\r"; ++i; continue;
      case '\t': out += "\\t"; ++i; continue;
      default: break;
    }
    if (c < 0x20 || c == 0x7f) {
      out += "\\u00";
      out += kHex[c >> 4];
      out += kHex[c & 0xf];
      ++i;
      continue;
    }
    const size_t length = utf8_sequence_length(text, i);
    if (length == 0) {
      out += "\\ufffd";  // not UTF-8: the replacement character, as RFC 8259 section 8.2 allows
      ++i;
      continue;
    }
    out.append(text.substr(i, length));
    i += length;
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
  for (const char ch : text) {
    const auto c = static_cast<uint8_t>(ch);
    if (c == '\\') {
      out += "\\\\";
    } else if (c < 0x20 || c >= 0x7f || (in_set && c == ',')) {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 0xf];
    } else {
      out += static_cast<char>(c);
    }
  }
}

void append_iso8601_utc(std::string& out, int64_t timestamp_ns) {
  int64_t seconds = 0, micros = 0;
  split_time(timestamp_ns, seconds, micros);
  // Consecutive flows mostly start within the same second: keep its text (per thread).
  thread_local int64_t cached_seconds = INT64_MIN;
  thread_local std::string cached_text;
  if (seconds != cached_seconds) {
    cached_text.clear();
    append_date_time(cached_text, seconds);
    cached_seconds = seconds;
  }
  out += cached_text;
  out += '.';
  append_number(out, static_cast<uint64_t>(micros), 6);
  out += 'Z';
}

void append_ip(std::string& out, const IpAddress& ip) {
  if (ip.family != 4) {
    out += ip.to_string();
    return;
  }
  for (int i = 0; i < 4; ++i) {
    if (i > 0) out += '.';
    append_number(out, ip.bytes[static_cast<size_t>(i)]);
  }
}

namespace {

// "YYYY-MM-DDTHH:MM:SS" for whole seconds since the epoch, UTC.
void append_date_time(std::string& out, int64_t seconds) {
  const auto t = static_cast<time_t>(seconds);
  std::tm parts{};
  gmtime_r(&t, &parts);
  append_number(out, static_cast<uint64_t>(parts.tm_year + 1900), 4);
  out += '-';
  append_number(out, static_cast<uint64_t>(parts.tm_mon + 1), 2);
  out += '-';
  append_number(out, static_cast<uint64_t>(parts.tm_mday), 2);
  out += 'T';
  append_number(out, static_cast<uint64_t>(parts.tm_hour), 2);
  out += ':';
  append_number(out, static_cast<uint64_t>(parts.tm_min), 2);
  out += ':';
  append_number(out, static_cast<uint64_t>(parts.tm_sec), 2);
}

}  // namespace

void append_epoch_seconds(std::string& out, int64_t timestamp_ns) {
  int64_t seconds = 0, micros = 0;
  split_time(timestamp_ns, seconds, micros);
  if (seconds < 0) {
    // Zeek prints negative times with the sign on the whole value.
    const int64_t total_micros = -(seconds * 1'000'000 + micros);
    out += '-';
    append_number(out, static_cast<uint64_t>(total_micros / 1'000'000));
    out += '.';
    append_number(out, static_cast<uint64_t>(total_micros % 1'000'000), 6);
    return;
  }
  append_number(out, static_cast<uint64_t>(seconds));
  out += '.';
  append_number(out, static_cast<uint64_t>(micros), 6);
}

size_t display_width(std::string_view text) {
  size_t width = 0;
  for (size_t i = 0; i < text.size();) {
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

std::string tcp_flags_text(uint8_t flags) {
  static constexpr char kLetters[] = "FSRPAUEC";
  std::string text;
  for (int bit = 0; bit < 8; ++bit) {
    if (flags & (1u << bit)) text += kLetters[bit];
  }
  return text;
}

}  // namespace pclassify::io
