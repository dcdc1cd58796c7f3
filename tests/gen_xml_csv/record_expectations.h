// Test helper: compare a record field by field (readable failures), then with
// same_entry_as (so the equality every merge relies on is exercised too).
#pragma once

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "registry_record.h"

namespace pclassify::gen::test {

inline void expect_same_entry(const RegistryRecord& actual, const RegistryRecord& expected) {
  EXPECT_EQ(actual.name, expected.name);
  EXPECT_EQ(actual.ports.has_value(), expected.ports.has_value());
  if (actual.ports && expected.ports) {
    EXPECT_EQ(actual.ports->lo, expected.ports->lo);
    EXPECT_EQ(actual.ports->hi, expected.ports->hi);
  }
  EXPECT_EQ(actual.protocol, expected.protocol);
  EXPECT_EQ(actual.description, expected.description);
  EXPECT_EQ(actual.assignees, expected.assignees);
  EXPECT_EQ(actual.contacts, expected.contacts);
  EXPECT_EQ(actual.registered, expected.registered);
  EXPECT_EQ(actual.modified, expected.modified);
  EXPECT_EQ(actual.references, expected.references);
  EXPECT_EQ(actual.service_code, expected.service_code);
  EXPECT_EQ(actual.unauthorized_use, expected.unauthorized_use);
  EXPECT_EQ(actual.assignment_notes, expected.assignment_notes);
  EXPECT_TRUE(actual.same_entry_as(expected));
}

// The records with this name, port and protocol (port/protocol may be absent).
inline std::vector<const RegistryRecord*> find_records(const std::vector<RegistryRecord>& records,
                                                       const std::string& name,
                                                       std::optional<PortRange> ports,
                                                       const std::string& protocol) {
  std::vector<const RegistryRecord*> found;
  for (const RegistryRecord& record : records) {
    if (record.name == name && record.ports == ports && record.protocol == protocol) {
      found.push_back(&record);
    }
  }
  return found;
}

}  // namespace pclassify::gen::test
