// Fuzz target: the registry reader for the official CSV rendering (quoted fields may span lines).
//
// Input: the whole text of one registry file. Checks: no crash, and the contract of
// gen/readers.h (errors and warnings are "FILE:LINE: message"; a failure has no records).
#include <cstddef>
#include <cstdint>

#include "registry_reader_target.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return pclassify::fuzz::run_registry_reader(pclassify::gen::read_csv_registry, data, size);
}
