#include "text_normalize.h"

#include <array>
#include <charconv>

namespace pclassify::gen {
namespace {

bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool all_digits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!is_digit(c)) return false;
  }
  return true;
}

std::optional<uint16_t> parse_port(std::string_view text) {
  // At most 5 digits keeps from_chars far from overflow; leading zeros are accepted.
  if (!all_digits(text) || text.size() > 5) return std::nullopt;
  unsigned value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || value > 65535) {
    return std::nullopt;
  }
  return static_cast<uint16_t>(value);
}

// "YYYY-MM-DD" at text[pos...].
bool is_full_date_at(std::string_view text, size_t pos) {
  if (pos + 10 > text.size()) return false;
  const std::string_view candidate = text.substr(pos, 10);
  return is_registry_date(candidate) && candidate.size() == 10;
}

}  // namespace

std::string fold_whitespace(std::string_view text) {
  std::string folded;
  folded.reserve(text.size());
  bool pending_space = false;
  for (char c : text) {
    if (is_ascii_space(c)) {
      pending_space = !folded.empty();
      continue;
    }
    if (pending_space) folded.push_back(' ');
    pending_space = false;
    folded.push_back(c);
  }
  return folded;
}

std::optional<PortRange> parse_port_range(std::string_view text) {
  const size_t dash = text.find('-');
  if (dash == std::string_view::npos) {
    const auto port = parse_port(text);
    if (!port) return std::nullopt;
    return PortRange{*port, *port};
  }
  const auto lo = parse_port(text.substr(0, dash));
  const auto hi = parse_port(text.substr(dash + 1));
  if (!lo || !hi || *lo > *hi) return std::nullopt;
  return PortRange{*lo, *hi};
}

std::string format_port_range(const PortRange& ports) {
  if (ports.lo == ports.hi) return std::to_string(ports.lo);
  return std::to_string(ports.lo) + "-" + std::to_string(ports.hi);
}

std::optional<std::string> normalize_protocol(std::string_view text) {
  static constexpr std::array<std::string_view, 4> kProtocols = {"tcp", "udp", "sctp", "dccp"};
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  for (std::string_view known : kProtocols) {
    if (lower == known) return lower;
  }
  return std::nullopt;
}

bool is_registry_date(std::string_view text) {
  // YYYY-MM (7 characters) or YYYY-MM-DD (10 characters).
  if (text.size() != 7 && text.size() != 10) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    const bool dash_expected = (i == 4 || i == 7);
    if (dash_expected ? text[i] != '-' : !is_digit(text[i])) return false;
  }
  return true;
}

std::string date_in_file_name(std::string_view file) {
  // Only the last path component: a dated folder name says nothing about the file.
  const size_t slash = file.find_last_of("/\\");
  const std::string_view name = slash == std::string_view::npos ? file : file.substr(slash + 1);
  for (size_t pos = 0; pos < name.size(); ++pos) {
    const bool starts_number = pos == 0 || !is_digit(name[pos - 1]);
    const bool ends_number = pos + 10 >= name.size() || !is_digit(name[pos + 10]);
    if (starts_number && ends_number && is_full_date_at(name, pos)) {
      return std::string(name.substr(pos, 10));
    }
  }
  return "";
}

std::optional<std::vector<std::string>> split_bracketed_list(std::string_view cell) {
  std::vector<std::string> items;
  size_t pos = 0;
  while (pos < cell.size()) {
    if (is_ascii_space(cell[pos])) {
      ++pos;
      continue;
    }
    if (cell[pos] != '[') return std::nullopt;
    const size_t close = cell.find(']', pos + 1);
    if (close == std::string_view::npos) return std::nullopt;
    std::string item = fold_whitespace(cell.substr(pos + 1, close - pos - 1));
    if (item.empty() || item.find('[') != std::string::npos) return std::nullopt;
    items.push_back(std::move(item));
    pos = close + 1;
  }
  return items;
}

std::string join_bracketed_list(const std::vector<std::string>& items) {
  std::string joined;
  for (const std::string& item : items) {
    joined += '[';
    joined += item;
    joined += ']';
  }
  return joined;
}

std::string xref_as_reference(std::string_view type, std::string_view data, std::string_view text) {
  if (type == "rfc") {
    std::string upper(data);
    for (char& c : upper) {
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    return upper;
  }
  const std::string folded_text = fold_whitespace(text);
  if (type == "text") return folded_text;
  if (type == "uri") return folded_text.empty() ? std::string(data) : folded_text;
  if (!data.empty()) return std::string(data);  // person, draft, note, unknown types
  return folded_text;
}

}  // namespace pclassify::gen
