// Small project-made registry snapshots for the gen tests.
#pragma once

#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "read_registry_file.h"
#include "registry_record.h"

namespace pclassify::gen::testing {

inline RegistryRecord port_record(std::string name, uint16_t lo, uint16_t hi, std::string protocol,
                                  std::string description, int line = 1) {
  RegistryRecord r;
  r.name = std::move(name);
  r.ports = PortRange{lo, hi};
  r.protocol = std::move(protocol);
  r.description = std::move(description);
  r.origin = {"made.txt", line};
  return r;
}

inline RegistryRecord name_only(std::string name, std::string description) {
  RegistryRecord r;
  r.name = std::move(name);
  r.description = std::move(description);
  r.origin = {"made.txt", 1};
  return r;
}

inline RegistrySnapshot snapshot(std::string file, std::string date,
                                 std::vector<RegistryRecord> records, bool full = false) {
  RegistrySnapshot s;
  s.file = std::move(file);
  s.last_updated = std::move(date);
  s.sha256 = "sha-of-" + s.file;
  s.claims_full_registry = full;
  s.records = std::move(records);
  return s;
}

// The official registry XMLs: 2026-08-17's is the one committed in registry/ (every clone
// has it); 2025-06-18's, the state the seeds show, is in ../shared/registry.
inline const std::string kNewXml = PCLASSIFY_EMBEDDED_REGISTRY;
inline const std::string kOldXml =
    std::string(PCLASSIFY_SHARED_DIR) + "/registry/service-names-port-numbers-2025-06-18.xml";

// An official XML registry, read once per test binary; nullptr when the file is absent
// (the caller skips). Fails the test if a file does not read.
inline const RegistrySnapshot* real_registry(const std::string& path) {
  static std::map<std::string, RegistrySnapshot> cache;
  if (auto it = cache.find(path); it != cache.end()) return &it->second;
  if (!std::filesystem::exists(path)) return nullptr;
  ReadOutcome outcome = read_registry_file(path);
  if (!outcome.ok) throw std::runtime_error(outcome.error);
  return &cache.emplace(path, std::move(outcome.snapshot)).first->second;
}


// Qualified: the macro is used outside this namespace.
#define SKIP_WITHOUT(snapshot_ptr)                           \
  if ((snapshot_ptr) == nullptr)                             \
  GTEST_SKIP() << "no " << ::pclassify::gen::testing::kOldXml \
               << " (the older official registry, in ../shared)"

}  // namespace pclassify::gen::testing
