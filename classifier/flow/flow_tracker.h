// Turns decoded packets into flows: joins later IP fragments to their datagram's flow,
// finds or creates the flow, updates its counters and decides its initiator, and counts
// every packet that is not part of a flow under a name.
//
// Per packet this is one hash lookup and a few additions; labelling happens once per flow,
// when flows are written out.
//
// Initiator rule: the sender of a handshake opener (TCP SYN without ACK, SCTP INIT,
// DCCP-Request), or the receiver of its answer (SYN+ACK, INIT-ACK, DCCP-Response) when the
// opener was not captured; the first handshake packet seen decides. Without one, the sender
// of the flow's first packet.
//
// Bounded flow state (live capture): with Options::max_flows the table holds at most that
// many flows and evicts the least recently seen one to make room; expire() ends idle and
// closed flows; finish() ends the rest. Handlers see every flow start and end exactly
// once. A file run sets none of this and pays nothing for it: recency is tracked only
// when max_flows is set or expire() has been called.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <span>
#include <tuple>
#include <vector>

#include "decode/anomaly.h"
#include "decode/fragment_tracker.h"
#include "decode/packet.h"
#include "flow/flow_lifetime.h"
#include "flow/flow_recency.h"
#include "flow/flow_table.h"
#include "flow/payload_samples.h"

namespace pclassify {

// What happened to the packets given to a FlowTracker.
struct PacketCounts {
  uint64_t total = 0;
  uint64_t in_flows = 0;      // counted in a flow (later fragments included)
  uint64_t not_a_flow = 0;    // valid, but not TCP/UDP/SCTP/DCCP (ARP, ICMP, OSPF, ...)
  uint64_t anomalies = 0;     // skipped as truncated or malformed; see anomaly_count()
};

class FlowTracker {
 public:
  struct Options {
    // Keep the first payload bytes of each direction (see payload_samples.h) for
    // payload verification. Off by default: it costs memory per flow.
    bool sample_payloads = false;
    // 0 = unbounded (files). Otherwise at most this many live flows: a new flow first
    // evicts the least recently seen one (counted in evicted_count()).
    size_t max_flows = 0;
    // Applied by expire().
    FlowIdleTimeouts idle_timeouts;
    // Sizes of what the tracker allocates up front; the defaults suit captures. Small
    // values keep a short-lived tracker cheap (the fuzz target makes one per input).
    FragmentTracker::Config fragments;
    size_t flow_chunk_records = FlowTable::kDefaultChunkRecords;  // see FlowTable
  };

  FlowTracker() : FlowTracker(Options{}) {}
  explicit FlowTracker(Options options);

  // A packet's flow key and its hash, computed once by prepare() and reused by add().
  struct PreparedFlow {
    CanonicalKey canonical;
    uint64_t hash = 0;
    bool valid = false;  // the packet was a flow packet when prepared
  };

  // Accounts one decoded packet (in capture order). `wire_length` is the frame's original
  // length: flows count wire bytes, as tshark's conversation table does. `prepared`, when
  // given, must come from prepare() on this same packet.
  void add(DecodedPacket& packet, int64_t timestamp_ns, uint32_t wire_length,
           const PreparedFlow* prepared = nullptr);
  // Optional, before add(): computes the packet's key and hash and starts loading its
  // index slot. Read loops prepare a batch of decoded packets, then add() each (see
  // cli/read_loop.cpp), so that the cache misses overlap.
  // Writes into `out` rather than returning it: a batch's slots are filled in place.
  void prepare(const DecodedPacket& packet, PreparedFlow& out) const {
    out.valid = packet.status == DecodeStatus::flow;
    if (!out.valid) return;
    out.canonical = make_flow_key(packet.tuple);
    out.hash = table_.hash_of(out.canonical.key);
    table_.prefetch(out.hash);
  }

  const FlowTable& flows() const { return table_; }
  const PacketCounts& counts() const { return counts_; }
  // Packets per anomaly name: the skipped ones, plus usable packets with a soft warning.
  uint64_t anomaly_count(Anomaly a) const { return anomalies_[static_cast<size_t>(a)]; }
  const FragmentTracker& fragments() const { return fragments_; }
  // Null unless Options::sample_payloads.
  const PayloadSamples* payload_samples() const {
    return options_.sample_payloads ? &samples_ : nullptr;
  }

  // The tunnel a flow was first seen in; Flow::tunnel_id 0 is "none".
  const TunnelInfo& tunnel(uint32_t tunnel_id) const { return tunnels_[tunnel_id]; }

  // Called once per flow, just before its record (and payload samples) are released. The
  // flow is still in the table: flows().find(flow.key) gives its index, for
  // payload_samples() and reports.
  using FlowEndHandler = std::function<void(const Flow& flow, FlowEndReason reason)>;
  void set_flow_end_handler(FlowEndHandler handler) { end_handler_ = std::move(handler); }
  // Called once per flow, when it is created (after its first packet is counted).
  using FlowStartHandler = std::function<void(const Flow& flow)>;
  void set_flow_start_handler(FlowStartHandler handler) { start_handler_ = std::move(handler); }

  // With sample_payloads: called once per flow, as soon as its payload evidence is final,
  // i.e. both directions' first payloads are sampled and its ends can no longer swap (a
  // handshake fixed them, or it is UDP, which has none). The handler reads the samples
  // (payload_samples()) and returns an outcome id; the tracker then settles the flow's
  // samples (PayloadSamples::settle): their bytes are freed and the id kept in their place.
  // Flows that never complete (one-way, no handshake) keep their samples to the end.
  using PayloadsCompleteHandler = std::function<uint32_t(uint32_t index, const Flow& flow)>;
  void set_payloads_complete_handler(PayloadsCompleteHandler handler) {
    payloads_complete_handler_ = std::move(handler);
  }

  // Ends the flows idle for longer than their timeout (capture time `now_ns`), and the TCP
  // flows closed (FIN both ways, or RST) with no packet for tcp_closed_ns.
  void expire(int64_t now_ns);
  // Ends every remaining flow with capture_end, in record order.
  void finish();

  uint64_t evicted_count() const { return evicted_; }
  uint64_t expired_count() const { return expired_; }  // idle_timeout and tcp_close

 private:
  void sample_payload(uint32_t index, Flow& flow, int direction,
                      std::span<const uint8_t> payload);
  void start_tracking_recency();
  void evict_least_recent();
  void end_flow(uint32_t index, FlowEndReason reason);
  int64_t timeout_of(TimeoutClass list) const;

  uint32_t intern_tunnel(const DecodedPacket& packet);
  void count_anomaly(Anomaly a) {
    ++counts_.anomalies;
    ++anomalies_[static_cast<size_t>(a)];
  }

  Options options_;
  FlowTable table_;
  FragmentTracker fragments_;
  PayloadSamples samples_;
  PacketCounts counts_;
  FlowRecency recency_;
  bool tracking_recency_ = false;
  FlowStartHandler start_handler_;
  FlowEndHandler end_handler_;
  PayloadsCompleteHandler payloads_complete_handler_;
  uint64_t evicted_ = 0;
  uint64_t expired_ = 0;
  std::array<uint64_t, static_cast<size_t>(Anomaly::count)> anomalies_{};
  // Tunnels, deduplicated: most tunnelled captures use a handful.
  using TunnelKey = std::tuple<TunnelKind, IpAddress, IpAddress, uint32_t>;
  std::vector<TunnelInfo> tunnels_;
  std::map<TunnelKey, uint32_t> tunnel_ids_;
  uint32_t last_tunnel_id_ = 0;
};

}  // namespace pclassify
