// Reads a pipe-table rendering of the registry (as copied from IANA's HTML page):
//
//   - Last Updated                    <- header bullets; the date is the snapshot's date
//   - 2025-10-30
//   ...
//   | Service Name | Port Number | ... | Assignment Notes |     <- leading '|' optional
//   |---|---|...|
//   | piranha2 | 4601 | udp | Piranha2 | [Primark_Corporation] | [Primark_Corporation] | ||||||
//   ...
//   Contact Information
//   | ID | Name | Organization | Contact URI | Last Updated |
//   |---|---|---|---|---|
//   | [Alexander_Graef] | Alexander Graef | mailto:alex&graef.cc | 2004-11 | |
//
// Rows are reassembled by pipe_rows.h (rows broken across lines, short last rows) and
// their cells given to columns by content (record_assembler.h): empty cells are pushed
// to the end of a row, so a cell's position does not tell its column.
//
// An excerpt, never the full registry: claims_full_registry = false.
//
// Input that ends inside the records table (no "Contact Information" section) is cut
// off: the complete rows before the cut are returned with a warning. A last row ending
// with '|' was cut between cells, so every cell it has is whole and it is kept (the
// renderer drops a table's trailing empty cells the same way); a last row ending inside
// a cell is dropped, with a warning.

#include <string>

#include "contact_rows.h"
#include "pipe_rows.h"
#include "readers.h"
#include "record_assembler.h"
#include "rendering_columns.h"
#include "rendering_header.h"
#include "text_lines.h"
#include "text_normalize.h"

namespace pclassify::gen {
namespace {

template <size_t N>
std::string joined_titles(const std::array<std::string_view, N>& titles) {
  std::string joined;
  for (std::string_view title : titles) {
    if (!joined.empty()) joined += " | ";
    joined += title;
  }
  return joined;
}

// Checks a header row against the expected titles; "" when it matches, else the message.
template <size_t N>
std::string header_mismatch(std::string_view line, const std::array<std::string_view, N>& titles) {
  const PipeLine parsed = split_pipe_line(line, true);
  std::vector<std::string> cells;
  for (const std::string& cell : parsed.cells) {
    std::string folded = fold_whitespace(cell);
    if (!folded.empty()) cells.push_back(std::move(folded));
  }
  for (size_t i = 0; i < N; ++i) {
    if (i >= cells.size()) {
      return "header row lacks the column \"" + std::string(titles[i]) + "\"";
    }
    if (cells[i] != titles[i]) {
      return "header column " + std::to_string(i + 1) + " is \"" + cells[i] + "\", expected \"" +
             std::string(titles[i]) + "\"";
    }
  }
  if (cells.size() > N) return "header row has an unknown column \"" + cells[N] + "\"";
  return "";
}

class PipeTableReader {
 public:
  PipeTableReader(std::string_view text, std::string_view file)
      : text_(text), file_(file), lines_(split_text_lines(text)) {}

  ReadOutcome read();

 private:
  bool fail(int line, const std::string& message) {
    outcome_.error = file_line_prefix(file_, line) + message;
    return false;
  }
  bool find_records_header();
  bool read_records();
  bool read_contacts();
  bool emit_records(std::vector<PipeRow> rows);
  bool emit_contacts(std::vector<PipeRow> rows);
  void end_of_input(PipeRowCollector& collector, const char* table);

  std::string_view text_;
  std::string file_;
  std::vector<TextLine> lines_;
  size_t next_ = 0;  // index into lines_
  bool leading_pipe_ = true;
  ReadOutcome outcome_;
};

bool PipeTableReader::find_records_header() {
  for (; next_ < lines_.size(); ++next_) {
    const std::string_view line = trim_line(lines_[next_].text);
    if (line.find('|') == std::string_view::npos) continue;
    const std::string mismatch = header_mismatch(line, kRecordColumnTitles);
    if (!mismatch.empty()) {
      const bool looks_like_header = line.find("Service Name") != std::string_view::npos;
      return fail(lines_[next_].number,
                  looks_like_header ? mismatch
                                    : "table row before any header row (expected \"" +
                                          joined_titles(kRecordColumnTitles) + "\")");
    }
    leading_pipe_ = line.front() == '|';
    ++next_;
    if (next_ < lines_.size() && is_pipe_separator(lines_[next_].text)) ++next_;
    return true;
  }
  return fail(lines_.empty() ? 1 : lines_.back().number,
              "no pipe table: no header row \"" + joined_titles(kRecordColumnTitles) + "\"");
}

void PipeTableReader::end_of_input(PipeRowCollector& collector, const char* table) {
  const int last = lines_.empty() ? 1 : lines_.back().number;
  if (collector.has_open_cell()) {
    outcome_.warnings.push_back(file_line_prefix(file_, collector.pending()->first_line) +
                                "the " + table +
                                " row starting here is cut off inside a cell; dropped");
    collector.drop_pending();
  }
  collector.finish();
  if (std::string_view(table) == "records") {
    outcome_.warnings.push_back(
        file_line_prefix(file_, last) +
        "input ends inside the records table, without the \"Contact Information\" section: "
        "the file looks cut off; the last row may lack trailing fields");
  }
}

bool PipeTableReader::read_records() {
  PipeRowCollector collector(kRecordColumnTitles.size(), leading_pipe_);
  for (; next_ < lines_.size(); ++next_) {
    const TextLine& line = lines_[next_];
    const std::string_view trimmed = trim_line(line.text);
    if (is_contact_section_title(trimmed)) {
      collector.finish();
      ++next_;
      return emit_records(collector.take_rows()) && read_contacts();
    }
    if (trimmed.empty()) {
      if (!collector.has_open_cell()) collector.finish();
      continue;
    }
    if (trimmed.find('|') == std::string_view::npos && !collector.has_open_cell()) {
      return fail(line.number, "text inside the records table that is not a row: \"" +
                                   std::string(trimmed.substr(0, 60)) + "\"");
    }
    collector.add_line(trimmed, line.number);
    if (!emit_records(collector.take_rows())) return false;
  }
  end_of_input(collector, "records");
  return emit_records(collector.take_rows());
}

bool PipeTableReader::emit_records(std::vector<PipeRow> rows) {
  for (const PipeRow& row : rows) {
    AssembledRecord assembled = assemble_record(row.cells, file_);
    if (!assembled.ok) {
      outcome_.error = std::move(assembled.error);
      return false;
    }
    outcome_.snapshot.records.push_back(std::move(assembled.record));
  }
  return true;
}

bool PipeTableReader::read_contacts() {
  while (next_ < lines_.size() && trim_line(lines_[next_].text).empty()) ++next_;
  if (next_ >= lines_.size()) return true;  // a title and nothing after it: cut off
  const std::string mismatch = header_mismatch(lines_[next_].text, kContactColumnTitles);
  if (!mismatch.empty()) return fail(lines_[next_].number, "contact table: " + mismatch);
  const bool leading_pipe = trim_line(lines_[next_].text).front() == '|';
  ++next_;
  if (next_ < lines_.size() && is_pipe_separator(lines_[next_].text)) ++next_;

  PipeRowCollector collector(kContactColumnTitles.size(), leading_pipe);
  for (; next_ < lines_.size(); ++next_) {
    const TextLine& line = lines_[next_];
    const std::string_view trimmed = trim_line(line.text);
    if (trimmed.empty()) {
      if (!collector.has_open_cell()) collector.finish();
      continue;
    }
    if (trimmed.find('|') == std::string_view::npos && !collector.has_open_cell()) {
      return fail(line.number, "text inside the contact table that is not a row: \"" +
                                   std::string(trimmed.substr(0, 60)) + "\"");
    }
    collector.add_line(trimmed, line.number);
    if (!emit_contacts(collector.take_rows())) return false;
  }
  end_of_input(collector, "contact");
  return emit_contacts(collector.take_rows());
}

bool PipeTableReader::emit_contacts(std::vector<PipeRow> rows) {
  for (const PipeRow& row : rows) {
    std::vector<std::string> cells;
    for (const RowCell& cell : row.cells) cells.push_back(cell.text);
    ContactRow contact = contact_from_cells(cells);
    if (!contact.ok) return fail(row.first_line, contact.error);
    outcome_.snapshot.contacts.push_back(std::move(contact.contact));
  }
  return true;
}

ReadOutcome PipeTableReader::read() {
  outcome_.snapshot.file = file_;
  outcome_.snapshot.claims_full_registry = false;
  if (const auto problem = prepare_rendering_text(text_, lines_, "pipe-table")) {
    fail(problem->line, problem->message);
    return std::move(outcome_);
  }
  if (!find_records_header()) return std::move(outcome_);
  if (const auto problem = read_last_updated(lines_, next_, file_, outcome_)) {
    fail(problem->line, problem->message);
    return std::move(outcome_);
  }
  if (!read_records()) {
    outcome_.snapshot.records.clear();
    outcome_.snapshot.contacts.clear();
    return std::move(outcome_);
  }
  outcome_.ok = true;
  return std::move(outcome_);
}

}  // namespace

ReadOutcome read_pipe_table_registry(std::string_view text, std::string_view file) {
  return PipeTableReader(text, file).read();
}

}  // namespace pclassify::gen
