// The command line, tcpdump/tshark style: input files as arguments or `-r FILE`, `-c COUNT`,
// `-q`, `-n`, and a trailing BPF filter expression of one or more words.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "io/flow_writer.h"

namespace pclassify::cli {

struct Options {
  std::vector<std::string> inputs;   // "-" is standard input
  std::string filter;                // BPF expression; empty = none
  uint64_t max_packets = 0;          // -c; 0 = no limit
  io::OutputFormat format = io::OutputFormat::table;
  bool quiet = false;                // -q: no summary, no progress bar
  std::string table_file;            // --table FILE
  std::vector<std::string> lookups;  // --lookup ARG
  bool help = false;
  bool version = false;
  bool registry_info = false;
};

// Parses argv. On error returns false with `error` set (without the program name).
bool parse_options(int argc, char** argv, Options& options, std::string& error);

// The --help text.
const char* usage_text();

}  // namespace pclassify::cli
