#include "record_status.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace pclassify::gen {
namespace {

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

// Where `needle` (lower case) first occurs in `text` at or after `from`, ignoring case;
// npos when it does not. No allocation: this runs over every record's notes.
size_t find_ci(std::string_view text, std::string_view needle, size_t from = 0) {
  if (needle.size() > text.size()) return std::string_view::npos;
  for (size_t i = from; i + needle.size() <= text.size(); ++i) {
    size_t k = 0;
    while (k < needle.size() && lower(text[i + k]) == needle[k]) ++k;
    if (k == needle.size()) return i;
  }
  return std::string_view::npos;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The first YYYY-MM-DD in `text`, or "".
std::string first_date(std::string_view text) {
  for (size_t i = 0; i + 10 <= text.size(); ++i) {
    const std::string_view s = text.substr(i, 10);
    bool ok = s[4] == '-' && s[7] == '-';
    for (size_t k : {0, 1, 2, 3, 5, 6, 8, 9}) ok = ok && is_digit(s[k]);
    if (ok) return std::string(s);
  }
  return {};
}

// The text after `marker` (found case-insensitively in `notes`) up to the first of
// `stops` (also case-insensitive), trimmed; "" when the marker is absent.
std::string text_after(std::string_view notes, std::string_view marker,
                       std::initializer_list<std::string_view> stops) {
  const size_t at = find_ci(notes, marker);
  if (at == std::string_view::npos) return {};
  const size_t start = at + marker.size();
  size_t end = notes.size();
  for (std::string_view stop : stops) end = std::min(end, find_ci(notes, stop, start));
  std::string_view piece = notes.substr(start, end - start);
  while (!piece.empty() && piece.front() == ' ') piece.remove_prefix(1);
  while (!piece.empty() && (piece.back() == ' ' || piece.back() == ',')) piece.remove_suffix(1);
  return std::string(piece);
}

bool says_deassigned(std::string_view notes) {
  // "removed" covers "being removed", "has been removed", "previously removed",
  // "(Removed 2004-2-6)"; a reserved row's "previously updated" is not a de-assignment.
  static constexpr std::array<std::string_view, 9> kPhrases = {
      "de-assigned", "deassigned",    "historic usage was", "removed",   "previously assigned",
      "released by", "de-registered", "withdrawn",          "deprecated"};
  return std::any_of(kPhrases.begin(), kPhrases.end(), [&](std::string_view p) {
    return find_ci(notes, p) != std::string_view::npos;
  });
}

std::string former_name_in(std::string_view notes) {
  if (auto n = text_after(notes, "historic usage was ", {".", ";"}); !n.empty()) return n;
  if (auto n = text_after(notes, "previously assigned to ", {" but ", ".", ";"}); !n.empty()) {
    return n;
  }
  // "De-assigned on DATE, previously NAME by [Person]"
  if (auto n = text_after(notes, ", previously ", {" by ", ".", ";", ","}); !n.empty()) return n;
  return {};
}

}  // namespace

std::string_view record_status_name(RecordStatus s) {
  switch (s) {
    case RecordStatus::assigned:
      return "assigned";
    case RecordStatus::reserved:
      return "reserved";
    case RecordStatus::unassigned:
      return "unassigned";
    case RecordStatus::deassigned:
      return "deassigned";
  }
  return "?";
}

RecordMeaning record_meaning(const RegistryRecord& r) {
  RecordMeaning m;
  if (!r.name.empty()) {
    m.status = RecordStatus::assigned;
    m.alias_of = text_after(r.assignment_notes, "this entry is an alias to \"", {"\""});
    if (m.alias_of.empty()) {
      m.alias_of = text_after(r.assignment_notes, "this is a duplicate of the \"", {"\""});
    }
    return m;
  }
  if (says_deassigned(r.assignment_notes)) {
    m.status = RecordStatus::deassigned;
    m.former_name = former_name_in(r.assignment_notes);
    m.status_date = first_date(r.assignment_notes);
    if (m.status_date.empty()) m.status_date = r.modified;
    return m;
  }
  m.status = find_ci(r.description, "unassigned") != std::string_view::npos
                 ? RecordStatus::unassigned
                 : RecordStatus::reserved;
  return m;
}

}  // namespace pclassify::gen
