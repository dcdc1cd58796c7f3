// Lookups over a loaded table: a direct index of 4 x 65536 (transport, port) slots into
// one array of record pointers, so lookup() is two loads and no search.
#include <algorithm>
#include <numeric>

#include "services/service_table_impl.h"

namespace pclassify {
namespace {

constexpr size_t kPorts = 65536;
constexpr size_t kSlots = kTransportCount * kPorts;

// IANA service names are ASCII: lower-casing them needs no locale.
char lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool has_capitals(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower_ascii(c);
  return out;
}

int status_rank(ServiceStatus s) {
  switch (s) {
    case ServiceStatus::assigned:
      return 0;
    case ServiceStatus::deassigned:
      return 1;
    case ServiceStatus::reserved:
      return 2;
    case ServiceStatus::unassigned:
      return 3;
  }
  return 4;
}

// Lookup order within one slot: assigned names first, the primary (first non-alias) at
// the front, then the other assigned records (aliases, other services) in table order;
// then de-assigned, Reserved and Unassigned rows.
void order_slot(std::span<const ServiceRecord*> slot) {
  // A stable insertion sort by status: slots hold a handful of records, and std::stable_sort
  // would allocate a buffer for each of the thousands of slots.
  for (size_t i = 1; i < slot.size(); ++i) {
    const ServiceRecord* moving = slot[i];
    size_t j = i;
    for (; j > 0 && status_rank(slot[j - 1]->status) > status_rank(moving->status); --j) {
      slot[j] = slot[j - 1];
    }
    slot[j] = moving;
  }
  auto first_assigned_end = std::find_if(slot.begin(), slot.end(), [](const ServiceRecord* r) {
    return r->status != ServiceStatus::assigned;
  });
  auto primary = std::find_if(slot.begin(), first_assigned_end,
                              [](const ServiceRecord* r) { return !r->is_alias; });
  if (primary != first_assigned_end) std::rotate(slot.begin(), primary, primary + 1);
}

template <typename Visit>
void for_each_slot(const ServiceRecord& r, Visit visit) {
  if (!r.has_port) return;
  for (int t = 0; t < kTransportCount; ++t) {
    if (r.has_transport && static_cast<int>(r.transport) != t) continue;
    for (uint32_t p = r.port_lo; p <= r.port_hi; ++p) visit(static_cast<size_t>(t) * kPorts + p);
  }
}

}  // namespace

std::string_view range_class_name(RangeClass r) {
  switch (r) {
    case RangeClass::system:
      return "system";
    case RangeClass::user:
      return "user";
    case RangeClass::dynamic:
      return "dynamic";
  }
  return "?";
}

std::string_view service_status_name(ServiceStatus s) {
  switch (s) {
    case ServiceStatus::assigned:
      return "assigned";
    case ServiceStatus::reserved:
      return "reserved";
    case ServiceStatus::unassigned:
      return "unassigned";
    case ServiceStatus::deassigned:
      return "deassigned";
  }
  return "?";
}

void ServiceTable::Impl::build_indexes() {
  // Port index: count per slot, prefix sums (slot_start[s] = the end of slot s), then fill
  // from the back in reverse table order, which leaves each slot in table order and
  // slot_start[s] at its beginning; then order each slot.
  slot_start.assign(kSlots + 1, 0);
  for (const ServiceRecord& r : records) for_each_slot(r, [&](size_t s) { ++slot_start[s]; });
  std::partial_sum(slot_start.begin(), slot_start.end() - 1, slot_start.begin());
  slot_start[kSlots] = slot_start[kSlots - 1];
  by_port.assign(slot_start[kSlots], nullptr);
  for (auto r = records.rbegin(); r != records.rend(); ++r)
    for_each_slot(*r, [&](size_t s) { by_port[--slot_start[s]] = &*r; });
  for (size_t s = 0; s < kSlots; ++s) {
    if (slot_start[s + 1] - slot_start[s] > 1) {
      order_slot(std::span(by_port).subspan(slot_start[s], slot_start[s + 1] - slot_start[s]));
    }
  }

  // Name index: the records of each lower-case name together, in table order. Counted
  // into place (count per name, give each name its range, fill in table order) rather than
  // sorted: one hash lookup per named record, no string copies for the names that are
  // lower-case already (nearly all).
  size_t capitals_length = 0;
  for (const ServiceRecord& r : records) {
    if (has_capitals(r.name)) capitals_length += r.name.size();
  }
  lower_names.clear();
  lower_names.reserve(capitals_length);  // never reallocates below: keys point into it
  name_ranges.clear();
  name_ranges.reserve(records.size());
  std::vector<std::pair<uint32_t, uint32_t>*> range_of_record(records.size(), nullptr);
  for (size_t i = 0; i < records.size(); ++i) {
    std::string_view key = records[i].name;
    if (key.empty()) continue;
    if (has_capitals(key)) {
      const size_t at = lower_names.size();
      for (const char c : key) lower_names += lower_ascii(c);
      key = std::string_view(lower_names).substr(at);
    }
    auto& range = name_ranges[key];
    ++range.second;  // counting, for now
    range_of_record[i] = &range;  // map values stay put (node-based)
  }
  uint32_t next = 0;
  for (auto& [name, range] : name_ranges) {
    const uint32_t count = range.second;
    range = {next, next};  // the end grows to begin + count as the records are filled in
    next += count;
  }
  by_name.assign(next, nullptr);
  for (size_t i = 0; i < records.size(); ++i) {
    if (range_of_record[i] != nullptr) by_name[range_of_record[i]->second++] = &records[i];
  }
}

ServiceTable::ServiceTable() : impl_(std::make_unique<Impl>()) {}
ServiceTable::~ServiceTable() = default;

std::span<const ServiceRecord* const> ServiceTable::lookup(Transport t, uint16_t port) const {
  const size_t slot = static_cast<size_t>(t) * kPorts + port;
  if (slot >= kSlots) return {};  // a Transport value outside the enum
  const uint32_t begin = impl_->slot_start[slot];
  return {impl_->by_port.data() + begin, impl_->slot_start[slot + 1] - begin};
}

std::span<const ServiceRecord* const> ServiceTable::find_name(std::string_view name) const {
  const auto it = impl_->name_ranges.find(lower(name));
  if (it == impl_->name_ranges.end()) return {};
  return {impl_->by_name.data() + it->second.first, it->second.second - it->second.first};
}

std::span<const TableSource> ServiceTable::sources() const { return impl_->sources; }

size_t ServiceTable::record_count() const { return impl_->records.size(); }

}  // namespace pclassify
