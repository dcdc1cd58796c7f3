// The inside of a ServiceTable, shared by the loader (table_loader.cpp) and the lookups
// (service_table.cpp). Not part of the public API.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "services/service_table.h"

namespace pclassify {

// What the loader fills in (a namespace-level type: the parser in table_loader.cpp may
// not name the private ServiceTable::Impl).
struct TableData {
  std::string text;  // the table's bytes: every string_view of `records` points into it
  std::vector<ServiceRecord> records;
  std::vector<TableSource> sources;
};

struct ServiceTable::Impl : TableData {
  // Port index: the records of slot (transport * 65536 + port) are
  // by_port[slot_start[slot] .. slot_start[slot + 1]), in lookup order.
  std::vector<const ServiceRecord*> by_port;
  std::vector<uint32_t> slot_start;

  // Name index: lower-case name -> [begin, end) in by_name, in table order. The keys
  // point into `text` (names without capitals) or into lower_names.
  std::vector<const ServiceRecord*> by_name;
  std::unordered_map<std::string_view, std::pair<uint32_t, uint32_t>> name_ranges;
  std::string lower_names;  // lower-case copies of the names with capitals

  // Builds both indexes from `records`; call once, after `records` is complete.
  void build_indexes();
};

}  // namespace pclassify
