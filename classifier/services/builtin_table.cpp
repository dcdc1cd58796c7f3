// ServiceTable::builtin(): the table compiled into the binary, parsed once (on first use,
// thread-safe through the function-local static) by the same loader as a table file.
#include <cstdio>
#include <cstdlib>

#include "services/builtin_table_data.h"
#include "services/service_table.h"

namespace pclassify {

const ServiceTable& ServiceTable::builtin() {
  static const std::unique_ptr<ServiceTable> table = [] {
    std::string text;
    for (std::string_view chunk : builtin_table_chunks()) text += chunk;
    std::string error;
    std::unique_ptr<ServiceTable> loaded = load(text, "<built-in table>", error);
    if (!loaded) {
      // The build generated this table and pclassify-gen checked its inputs: failing here
      // means the generator and the loader disagree on the format, a build defect.
      std::fprintf(stderr, "pclassify: the built-in service table does not load: %s\n",
                   error.c_str());
      std::abort();
    }
    return loaded;
  }();
  return *table;
}

}  // namespace pclassify
