#include "capture/bpf_filter.h"

#include <pcap/pcap.h>

namespace pclassify::capture {
namespace {

// The few LINKTYPE_ values (file format numbers) that differ from the DLT_ value libpcap's
// compiler expects; libpcap's own mapping (linktype_to_dlt) is not exported.
int dlt_for_link_type(int link_type) {
  switch (link_type) {
    case 100: return DLT_ATM_RFC1483;  // LINKTYPE_ATM_RFC1483
    case 101: return DLT_RAW;          // LINKTYPE_RAW
    default: return link_type;
  }
}

// pcap_compile only needs a snapshot length large enough for any offset it generates.
constexpr int kCompileSnaplen = 262144;

}  // namespace

struct BpfFilter::Program {
  int link_type = 0;
  bpf_program code{};
  ~Program() { pcap_freecode(&code); }
};

BpfFilter::BpfFilter(std::string expression) : expression_(std::move(expression)) {}
BpfFilter::~BpfFilter() = default;

BpfFilter::Program* BpfFilter::program_for(int link_type) {
  for (auto& program : programs_) {
    if (program->link_type == link_type) return program.get();
  }
  return nullptr;
}

bool BpfFilter::prepare(int link_type) {
  if (program_for(link_type) != nullptr) return true;
  pcap_t* dead = pcap_open_dead(dlt_for_link_type(link_type), kCompileSnaplen);
  if (dead == nullptr) {
    error_ = "cannot set up the filter compiler";
    return false;
  }
  auto program = std::make_unique<Program>();
  program->link_type = link_type;
  const int status = pcap_compile(dead, &program->code, expression_.c_str(), 1,
                                  PCAP_NETMASK_UNKNOWN);
  if (status != 0) {
    error_ = "invalid filter expression \"" + expression_ + "\" for link type " +
             std::to_string(link_type) + ": " + pcap_geterr(dead);
    pcap_close(dead);
    return false;
  }
  pcap_close(dead);
  programs_.push_back(std::move(program));
  return true;
}

bool BpfFilter::matches(int link_type, std::span<const uint8_t> data, uint32_t wire_length) {
  // Captures rarely mix link types: the last program used is almost always the one.
  Program* program = programs_.empty() ? nullptr : programs_.back().get();
  if (program == nullptr || program->link_type != link_type) program = program_for(link_type);
  if (program == nullptr) return false;
  pcap_pkthdr header{};
  header.caplen = static_cast<bpf_u_int32>(data.size());
  header.len = wire_length;
  return pcap_offline_filter(&program->code, &header, data.data()) != 0;
}

}  // namespace pclassify::capture
