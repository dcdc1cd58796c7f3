// Reads a plain-text rendering of the registry (the text of IANA's HTML page):
//
//   Last Updated                      <- the snapshot's date, on the next line
//   2025-07-22
//   ...
//   Service Name Port Number Transport Protocol Description Assignee Contact ...
//   netviewdm3 731 tcp IBM NetView DM/6000 receive/tcp [Philippe_Binet] [Philippe_Binet]
//   732-740 Unassigned
//   iclcnet-svinfo 887 tcp ICL coNETion server info
//                                     <- <br/><br/> inside the description
//   IANA assigned this well-formed service name as a replacement for "iclcnet_svinfo".
//   [Bob_Lyon] [Bob_Lyon]
//   ...
//   Contact Information
//
//   ID Name Organization Contact URI Last Updated
//   [IETF_Chair] IETF Chair IETF mailto:chair&ietf.org
//
// Columns are separated by single spaces, like the words inside them, and empty columns
// vanish. Lines are grouped into records by starts_plain_record() and each record's words
// cut into cells by segment_plain_record() (plain_text_fields.h); record_assembler.h then
// gives the cells to columns by content. The contact table is read first: its ids tell
// person references from bracketed description words.
//
// Where one date stands alone, plain text cannot say whether it is the registration or
// the modification date: lone_date.h guesses from the record (right for 96% of such
// records in the XML) and can correct the guess from a reference snapshot.
//
// An excerpt, never the full registry: claims_full_registry = false. Input that ends
// without a "Contact Information" section is reported as cut off (a warning); every
// record read is returned, the last one possibly lacking its trailing fields.

#include <string>
#include <unordered_set>

#include "contact_rows.h"
#include "plain_text_fields.h"
#include "readers.h"
#include "record_assembler.h"
#include "rendering_columns.h"
#include "rendering_header.h"
#include "text_lines.h"
#include "text_normalize.h"

namespace pclassify::gen {
namespace {

template <size_t N>
std::string titles_line(const std::array<std::string_view, N>& titles) {
  std::string joined;
  for (std::string_view title : titles) {
    if (!joined.empty()) joined += ' ';
    joined += title;
  }
  return joined;
}

void append_words(std::string_view line, int number, std::vector<PlainWord>& words) {
  size_t pos = 0;
  while (true) {
    const size_t start = line.find_first_not_of(" \t\f\v", pos);
    if (start == std::string_view::npos) return;
    size_t end = line.find_first_of(" \t\f\v", start);
    if (end == std::string_view::npos) end = line.size();
    words.push_back({line.substr(start, end - start), number});
    pos = end;
  }
}

class PlainTextReader {
 public:
  PlainTextReader(std::string_view text, std::string_view file)
      : text_(text), file_(file), lines_(split_text_lines(text)) {}

  ReadOutcome read();

 private:
  bool fail(int line, const std::string& message) {
    outcome_.error = file_line_prefix(file_, line) + message;
    return false;
  }
  bool find_header();
  bool read_contacts(size_t first);
  bool read_records(size_t end);
  bool emit_record(const std::vector<PlainWord>& words);

  std::string_view text_;
  std::string file_;
  std::vector<TextLine> lines_;
  size_t header_ = 0;  // index of the records table's header line
  std::unordered_set<std::string> people_;
  ReadOutcome outcome_;
};

bool PlainTextReader::find_header() {
  const std::string expected = titles_line(kRecordColumnTitles);
  for (size_t i = 0; i < lines_.size(); ++i) {
    const std::string folded = fold_whitespace(lines_[i].text);
    if (folded == expected) {
      header_ = i;
      return true;
    }
    if (folded.rfind("Service Name Port Number", 0) == 0) {
      return fail(lines_[i].number,
                  "records table header is \"" + folded + "\", expected \"" + expected + "\"");
    }
  }
  return fail(lines_.empty() ? 1 : lines_.back().number,
              "no records table: no header line \"" + expected + "\"");
}

bool PlainTextReader::read_contacts(size_t first) {
  const std::string header = titles_line(kContactColumnTitles);
  bool header_seen = false;
  for (size_t i = first; i < lines_.size(); ++i) {
    const std::string_view line = trim_line(lines_[i].text);
    if (line.empty()) continue;
    if (!header_seen && fold_whitespace(line) == header) {
      header_seen = true;
      continue;
    }
    ContactRow row = contact_from_words(line);
    if (!row.ok) return fail(lines_[i].number, row.error);
    people_.insert(row.contact.id);
    outcome_.snapshot.contacts.push_back(std::move(row.contact));
  }
  return true;
}

bool PlainTextReader::emit_record(const std::vector<PlainWord>& words) {
  if (words.empty()) return true;
  AssembledRecord assembled = assemble_record(segment_plain_record(words, people_), file_);
  if (!assembled.ok) {
    outcome_.error = std::move(assembled.error);
    return false;
  }
  outcome_.snapshot.records.push_back(std::move(assembled.record));
  return true;
}

bool PlainTextReader::read_records(size_t end) {
  std::vector<PlainWord> words;
  PreviousLine previous;
  for (size_t i = header_ + 1; i < end; ++i) {
    const std::string_view raw = lines_[i].text;
    const std::string_view trimmed = trim_line(raw);
    if (trimmed.empty()) {
      previous.blank = true;
      continue;
    }
    if (starts_plain_record(raw, previous)) {
      if (!emit_record(words)) return false;
      words.clear();
    } else if (words.empty()) {
      return fail(lines_[i].number, "expected a record (a service name or a port) but found \"" +
                                        std::string(trimmed.substr(0, 60)) + "\"");
    }
    append_words(trimmed, lines_[i].number, words);
    previous.blank = false;
    previous.ends_with_colon = trimmed.back() == ':';
  }
  return emit_record(words);
}

ReadOutcome PlainTextReader::read() {
  outcome_.snapshot.file = file_;
  outcome_.snapshot.claims_full_registry = false;
  if (const auto problem = prepare_rendering_text(text_, lines_, "plain-text")) {
    fail(problem->line, problem->message);
    return std::move(outcome_);
  }
  if (!find_header()) return std::move(outcome_);
  if (const auto problem = read_last_updated(lines_, header_, file_, outcome_)) {
    fail(problem->line, problem->message);
    return std::move(outcome_);
  }

  size_t contact_title = lines_.size();
  for (size_t i = header_ + 1; i < lines_.size(); ++i) {
    if (is_contact_section_title(lines_[i].text)) {
      contact_title = i;
      break;
    }
  }
  const bool ok = (contact_title == lines_.size() || read_contacts(contact_title + 1)) &&
                  read_records(contact_title);
  if (!ok) {
    outcome_.snapshot.records.clear();
    outcome_.snapshot.contacts.clear();
    return std::move(outcome_);
  }
  if (contact_title == lines_.size()) {
    outcome_.warnings.push_back(
        file_line_prefix(file_, lines_.back().number) +
        "input ends inside the records table, without the \"Contact Information\" section: "
        "the file looks cut off; the last record may lack trailing fields");
  }
  outcome_.ok = true;
  return std::move(outcome_);
}

}  // namespace

ReadOutcome read_plain_text_registry(std::string_view text, std::string_view file) {
  return PlainTextReader(text, file).read();
}

}  // namespace pclassify::gen
