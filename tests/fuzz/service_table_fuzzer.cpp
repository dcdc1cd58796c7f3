// Fuzz target: the service table loader (ServiceTable::load), the same code that reads
// the built-in table and a `--table FILE` given at run time, then every query on what
// it loaded, and the labels and notes made from its records (the notes parse record text:
// unauthorized-use sentences, de-assignment notes).
//
// Input: the table text (services/TABLE_FORMAT.md).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_input.h"
#include "label/label.h"
#include "label/unauthorized_use.h"
#include "services/service_table.h"

namespace {
std::span<const uint8_t> text_bytes(std::string_view text) {
  return {reinterpret_cast<const uint8_t*>(text.data()), text.size()};
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace pclassify;
  constexpr std::string_view kOrigin = "fuzz.table";
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::string error;
  const auto table = ServiceTable::load(text, kOrigin, error);
  if (!table) {
    fuzz::check(error.starts_with(std::string(kOrigin) + ":"),
                "a loader error not of the form ORIGIN:LINE: ...");
    return 0;
  }
  for (int t = 0; t < kTransportCount; ++t) {
    const auto transport = static_cast<Transport>(t);
    // The ports a small table can mention, the edges of the range classes, and the top.
    for (const int port_number : {0, 1, 7, 22, 80, 443, 1023, 1024, 4621, 49151, 49152, 65535}) {
      const auto port = static_cast<uint16_t>(port_number);
      for (const ServiceRecord* record : table->lookup(transport, port)) {
        fuzz::check(record != nullptr, "a null record in a lookup");
        fuzz::check(!record->has_port || (record->port_lo <= port && port <= record->port_hi),
                    "lookup returned a record whose range does not cover the port");
        fuzz::check(record->source < table->sources().size(), "a record from no source");
        // Records point into the table's storage: read them through so ASan checks it.
        fuzz::touch(text_bytes(record->name));
        fuzz::touch(text_bytes(record->description));
        unauthorized_use_concerns_port(*record, port);
        if (!record->name.empty()) {
          fuzz::check(!table->find_name(record->name).empty(), "a looked-up name not found");
        }
      }
      // The port as a server, against a client in the dynamic range, with and without a
      // handshake (which changes the rule that decides the server side).
      for (const bool handshake : {false, true}) {
        const Label label = label_flow(FlowEnds{transport, 50000, port, handshake}, *table);
        fuzz::check(!label.notes.empty(), "a label without the registry's caveat note");
      }
    }
  }
  fuzz::check(!format_table_sources(*table).empty(), "no provenance text for a loaded table");
  return 0;
}
