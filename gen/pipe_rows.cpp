#include "pipe_rows.h"

#include "text_lines.h"

namespace pclassify::gen {

PipeLine split_pipe_line(std::string_view line, bool leading_pipe) {
  PipeLine out;
  std::string_view text = trim_line(line);
  out.opened = !text.empty() && text.front() == '|';
  if (leading_pipe && !text.empty() && text.front() == '|') text.remove_prefix(1);
  if (!text.empty() && text.back() == '|') {
    text.remove_suffix(1);
    out.closed = true;
  }
  size_t start = 0;
  while (true) {
    const size_t bar = text.find('|', start);
    if (bar == std::string_view::npos) {
      out.cells.emplace_back(text.substr(start));
      break;
    }
    out.cells.emplace_back(text.substr(start, bar - start));
    start = bar + 1;
  }
  return out;
}

bool is_pipe_separator(std::string_view line) {
  const std::string_view text = trim_line(line);
  if (text.find('|') == std::string_view::npos || text.find('-') == std::string_view::npos) {
    return false;
  }
  return text.find_first_not_of("|-: \t") == std::string_view::npos;
}

void PipeRowCollector::add_line(std::string_view line, int number) {
  if (line.find('|') == std::string_view::npos) {
    // Only called for an open cell: the row was broken inside this cell.
    if (pending_ && !pending_->cells.empty()) {
      pending_->cells.back().text += ' ';
      pending_->cells.back().text += std::string(trim_line(line));
      pending_->last_line = number;
    }
    return;
  }
  PipeLine parsed = split_pipe_line(line, leading_pipe_);
  if (pending_ && pending_->closed &&
      pending_->cells.size() + parsed.cells.size() > column_count_) {
    finish();  // the row under way was a short one; this line starts the next row
  }
  if (!pending_) {
    pending_ = PipeRow{{}, number, number, false};
  } else if (!pending_->closed && !parsed.opened && !pending_->cells.empty() &&
             !parsed.cells.empty()) {
    // Broken inside a cell: the first piece of this line continues it.
    pending_->cells.back().text += ' ';
    pending_->cells.back().text += parsed.cells.front();
    parsed.cells.erase(parsed.cells.begin());
  }
  for (std::string& cell : parsed.cells) pending_->cells.push_back({std::move(cell), number});
  pending_->last_line = number;
  pending_->closed = parsed.closed;
  if (pending_->closed && pending_->cells.size() >= column_count_) finish();
}

void PipeRowCollector::finish() {
  if (pending_) rows_.push_back(std::move(*pending_));
  pending_.reset();
}

std::vector<PipeRow> PipeRowCollector::take_rows() {
  std::vector<PipeRow> rows = std::move(rows_);
  rows_.clear();
  return rows;
}

}  // namespace pclassify::gen
