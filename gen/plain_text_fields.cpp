#include "plain_text_fields.h"

#include "field_recognizers.h"
#include "text_lines.h"
#include "text_normalize.h"

namespace pclassify::gen {
namespace {

// Longest phrase checked at a word: "This service name was previously" is five words.
constexpr size_t kPhraseWords = 6;

std::string words_from(const std::vector<PlainWord>& words, size_t first, size_t count) {
  std::string joined;
  for (size_t i = first; i < words.size() && i < first + count; ++i) {
    if (!joined.empty()) joined += ' ';
    joined += words[i].text;
  }
  return joined;
}

bool opens_note(const std::vector<PlainWord>& words, size_t at) {
  return starts_with_note_phrase(words_from(words, at, kPhraseWords));
}

bool opens_unauthorized(const std::vector<PlainWord>& words, size_t at) {
  return starts_with_unauthorized_phrase(words_from(words, at, kPhraseWords));
}

// A bracket list that is a field of its own: references, or person ids (inside the
// description only ids of the contact table count, when the file has one).
bool is_bracket_field(std::string_view word, const std::unordered_set<std::string>& people,
                      bool in_description) {
  const BracketList list = classify_bracket_list(word);
  if (list.kind == BracketListKind::kReferences) return true;
  if (list.kind != BracketListKind::kPersons) return false;
  if (!in_description || people.empty()) return true;
  for (const std::string& id : list.items) {
    if (people.count(id) == 0) return false;
  }
  return true;
}

bool is_digits(std::string_view word) {
  return !word.empty() && word.find_first_not_of("0123456789") == std::string_view::npos;
}

std::vector<std::string_view> first_words(std::string_view line, size_t count) {
  std::vector<std::string_view> words;
  size_t pos = 0;
  while (words.size() < count) {
    const size_t start = line.find_first_not_of(" \t", pos);
    if (start == std::string_view::npos) break;
    size_t end = line.find_first_of(" \t", start);
    if (end == std::string_view::npos) end = line.size();
    words.push_back(line.substr(start, end - start));
    pos = end;
  }
  return words;
}

}  // namespace

bool starts_plain_record(std::string_view line, const PreviousLine& previous) {
  if (line.empty() || line.front() == ' ' || line.front() == '\t') return false;
  const std::vector<std::string_view> words = first_words(line, 2);
  if (words.empty()) return false;
  if (looks_like_port_number(words[0])) return true;
  const std::string_view text = trim_line(line);
  if (starts_with_note_phrase(text) || starts_with_unauthorized_phrase(text) ||
      starts_with_description_continuation(text) || is_registry_date(words[0]) ||
      !looks_like_service_name(words[0])) {
    return false;
  }
  if (words.size() > 1 && (looks_like_port_number(words[1]) || normalize_protocol(words[1]))) {
    return true;
  }
  return !previous.blank && !previous.ends_with_colon;
}

std::vector<RowCell> segment_plain_record(const std::vector<PlainWord>& words,
                                          const std::unordered_set<std::string>& people) {
  std::vector<RowCell> cells;
  if (words.empty()) return cells;
  auto run_cell = [&](size_t begin, size_t end) {
    if (begin >= end) return;
    cells.push_back({words_from(words, begin, end - begin), words[begin].line});
  };

  const bool unnamed = looks_like_port_number(words[0].text);
  run_cell(0, 1);  // the service name, or the port of a Reserved/Unassigned row
  size_t i = 1;
  if (!unnamed && i < words.size() && looks_like_port_number(words[i].text)) {
    run_cell(i, i + 1);
    ++i;
  }
  if (i < words.size() && normalize_protocol(words[i].text)) {
    run_cell(i, i + 1);
    ++i;
  }

  // The description: up to the first field that can only follow it. A port without a
  // service name is described by a status word ("Reserved", "De-registered"), so its
  // first word never opens a note.
  const size_t description_start = i;
  while (i < words.size()) {
    const std::string_view word = words[i].text;
    const bool may_open_note = !(unnamed && i == description_start);
    if (is_bracket_field(word, people, true) || is_registry_date(word) ||
        (may_open_note && opens_note(words, i)) || opens_unauthorized(words, i)) {
      break;
    }
    ++i;
  }
  run_cell(description_start, i);

  // Fields of one word each, in column order, until the free text of the last columns.
  while (i < words.size()) {
    const std::string_view word = words[i].text;
    if (!is_bracket_field(word, people, false) && !is_registry_date(word) && !is_digits(word)) {
      break;
    }
    run_cell(i, i + 1);
    ++i;
  }
  if (i < words.size() && opens_unauthorized(words, i)) {
    const size_t start = i++;
    while (i < words.size() && !opens_note(words, i)) ++i;
    run_cell(start, i);
  }
  run_cell(i, words.size());  // the assignment note
  return cells;
}

}  // namespace pclassify::gen
