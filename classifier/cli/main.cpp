// pclassify: labels the flows of pcap/pcapng captures with their IANA service names.
// See docs/pclassify.md for the options, output fields and exit codes.
#include <cstdio>
#include <memory>
#include <optional>
#include <string>

#include "cli/exit_codes.h"
#include "cli/live_annotator.h"
#include "cli/live_run.h"
#include "cli/lookup.h"
#include "cli/options.h"
#include "cli/read_loop.h"
#include "cli/terminal.h"
#include "cli/triage_output.h"
#include "cli/triage_policy.h"
#include "flow/flow_tracker.h"
#include "output/flow_report.h"
#include "output/flow_writer.h"
#include "output/summary.h"
#include "services/service_table.h"

namespace pclassify::cli {
namespace {

// One line saying where the table comes from, for --version.
std::string provenance_line(const ServiceTable& table) {
  std::string line = "service table: " + std::to_string(table.record_count()) + " records";
  bool first = true;
  for (const TableSource& source : table.sources()) {
    line += first ? " from " : "; ";
    first = false;
    line += source.file;
    if (!source.last_updated.empty()) line += " (last updated " + source.last_updated + ")";
  }
  return line;
}

// Writes every flow in order of first appearance, then the summary.
int write_flows(const Options& options, const FlowTracker& tracker, output::FlowReporter& reporter,
                const output::InputTotals& totals) {
  output::TableLayout layout;
  layout.width = output_width();
  layout.unicode_ellipsis = locale_is_utf8();
  auto writer = output::make_flow_writer(options.format, stdout, layout);
  output::ServiceSummary summary;
  writer->begin();
  for (uint32_t i = 0; i < tracker.flows().size(); ++i) {
    const output::FlowReport report = reporter.report(i);
    writer->write(report);
    summary.add(report);
  }
  writer->finish();
  if (!options.quiet) {
    // The table is for people: the summary follows it on stdout. Machine formats keep
    // stdout for flows only.
    const bool to_stdout = options.format == output::OutputFormat::table;
    const std::string text = summary.format(tracker, totals);
    std::FILE* stream = to_stdout ? stdout : stderr;
    if (to_stdout) std::fputc('\n', stream);
    std::fputs(text.c_str(), stream);
  }
  if (std::fflush(stdout) != 0 || !writer->ok()) {
    std::fprintf(stderr, "pclassify: cannot write the output\n");
    return kExitOutputError;
  }
  return kExitOk;
}

int run(int argc, char** argv) {
  Options options;
  std::string error;
  if (!parse_options(argc, argv, options, error)) {
    std::fprintf(stderr, "pclassify: %s\n", error.c_str());
    return kExitUsage;
  }
  if (options.help) {
    std::fputs(usage_text(), stdout);
    return kExitOk;
  }

  std::unique_ptr<ServiceTable> loaded;
  if (!options.table_file.empty()) {
    loaded = ServiceTable::load_file(options.table_file, error);
    if (!loaded) {
      std::fprintf(stderr, "pclassify: %s\n", error.c_str());
      return kExitInputError;
    }
  }
  const ServiceTable& table = loaded ? *loaded : ServiceTable::builtin();

  if (options.version) {
    std::printf("pclassify %s\n%s\n", PCLASSIFY_VERSION, provenance_line(table).c_str());
    return kExitOk;
  }
  if (options.registry_info) {
    std::fputs(format_table_sources(table).c_str(), stdout);
    return kExitOk;
  }
  if (!options.lookups.empty()) {
    for (size_t i = 0; i < options.lookups.size(); ++i) {
      if (i > 0 && options.format != output::OutputFormat::json) std::fputc('\n', stdout);
      if (!print_lookup(options.lookups[i], table, options.format, stdout, error)) {
        std::fprintf(stderr, "pclassify: %s\n", error.c_str());
        return kExitUsage;
      }
    }
    return kExitOk;
  }

  if (options.list_interfaces) return list_interfaces(stdout);
  if (!options.interface.empty()) return run_live_capture(options, table);

  // The site policy is read before any capture, so that a typo fails fast (exit 2).
  std::optional<triage::SitePolicy> policy;
  if (!options.policy_file.empty()) {
    policy = load_site_policy(options.policy_file, table, error);
    if (!policy) {
      std::fprintf(stderr, "pclassify: %s\n", error.c_str());
      return kExitInputError;
    }
  }

  FlowTracker::Options tracker_options;
  tracker_options.sample_payloads = options.verify;  // --no-verify
  FlowTracker tracker(tracker_options);
  // Payloads are verified as soon as each flow's evidence is final, so that the tracker
  // can free the samples then instead of holding every flow's until the end.
  output::FlowReporter reporter(tracker, table);
  tracker.set_payloads_complete_handler(
      [&reporter](uint32_t index, const Flow&) { return reporter.settle(index); });
  output::InputTotals totals;
  const int read_status = options.write_file.empty()
                              ? read_inputs(options, tracker, totals)
                              : read_inputs_annotated(options, tracker, totals, reporter);
  // A bad filter, or -w failing, stops before any flow is written.
  if (read_status == kExitUsage || read_status == kExitOutputError) return read_status;
  const int write_status =
      options.triage ? write_triage(options, tracker, reporter, policy ? &*policy : nullptr)
                     : write_flows(options, tracker, reporter, totals);
  return worse_exit(read_status, write_status);
}

}  // namespace
}  // namespace pclassify::cli

int main(int argc, char** argv) { return pclassify::cli::run(argc, argv); }
