// A tcpdump-style filter expression, compiled by libpcap and applied to each packet with
// pcap_offline_filter. A capture may mix link types (pcapng interfaces), so the
// expression is compiled once per link type, when that link type first appears.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace pclassify::capture {

class BpfFilter {
 public:
  explicit BpfFilter(std::string expression);
  ~BpfFilter();
  BpfFilter(const BpfFilter&) = delete;
  BpfFilter& operator=(const BpfFilter&) = delete;

  const std::string& expression() const { return expression_; }

  // Compiles for `link_type` (a LINKTYPE_ value) if not done yet. False, with error(), when
  // libpcap rejects the expression for that link type.
  bool prepare(int link_type);

  // True when the packet passes. `prepare(link_type)` must have succeeded.
  bool matches(int link_type, std::span<const uint8_t> data, uint32_t wire_length);

  const std::string& error() const { return error_; }

 private:
  struct Program;
  Program* program_for(int link_type);

  std::string expression_;
  std::vector<std::unique_ptr<Program>> programs_;
  std::string error_;
};

}  // namespace pclassify::capture
