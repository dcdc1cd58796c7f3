#include "cli/triage_output.h"

#include <cstdio>
#include <string>

#include "cli/exit_codes.h"
#include "output/flow_report.h"
#include "output/text_encoding.h"
#include "triage/triage_collector.h"

namespace pclassify::cli {
namespace {

using triage::FlaggedFlow;
using triage::FlaggedHost;
using triage::Finding;
using triage::TriageResult;

triage::TriageResult collect(const FlowTracker& tracker, output::FlowReporter& reporter,
                             const triage::SitePolicy* policy) {
  triage::TriageCollector collector(policy);
  for (uint32_t i = 0; i < tracker.flows().size(); ++i) {
    const output::FlowReport r = reporter.report(i);
    triage::FlowFacts facts;
    facts.transport = r.transport;
    facts.client_ip = r.client_ip;
    facts.server_ip = r.server_ip;
    facts.client_port = r.client_port;
    facts.server_port = r.server_port;
    facts.label = r.label;
    facts.payload = r.payload ? &*r.payload : nullptr;
    facts.answered = triage::server_answered(r.transport, r.server_packets, r.server_tcp_flags);
    collector.add(facts, output::service_or_status(*r.label), r.packets(), r.bytes());
  }
  return collector.finish();
}

// ---- table ----

void append_findings_text(std::string& out, const std::vector<Finding>& findings) {
  for (const Finding& f : findings) {
    out += "             ";
    out += triage::reason_name(f.reason);
    out += " (+" + std::to_string(triage::reason_points(f.reason)) + "): ";
    out += f.text;
    out += '\n';
  }
}

std::string format_table(const TriageResult& result) {
  std::string out;
  if (result.ranking.empty()) out += "(nothing flagged)\n";
  size_t rank = 0;
  for (const triage::RankedEntry& entry : result.ranking) {
    char head[32];
    std::snprintf(head, sizeof head, "%4zu  %5d  ", ++rank, entry.score);
    out += head;
    if (entry.is_host) {
      const FlaggedHost& h = result.hosts[entry.index];
      out += "host " + h.scan.source.to_string() + " (scan-like";
      if (h.folded_flows > 0) {
        out += "; " + std::to_string(h.folded_flows) + " unanswered flagged flows folded in";
      }
      out += ")\n";
      append_findings_text(out, h.findings);
    } else {
      const FlaggedFlow& f = result.flows[entry.index];
      out += std::string(transport_name(f.transport)) + " " +
             output::endpoint_text(f.client_ip, f.client_port) + " -> " +
             output::endpoint_text(f.server_ip, f.server_port) + "  " + f.service + "  (" +
             std::to_string(f.packets) + " packets, " + std::to_string(f.bytes) + " bytes" +
             (f.answered ? "" : ", unanswered") + ")\n";
      append_findings_text(out, f.findings);
    }
  }
  const triage::TriageSummary& s = result.summary;
  out += "\nTriage: " + std::to_string(s.flows) + " flows examined; " +
         std::to_string(s.flagged_flows) + " flows and " + std::to_string(s.flagged_hosts) +
         " hosts flagged; " + std::to_string(s.folded_flows) +
         " flows folded into scan-like hosts; " + std::to_string(s.cleared_by_policy) +
         " flows cleared by the site policy.\n";
  for (size_t i = 0; i < triage::kReasonCount; ++i) {
    if (s.reasons[i] == 0) continue;
    char line[96];
    std::snprintf(line, sizeof line, "  %-24s %8llu\n",
                  std::string(triage::reason_name(static_cast<triage::Reason>(i))).c_str(),
                  static_cast<unsigned long long>(s.reasons[i]));
    out += line;
  }
  return out;
}

// ---- JSON lines ----

void append_findings_json(std::string& out, const std::vector<Finding>& findings) {
  out += ",\"reasons\":[";
  for (size_t i = 0; i < findings.size(); ++i) {
    if (i > 0) out += ',';
    out += "{\"code\":\"";
    out += triage::reason_name(findings[i].reason);
    out += "\",\"points\":" + std::to_string(triage::reason_points(findings[i].reason));
    out += ",\"text\":";
    output::append_json_string(out, findings[i].text);
    out += '}';
  }
  out += ']';
}

std::string format_json(const TriageResult& result) {
  std::string out;
  size_t rank = 0;
  for (const triage::RankedEntry& entry : result.ranking) {
    out += entry.is_host ? "{\"type\":\"host\"" : "{\"type\":\"flow\"";
    out += ",\"rank\":" + std::to_string(++rank) + ",\"score\":" + std::to_string(entry.score);
    if (entry.is_host) {
      const FlaggedHost& h = result.hosts[entry.index];
      out += ",\"ip\":\"" + h.scan.source.to_string() + "\"";
      out += ",\"distinct_ports\":" + std::to_string(h.scan.distinct_ports);
      out += ",\"distinct_hosts\":" + std::to_string(h.scan.distinct_hosts);
      out += ",\"flows\":" + std::to_string(h.scan.flows);
      out += ",\"unanswered\":" + std::to_string(h.scan.unanswered);
      out += ",\"folded_flows\":" + std::to_string(h.folded_flows);
      append_findings_json(out, h.findings);
    } else {
      const FlaggedFlow& f = result.flows[entry.index];
      out += ",\"transport\":\"" + std::string(transport_name(f.transport)) + "\"";
      out += ",\"source\":{\"ip\":\"" + f.client_ip.to_string() +
             "\",\"port\":" + std::to_string(f.client_port) + "}";
      out += ",\"destination\":{\"ip\":\"" + f.server_ip.to_string() +
             "\",\"port\":" + std::to_string(f.server_port) + "}";
      out += ",\"service\":";
      output::append_json_string(out, f.service);
      out += ",\"packets\":" + std::to_string(f.packets);
      out += ",\"bytes\":" + std::to_string(f.bytes);
      out += f.answered ? ",\"answered\":true" : ",\"answered\":false";
      append_findings_json(out, f.findings);
    }
    out += "}\n";
  }
  const triage::TriageSummary& s = result.summary;
  out += "{\"type\":\"summary\",\"flows\":" + std::to_string(s.flows) +
         ",\"flagged_flows\":" + std::to_string(s.flagged_flows) +
         ",\"flagged_hosts\":" + std::to_string(s.flagged_hosts) +
         ",\"folded_flows\":" + std::to_string(s.folded_flows) +
         ",\"cleared_by_policy\":" + std::to_string(s.cleared_by_policy) + ",\"reasons\":{";
  for (size_t i = 0; i < triage::kReasonCount; ++i) {
    if (i > 0) out += ',';
    out += "\"";
    out += triage::reason_name(static_cast<triage::Reason>(i));
    out += "\":" + std::to_string(s.reasons[i]);
  }
  out += "}}\n";
  return out;
}

}  // namespace

int write_triage(const Options& options, const FlowTracker& tracker, output::FlowReporter& reporter,
                 const triage::SitePolicy* policy) {
  const TriageResult result = collect(tracker, reporter, policy);
  const std::string text = options.format == output::OutputFormat::json ? format_json(result)
                                                                     : format_table(result);
  std::fwrite(text.data(), 1, text.size(), stdout);
  if (std::fflush(stdout) != 0 || std::ferror(stdout) != 0) {
    std::fprintf(stderr, "pclassify: cannot write the output\n");
    return kExitOutputError;
  }
  return kExitOk;
}

}  // namespace pclassify::cli
