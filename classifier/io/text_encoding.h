// The string encodings the writers need, each in one place: JSON string escaping (RFC
// 8259, invalid UTF-8 replaced by U+FFFD), RFC 4180 CSV fields, Zeek TSV escaping, and
// ISO 8601 / Zeek timestamps.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "net/ip_address.h"

namespace pclassify::io {

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

// An address as text: IPv4 formatted here without printf (it is on the output's hot path),
// IPv6 as IpAddress::to_string (RFC 5952).
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

}  // namespace pclassify::io
