// Internal to output/: the constructors of the four writers (one file each).
#pragma once

#include "output/flow_writer.h"

namespace pclassify::output {

std::unique_ptr<FlowWriter> make_table_writer(std::FILE* out, const TableLayout& layout);
std::unique_ptr<FlowWriter> make_json_writer(std::FILE* out);
std::unique_ptr<FlowWriter> make_csv_writer(std::FILE* out);
std::unique_ptr<FlowWriter> make_zeek_writer(std::FILE* out);

// The pclassify-specific part of a label as JSON members (no braces): service,
// description, basis, range, status, registrations, notes. Shared by the JSON writer and
// `--lookup -o json`.
void append_label_json_members(std::string& out, const Label& label);

}  // namespace pclassify::output
