#include "registry_record.h"

#include <tuple>

namespace pclassify::gen {

namespace {

// Every field that identifies and describes an entry; origin (file:line) is left out on
// purpose, so the same entry read from two files compares equal.
auto entry_fields(const RegistryRecord& r) {
  return std::tie(r.name, r.ports, r.protocol, r.description, r.assignees, r.contacts, r.registered,
                  r.modified, r.references, r.service_code, r.unauthorized_use, r.assignment_notes);
}

}  // namespace

bool RegistryRecord::same_entry_as(const RegistryRecord& other) const {
  return entry_fields(*this) == entry_fields(other);
}

}  // namespace pclassify::gen
