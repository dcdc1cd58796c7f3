// Writers of the flow list, one per output format: a readable table, JSON lines, CSV and
// a Zeek-style TSV log. Each gets flows one at a time, in flow order.
#pragma once

#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "output/flow_report.h"

namespace pclassify::output {

enum class OutputFormat : uint8_t { table, json, csv, zeek };
std::optional<OutputFormat> output_format_from_name(std::string_view name);

// Layout of the readable table.
struct TableLayout {
  size_t width = 80;          // terminal columns to fit
  bool unicode_ellipsis = false;  // "…" rather than "..." where text is cut
};

class FlowWriter {
 public:
  explicit FlowWriter(std::FILE* out) : out_(out) {}
  virtual ~FlowWriter() = default;
  FlowWriter(const FlowWriter&) = delete;
  FlowWriter& operator=(const FlowWriter&) = delete;

  virtual void begin() {}
  virtual void write(const FlowReport& flow) = 0;
  // Writes what is pending (a table is only written here) and flushes.
  virtual void finish() { flush(); }

  // False once writing to the stream failed.
  bool ok() const { return std::ferror(out_) == 0; }

 protected:
  // Writers append to buffer_; it goes out in large writes.
  void flush_if_large() {
    if (buffer_.size() >= kFlushSize) flush();
  }
  void flush() {
    if (!buffer_.empty()) std::fwrite(buffer_.data(), 1, buffer_.size(), out_);
    buffer_.clear();
    std::fflush(out_);
  }

  static constexpr size_t kFlushSize = size_t{1} << 18;
  std::FILE* out_;
  std::string buffer_;
};

std::unique_ptr<FlowWriter> make_flow_writer(OutputFormat format, std::FILE* out,
                                             const TableLayout& layout);

}  // namespace pclassify::output
