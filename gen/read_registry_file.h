// Reads one registry file of any rendering: sniffs which one it is and calls its reader
// (readers.h, wireshark_services_reader.h), then records the file's SHA-256.
#pragma once

#include <string>
#include <string_view>

#include "readers.h"

namespace pclassify::gen {

enum class Rendering { xml, csv, pipe_table, plain_text, wireshark_services };
std::string_view rendering_name(Rendering r);

// Decided from the text alone, in this order:
//   xml                 the first non-blank character is '<'
//   csv                 the first non-blank line starts "Service Name,Port Number,"
//   pipe_table          a line holds "Service Name" and "| Port Number" or "Service Name |"
//   wireshark_services  no registry header line, and most of the first 40 lines that are
//                       neither blank nor '#' comments look like "name 80/tcp..."
//   plain_text          anything else (its readers' error messages say what is wrong)
Rendering sniff_rendering(std::string_view text);

// Reads `text` as the rendering it sniffs to; `file` names it in messages and provenance.
// Stores the rendering in `*sniffed` when given.
ReadOutcome read_registry_text(std::string_view text, std::string_view file,
                               Rendering* sniffed = nullptr);

// Reads the file at `path` (an error "PATH:0: cannot read the file" when it cannot).
ReadOutcome read_registry_file(const std::string& path, Rendering* sniffed = nullptr);

}  // namespace pclassify::gen
