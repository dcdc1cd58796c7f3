// Reassembles the rows of a pipe table from its lines.
//
// Renderings break long rows across lines, either after a '|' (the next line carries the
// following cells) or inside a cell (the next line continues that cell). A row is
// complete once it holds as many cells as the table has columns and its last line ends
// with '|'. The last row of a table is shorter: the renderer drops its trailing empty
// cells, so it ends at the table's end (a blank line, a section title, end of input).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "record_assembler.h"

namespace pclassify::gen {

struct PipeLine {
  std::vector<std::string> cells;  // the text between the bars, untrimmed
  bool closed = false;             // the line ends with '|' (its last cell is whole)
  bool opened = false;             // the line starts with '|' (its first cell is new)
};

// "| a | b |" (leading_pipe) or "a | b |" -> cells {" a ", " b "}, closed.
PipeLine split_pipe_line(std::string_view line, bool leading_pipe);

// True for a "|---|---|" separator line (only '-', ':', '|' and spaces).
bool is_pipe_separator(std::string_view line);

struct PipeRow {
  std::vector<RowCell> cells;
  int first_line = 0;
  int last_line = 0;
  bool closed = false;
};

// Feed lines; collect finished rows.
class PipeRowCollector {
 public:
  PipeRowCollector(size_t column_count, bool leading_pipe)
      : column_count_(column_count), leading_pipe_(leading_pipe) {}

  // A line holding at least one '|', or text continuing a cell left open.
  void add_line(std::string_view line, int number);
  // True when a row is under way whose last cell is not closed by a '|'.
  bool has_open_cell() const { return pending_ && !pending_->closed; }
  // Ends the row under way (at a blank line, a title, the end of input).
  void finish();
  // Rows finished so far, in order; clears them.
  std::vector<PipeRow> take_rows();
  // The row under way, if any.
  const std::optional<PipeRow>& pending() const { return pending_; }
  // Drops the row under way (cut off at the end of input).
  void drop_pending() { pending_.reset(); }

 private:
  size_t column_count_;
  bool leading_pipe_;
  std::optional<PipeRow> pending_;
  std::vector<PipeRow> rows_;
};

}  // namespace pclassify::gen
