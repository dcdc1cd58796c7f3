#include "field_values.h"

#include <string_view>
#include <type_traits>
#include <vector>

#include "label/label.h"
#include "net/transport.h"
#include "services/service_table.h"
#include "verify/payload_verdict.h"

namespace pclassify::plugin {
namespace {

// Wireshark keeps pointers to the list and its strings for the life of the process, so
// both are allocated once and never freed (g_strndup: registry names are string_views).
const value_string* finish(std::vector<value_string> entries) {
  entries.push_back({0, nullptr});  // the terminator value_string users expect
  auto* list = new value_string[entries.size()];
  for (size_t i = 0; i < entries.size(); ++i) list[i] = entries[i];
  return list;
}

void append(std::vector<value_string>& entries, uint32_t value, std::string_view name) {
  entries.push_back({value, g_strndup(name.data(), name.size())});
}

// The values of a classifier enum: 0, 1, 2, ... until the name function gives the name
// it gives for a value outside the enum (each enum is contiguous from 0, and each name
// function ends with such a fallback). A value added to the enum is thus picked up.
template <typename Enum, typename NameOf>
void append_enum(std::vector<value_string>& entries, NameOf name_of) {
  using Underlying = std::underlying_type_t<Enum>;
  constexpr auto kOutside = static_cast<Underlying>(~Underlying{0});
  const std::string_view fallback = name_of(static_cast<Enum>(kOutside));
  for (Underlying value = 0; value < kOutside; ++value) {
    const std::string_view name = name_of(static_cast<Enum>(value));
    if (value > 0 && name == fallback) break;
    append(entries, value, name);
  }
}

template <typename Enum, typename NameOf>
const value_string* enum_values(NameOf name_of) {
  std::vector<value_string> entries;
  append_enum<Enum>(entries, name_of);
  return finish(std::move(entries));
}

FieldValues build() {
  FieldValues values{};
  values.transport = enum_values<Transport>(transport_name);
  values.direction = finish({{static_cast<uint32_t>(Direction::to_server), "to_server"},
                             {static_cast<uint32_t>(Direction::to_client), "to_client"}});
  values.basis = enum_values<ServerBasis>(server_basis_name);
  values.range = enum_values<RangeClass>(range_class_name);
  values.status = enum_values<ServiceStatus>(service_status_name);
  std::vector<value_string> verdicts;
  append_enum<Verdict>(verdicts, verdict_name);
  verdicts.push_back({kVerdictNotChecked, "not_checked"});
  values.verdict = finish(std::move(verdicts));
  return values;
}

}  // namespace

const FieldValues& field_values() {
  static const FieldValues values = build();
  return values;
}

}  // namespace pclassify::plugin
