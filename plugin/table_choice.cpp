#include "table_choice.h"

namespace pclassify::plugin {

TableChoice compiled_in_table() {
  // The compiled-in table lives for the whole process: share it without owning it.
  return {std::shared_ptr<const ServiceTable>(std::shared_ptr<const ServiceTable>{},
                                              &ServiceTable::builtin()),
          "compiled-in"};
}

TableChoice choose_table(const std::string& path, std::string& error) {
  error.clear();
  if (path.empty()) return compiled_in_table();
  std::string load_error;
  std::unique_ptr<ServiceTable> loaded = ServiceTable::load_file(path, load_error);
  if (!loaded) {
    error = "cannot use the service table file \"" + path + "\": " +
            (load_error.empty() ? std::string("unknown error") : load_error);
    return compiled_in_table();
  }
  return {std::shared_ptr<const ServiceTable>(std::move(loaded)), path};
}

}  // namespace pclassify::plugin
