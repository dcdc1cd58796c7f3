#include "csv_writer.h"

#include "text_normalize.h"

namespace pclassify::gen {
namespace {

bool needs_quotes(std::string_view field) {
  if (field.empty()) return false;
  if (field.front() == ' ' || field.back() == ' ') return true;
  return field.find_first_of(",\"\r\n") != std::string_view::npos;
}

void append_field(std::string& out, std::string_view field) {
  if (!needs_quotes(field)) {
    out += field;
    return;
  }
  out += '"';
  for (char c : field) {
    if (c == '"') out += '"';  // RFC 4180: a quote inside a quoted field is doubled
    out += c;
  }
  out += '"';
}

}  // namespace

std::string write_csv_registry(const RegistrySnapshot& snapshot) {
  std::string out(kIanaCsvHeader);
  out += "\r\n";
  for (const RegistryRecord& record : snapshot.records) {
    const std::string fields[] = {
        record.name,
        record.ports ? format_port_range(*record.ports) : std::string(),
        record.protocol,
        record.description,
        join_bracketed_list(record.assignees),
        join_bracketed_list(record.contacts),
        record.registered,
        record.modified,
        join_bracketed_list(record.references),
        record.service_code,
        record.unauthorized_use,
        record.assignment_notes,
    };
    bool first = true;
    for (const std::string& field : fields) {
      if (!first) out += ',';
      first = false;
      append_field(out, field);
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace pclassify::gen
