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

// The file's bytes, or nullopt when it cannot be opened (callers GTEST_SKIP()).
inline std::optional<std::string> read_whole_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace pclassify::gen::test
