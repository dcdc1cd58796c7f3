// Shared by the four registry-reader fuzz targets: run one reader over the input as the
// whole text of a file, and check the contract of gen/readers.h.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_input.h"
#include "readers.h"

namespace pclassify::fuzz {

inline constexpr std::string_view kFuzzFileName = "fuzz.txt";

// "FILE:LINE: message", with LINE a positive decimal number.
inline bool is_file_line_message(std::string_view message) {
  if (!message.starts_with(kFuzzFileName)) return false;
  message.remove_prefix(kFuzzFileName.size());
  if (message.empty() || message[0] != ':') return false;
  message.remove_prefix(1);
  size_t digits = 0;
  while (digits < message.size() && message[digits] >= '0' && message[digits] <= '9') ++digits;
  return digits > 0 && message[0] != '0' && message.substr(digits).starts_with(": ");
}

using RegistryReader = gen::ReadOutcome (*)(std::string_view text, std::string_view file);

inline int run_registry_reader(RegistryReader reader, const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const gen::ReadOutcome outcome = reader(text, kFuzzFileName);
  if (!outcome.ok) {
    check(is_file_line_message(outcome.error), "a reader error not of the form FILE:LINE: ...");
    check(outcome.snapshot.records.empty(), "a failed read that still returns records");
  }
  for (const std::string& warning : outcome.warnings) {
    check(is_file_line_message(warning), "a reader warning not of the form FILE:LINE: ...");
  }
  for (const gen::RegistryRecord& record : outcome.snapshot.records) {
    check(record.origin.line >= 1, "a record without the line it came from");
    if (record.ports) check(record.ports->lo <= record.ports->hi, "a port range with lo > hi");
  }
  return 0;
}

}  // namespace pclassify::fuzz
