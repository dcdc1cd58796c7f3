#include "record_assembler.h"

#include <array>
#include <optional>

#include "field_recognizers.h"
#include "lone_date.h"
#include "rendering_columns.h"
#include "text_lines.h"
#include "text_normalize.h"

namespace pclassify::gen {
namespace {

using Column = RecordColumn;
constexpr int kColumnCount = kRecordColumnCount;

enum class CellKind { kPortLike, kProtocol, kPersons, kReferences, kDate, kText };

struct ClassifiedCell {
  std::string text;  // folded
  int line = 0;
  CellKind kind = CellKind::kText;
  BracketList brackets;  // for kPersons / kReferences
};

ClassifiedCell classify(const RowCell& cell) {
  ClassifiedCell out{fold_whitespace(cell.text), cell.line, CellKind::kText, {}};
  if (looks_like_port_number(out.text)) {
    out.kind = CellKind::kPortLike;
  } else if (normalize_protocol(out.text)) {
    out.kind = CellKind::kProtocol;
  } else if (is_registry_date(out.text)) {
    out.kind = CellKind::kDate;
  } else {
    out.brackets = classify_bracket_list(out.text);
    if (out.brackets.kind == BracketListKind::kPersons) out.kind = CellKind::kPersons;
    if (out.brackets.kind == BracketListKind::kReferences) out.kind = CellKind::kReferences;
  }
  return out;
}

bool is_plain_text(const ClassifiedCell& cell, bool unnamed) {
  if (cell.kind != CellKind::kText) return false;
  // A port without a service name is described by a status word ("Reserved",
  // "Unassigned", "De-registered", "Deprecated"), never by a note.
  if (unnamed) return !starts_with_unauthorized_phrase(cell.text);
  return !starts_with_note_phrase(cell.text) && !starts_with_unauthorized_phrase(cell.text);
}

// Whether `column` may hold cells[index]; `first` tells the row's first cell.
bool accepts(Column column, const std::vector<ClassifiedCell>& cells, size_t index,
             bool unnamed) {
  const ClassifiedCell& cell = cells[index];
  switch (column) {
    case kName:
      return index == 0 && cell.kind != CellKind::kPortLike;
    case kPort:
      return cell.kind == CellKind::kPortLike;
    case kProtocol:
      return cell.kind == CellKind::kProtocol;
    case kDescription:
      return is_plain_text(cell, unnamed) || cell.kind == CellKind::kPortLike ||
             cell.kind == CellKind::kProtocol;
    case kAssignee:
    case kContact:
      return cell.kind == CellKind::kPersons;
    case kRegistered:
    case kModified:
      return cell.kind == CellKind::kDate;
    case kReference:
      return cell.kind == CellKind::kReferences;
    case kServiceCode:
      return cell.kind == CellKind::kPortLike && cell.text.find('-') == std::string::npos;
    case kUnauthorized: {
      if (cell.kind != CellKind::kText) return false;
      if (starts_with_unauthorized_phrase(cell.text)) return true;
      if (starts_with_note_phrase(cell.text)) return false;
      for (size_t later = index + 1; later < cells.size(); ++later) {
        if (cells[later].kind == CellKind::kText) return true;
      }
      return false;
    }
    case kNotes:
      return cell.kind == CellKind::kText;
    case kColumnCount:
      break;
  }
  return false;
}

}  // namespace

AssembledRecord assemble_record(const std::vector<RowCell>& raw_cells, const std::string& file) {
  AssembledRecord out;
  std::vector<ClassifiedCell> cells;
  for (const RowCell& raw : raw_cells) {
    ClassifiedCell cell = classify(raw);
    if (!cell.text.empty()) cells.push_back(std::move(cell));
  }
  if (cells.empty()) {
    const int line = raw_cells.empty() ? 0 : raw_cells.front().line;
    out.error = file_line_prefix(file, line) + "empty row";
    return out;
  }
  RegistryRecord& record = out.record;
  record.origin = {file, cells.front().line};
  const bool unnamed = cells.front().kind == CellKind::kPortLike;
  if (!unnamed && !looks_like_service_name(cells.front().text)) {
    out.error = file_line_prefix(file, cells.front().line) + "row starts with \"" +
                cells.front().text + "\", which is neither a service name nor a port number";
    return out;
  }

  int cursor = kName;
  for (size_t i = 0; i < cells.size(); ++i) {
    const ClassifiedCell& cell = cells[i];
    if (cursor > kNotes) {
      // Cells after the notes: a literal '|' inside the note split it (pipe tables).
      if (cell.kind == CellKind::kText || cell.kind == CellKind::kPortLike) {
        record.assignment_notes += " | " + cell.text;
        continue;
      }
    }
    int column = cursor;
    while (column < kColumnCount && !accepts(static_cast<Column>(column), cells, i, unnamed)) {
      ++column;
    }
    if (column >= kColumnCount) {
      out.error = file_line_prefix(file, cell.line) + "cannot tell which column \"" + cell.text +
                  "\" belongs to: it comes after the " +
                  std::string(kRecordColumnTitles[static_cast<size_t>(cursor - 1)]) + " column";
      return out;
    }
    switch (static_cast<Column>(column)) {
      case kName: record.name = cell.text; break;
      case kPort: {
        std::optional<PortRange> ports = parse_port_range(cell.text);
        if (!ports) {
          out.error = file_line_prefix(file, cell.line) + "port number \"" + cell.text +
                      "\" is out of range (0-65535, low-high with low <= high)";
          return out;
        }
        record.ports = *ports;
        break;
      }
      case kProtocol: record.protocol = *normalize_protocol(cell.text); break;
      case kDescription: record.description = cell.text; break;
      case kAssignee: record.assignees = cell.brackets.items; break;
      case kContact: record.contacts = cell.brackets.items; break;
      case kRegistered: record.registered = cell.text; break;
      case kModified: record.modified = cell.text; break;
      case kReference: record.references = cell.brackets.items; break;
      case kServiceCode: record.service_code = cell.text; break;
      case kUnauthorized: record.unauthorized_use = cell.text; break;
      case kNotes: record.assignment_notes = cell.text; break;
      case kColumnCount: break;
    }
    cursor = column + 1;
  }
  guess_lone_date_column(record);  // lone_date.h: which column a lone date is in
  out.ok = true;
  return out;
}

}  // namespace pclassify::gen
