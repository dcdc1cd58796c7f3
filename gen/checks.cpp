#include "checks.h"

#include <algorithm>
#include <cctype>

#include "records_tsv.h"

namespace pclassify::gen {
namespace {

bool is_digits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "YYYY-MM-DD" exactly.
bool is_full_date(std::string_view s) {
  return s.size() == 10 && s[4] == '-' && s[7] == '-' && is_digits(s.substr(0, 4)) &&
         is_digits(s.substr(5, 2)) && is_digits(s.substr(8, 2));
}

// "YYYY-MM" or "YYYY-MM-DD", the registry's record dates.
bool is_record_date(std::string_view s) {
  if (s.size() == 7) return s[4] == '-' && is_digits(s.substr(0, 4)) && is_digits(s.substr(5, 2));
  return is_full_date(s);
}

bool is_protocol_word(std::string_view p) {
  return p.empty() || p == "tcp" || p == "udp" || p == "sctp" || p == "dccp";
}

bool any_field_breaks_lines(const RegistryRecord& r) {
  auto breaks_list = [](const std::vector<std::string>& items) {
    return std::any_of(items.begin(), items.end(), breaks_tsv_field);
  };
  return breaks_tsv_field(r.name) || breaks_tsv_field(r.protocol) ||
         breaks_tsv_field(r.description) || breaks_list(r.assignees) || breaks_list(r.contacts) ||
         breaks_tsv_field(r.registered) || breaks_tsv_field(r.modified) ||
         breaks_list(r.references) || breaks_tsv_field(r.service_code) ||
         breaks_tsv_field(r.unauthorized_use) || breaks_tsv_field(r.assignment_notes);
}

void check_record(const RegistryRecord& r, std::vector<Diagnostic>& out) {
  auto error = [&](std::string message) {
    out.push_back({Severity::error, r.origin, std::move(message)});
  };
  if (r.ports && r.ports->lo > r.ports->hi) {
    error("port range " + std::to_string(r.ports->lo) + "-" + std::to_string(r.ports->hi) +
          " runs backwards");
  }
  if (!is_protocol_word(r.protocol)) error("unknown transport protocol '" + r.protocol + "'");
  if (!r.ports && r.name.empty()) error("a record has neither a port nor a service name");
  if (r.name.empty() && r.description.empty()) {
    error("a record has neither a service name nor a description");
  }
  if (!r.registered.empty() && !is_record_date(r.registered)) {
    error("registration date '" + r.registered + "' is not YYYY-MM or YYYY-MM-DD");
  }
  if (!r.modified.empty() && !is_record_date(r.modified)) {
    error("modification date '" + r.modified + "' is not YYYY-MM or YYYY-MM-DD");
  }
  if (!r.service_code.empty() && !is_digits(r.service_code)) {
    error("DCCP service code '" + r.service_code + "' is not a decimal number");
  }
  if (any_field_breaks_lines(r))
    error("a field still holds a tab or line break after normalisation");
}

}  // namespace

std::string Diagnostic::format() const {
  std::string out = where.file + ":" + std::to_string(where.line) + ": ";
  if (severity == Severity::warning) out += "warning: ";
  return out + message;
}

std::vector<Diagnostic> check_snapshot(const RegistrySnapshot& snapshot) {
  std::vector<Diagnostic> out;
  const SourceLocation whole_file{snapshot.file, 1};
  if (snapshot.claims_full_registry && snapshot.records.size() < kFullRegistryFloor) {
    out.push_back({Severity::error, whole_file,
                   "claims to be the full registry but yields only " +
                       std::to_string(snapshot.records.size()) + " records (at least " +
                       std::to_string(kFullRegistryFloor) +
                       " expected): truncated or not the registry"});
  }
  if (snapshot.last_updated.empty()) {
    out.push_back({Severity::warning, whole_file,
                   "no \"Last Updated\" date; merged as older than every dated input"});
  } else if (!is_full_date(snapshot.last_updated)) {
    out.push_back({Severity::error, whole_file,
                   "\"Last Updated\" date '" + snapshot.last_updated + "' is not YYYY-MM-DD"});
  }
  for (const RegistryRecord& r : snapshot.records) check_record(r, out);
  return out;
}

bool has_errors(const std::vector<Diagnostic>& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::error; });
}

}  // namespace pclassify::gen
