// Turns the cells of one rendered row into a RegistryRecord by what each cell holds.
//
// Shared by the pipe-table reader (cells between '|') and the plain-text reader (word
// runs cut at recognisable fields). Empty cells carry no information and are skipped: the
// renderings push them to the end of a pipe row, and plain text drops them. The
// non-empty cells keep the registry's column order, so each cell goes to the first column
// at or after the previous cell's column that accepts its content:
//
//   Service Name        the first cell, unless it is a port or range (Reserved/Unassigned)
//   Port Number         digits or digits-digits, in range (else an error)
//   Transport Protocol  tcp, udp, sctp, dccp (any case)
//   Description         text that opens no note and no unauthorized-use report
//   Assignee, Contact   bracket lists of person ids: the first list, then the second
//   Registration Date,  YYYY-MM or YYYY-MM-DD: the first date, then the second; a lone
//   Modification Date   date is ambiguous: guess_lone_date_column() (lone_date.h)
//   Reference           bracket lists of references ([RFC6335], [draft-...])
//   Service Code        digits, after the description (DCCP service codes)
//   Unauthorized Use    text opening with an unauthorized-use phrase, or text that opens
//                       no note and is followed by another text cell (then the notes)
//   Assignment Notes    text; further text cells after it were split off by a literal '|'
//                       inside the note and are joined back with " | "
#pragma once

#include <string>
#include <vector>

#include "registry_record.h"

namespace pclassify::gen {

struct RowCell {
  std::string text;  // as read; folded and trimmed by the assembler
  int line = 0;      // where the cell starts, for errors
};

struct AssembledRecord {
  bool ok = false;
  RegistryRecord record;  // origin = file and the line of the first cell
  std::string error;      // "FILE:LINE: message" when !ok
};

AssembledRecord assemble_record(const std::vector<RowCell>& cells, const std::string& file);

}  // namespace pclassify::gen
