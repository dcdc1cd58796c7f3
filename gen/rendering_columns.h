// The column titles of the two tables in every rendering of the registry, in order.
#pragma once

#include <array>
#include <string_view>

namespace pclassify::gen {

inline constexpr std::array<std::string_view, 12> kRecordColumnTitles = {
    "Service Name",      "Port Number", "Transport Protocol", "Description",
    "Assignee",          "Contact",     "Registration Date",  "Modification Date",
    "Reference",         "Service Code", "Unauthorized Use Reported", "Assignment Notes"};

// The record table's columns by position, in the order of kRecordColumnTitles (the CSV
// rendering's order too).
enum RecordColumn : int {
  kName,
  kPort,
  kProtocol,
  kDescription,
  kAssignee,
  kContact,
  kRegistered,
  kModified,
  kReference,
  kServiceCode,
  kUnauthorized,
  kNotes,
  kRecordColumnCount,
};
static_assert(kRecordColumnCount == kRecordColumnTitles.size());

inline constexpr std::array<std::string_view, 5> kContactColumnTitles = {
    "ID", "Name", "Organization", "Contact URI", "Last Updated"};

}  // namespace pclassify::gen
