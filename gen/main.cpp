// pclassify-gen: the registry compiler.
//
//   pclassify-gen [--records-tsv] [--registry-info] [--table OUT] [--embed-cpp OUT.cpp] FILE...
//       Reads every FILE (XML, CSV, pipe table, plain text or Wireshark `services`), checks
//       each, merges them (merge.h) and writes what the options ask for:
//         --records-tsv    the merged records on stdout (records_tsv.h)
//         --registry-info  the inputs and what each contributed, on stdout
//         --table OUT      the service table (classifier/services/TABLE_FORMAT.md)
//         --embed-cpp OUT  the table as a C++ source for the built-in table
//   pclassify-gen diff OLD NEW
//       What changed from registry snapshot OLD to NEW, grouped (registry_diff.h).
//
// Errors read "FILE:LINE: message" on stderr, exit status 1, and no output file is
// written or changed. Usage errors exit with 2.
#include <cstdio>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "checks.h"
#include "merge.h"
#include "read_registry_file.h"
#include "record_status.h"
#include "records_tsv.h"
#include "registry_diff.h"
#include "table_writer.h"

namespace pclassify::gen {
namespace {

constexpr int kExitInputError = 1;
constexpr int kExitUsage = 2;

struct Options {
  bool records_tsv = false;
  bool registry_info = false;
  std::string table_path;
  std::string embed_path;
  std::vector<std::string> files;
};

int usage(const std::string& problem) {
  if (!problem.empty()) std::cerr << "pclassify-gen: " << problem << "\n";
  std::cerr << "usage: pclassify-gen [--records-tsv] [--registry-info] [--table OUT]"
               " [--embed-cpp OUT.cpp] FILE...\n"
               "       pclassify-gen diff OLD NEW\n";
  return kExitUsage;
}

std::optional<Options> parse_options(int argc, char** argv, std::string& problem) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&](std::string& into) {
      if (i + 1 >= argc) {
        problem = arg + " needs a file name";
        return false;
      }
      into = argv[++i];
      return true;
    };
    if (arg == "--records-tsv") {
      o.records_tsv = true;
    } else if (arg == "--registry-info") {
      o.registry_info = true;
    } else if (arg == "--table") {
      if (!value(o.table_path)) return std::nullopt;
    } else if (arg == "--embed-cpp") {
      if (!value(o.embed_path)) return std::nullopt;
    } else if (arg.size() > 1 && arg[0] == '-') {
      problem = "unknown option " + arg;
      return std::nullopt;
    } else {
      o.files.push_back(arg);
    }
  }
  if (o.files.empty()) {
    problem = "no registry file given";
    return std::nullopt;
  }
  return o;
}

// Reads and checks one file; prints what is wrong. nullopt when it has an error.
std::optional<RegistrySnapshot> read_checked(const std::string& path,
                                             Rendering* sniffed = nullptr) {
  ReadOutcome outcome = read_registry_file(path, sniffed);
  if (!outcome.ok) {
    std::cerr << outcome.error << "\n";
    return std::nullopt;
  }
  const std::vector<Diagnostic> diagnostics = check_snapshot(outcome.snapshot);
  for (const Diagnostic& d : diagnostics) std::cerr << d.format() << "\n";
  if (has_errors(diagnostics)) return std::nullopt;
  return std::move(outcome.snapshot);
}

std::string registry_info(const MergedRegistry& merged,
                          const std::map<std::string, Rendering>& renderings) {
  std::string out;
  for (size_t i = 0; i < merged.sources.size(); ++i) {
    const SourceInfo& s = merged.sources[i];
    out += "source " + std::to_string(i) + ": " + s.file + "\n";
    out += "  rendering:     " + std::string(rendering_name(renderings.at(s.file))) + "\n";
    out += "  last updated:  " + (s.last_updated.empty() ? "unknown" : s.last_updated) + "\n";
    out += "  sha256:        " + s.sha256 + "\n";
    out += "  full registry: " + std::string(s.claims_full_registry ? "yes" : "no") + "\n";
    out += "  records:       " + std::to_string(s.records_read) + " read, " +
           std::to_string(s.records_kept) + " kept after the merge\n";
  }
  std::map<std::string_view, size_t> by_status;
  size_t aliases = 0, name_only = 0;
  for (const MergedRecord& m : merged.records) {
    const RecordMeaning meaning = record_meaning(m.record);
    ++by_status[record_status_name(meaning.status)];
    aliases += meaning.alias_of.empty() ? 0 : 1;
    name_only += m.record.ports ? 0 : 1;
  }
  out += "merged: " + std::to_string(merged.records.size()) + " records";
  for (const auto& [status, count] : by_status) {
    out += ", " + std::to_string(count) + " " + std::string(status);
  }
  out += " (" + std::to_string(aliases) + " aliases, " + std::to_string(name_only) +
         " without port)\n";
  return out;
}

int run_diff(int argc, char** argv) {
  if (argc != 4) return usage("diff takes two files: OLD NEW");
  const auto before = read_checked(argv[2]);
  const auto after = read_checked(argv[3]);
  if (!before || !after) return kExitInputError;
  std::cout << render_diff(diff_registries(*before, *after), *before, *after);
  return 0;
}

int run_compile(const Options& options) {
  std::vector<RegistrySnapshot> snapshots;
  std::map<std::string, Rendering> renderings;
  bool failed = false;
  for (const std::string& path : options.files) {
    auto snapshot = read_checked(path, &renderings[path]);
    if (!snapshot) {
      failed = true;  // keep going: report every file's errors in one run
      continue;
    }
    snapshots.push_back(std::move(*snapshot));
  }
  if (failed) return kExitInputError;
  const MergedRegistry merged = merge_snapshots(std::move(snapshots));
  std::string error;
  if (!options.table_path.empty() || !options.embed_path.empty()) {
    const std::string table = render_table(merged);
    if (!options.table_path.empty() && !write_file_atomically(options.table_path, table, error)) {
      std::cerr << error << "\n";
      return kExitInputError;
    }
    if (!options.embed_path.empty()) {
      std::string origin;
      for (const SourceInfo& s : merged.sources) origin += (origin.empty() ? "" : ", ") + s.file;
      if (!write_file_atomically(options.embed_path, render_embedded_table_source(table, origin),
                                 error)) {
        std::cerr << error << "\n";
        return kExitInputError;
      }
    }
  }
  if (options.registry_info) std::cout << registry_info(merged, renderings);
  if (options.records_tsv) std::cout << records_tsv(merged.plain_records());
  return 0;
}

}  // namespace
}  // namespace pclassify::gen

int main(int argc, char** argv) {
  using namespace pclassify::gen;
  if (argc >= 2 && std::string(argv[1]) == "diff") return run_diff(argc, argv);
  std::string problem;
  const auto options = parse_options(argc, argv, problem);
  if (!options) return usage(problem);
  return run_compile(*options);
}
