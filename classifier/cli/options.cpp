#include "cli/options.h"

#include <sys/stat.h>

#include <charconv>
#include <string_view>

namespace pclassify::cli {
namespace {

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// A positional argument is an input (not the start of a filter expression) when it is
// "-", names an existing file, or looks like a path or a capture file name. The first one
// that does not starts the filter: `pclassify a.pcap b.pcap tcp port 443`.
bool looks_like_input(const std::string& arg) {
  if (arg == "-") return true;
  struct stat info {};
  if (::stat(arg.c_str(), &info) == 0) return true;
  if (arg.find('/') != std::string::npos) return true;
  for (const std::string_view ext : {".pcap", ".pcapng", ".cap", ".dmp", ".pcap.gz"}) {
    if (ends_with(arg, ext)) return true;
  }
  return false;
}

bool parse_count(std::string_view text, uint64_t& value) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && end == text.data() + text.size() && value > 0;
}

}  // namespace

bool parse_options(int argc, char** argv, Options& options, std::string& error) {
  std::vector<std::string> positional;
  bool read_flag_used = false;
  bool options_ended = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (options_ended || arg == "-" || arg.empty() || arg[0] != '-') {
      positional.push_back(arg);
      continue;
    }
    if (arg == "--") {
      options_ended = true;
      continue;
    }
    // An option's value: "-rFILE", "--table=FILE", or the next argument.
    std::string name = arg;
    std::string value;
    bool has_value = false;
    if (arg.rfind("--", 0) == 0) {
      const size_t eq = arg.find('=');
      if (eq != std::string::npos) {
        name = arg.substr(0, eq);
        value = arg.substr(eq + 1);
        has_value = true;
      }
    } else if (arg.size() > 2 && std::string_view("rcoiwa").find(arg[1]) != std::string::npos) {
      name = arg.substr(0, 2);
      value = arg.substr(2);
      has_value = true;
    }
    const auto take_value = [&]() -> bool {
      if (has_value) return true;
      if (i + 1 >= argc) {
        error = "option " + name + " needs a value";
        return false;
      }
      value = argv[++i];
      return true;
    };

    if (name == "-h" || name == "--help") {
      options.help = true;
    } else if (name == "--version" || name == "-v" || name == "-V") {
      options.version = true;
    } else if (name == "--registry-info") {
      options.registry_info = true;
    } else if (name == "-q" || name == "--quiet") {
      options.quiet = true;
    } else if (name == "-n") {
      // Accepted for tcpdump's habit: pclassify never resolves names.
    } else if (name == "-qn" || name == "-nq") {
      options.quiet = true;
    } else if (name == "-r" || name == "--read") {
      if (!take_value()) return false;
      options.inputs.push_back(value);
      read_flag_used = true;
    } else if (name == "-c" || name == "--count") {
      if (!take_value()) return false;
      if (!parse_count(value, options.max_packets)) {
        error = "-c needs a positive packet count, not \"" + value + "\"";
        return false;
      }
    } else if (name == "-o" || name == "--output") {
      if (!take_value()) return false;
      const auto format = output::output_format_from_name(value);
      if (!format) {
        error = "unknown output format \"" + value + "\" (table, json, csv, zeek)";
        return false;
      }
      options.format = *format;
    } else if (name == "--table") {
      if (!take_value()) return false;
      options.table_file = value;
    } else if (name == "--lookup") {
      if (!take_value()) return false;
      options.lookups.push_back(value);
    } else if (name == "--no-verify") {
      options.verify = false;
    } else if (name == "--triage") {
      options.triage = true;
    } else if (name == "--policy") {
      if (!take_value()) return false;
      options.policy_file = value;
    } else if (name == "-i" || name == "--interface") {
      if (!take_value()) return false;
      options.interface = value;
    } else if (name == "-D" || name == "--list-interfaces") {
      options.list_interfaces = true;
    } else if (name == "--promisc") {
      options.promiscuous = true;
    } else if (name == "-a" || name == "--autostop") {
      if (!take_value()) return false;
      if (!parse_autostop(value, options.duration_seconds, options.max_packets, error)) {
        return false;
      }
    } else if (name == "--duration") {
      if (!take_value()) return false;
      if (!parse_seconds(value, options.duration_seconds)) {
        error = "--duration needs a positive number of seconds, not \"" + value + "\"";
        return false;
      }
    } else if (name == "--max-flows") {
      if (!take_value()) return false;
      if (!parse_count(value, options.max_flows)) {
        error = "--max-flows needs a positive flow count, not \"" + value + "\"";
        return false;
      }
    } else if (name == "--idle-timeout") {
      if (!take_value()) return false;
      if (!parse_idle_timeout(value, options.idle_timeouts, error)) return false;
    } else if (name == "-w" || name == "--write") {
      if (!take_value()) return false;
      options.write_file = value;
    } else {
      error = "unknown option " + arg + " (see --help)";
      return false;
    }
  }

  // With -r or -i, every positional word is filter; without, leading inputs come first.
  size_t first_filter_word = 0;
  if (!read_flag_used && options.interface.empty()) {
    while (first_filter_word < positional.size() && looks_like_input(positional[first_filter_word])) {
      options.inputs.push_back(positional[first_filter_word]);
      ++first_filter_word;
    }
  }
  for (size_t i = first_filter_word; i < positional.size(); ++i) {
    if (!options.filter.empty()) options.filter += ' ';
    options.filter += positional[i];
  }
  if (!options.policy_file.empty() && !options.triage) {
    error = "--policy applies to --triage only";
    return false;
  }
  if (options.triage && options.format != output::OutputFormat::table &&
      options.format != output::OutputFormat::json) {
    error = "--triage writes -o table or -o json";
    return false;
  }
  const bool has_mode = options.help || options.version || options.registry_info ||
                        !options.lookups.empty() || options.list_interfaces ||
                        !options.interface.empty();
  if (!options.interface.empty() && !options.inputs.empty()) {
    error = "-i captures live; it cannot be combined with capture files (-r)";
    return false;
  }
  if (!has_mode && options.inputs.empty()) {
    error = options.filter.empty()
                ? "no capture file given (see --help)"
                : "no capture file given; \"" + positional[first_filter_word] +
                      "\" is not a file, so it was read as the start of a filter expression";
    return false;
  }
  return true;
}

const char* usage_text() {
  return R"(Usage: pclassify [OPTIONS] FILE... [FILTER EXPRESSION]
       pclassify [OPTIONS] -r FILE [-r FILE...] [FILTER EXPRESSION]
       pclassify --lookup PORT[/PROTO] | --lookup NAME
Labels the TCP, UDP, SCTP and DCCP flows of pcap/pcapng captures with their IANA service
names, the registry's metadata and notes. FILE "-" reads standard input.

Options:
  -r FILE            read FILE (repeatable); then all other words are the filter
  -c COUNT           stop after COUNT packets (those that pass the filter)
  -o FORMAT          table (default), json (JSON lines), csv, zeek (Zeek TSV log)
  -q                 no summary and no progress bar
  -n                 accepted for tcpdump's habit (names are never resolved)
  --table FILE       use this service table file instead of the compiled-in one
  -w FILE            also write the packets to FILE (pcapng) with the flow labels as
                     packet comments (Wireshark: frame.comment)

Live capture:
  -i IFACE           capture on IFACE (name, or number from -D); prints a line when a flow
                     starts and when it ends; stop with Ctrl-C, -c or a duration
  -D                 list the capture interfaces
  -a duration:SECS   stop after SECS seconds (also --duration SECS; -a packets:N is -c N)
  --promisc          put the interface in promiscuous mode (off by default)
  --max-flows N      keep at most N open flows (default 1000000); evictions are counted
  --idle-timeout [PROTO:]SECS
                     end flows idle this long (0 = never); PROTO tcp, tcp-closed,
                     udp, sctp, dccp; defaults 3600, 30, 120, 3600, 600
  --no-verify        do not look at payloads (no payload verdict; faster, less memory)
  --triage           list only the flows and hosts worth a second look, ranked by score,
                     with their reasons and a summary (-o json: JSON lines)
  --policy FILE      the site policy for --triage: services expected on hosts and ports
  --lookup ARG       show what the table says for 443/tcp, 443 (all transports) or a
                     service name such as https; repeatable; -o json for JSON
  --registry-info    show where the service table comes from
  --version          show the version and the table's provenance
  -h, --help         show this help

A trailing filter expression uses tcpdump's syntax (pcap-filter(7)), e.g.
  pclassify capture.pcap tcp port 443
Exit codes: 0 ok (also after Ctrl-C in live capture), 1 usage error, 2 input error
(also: cannot capture on the interface, or its filter does not compile), 3 truncated
capture (flows were still printed), 4 output error. See docs/pclassify.md.
)";
}

}  // namespace pclassify::cli
