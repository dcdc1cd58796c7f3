// Test helpers: where the shared registry files are, and reading a file whole.
#pragma once

#include <fstream>
#include <optional>
#include <sstream>
#include <string>

namespace pclassify::gen::test {

inline std::string shared_registry_path(const std::string& name) {
  return std::string(PCLASSIFY_SHARED_DIR) + "/registry/" + name;
}

// The official registry of 2026-08-17, committed in registry/: present in every clone.
inline std::string embedded_registry_path() { return PCLASSIFY_EMBEDDED_REGISTRY; }

// The file's bytes, or nullopt when it cannot be opened (callers GTEST_SKIP()).
inline std::optional<std::string> read_whole_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace pclassify::gen::test
