// Fuzz target: the reader of Wireshark's `services` file, the built-in table's last-resort
// input (gen/wireshark_services_reader.h).
//
// Input: the whole text of one services file. Checks as for the registry readers.
#include <cstddef>
#include <cstdint>

#include "registry_reader_target.h"
#include "wireshark_services_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return pclassify::fuzz::run_registry_reader(pclassify::gen::read_wireshark_services, data,
                                              size);
}
