#include "contact_rows.h"

#include <optional>

#include "field_recognizers.h"
#include "text_normalize.h"

namespace pclassify::gen {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_ascii_alnum(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

char lower_ascii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

// Stands in the id's spelling for a non-ASCII letter ("Quiñónez"): it matches any one.
constexpr char kAnyLetter = '\x01';

// The letters and digits an id spells, lower case, without the number IANA appends to
// tell two people of the same name apart ("Bob_Braden_2", "Claus_Broch2").
std::string id_spelling(std::string_view id) {
  std::string spelling;
  for (size_t i = 0; i < id.size(); ++i) {
    const auto byte = static_cast<unsigned char>(id[i]);
    if (byte >= 0x80) {
      while (i + 1 < id.size() && (static_cast<unsigned char>(id[i + 1]) & 0xC0) == 0x80) ++i;
      spelling.push_back(kAnyLetter);
    } else if (is_ascii_alnum(id[i])) {
      spelling.push_back(lower_ascii(id[i]));
    }
  }
  const size_t last_letter = spelling.find_last_not_of("0123456789");
  if (last_letter != std::string::npos) spelling.erase(last_letter + 1);
  return spelling;
}

// Matches `word` against target[pos...]; returns the position after it, or nullopt.
// Punctuation in the word is skipped ("C." spells "c", "Berners-Lee" spells "bernerslee");
// a non-ASCII letter on either side matches any one letter ("Muñoz" spells "munoz"). A
// word running past the end of the target matches too: some ids are cut short.
std::optional<size_t> match_word(std::string_view word, const std::string& target, size_t pos) {
  size_t consumed = 0;
  for (size_t i = 0; i < word.size(); ++i) {
    const auto byte = static_cast<unsigned char>(word[i]);
    const bool letter = byte >= 0x80 || is_ascii_alnum(word[i]);
    if (!letter) continue;
    if (pos == target.size()) return consumed > 0 ? std::optional<size_t>(pos) : std::nullopt;
    if (byte >= 0x80) {
      while (i + 1 < word.size() && (static_cast<unsigned char>(word[i + 1]) & 0xC0) == 0x80) {
        ++i;  // the rest of this UTF-8 sequence
      }
    } else if (target[pos] != kAnyLetter && lower_ascii(word[i]) != target[pos]) {
      return std::nullopt;
    }
    ++pos;
    ++consumed;
  }
  return pos;
}

// How many words from `first` spell the whole target; 0 when they do not.
size_t words_spelling(const std::vector<std::string_view>& words, size_t first,
                      const std::string& target) {
  size_t pos = 0;
  for (size_t i = first; i < words.size(); ++i) {
    const std::optional<size_t> next = match_word(words[i], target, pos);
    if (!next) return 0;
    pos = *next;
    if (pos == target.size()) return i - first + 1;
  }
  return 0;
}

std::string join_words(const std::vector<std::string_view>& words, size_t begin, size_t end) {
  std::string joined;
  for (size_t i = begin; i < end; ++i) {
    if (!joined.empty()) joined += ' ';
    joined += words[i];
  }
  return joined;
}

std::vector<std::string_view> split_words(std::string_view text) {
  std::vector<std::string_view> words;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t start = text.find_first_not_of(" \t\r\n\f\v", pos);
    if (start == std::string_view::npos) break;
    size_t end = text.find_first_of(" \t\r\n\f\v", start);
    if (end == std::string_view::npos) end = text.size();
    words.push_back(text.substr(start, end - start));
    pos = end;
  }
  return words;
}

// The id of a "[Person_Id]" cell or word, or nullopt.
std::optional<std::string> bracketed_id(std::string_view text) {
  std::optional<std::vector<std::string>> items = split_bracketed_list(text);
  if (!items || items->size() != 1) return std::nullopt;
  return (*items)[0];
}

}  // namespace

NameAndOrganization split_name_and_organization(std::string_view id,
                                                const std::vector<std::string_view>& words) {
  const std::string target = id_spelling(id);
  if (target.empty() || words.empty()) return {join_words(words, 0, words.size()), ""};
  if (const size_t count = words_spelling(words, 0, target); count > 0) {
    return {join_words(words, 0, count), join_words(words, count, words.size())};
  }
  for (size_t first = 1; first < words.size(); ++first) {
    if (words_spelling(words, first, target) > 0) {
      return {join_words(words, 0, first), join_words(words, first, words.size())};
    }
  }
  return {join_words(words, 0, words.size()), ""};
}

ContactRow contact_from_cells(const std::vector<std::string>& cells) {
  ContactRow row;
  std::vector<std::string> texts;
  bool have_id = false;
  for (const std::string& raw : cells) {
    const std::string cell = fold_whitespace(raw);
    if (cell.empty()) continue;
    if (!have_id) {
      std::optional<std::string> id = bracketed_id(cell);
      if (!id) {
        row.error = "contact row starts with \"" + cell + "\", not a [Person_Id]";
        return row;
      }
      row.contact.id = std::move(*id);
      have_id = true;
    } else if (row.contact.uri.empty() && looks_like_contact_uri(cell)) {
      row.contact.uri = cell;
    } else if (row.contact.updated.empty() && is_registry_date(cell)) {
      row.contact.updated = cell;
    } else if (texts.size() < 2 && row.contact.uri.empty()) {
      texts.push_back(cell);
    } else {
      row.error = "cannot tell which contact column \"" + cell + "\" belongs to";
      return row;
    }
  }
  if (!have_id) {
    row.error = "empty contact row";
    return row;
  }
  if (!texts.empty()) row.contact.name = texts[0];
  if (texts.size() > 1) row.contact.organization = texts[1];
  row.ok = true;
  return row;
}

ContactRow contact_from_words(std::string_view line) {
  ContactRow row;
  std::vector<std::string_view> words = split_words(line);
  if (words.empty()) {
    row.error = "empty contact row";
    return row;
  }
  std::optional<std::string> id = bracketed_id(words.front());
  if (!id) {
    row.error = "contact row starts with \"" + std::string(words.front()) +
                "\", not a [Person_Id]";
    return row;
  }
  row.contact.id = std::move(*id);
  size_t text_end = words.size();
  if (words.size() > 1 && is_registry_date(words.back())) {
    row.contact.updated = std::string(words.back());
    --text_end;
  }
  for (size_t i = 1; i < text_end; ++i) {
    if (looks_like_contact_uri(words[i])) {
      if (i + 1 != text_end) {
        row.error = "unexpected \"" + std::string(words[i + 1]) + "\" after the contact URI";
        return row;
      }
      row.contact.uri = std::string(words[i]);
      text_end = i;
      break;
    }
  }
  const std::vector<std::string_view> texts(words.begin() + 1, words.begin() + static_cast<std::ptrdiff_t>(text_end));
  NameAndOrganization split = split_name_and_organization(row.contact.id, texts);
  row.contact.name = std::move(split.name);
  row.contact.organization = std::move(split.organization);
  row.ok = true;
  return row;
}

}  // namespace pclassify::gen
