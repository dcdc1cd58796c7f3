// The readable flow table: aligned columns fitted to the terminal width. Names (addresses,
// ports, services) are never cut; when the line is too long, the description and notes
// columns are shortened and end in an ellipsis. Rows are kept until finish() because the
// column widths depend on every row.
#include <algorithm>
#include <array>
#include <vector>

#include "output/format_writers.h"
#include "output/text_encoding.h"

namespace pclassify::output {
namespace {

enum Column : size_t { proto, client, server, service, payload, packets, bytes, basis,
                       description, notes, column_count };
constexpr std::array<std::string_view, column_count> kHeaders = {
    "PROTO", "CLIENT",      "SERVER", "SERVICE", "PAYLOAD", "PACKETS", "BYTES", "BASIS",
    "DESCRIPTION", "NOTES"};
constexpr std::array<bool, column_count> kRightAligned = {false, false, false, false, false,
                                                          true,  true,  false, false, false};
constexpr size_t kGap = 2;           // spaces between columns
constexpr size_t kMinTextWidth = 8;  // the shortest a shortened column gets

// The payload verdict in a few characters: "ok:tls" (confirmed), "WRONG:tls"
// (contradicted), "?:tls" (recognised, but no verdict), "?" (nothing recognised), "-"
// (no verdict for this flow; the column is hidden when no flow has one).
std::string payload_cell(const std::optional<PayloadVerdict>& verdict) {
  if (!verdict) return "-";
  std::string prefix;
  switch (verdict->verdict) {
    case Verdict::confirmed: prefix = "ok"; break;
    case Verdict::contradicted: prefix = "WRONG"; break;
    case Verdict::unknown: prefix = "?"; break;
  }
  if (verdict->protocol.empty()) return prefix;
  return prefix + ":" + std::string(verdict->protocol);
}

class TableWriter final : public FlowWriter {
 public:
  TableWriter(std::FILE* out, const TableLayout& layout) : FlowWriter(out), layout_(layout) {}

  void write(const FlowReport& r) override {
    const Label& label = *r.label;
    any_payload_ |= r.payload.has_value();
    rows_.push_back({std::string(transport_name(r.transport)),
                     endpoint_text(r.client_ip, r.client_port),
                     endpoint_text(r.server_ip, r.server_port), service_or_status(label),
                     payload_cell(r.payload),
                     std::to_string(r.packets()), std::to_string(r.bytes()),
                     std::string(server_basis_name(label.basis)),
                     std::string(label.description()), notable_note_codes(label)});
  }

  void finish() override {
    const auto widths = column_widths();
    append_row(headers(), widths);
    for (const Row& row : rows_) {
      append_row(row, widths);
      flush_if_large();
    }
    if (rows_.empty()) buffer_ += "(no flows)\n";
    flush();
  }

 private:
  using Row = std::array<std::string, column_count>;

  static Row headers() {
    Row row;
    for (size_t c = 0; c < column_count; ++c) row[c] = std::string(kHeaders[c]);
    return row;
  }

  std::array<size_t, column_count> column_widths() const {
    std::array<size_t, column_count> widths{};
    for (size_t c = 0; c < column_count; ++c) widths[c] = kHeaders[c].size();
    for (const Row& row : rows_) {
      for (size_t c = 0; c < column_count; ++c) {
        widths[c] = std::max(widths[c], display_width(row[c]));
      }
    }
    // Everything before the description is fixed; the last two columns share the rest.
    size_t fixed = 0;
    for (size_t c = 0; c < description; ++c) {
      if (shown(static_cast<Column>(c))) fixed += widths[c] + kGap;
    }
    const size_t room = layout_.width > fixed + kGap ? layout_.width - fixed - kGap : 0;
    if (widths[description] + widths[notes] <= room) return widths;
    // Notes get up to a third, the description the rest; neither below kMinTextWidth
    // (then the line overflows rather than show nothing).
    size_t notes_width = std::min(widths[notes], std::max(room / 3, kMinTextWidth));
    size_t description_width = room > notes_width ? room - notes_width : 0;
    if (description_width > widths[description]) {
      notes_width += description_width - widths[description];
      description_width = widths[description];
    }
    widths[description] = std::max(description_width, kMinTextWidth);
    widths[notes] = std::max(std::min(notes_width, widths[notes]), std::min(widths[notes], kMinTextWidth));
    return widths;
  }

  // `text` cut to `width` columns, ending in an ellipsis when cut.
  std::string fitted(const std::string& text, size_t width) const {
    if (display_width(text) <= width) return text;
    const std::string_view ellipsis = layout_.unicode_ellipsis ? "…" : "...";
    const size_t ellipsis_width = layout_.unicode_ellipsis ? 1 : 3;
    if (width <= ellipsis_width) return std::string(prefix_of_width(text, width));
    return std::string(prefix_of_width(text, width - ellipsis_width)) + std::string(ellipsis);
  }

  void append_row(const Row& row, const std::array<size_t, column_count>& widths) {
    std::string line;
    bool first = true;
    for (size_t c = 0; c < column_count; ++c) {
      if (!shown(static_cast<Column>(c))) continue;
      const bool cuttable = c == description || c == notes;
      std::string cut;
      std::string_view cell = row[c];
      if (cuttable) cell = cut = fitted(row[c], widths[c]);
      const size_t cell_width = display_width(cell);
      const size_t pad = widths[c] > cell_width ? widths[c] - cell_width : 0;
      if (!first) line.append(kGap, ' ');
      first = false;
      if (kRightAligned[c]) line.append(pad, ' ');
      line += cell;
      if (!kRightAligned[c] && c + 1 < column_count) line.append(pad, ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    buffer_ += line;
    buffer_ += '\n';
  }

  // The PAYLOAD column is left out when no flow has a verdict (--no-verify).
  bool shown(Column c) const { return c != payload || any_payload_; }

  TableLayout layout_;
  std::vector<Row> rows_;
  bool any_payload_ = false;
};

}  // namespace

std::unique_ptr<FlowWriter> make_table_writer(std::FILE* out, const TableLayout& layout) {
  return std::make_unique<TableWriter>(out, layout);
}

}  // namespace pclassify::output
