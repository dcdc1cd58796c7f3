#include "output/row_fields.h"

namespace pclassify::output {

std::string registration_names(const Label& label, char separator) {
  std::string out;
  for (const ServiceRecord* record : label.registrations) {
    if (record->name.empty()) continue;
    if (!out.empty()) out += separator;
    out += record->name;
  }
  return out;
}

std::string note_codes(const Label& label, char separator) {
  std::string out;
  for (const Note& note : label.notes) {
    if (!out.empty()) out += separator;
    out += note_code_name(note.code);
  }
  return out;
}

}  // namespace pclassify::output
