// Test helpers for the pipe-table and plain-text readers: the shared seeds and the
// 2025-06-18 XML they were rendered from (read once by the XML reader).
#pragma once

#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include "readers.h"

namespace pclassify::gen::test {

inline std::string shared_path(const std::string& relative) {
  return std::string(PCLASSIFY_SHARED_DIR) + "/" + relative;
}

// The file's bytes, or nullopt when it cannot be opened (callers GTEST_SKIP()).
inline std::optional<std::string> read_file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// The XML state the seeds show, read once; nullopt when /work/shared is absent.
inline const std::optional<ReadOutcome>& seed_state_xml() {
  static const std::optional<ReadOutcome> outcome = []() -> std::optional<ReadOutcome> {
    const std::string path = shared_path("registry/service-names-port-numbers-2025-06-18.xml");
    std::optional<std::string> bytes = read_file_bytes(path);
    if (!bytes) return std::nullopt;
    return read_xml_registry(*bytes, path);
  }();
  return outcome;
}

}  // namespace pclassify::gen::test
