// The one model every registry reader produces (XML, CSV, pipe table, plain text).
//
// Values are normalised so that the same registry entry read from any rendering compares
// equal: whitespace runs folded to one space and trimmed, person ids and references
// without brackets, lists in registry order.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pclassify::gen {

// Where a record (or an error) came from, for messages of the form file:line.
struct SourceLocation {
  std::string file;
  int line = 0;
};

struct PortRange {
  uint16_t lo = 0;
  uint16_t hi = 0;  // equal to lo for a single port
  bool operator==(const PortRange&) const = default;
};

struct RegistryRecord {
  std::string name;                      // empty for Reserved/Unassigned rows
  std::optional<PortRange> ports;        // absent for name-only (DNS-SD) records
  std::string protocol;                  // "tcp", "udp", "sctp", "dccp" or empty
  std::string description;               // "Reserved" and "Unassigned" kept as written
  std::vector<std::string> assignees;    // person/organisation ids, no brackets
  std::vector<std::string> contacts;     // person ids, no brackets
  std::string registered;                // YYYY-MM or YYYY-MM-DD, or empty
  std::string modified;                  // YYYY-MM or YYYY-MM-DD, or empty
  std::vector<std::string> references;   // e.g. "RFC6335", no brackets
  std::string service_code;              // DCCP service code, decimal
  std::string unauthorized_use;          // IANA's words, e.g. "Unauthorized Use Known on port 796"
  std::string assignment_notes;

  SourceLocation origin;  // not part of equality: the same entry from two files is equal

  bool same_entry_as(const RegistryRecord& other) const;  // all fields but origin
};

// One row of a rendering's "Contact Information" table (or the XML's <people>).
struct Contact {
  std::string id;  // no brackets
  std::string name;
  std::string organization;
  std::string uri;
  std::string updated;
  bool operator==(const Contact&) const = default;
};

// Everything one input file yields.
struct RegistrySnapshot {
  std::string file;
  std::string last_updated;  // the rendering's "Last Updated" date, YYYY-MM-DD
  std::string sha256;        // of the file's bytes, for provenance
  bool claims_full_registry = false;  // e.g. the official XML/CSV, not an excerpt
  std::vector<RegistryRecord> records;
  std::vector<Contact> contacts;
};

}  // namespace pclassify::gen
