#include "records_tsv.h"

#include <stdexcept>

namespace pclassify::gen {
namespace {

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ';';
    out += items[i];
  }
  return out;
}

void append_field(std::string& line, const std::string& value, bool first = false) {
  if (breaks_tsv_field(value)) {
    throw std::invalid_argument("records-tsv: a field holds a tab or line break: " + value);
  }
  if (!first) line += '\t';
  line += value;
}

}  // namespace

bool breaks_tsv_field(const std::string& field) {
  return field.find_first_of("\t\r\n") != std::string::npos;
}

std::string record_tsv_line(const RegistryRecord& r) {
  std::string line;
  append_field(line, r.name, true);
  append_field(line, r.ports ? std::to_string(r.ports->lo) : std::string());
  append_field(line, r.ports ? std::to_string(r.ports->hi) : std::string());
  append_field(line, r.protocol);
  append_field(line, r.description);
  append_field(line, join(r.assignees));
  append_field(line, join(r.contacts));
  append_field(line, r.registered);
  append_field(line, r.modified);
  append_field(line, join(r.references));
  append_field(line, r.service_code);
  append_field(line, r.unauthorized_use);
  append_field(line, r.assignment_notes);
  return line;
}

std::string records_tsv(const std::vector<RegistryRecord>& records) {
  std::string out;
  for (const RegistryRecord& r : records) {
    out += record_tsv_line(r);
    out += '\n';
  }
  return out;
}

}  // namespace pclassify::gen
