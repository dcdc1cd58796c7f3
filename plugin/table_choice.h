// Which service table the plugin labels with: the one compiled in, or a table file named
// by the `pclassify.table` preference (so a new registry needs no rebuild).
//
// Plain C++ over classifier/: no GLib or epan header here.
#pragma once

#include <memory>
#include <string>

#include "services/service_table.h"

namespace pclassify::plugin {

struct TableChoice {
  // Shared so that a capture context opened with one table keeps it alive while the
  // preference already points at another (labels hold views into the table).
  std::shared_ptr<const ServiceTable> table;
  std::string origin;  // "compiled-in" or the file's path, shown in the packet tree
};

TableChoice compiled_in_table();

// An empty path means the compiled-in table. When the file cannot be loaded, returns the
// compiled-in table and sets `error` to a sentence naming the file and what is wrong.
TableChoice choose_table(const std::string& path, std::string& error);

}  // namespace pclassify::plugin
