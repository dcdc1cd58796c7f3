// The IANA service table: every registry record for a (transport, port), primary first.
//
// One loader serves both the table compiled into the binary and a table file given at
// run time (`--table FILE`), so a registry update needs no rebuild. The format is written
// by gen/ (see services/TABLE_FORMAT.md).
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "net/transport.h"

namespace pclassify {

// RFC 6335 section 6: 0-1023 system, 1024-49151 user, 49152-65535 dynamic/private.
enum class RangeClass : uint8_t { system, user, dynamic };
std::string_view range_class_name(RangeClass r);
constexpr RangeClass range_class_of(uint16_t port) {
  return port < 1024 ? RangeClass::system : port < 49152 ? RangeClass::user : RangeClass::dynamic;
}

enum class ServiceStatus : uint8_t {
  assigned,    // a service name is registered on this port
  reserved,    // IANA marks the port Reserved (no name)
  unassigned,  // in an Unassigned row or range, or absent from the registry
  deassigned,  // formerly assigned; the notes say when and what it was
};
std::string_view service_status_name(ServiceStatus s);

// One registry record as the classifier sees it. Strings point into the table's storage
// and live as long as the ServiceTable.
struct ServiceRecord {
  std::string_view name;  // empty for Reserved/Unassigned
  std::string_view description;
  uint16_t port_lo = 0;
  uint16_t port_hi = 0;
  bool has_port = false;       // false for name-only (DNS-SD) records
  bool has_transport = false;  // false for rows that cover every transport (ranges)
  Transport transport = Transport::tcp;
  ServiceStatus status = ServiceStatus::assigned;
  bool is_alias = false;       // "This entry is an alias to ..." / historic name
  std::string_view alias_of;   // the name it is an alias of, when is_alias
  std::string_view assignees;  // ';'-joined ids
  std::string_view contacts;   // ';'-joined ids
  std::string_view registered;
  std::string_view modified;
  std::string_view references;  // ';'-joined
  std::string_view service_code;
  std::string_view unauthorized_use;
  std::string_view assignment_notes;
  // De-assigned rows: the former name (or description, as the note gives it) and the date
  // of the de-assignment, when the registry's note states them.
  std::string_view former_name;
  std::string_view status_date;
  uint32_t source = 0;  // index into ServiceTable::sources(): where it came from
};

// One input the table was compiled from.
struct TableSource {
  std::string file;
  std::string last_updated;  // "" when the input had no date (Wireshark's services file)
  std::string sha256;
  size_t records = 0;  // records of the table that come from this input
};

class ServiceTable {
 public:
  // Parses a table in the text format gen/ emits. On failure returns nullptr and sets
  // `error` to "ORIGIN:LINE: what is wrong".
  static std::unique_ptr<ServiceTable> load(std::string_view bytes, std::string_view origin,
                                            std::string& error);
  static std::unique_ptr<ServiceTable> load_file(const std::string& path, std::string& error);

  // The table compiled into this binary.
  static const ServiceTable& builtin();

  // Every record that covers (transport, port): assigned names first (primary, then
  // aliases and other services in registry order), then Reserved/Unassigned rows and the
  // range that contains the port. Empty when the registry says nothing. O(1).
  std::span<const ServiceRecord* const> lookup(Transport t, uint16_t port) const;

  // Every record registered under `name` (case-insensitive, as IANA's names are).
  std::span<const ServiceRecord* const> find_name(std::string_view name) const;

  std::span<const TableSource> sources() const;
  size_t record_count() const;

  ~ServiceTable();
  ServiceTable(const ServiceTable&) = delete;
  ServiceTable& operator=(const ServiceTable&) = delete;

 private:
  ServiceTable();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The table's provenance for `--registry-info`: record count, then each source with its
// date, SHA-256 and record count, one line each, ending with a newline.
std::string format_table_sources(const ServiceTable& table);

}  // namespace pclassify
