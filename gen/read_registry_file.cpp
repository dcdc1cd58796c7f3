#include "read_registry_file.h"

#include <fstream>
#include <sstream>

#include "sha256.h"
#include "wireshark_services_reader.h"

namespace pclassify::gen {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}

// Calls `visit(line)` for each line until it returns false.
template <typename Visit>
void for_each_line(std::string_view text, Visit visit) {
  size_t at = 0;
  while (at < text.size()) {
    size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    if (!visit(text.substr(at, end - at))) return;
    at = end + 1;
  }
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// "name<blanks>80/tcp" or "name<blanks>6000-6063/tcp/udp" at the start of a line.
bool looks_like_services_line(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && !is_blank(line[i])) ++i;
  if (i == 0) return false;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  const size_t digits_start = i;
  while (i < line.size() && (is_digit(line[i]) || line[i] == '-')) ++i;
  return i > digits_start && i < line.size() && line[i] == '/';
}

}  // namespace

std::string_view rendering_name(Rendering r) {
  switch (r) {
    case Rendering::xml:
      return "xml";
    case Rendering::csv:
      return "csv";
    case Rendering::pipe_table:
      return "pipe table";
    case Rendering::plain_text:
      return "plain text";
    case Rendering::wireshark_services:
      return "wireshark services";
  }
  return "?";
}

Rendering sniff_rendering(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // UTF-8 byte order mark
  const std::string_view body = trim(text);
  if (!body.empty() && body.front() == '<') return Rendering::xml;
  if (body.substr(0, 25) == "Service Name,Port Number,") return Rendering::csv;

  bool registry_header = false;
  bool pipe_header = false;
  int data_lines = 0;
  int services_lines = 0;
  for_each_line(body, [&](std::string_view raw) {
    const std::string_view line = trim(raw);
    if (line.find("Service Name") != std::string_view::npos &&
        line.find("Port Number") != std::string_view::npos) {
      registry_header = true;
      pipe_header = pipe_header || line.find('|') != std::string_view::npos;
    }
    if (!line.empty() && line.front() != '#' && data_lines < 40) {
      ++data_lines;
      if (looks_like_services_line(line)) ++services_lines;
    }
    return true;
  });
  if (pipe_header) return Rendering::pipe_table;
  if (!registry_header && data_lines > 0 && services_lines * 10 >= data_lines * 9) {
    return Rendering::wireshark_services;
  }
  return Rendering::plain_text;
}

ReadOutcome read_registry_text(std::string_view text, std::string_view file, Rendering* sniffed) {
  ReadOutcome outcome;
  const Rendering rendering = sniff_rendering(text);
  if (sniffed != nullptr) *sniffed = rendering;
  switch (rendering) {
    case Rendering::xml:
      outcome = read_xml_registry(text, file);
      break;
    case Rendering::csv:
      outcome = read_csv_registry(text, file);
      break;
    case Rendering::pipe_table:
      outcome = read_pipe_table_registry(text, file);
      break;
    case Rendering::plain_text:
      outcome = read_plain_text_registry(text, file);
      break;
    case Rendering::wireshark_services:
      outcome = read_wireshark_services(text, file);
      break;
  }
  if (outcome.ok) {
    outcome.snapshot.file = std::string(file);
    outcome.snapshot.sha256 = sha256_hex(text);
  }
  return outcome;
}

ReadOutcome read_registry_file(const std::string& path, Rendering* sniffed) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  if (in) bytes << in.rdbuf();
  if (!in) {
    ReadOutcome failed;
    failed.error = path + ":0: cannot read the file";
    return failed;
  }
  return read_registry_text(bytes.str(), path, sniffed);
}

}  // namespace pclassify::gen
