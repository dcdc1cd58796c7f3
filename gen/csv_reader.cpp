// Reads IANA's official CSV (service-names-port-numbers.csv).
//
// Format: RFC 4180. Rows end with CRLF or LF; a field that starts with '"' is quoted and
// may hold commas, line breaks and doubled quotes (""); after its closing quote comes a
// comma or the end of the row. A quote inside an unquoted field is an error (IANA's
// generator always quotes such fields). Completely empty lines are skipped. A UTF-8 byte
// order mark before the header is ignored.
//
// The first row must be IANA's header (csv_writer.h, kIanaCsvHeader), exactly; every row
// must have its 12 fields. Field mapping, values folded with fold_whitespace():
//   Service Name, Description, Service Code, Unauthorized Use Reported, Assignment Notes
//                                  -> the same-named fields, as written
//   Port Number                    -> ports ("N" or "LO-HI"; empty -> none)
//   Transport Protocol             -> protocol, lower case (empty allowed)
//   Assignee, Contact, Reference   -> lists: "[Jon_Postel][IESG]" -> {"Jon_Postel","IESG"};
//                                     text outside brackets ("n/a") is kept as one item,
//                                     so a reference IANA prints without brackets survives
//   Registration/Modification Date -> registered / modified (YYYY-MM or YYYY-MM-DD)
// Snapshot: claims_full_registry = true (the header is the official one); last_updated is
// the YYYY-MM-DD in the file name if there is one (IANA's CSV has no "Last Updated" row),
// else ""; contacts stay empty (the CSV has no contact table).
//
// Errors, "FILE:LINE: ...": unterminated quote (LINE = where the quote opened), text after
// a closing quote, quote inside an unquoted field, missing or unknown header, wrong number
// of fields, bad port, protocol or date (LINE = where the row starts).
#include <optional>
#include <string>
#include <vector>

#include "csv_writer.h"
#include "readers.h"
#include "rendering_columns.h"
#include "text_normalize.h"

namespace pclassify::gen {
namespace {

constexpr size_t kColumnCount = kRecordColumnCount;

struct CsvRow {
  int line = 0;  // where the row starts
  std::vector<std::string> fields;
};

// Splits RFC 4180 text into rows. Either all rows, or the first error.
class CsvTokenizer {
 public:
  CsvTokenizer(std::string_view text, std::string_view file) : text_(text), file_(file) {}

  // The next row, nullopt at the end of input or on error (then error() is set).
  std::optional<CsvRow> next_row();
  const std::string& error() const { return error_; }

 private:
  bool at_end() const { return pos_ >= text_.size(); }
  bool at_line_end() const { return text_[pos_] == '\n' || text_.substr(pos_, 2) == "\r\n"; }
  void skip_line_end();
  bool read_quoted_field(std::string& field);
  bool read_plain_field(std::string& field);
  void fail(int line, const std::string& message) {
    error_ = std::string(file_) + ":" + std::to_string(line) + ": " + message;
  }

  std::string_view text_;
  std::string_view file_;
  size_t pos_ = 0;
  int line_ = 1;
  std::string error_;
};

void CsvTokenizer::skip_line_end() {
  pos_ += text_[pos_] == '\r' ? 2 : 1;
  ++line_;
}

bool CsvTokenizer::read_quoted_field(std::string& field) {
  const int opened_at = line_;
  ++pos_;  // the opening quote
  while (true) {
    if (at_end()) {
      fail(opened_at, "unterminated quoted field (the quote opened here is never closed)");
      return false;
    }
    const char c = text_[pos_];
    if (c == '"') {
      if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
        field += '"';
        pos_ += 2;
        continue;
      }
      ++pos_;  // the closing quote
      if (!at_end() && text_[pos_] != ',' && !at_line_end()) {
        fail(line_, "unexpected character after a closing quote (expected a comma or end of line)");
        return false;
      }
      return true;
    }
    if (c == '\n') ++line_;
    field += c;
    ++pos_;
  }
}

bool CsvTokenizer::read_plain_field(std::string& field) {
  while (!at_end() && text_[pos_] != ',' && !at_line_end()) {
    if (text_[pos_] == '"') {
      fail(line_, "quote inside an unquoted field (quote the whole field and double the quote)");
      return false;
    }
    field += text_[pos_++];
  }
  return true;
}

std::optional<CsvRow> CsvTokenizer::next_row() {
  while (!at_end() && at_line_end()) skip_line_end();  // empty lines
  if (at_end()) return std::nullopt;

  CsvRow row;
  row.line = line_;
  while (true) {
    std::string field;
    const bool ok = (text_[pos_] == '"') ? read_quoted_field(field) : read_plain_field(field);
    if (!ok) return std::nullopt;
    row.fields.push_back(std::move(field));
    if (at_end()) break;
    if (at_line_end()) {
      skip_line_end();
      break;
    }
    ++pos_;          // the comma
    if (at_end()) {  // "a,b," at the end of input: a last, empty field
      row.fields.emplace_back();
      break;
    }
  }
  return row;
}

// The official header's column names, in order.
std::vector<std::string_view> official_columns() {
  std::vector<std::string_view> columns;
  std::string_view rest = kIanaCsvHeader;
  while (true) {
    const size_t comma = rest.find(',');
    columns.push_back(rest.substr(0, comma));
    if (comma == std::string_view::npos) return columns;
    rest.remove_prefix(comma + 1);
  }
}

// Why `fields` is not the official header, or nullopt when it is.
std::optional<std::string> header_mismatch(const std::vector<std::string>& fields) {
  const std::vector<std::string_view> expected = official_columns();
  for (size_t i = 0; i < expected.size(); ++i) {
    if (i >= fields.size()) {
      return "missing column " + std::to_string(i + 1) + " \"" + std::string(expected[i]) + "\"";
    }
    if (fields[i] != expected[i]) {
      return "column " + std::to_string(i + 1) + " is \"" + fields[i] + "\", expected \"" +
             std::string(expected[i]) + "\"";
    }
  }
  if (fields.size() > expected.size()) {
    return "unexpected column " + std::to_string(expected.size() + 1) + " \"" +
           fields[expected.size()] + "\"";
  }
  return std::nullopt;
}

// "[A][B]" -> {A, B}; text outside brackets becomes an item of its own.
std::vector<std::string> split_list_cell(std::string_view cell) {
  std::vector<std::string> items;
  size_t pos = 0;
  while (pos < cell.size()) {
    const size_t open = cell.find('[', pos);
    std::string outside = fold_whitespace(
        cell.substr(pos, open == std::string_view::npos ? std::string_view::npos : open - pos));
    if (!outside.empty()) items.push_back(std::move(outside));
    if (open == std::string_view::npos) break;
    const size_t close = cell.find(']', open + 1);
    if (close == std::string_view::npos) {  // an unclosed bracket: keep the text as it is
      items.push_back(fold_whitespace(cell.substr(open)));
      break;
    }
    std::string inside = fold_whitespace(cell.substr(open + 1, close - open - 1));
    if (!inside.empty()) items.push_back(std::move(inside));
    pos = close + 1;
  }
  return items;
}

// One data row -> a record, or an error message (without the FILE:LINE prefix).
std::optional<std::string> row_to_record(const CsvRow& row, RegistryRecord& record) {
  const auto& f = row.fields;
  record.name = fold_whitespace(f[kName]);

  const std::string port = fold_whitespace(f[kPort]);
  if (!port.empty()) {
    record.ports = parse_port_range(port);
    if (!record.ports) {
      return "invalid port number \"" + port +
             "\" (expected N or LO-HI with 0 <= LO <= HI <= 65535)";
    }
  }
  const std::string protocol = fold_whitespace(f[kProtocol]);
  if (!protocol.empty()) {
    const auto normalized = normalize_protocol(protocol);
    if (!normalized) {
      return "unknown transport protocol \"" + protocol + "\" (expected tcp, udp, sctp or dccp)";
    }
    record.protocol = *normalized;
  }
  record.description = fold_whitespace(f[kDescription]);
  record.assignees = split_list_cell(f[kAssignee]);
  record.contacts = split_list_cell(f[kContact]);
  record.registered = fold_whitespace(f[kRegistered]);
  record.modified = fold_whitespace(f[kModified]);
  for (const std::string* date : {&record.registered, &record.modified}) {
    if (!date->empty() && !is_registry_date(*date)) {
      return "invalid date \"" + *date + "\" (expected YYYY-MM or YYYY-MM-DD)";
    }
  }
  record.references = split_list_cell(f[kReference]);
  record.service_code = fold_whitespace(f[kServiceCode]);
  record.unauthorized_use = fold_whitespace(f[kUnauthorized]);
  record.assignment_notes = fold_whitespace(f[kNotes]);
  return std::nullopt;
}

}  // namespace

ReadOutcome read_csv_registry(std::string_view text, std::string_view file) {
  ReadOutcome outcome;
  const auto fail = [&](int line, const std::string& message) {
    outcome.error = std::string(file) + ":" + std::to_string(line) + ": " + message;
    return outcome;
  };
  const auto tokenizer_failure = [&](const std::string& error) {
    outcome.error = error;
    return outcome;
  };
  constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
  if (text.substr(0, kUtf8Bom.size()) == kUtf8Bom) text.remove_prefix(kUtf8Bom.size());

  CsvTokenizer tokenizer(text, file);
  const std::optional<CsvRow> header = tokenizer.next_row();
  if (!header) {
    if (!tokenizer.error().empty()) return tokenizer_failure(tokenizer.error());
    return fail(
        1, "missing header (the file is empty; expected \"" + std::string(kIanaCsvHeader) + "\")");
  }
  if (const auto mismatch = header_mismatch(header->fields)) {
    return fail(header->line, "not IANA's CSV header: " + *mismatch);
  }

  RegistrySnapshot snapshot;
  snapshot.file = std::string(file);
  snapshot.claims_full_registry = true;
  snapshot.last_updated = date_in_file_name(file);
  while (const std::optional<CsvRow> row = tokenizer.next_row()) {
    if (row->fields.size() != kColumnCount) {
      return fail(row->line, "row has " + std::to_string(row->fields.size()) +
                                 " fields, expected " + std::to_string(kColumnCount));
    }
    RegistryRecord record;
    record.origin = SourceLocation{std::string(file), row->line};
    if (const auto problem = row_to_record(*row, record)) return fail(row->line, *problem);
    snapshot.records.push_back(std::move(record));
  }
  if (!tokenizer.error().empty()) return tokenizer_failure(tokenizer.error());

  outcome.ok = true;
  outcome.snapshot = std::move(snapshot);
  return outcome;
}

}  // namespace pclassify::gen
