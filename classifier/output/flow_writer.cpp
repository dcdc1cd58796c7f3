#include "output/flow_writer.h"

#include "output/format_writers.h"

namespace pclassify::output {

std::optional<OutputFormat> output_format_from_name(std::string_view name) {
  if (name == "table" || name == "text") return OutputFormat::table;
  if (name == "json" || name == "jsonl" || name == "ndjson") return OutputFormat::json;
  if (name == "csv") return OutputFormat::csv;
  if (name == "zeek" || name == "tsv") return OutputFormat::zeek;
  return std::nullopt;
}

std::unique_ptr<FlowWriter> make_flow_writer(OutputFormat format, std::FILE* out,
                                             const TableLayout& layout) {
  switch (format) {
    case OutputFormat::table: return make_table_writer(out, layout);
    case OutputFormat::json: return make_json_writer(out);
    case OutputFormat::csv: return make_csv_writer(out);
    case OutputFormat::zeek: return make_zeek_writer(out);
  }
  return nullptr;
}

}  // namespace pclassify::output
