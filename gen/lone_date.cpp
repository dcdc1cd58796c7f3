#include "lone_date.h"

#include <map>
#include <tuple>

namespace pclassify::gen {
namespace {

constexpr uint16_t kLastSystemPort = 1023;

// name, port_lo, port_hi (-1 without ports), protocol.
using EntryKey = std::tuple<std::string, int, int, std::string>;

EntryKey key_of(const RegistryRecord& r) {
  return {r.name, r.ports ? r.ports->lo : -1, r.ports ? r.ports->hi : -1, r.protocol};
}

bool has_lone_date(const RegistryRecord& r) {
  return r.registered.empty() != r.modified.empty();
}

}  // namespace

void guess_lone_date_column(RegistryRecord& record) {
  if (record.registered.empty() || !record.modified.empty()) return;
  const bool month_only = record.registered.size() == 7;  // "YYYY-MM"
  if (month_only) return;                                   // rule a
  const bool unnamed = record.name.empty();                 // rule b
  const bool nobody = record.assignees.empty() && record.contacts.empty();  // rule c
  const bool system_port = record.ports && record.ports->lo <= kLastSystemPort;  // rule d
  if (unnamed || nobody || system_port) {
    record.modified = std::move(record.registered);
    record.registered.clear();
  }
}

size_t adopt_reference_dates(RegistrySnapshot& excerpt, const RegistrySnapshot& reference) {
  std::multimap<EntryKey, const RegistryRecord*> index;
  for (const RegistryRecord& r : reference.records) {
    if (has_lone_date(r)) index.emplace(key_of(r), &r);
  }
  size_t changed = 0;
  for (RegistryRecord& record : excerpt.records) {
    if (!has_lone_date(record)) continue;
    const std::string& date = record.registered.empty() ? record.modified : record.registered;
    const auto [first, last] = index.equal_range(key_of(record));
    for (auto it = first; it != last; ++it) {
      const RegistryRecord& known = *it->second;
      if (!record.registered.empty() && known.modified == date) {
        record.modified = std::move(record.registered);
        record.registered.clear();
        ++changed;
        break;
      }
      if (!record.modified.empty() && known.registered == date) {
        record.registered = std::move(record.modified);
        record.modified.clear();
        ++changed;
        break;
      }
    }
  }
  return changed;
}

}  // namespace pclassify::gen
