// The parts of an IANA registry rendering around its tables, shared by the pipe-table
// and plain-text readers: the "Last Updated" date in the header and the title of the
// "Contact Information" section.
//
// Pipe renderings write the header as bullets ("- Last Updated" / "- 2025-10-30"), plain
// text as bare lines ("Last Updated" / "2025-07-22").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "readers.h"
#include "text_lines.h"

namespace pclassify::gen {

// "- Last Updated" -> "Last Updated"; "-" -> ""; other lines trimmed.
std::string_view strip_header_bullet(std::string_view line);

struct LastUpdatedSearch {
  bool found = false;
  std::string date;   // YYYY-MM-DD when found
  int line = 0;       // of the date, or of the title when the date is bad
  std::string error;  // the message (no FILE:LINE prefix) when the title has no date
};

// Looks for the title "Last Updated" among lines[0..end) and takes the next non-empty
// line as its date, which must be YYYY-MM-DD. Not found -> found = false, no error.
LastUpdatedSearch find_last_updated(const std::vector<TextLine>& lines, size_t end);

// A problem in a rendering: its line and the message (no FILE:LINE prefix).
struct RenderingError {
  int line = 0;
  std::string message;
};

// What every rendering gets before its records are read: binary data is refused (named
// as `rendering`, e.g. "pipe-table"), a UTF-8 byte order mark on the first line dropped.
std::optional<RenderingError> prepare_rendering_text(std::string_view text,
                                                     std::vector<TextLine>& lines,
                                                     std::string_view rendering);

// Sets outcome.snapshot.last_updated from the "Last Updated" header before line index
// `table_start`. A rendering without one only gets a warning (a merge cannot order it);
// a title with a bad date is an error.
std::optional<RenderingError> read_last_updated(const std::vector<TextLine>& lines,
                                                size_t table_start, std::string_view file,
                                                ReadOutcome& outcome);

// "Contact Information" (trimmed, any case), the title before the people table.
bool is_contact_section_title(std::string_view line);

}  // namespace pclassify::gen
