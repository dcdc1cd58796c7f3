// `--lookup`: what the service table says for a port or a name, exactly as label_flow
// would label a flow whose server uses that port.
#pragma once

#include <cstdio>
#include <string>

#include "output/flow_writer.h"
#include "services/service_table.h"

namespace pclassify::cli {

// Prints the answer for `query` ("443/tcp", "443" for every transport, or a service name)
// to `out` as text or, with OutputFormat::json, one JSON object per (port, transport).
// Returns false (and sets `error`) when the query is neither a port nor a known name.
bool print_lookup(const std::string& query, const ServiceTable& table, output::OutputFormat format,
                  std::FILE* out, std::string& error);

}  // namespace pclassify::cli
