// format_table_sources(): the provenance lines `pclassify --registry-info` prints.
#include "services/service_table.h"

namespace pclassify {

std::string format_table_sources(const ServiceTable& table) {
  std::string out = "service table: " + std::to_string(table.record_count()) + " records from " +
                    std::to_string(table.sources().size()) + " source(s)\n";
  for (const TableSource& s : table.sources()) {
    out += "  " + s.file + "\n";
    out += "    last updated " +
           (s.last_updated.empty() ? std::string("unknown") : s.last_updated) + ", sha256 " +
           s.sha256 + ", " + std::to_string(s.records) + " records\n";
  }
  return out;
}

}  // namespace pclassify
