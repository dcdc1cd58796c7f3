// Lookups over a loaded table: a direct index of 4 x 65536 (transport, port) slots into
// one array of record pointers, so lookup() is two loads and no search.
#include <algorithm>
#include <cctype>
#include <numeric>

#include "services/service_table_impl.h"

namespace pclassify {
namespace {

constexpr size_t kPorts = 65536;
constexpr size_t kSlots = kTransportCount * kPorts;

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
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
  std::stable_sort(slot.begin(), slot.end(), [](const ServiceRecord* a, const ServiceRecord* b) {
    return status_rank(a->status) < status_rank(b->status);
  });
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
  // Port index: count per slot, prefix sums, fill in table order, then order each slot.
  slot_start.assign(kSlots + 1, 0);
  for (const ServiceRecord& r : records) for_each_slot(r, [&](size_t s) { ++slot_start[s + 1]; });
  std::partial_sum(slot_start.begin(), slot_start.end(), slot_start.begin());
  by_port.assign(slot_start.back(), nullptr);
  std::vector<uint32_t> fill(slot_start.begin(), slot_start.end() - 1);
  for (const ServiceRecord& r : records)
    for_each_slot(r, [&](size_t s) { by_port[fill[s]++] = &r; });
  for (size_t s = 0; s < kSlots; ++s) {
    if (slot_start[s + 1] - slot_start[s] > 1) {
      order_slot(std::span(by_port).subspan(slot_start[s], slot_start[s + 1] - slot_start[s]));
    }
  }

  // Name index: records with a name, grouped by lower-case name, in table order.
  std::vector<std::pair<std::string, const ServiceRecord*>> named;
  for (const ServiceRecord& r : records) {
    if (!r.name.empty()) named.emplace_back(lower(r.name), &r);
  }
  std::stable_sort(named.begin(), named.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  by_name.clear();
  name_ranges.clear();
  for (size_t i = 0; i < named.size(); ++i) {
    auto& range = name_ranges[named[i].first];
    if (range.second == 0) range.first = static_cast<uint32_t>(i);
    range.second = static_cast<uint32_t>(i + 1);
    by_name.push_back(named[i].second);
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
