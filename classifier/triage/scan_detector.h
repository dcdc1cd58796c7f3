// Scan-like hosts: a client that contacts many distinct ports or hosts, mostly without an
// answer (a port scan, a host sweep, a worm). Pure bookkeeping, no I/O.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <vector>

#include "net/ip_address.h"
#include "net/transport.h"

namespace pclassify::triage {

struct ScanThresholds {
  size_t min_distinct_ports = 20;      // distinct (transport, server port) contacted, or
  size_t min_distinct_hosts = 20;      // distinct server hosts contacted,
  double min_unanswered_share = 0.5;   // and at least this share of its flows unanswered
};

struct ScanSuspect {
  IpAddress source;
  size_t distinct_ports = 0;
  size_t distinct_hosts = 0;
  uint64_t flows = 0;
  uint64_t unanswered = 0;
};

class ScanDetector {
 public:
  void add(const IpAddress& client, const IpAddress& server, Transport transport,
           uint16_t server_port, bool answered);

  // The clients over the thresholds, in address order.
  std::vector<ScanSuspect> suspects(const ScanThresholds& thresholds) const;

 private:
  struct Source {
    std::set<uint32_t> ports;  // transport << 16 | port
    std::set<IpAddress> hosts;
    uint64_t flows = 0;
    uint64_t unanswered = 0;
  };
  std::map<IpAddress, Source> sources_;
};

}  // namespace pclassify::triage
