#include "field_recognizers.h"

#include <array>

#include "text_normalize.h"

namespace pclassify::gen {
namespace {

char lower_ascii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_alnum(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool starts_with_ci(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (lower_ascii(text[i]) != lower_ascii(prefix[i])) return false;
  }
  return true;
}

bool starts_with_any_ci(std::string_view text, std::string_view const* phrases, size_t count) {
  for (size_t i = 0; i < count; ++i) {
    if (starts_with_ci(text, phrases[i])) return true;
  }
  return false;
}

bool all_digits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!is_digit(c)) return false;
  }
  return true;
}

// Phrases that open a note. Each is specific enough that no description in the registry
// contains it (checked against both XML files): "This service name is ..." occurs inside a
// RADIUS description, hence the longer "This service name was previously".
constexpr std::array<std::string_view, 16> kNotePhrases = {
    "Defined TXT keys",  "This entry ",        "This service name was previously",
    "New contact added", "Previously assigned", "De-assigned ",
    "De-registered ",    "Historic usage was",  "Formerly was",
    "Possible Conflict", "Potential Conflict",  "Modified:",
    "Subtypes:",         "This port ",          "Not a service",
    "Deprecated ",
};

constexpr std::array<std::string_view, 3> kUnauthorizedPhrases = {
    "Unauthorized ", "Known Unauthorized", "Unofficial use"};

}  // namespace

bool looks_like_port_number(std::string_view text) {
  // "2006-02" is a date: as a range it would run backwards, so no port range is lost.
  if (is_registry_date(text)) return false;
  const size_t dash = text.find('-');
  if (dash == std::string_view::npos) return all_digits(text);
  return all_digits(text.substr(0, dash)) && all_digits(text.substr(dash + 1));
}

bool looks_like_service_name(std::string_view word) {
  if (word.empty() || word.size() > 15 || !is_alnum(word.front())) return false;
  for (char c : word) {
    const bool allowed = is_alnum(c) || c == '-' || c == '_' || c == '/' || c == '.' ||
                         c == '+' || c == '*';
    if (!allowed) return false;
  }
  return true;
}

bool is_reference_item(std::string_view item) {
  if (starts_with_ci(item, "RFC") && item.size() > 3 && (is_digit(item[3]) || item[3] == '-')) {
    return true;
  }
  return starts_with_ci(item, "draft-") || starts_with_ci(item, "http://") ||
         starts_with_ci(item, "https://") || all_digits(item);
}

BracketList classify_bracket_list(std::string_view cell) {
  std::optional<std::vector<std::string>> items = split_bracketed_list(cell);
  if (!items || items->empty()) return {};
  bool all_references = true;
  for (const std::string& item : *items) {
    // A person id or reference never holds a space; "[July 2003]" is description text.
    if (item.find(' ') != std::string::npos) return {};
    all_references = all_references && is_reference_item(item);
  }
  return {all_references ? BracketListKind::kReferences : BracketListKind::kPersons,
          std::move(*items)};
}

bool starts_with_note_phrase(std::string_view text) {
  return starts_with_any_ci(text, kNotePhrases.data(), kNotePhrases.size());
}

bool starts_with_unauthorized_phrase(std::string_view text) {
  return starts_with_any_ci(text, kUnauthorizedPhrases.data(), kUnauthorizedPhrases.size());
}

bool starts_with_description_continuation(std::string_view text) {
  return starts_with_ci(text, "IANA assigned this well-formed service name");
}

bool looks_like_contact_uri(std::string_view word) {
  return starts_with_ci(word, "mailto:") || starts_with_ci(word, "http://") ||
         starts_with_ci(word, "https://");
}

}  // namespace pclassify::gen
