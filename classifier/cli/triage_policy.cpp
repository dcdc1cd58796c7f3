#include "cli/triage_policy.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace pclassify::cli {

std::optional<triage::SitePolicy> load_site_policy(const std::string& path,
                                                   const ServiceTable& table,
                                                   std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = path + ": cannot read the policy file: " + std::strerror(errno);
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) {
    error = path + ": cannot read the policy file";
    return std::nullopt;
  }
  const auto is_service_name = [&](std::string_view name) { return !table.find_name(name).empty(); };
  return triage::SitePolicy::parse(text.str(), path, is_service_name, error);
}

}  // namespace pclassify::cli
