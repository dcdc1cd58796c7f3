// The four registry readers. Each parses the whole text of one file into a snapshot, or
// fails with a message "FILE:LINE: what is wrong" and no records.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "registry_record.h"

namespace pclassify::gen {

struct ReadOutcome {
  bool ok = false;
  RegistrySnapshot snapshot;  // valid when ok
  std::string error;          // "FILE:LINE: message" when !ok
  // "FILE:LINE: message" for what was read but deserves a look, e.g. an excerpt that ends
  // inside its records table (cut off) or has no "Last Updated" date. Empty when clean.
  std::vector<std::string> warnings;
};

ReadOutcome read_xml_registry(std::string_view text, std::string_view file);         // xml_reader.cpp
ReadOutcome read_csv_registry(std::string_view text, std::string_view file);         // csv_reader.cpp
ReadOutcome read_pipe_table_registry(std::string_view text, std::string_view file);  // pipe_table_reader.cpp
ReadOutcome read_plain_text_registry(std::string_view text, std::string_view file);  // plain_text_reader.cpp

}  // namespace pclassify::gen
