#include "rendering_header.h"

#include "text_normalize.h"

namespace pclassify::gen {
namespace {

bool equals_ci(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

}  // namespace

std::string_view strip_header_bullet(std::string_view line) {
  std::string_view text = trim_line(line);
  if (!text.empty() && text.front() == '-' && (text.size() == 1 || text[1] == ' ')) {
    text = trim_line(text.substr(1));
  }
  return text;
}

LastUpdatedSearch find_last_updated(const std::vector<TextLine>& lines, size_t end) {
  LastUpdatedSearch search;
  for (size_t i = 0; i < end && i < lines.size(); ++i) {
    if (!equals_ci(strip_header_bullet(lines[i].text), "Last Updated")) continue;
    search.found = true;
    search.line = lines[i].number;
    for (size_t j = i + 1; j < end && j < lines.size(); ++j) {
      const std::string_view value = strip_header_bullet(lines[j].text);
      if (value.empty()) continue;
      search.line = lines[j].number;
      if (value.size() == 10 && is_registry_date(value)) {
        search.date = std::string(value);
      } else {
        search.error = "\"Last Updated\" is followed by \"" + std::string(value) +
                       "\", not a YYYY-MM-DD date";
      }
      return search;
    }
    search.error = "\"Last Updated\" has no date after it";
    return search;
  }
  return search;
}

bool is_contact_section_title(std::string_view line) {
  return equals_ci(trim_line(line), "Contact Information");
}

std::optional<RenderingError> prepare_rendering_text(std::string_view text,
                                                     std::vector<TextLine>& lines,
                                                     std::string_view rendering) {
  if (const std::optional<BinaryByte> binary = find_binary_byte(text)) {
    return RenderingError{binary->line, "binary data (byte " + std::to_string(binary->byte) +
                                            "), not a " + std::string(rendering) +
                                            " rendering"};
  }
  if (!lines.empty() && lines.front().text.substr(0, 3) == "\xEF\xBB\xBF") {
    lines.front().text.remove_prefix(3);  // UTF-8 byte order mark
  }
  return std::nullopt;
}

std::optional<RenderingError> read_last_updated(const std::vector<TextLine>& lines,
                                                size_t table_start, std::string_view file,
                                                ReadOutcome& outcome) {
  const LastUpdatedSearch updated = find_last_updated(lines, table_start);
  if (!updated.error.empty()) return RenderingError{updated.line, updated.error};
  if (updated.found) {
    outcome.snapshot.last_updated = updated.date;
  } else {
    outcome.warnings.push_back(std::string(file) +
                               ":1: no \"Last Updated\" date before the table; the snapshot is "
                               "undated, so a merge cannot order it");
  }
  return std::nullopt;
}

}  // namespace pclassify::gen
