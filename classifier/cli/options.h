// The command line, tcpdump/tshark style: input files as arguments or `-r FILE`, `-c COUNT`,
// `-q`, `-n`, and a trailing BPF filter expression of one or more words.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "cli/live_options.h"
#include "output/flow_writer.h"

namespace pclassify::cli {

struct Options {
  std::vector<std::string> inputs;   // "-" is standard input
  std::string filter;                // BPF expression; empty = none
  uint64_t max_packets = 0;          // -c; 0 = no limit
  output::OutputFormat format = output::OutputFormat::table;
  bool quiet = false;                // -q: no summary, no progress bar
  std::string table_file;            // --table FILE
  std::vector<std::string> lookups;  // --lookup ARG
  bool help = false;
  bool version = false;
  bool registry_info = false;

  // Payload verification and triage (docs/pclassify.md, "Payload verification", "Triage").
  bool verify = true;                 // --no-verify turns payload sampling off
  bool triage = false;                // --triage: rank the flows worth a second look
  std::string policy_file;            // --policy FILE: the site policy for --triage

  // Live capture and annotated output (docs/pclassify.md, "Live capture").
  std::string interface;              // -i IFACE: capture live instead of reading files
  bool list_interfaces = false;       // -D
  bool promiscuous = false;           // --promisc (off by default)
  double duration_seconds = 0;        // -a duration:N, --duration N; 0 = no limit
  uint64_t max_flows = 0;             // --max-flows N; 0 = the live default (1,000,000)
  IdleTimeoutOverrides idle_timeouts; // --idle-timeout [PROTO:]SECONDS
  std::string write_file;             // -w FILE: the packets as annotated pcapng
};

// Parses argv. On error returns false with `error` set (without the program name).
bool parse_options(int argc, char** argv, Options& options, std::string& error);

// The --help text.
const char* usage_text();

}  // namespace pclassify::cli
