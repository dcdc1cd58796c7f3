// A small service table in the format gen/ emits (services/TABLE_FORMAT.md), built from
// real registry rows so the label rules are tested on the shapes IANA actually publishes.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "services/service_table.h"

namespace pclassify::testing {

// One `record` line: only the fields the label reads are parameters.
inline std::string record_line(const std::string& name, int lo, int hi, const std::string& proto,
                               const std::string& status, const std::string& description,
                               const std::string& alias_of = "",
                               const std::string& unauthorized = "",
                               const std::string& notes = "") {
  const char* range = lo < 1024 ? "system" : lo < 49152 ? "user" : "dynamic";
  return "record\t0\t" + name + "\t" + std::to_string(lo) + "\t" + std::to_string(hi) + "\t" +
         range + "\t" + proto + "\t" + status + "\t" + alias_of + "\t\t\t" + description +
         "\t\t\t\t\t\t\t" + unauthorized + "\t" + notes + "\n";
}

inline std::unique_ptr<ServiceTable> label_fixture_table() {
  const std::string records =
      record_line("http", 80, 80, "tcp", "assigned", "World Wide Web HTTP") +
      record_line("finger", 79, 79, "tcp", "assigned", "Finger", "",
                  "Unauthorized use by some mail users (see [RFC4146] for details)") +
      record_line("loadav", 750, 750, "udp", "assigned", "") +
      record_line("kerberos-iv", 750, 750, "udp", "assigned", "kerberos version iv") +
      record_line("", 788, 799, "", "unassigned", "Unassigned", "",
                  "Unauthorized Use Known on port 796") +
      record_line("", 1024, 1024, "tcp", "reserved", "Reserved") +
      record_line("", 4705, 4710, "", "unassigned", "Unassigned") +
      record_line("", 5030, 5030, "tcp", "deassigned", "Reserved", "", "",
                  "Historic usage was surfpass. De-Assigned on 2022-01-10") +
      record_line("http-alt", 8080, 8080, "tcp", "assigned", "HTTP Alternate (see port 80)") +
      record_line("EtherNet-IP-2", 44818, 44818, "tcp", "assigned", "EtherNet/IP messaging") +
      record_line("EtherNet/IP-2", 44818, 44818, "tcp", "assigned", "EtherNet/IP messaging",
                  "EtherNet-IP-2");
  std::string text = "pclassify-service-table\t1\nsource\t0\tfixture\t2025-06-18\t-\t11\n" +
                     records + "end\t11\n";
  std::string error;
  auto table = ServiceTable::load(text, "label-fixture", error);
  EXPECT_NE(table, nullptr) << error;
  return table;
}

}  // namespace pclassify::testing
