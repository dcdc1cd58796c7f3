#include "wireshark_services_reader.h"

#include <vector>

#include "text_normalize.h"

namespace pclassify::gen {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }

std::vector<std::string_view> split_words(std::string_view text) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && is_space(text[i])) ++i;
    const size_t start = i;
    while (i < text.size() && !is_space(text[i])) ++i;
    if (i > start) words.push_back(text.substr(start, i - start));
  }
  return words;
}

// Parses one non-comment line into records; returns an error message or "".
std::string parse_line(std::string_view line, const SourceLocation& where,
                       std::vector<RegistryRecord>& out) {
  std::string_view body = line;
  std::string description;
  if (const size_t hash = line.find('#'); hash != std::string_view::npos) {
    body = line.substr(0, hash);
    description = fold_whitespace(line.substr(hash + 1));
  }
  const std::vector<std::string_view> words = split_words(body);
  if (words.empty()) return {};
  if (words.size() < 2)
    return "expected 'NAME PORT/PROTOCOL', found only '" + std::string(words[0]) + "'";
  // services(5) allows aliases after the port; Wireshark's file has none, and a word there
  // would mean this is not the file we think it is.
  if (words.size() > 2) return "unexpected text '" + std::string(words[2]) + "' after the port";

  const std::string_view spec = words[1];
  const size_t slash = spec.find('/');
  if (slash == std::string_view::npos) return "'" + std::string(spec) + "' has no /protocol";
  const auto ports = parse_port_range(spec.substr(0, slash));
  if (!ports) return "'" + std::string(spec.substr(0, slash)) + "' is not a port or port range";

  std::string_view protocols = spec.substr(slash + 1);
  while (true) {
    const size_t next = protocols.find('/');
    const std::string_view word = protocols.substr(0, next);
    const auto protocol = normalize_protocol(word);
    if (!protocol) return "unknown transport protocol '" + std::string(word) + "'";
    RegistryRecord r;
    r.name = std::string(words[0]);
    r.ports = *ports;
    r.protocol = *protocol;
    r.description = description;
    r.origin = where;
    out.push_back(std::move(r));
    if (next == std::string_view::npos) break;
    protocols.remove_prefix(next + 1);
  }
  return {};
}

}  // namespace

ReadOutcome read_wireshark_services(std::string_view text, std::string_view file) {
  ReadOutcome outcome;
  outcome.snapshot.file = std::string(file);
  int line_number = 0;
  size_t at = 0;
  while (at < text.size()) {
    size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(at, end - at);
    at = end + 1;
    ++line_number;
    const SourceLocation where{std::string(file), line_number};
    std::string problem = parse_line(line, where, outcome.snapshot.records);
    if (!problem.empty()) {
      outcome.snapshot.records.clear();
      outcome.error = where.file + ":" + std::to_string(line_number) + ": " + problem;
      return outcome;
    }
  }
  outcome.ok = true;
  return outcome;
}

}  // namespace pclassify::gen
