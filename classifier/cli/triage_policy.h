// Loading the site policy file for --triage (format: triage/site_policy.h).
#pragma once

#include <optional>
#include <string>

#include "services/service_table.h"
#include "triage/site_policy.h"

namespace pclassify::cli {

// Reads and parses `path`; SERVICE words are checked against `table`'s names. On failure
// returns nullopt with `error` = "FILE:LINE: message" (or "FILE: cannot read ...").
std::optional<triage::SitePolicy> load_site_policy(const std::string& path,
                                                   const ServiceTable& table,
                                                   std::string& error);

}  // namespace pclassify::cli
