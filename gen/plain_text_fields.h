// The two hard parts of the plain-text rendering, where empty columns vanish and a
// record may span several lines:
//   - which lines start a record and which continue the one before;
//   - cutting a record's words into cells for record_assembler.h.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "record_assembler.h"

namespace pclassify::gen {

// What is known about the line before, for starts_plain_record().
struct PreviousLine {
  bool blank = false;            // the line just before is empty
  bool ends_with_colon = false;  // the last non-empty line ends with ':' ("Defined TXT keys:")
};

// A line starts a new record when:
//   - it starts with a port or range ("732-740 Unassigned", "5030 tcp Reserved ..."), or
//   - it starts with a service name followed by a port, range or protocol word;
// it continues the record before when:
//   - it is indented (IANA's multi-line notes keep their indentation), or
//   - it starts with "[", a date, a note or unauthorized-use phrase, or "IANA assigned
//     this well-formed service name" (the <br/><br/> remark inside a description), or
//   - its first word cannot be a service name, or
//   - it follows a blank line (the renderings leave blank lines only where a description
//     or note had <br/><br/>) or a line ending with ':' (a list of TXT keys follows);
// otherwise it starts a record of a service name alone (DNS-SD: "mother Mother script
// server protocol [Jonathan] [Jonathan] Defined TXT keys: user, ssl").
bool starts_plain_record(std::string_view line, const PreviousLine& previous);

struct PlainWord {
  std::string_view text;
  int line = 0;
};

// Words of a record (all its lines) -> cells in column order:
//   the name or port, then the port and protocol if present; the description: words up
//   to the first person list, reference list, date, or note / unauthorized-use phrase;
//   then each bracket list, date and service code alone; then the unauthorized-use text
//   up to a note phrase; then the rest as the note.
// `people` holds the ids of the file's contact table (empty when it has none): a
// bracketed word inside the description that names nobody there is description text
// ("Message Processing Module [recv]").
std::vector<RowCell> segment_plain_record(const std::vector<PlainWord>& words,
                                          const std::unordered_set<std::string>& people);

}  // namespace pclassify::gen
