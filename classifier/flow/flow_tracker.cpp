#include "flow/flow_tracker.h"

#include <algorithm>

namespace pclassify {
namespace {

constexpr uint8_t kTcpFin = 0x01;
constexpr uint8_t kTcpRst = 0x04;

// Closed: FIN sent both ways, or a RST either way.
bool tcp_closed(const Flow& flow) {
  return ((flow.tcp_flags[0] | flow.tcp_flags[1]) & kTcpRst) != 0 ||
         (flow.tcp_flags[0] & flow.tcp_flags[1] & kTcpFin) != 0;
}

TimeoutClass timeout_class(const Flow& flow) {
  switch (flow.key.transport) {
    case Transport::tcp: return tcp_closed(flow) ? TimeoutClass::tcp_closed : TimeoutClass::tcp;
    case Transport::udp: return TimeoutClass::udp;
    case Transport::sctp: return TimeoutClass::sctp;
    case Transport::dccp: return TimeoutClass::dccp;
  }
  return TimeoutClass::udp;
}

// now - last > timeout, without overflow on extreme timestamps.
bool idle_longer_than(int64_t now_ns, int64_t last_ns, int64_t timeout_ns) {
  if (now_ns <= last_ns) return false;
  return static_cast<uint64_t>(now_ns) - static_cast<uint64_t>(last_ns) >
         static_cast<uint64_t>(timeout_ns);
}

}  // namespace

std::string_view flow_end_reason_name(FlowEndReason reason) {
  switch (reason) {
    case FlowEndReason::tcp_close: return "tcp_close";
    case FlowEndReason::idle_timeout: return "idle_timeout";
    case FlowEndReason::evicted: return "evicted";
    case FlowEndReason::capture_end: return "capture_end";
  }
  return "?";
}

FlowTracker::FlowTracker(Options options)
    : options_(options),
      table_(FlowTable::random_hash_seed(), options.flow_chunk_records),
      fragments_(options.fragments),
      tracking_recency_(options.max_flows != 0) {
  tunnels_.emplace_back();  // id 0: not tunnelled
}

uint32_t FlowTracker::intern_tunnel(const DecodedPacket& packet) {
  const TunnelInfo& t = packet.tunnel;
  const TunnelInfo& last = tunnels_[last_tunnel_id_];
  if (last_tunnel_id_ != 0 && last.kind == t.kind && last.vni == t.vni &&
      last.outer_src == t.outer_src && last.outer_dst == t.outer_dst) {
    return last_tunnel_id_;
  }
  const TunnelKey key{t.kind, t.outer_src, t.outer_dst, t.vni};
  auto [it, inserted] = tunnel_ids_.try_emplace(key, static_cast<uint32_t>(tunnels_.size()));
  if (inserted) tunnels_.push_back(t);
  last_tunnel_id_ = it->second;
  return it->second;
}

void FlowTracker::add(DecodedPacket& packet, int64_t timestamp_ns, uint32_t wire_length,
                      const PreparedFlow* prepared) {
  ++counts_.total;
  if (packet.status == DecodeStatus::fragment ||
      (packet.status == DecodeStatus::flow && packet.first_fragment)) {
    const uint64_t timestamp_us = timestamp_ns > 0 ? static_cast<uint64_t>(timestamp_ns) / 1000 : 0;
    fragments_.process(packet, timestamp_us);
  }
  switch (packet.status) {
    case DecodeStatus::flow: break;
    case DecodeStatus::not_a_flow: ++counts_.not_a_flow; return;
    case DecodeStatus::anomaly: count_anomaly(packet.anomaly); return;
    case DecodeStatus::fragment: count_anomaly(Anomaly::fragment_without_first); return;
  }
  ++counts_.in_flows;
  // A soft warning: the packet was usable, but something about it deserves a count.
  if (packet.anomaly != Anomaly::none) ++anomalies_[static_cast<size_t>(packet.anomaly)];

  // A later fragment becomes a flow packet only here (fragments_.process), so a prepared
  // key exists only for packets that were flow packets all along; their tuple is unchanged.
  const bool use_prepared = prepared != nullptr && prepared->valid;
  const CanonicalKey canonical = use_prepared ? prepared->canonical : make_flow_key(packet.tuple);
  const uint64_t hash = use_prepared ? prepared->hash : table_.hash_of(canonical.key);
  // Make room first, so that the table never holds more than max_flows records. The extra
  // lookup is paid only by bounded runs with a full table.
  if (options_.max_flows != 0 && table_.live_count() >= options_.max_flows &&
      table_.find(canonical.key) == FlowTable::kNotFound) {
    evict_least_recent();
  }
  bool created = false;
  const uint32_t index = table_.find_or_insert(canonical.key, hash, created);
  Flow& flow = table_.at(index);
  const int direction = canonical.direction;
  if (created) {
    flow.first_ns = timestamp_ns;
    flow.last_ns = timestamp_ns;
    if (direction == 1) flow.state |= Flow::kInitiatorIsB;  // first sender, until a handshake
    if (packet.tunnel_depth > 0) flow.tunnel_id = intern_tunnel(packet);
  }
  if (packet.role != HandshakeRole::none && !flow.handshake_seen()) {
    // The opener's sender, or the answer's receiver, is the initiator.
    const int initiator = packet.role == HandshakeRole::opener ? direction : 1 - direction;
    flow.state = static_cast<uint8_t>((flow.state & ~Flow::kInitiatorIsB) | Flow::kHandshakeSeen |
                                      (initiator == 1 ? Flow::kInitiatorIsB : 0));
  }
  flow.packets[direction] += 1;
  flow.bytes[direction] += wire_length;
  flow.tcp_flags[direction] |= packet.tcp_flags;
  // Captures are mostly in time order; merged files and reordering are not.
  if (timestamp_ns < flow.first_ns) flow.first_ns = timestamp_ns;
  if (timestamp_ns > flow.last_ns) flow.last_ns = timestamp_ns;
  if (options_.sample_payloads) sample_payload(index, flow, direction, packet.payload);
  if (tracking_recency_) recency_.touch(index, timeout_class(flow));
  if (created && start_handler_) start_handler_(flow);
}

// The samples are touched only for a flow's first payload each way, and the flow record's
// state bits (already in cache) say when: offering every packet cost a cache miss on the
// samples' bookkeeping per packet.
void FlowTracker::sample_payload(uint32_t index, Flow& flow, int direction,
                                 std::span<const uint8_t> payload) {
  const uint8_t sampled = direction == 0 ? Flow::kSampledFromA : Flow::kSampledFromB;
  if (!payload.empty() && (flow.state & sampled) == 0) {
    samples_.offer(index, direction, payload);
    flow.state |= sampled;
  }
  constexpr uint8_t kBothSampled = Flow::kSampledFromA | Flow::kSampledFromB;
  if ((flow.state & (kBothSampled | Flow::kPayloadsSettled)) != kBothSampled) return;
  // A handshake fixes the ends for good (the first one seen decides); UDP has none, so its
  // first sender stays the initiator. TCP, SCTP and DCCP without one wait: a late
  // handshake packet could still swap them.
  const bool ends_fixed = flow.handshake_seen() || flow.key.transport == Transport::udp;
  if (!payloads_complete_handler_ || !ends_fixed) return;
  flow.state |= Flow::kPayloadsSettled;
  samples_.settle(index, payloads_complete_handler_(index, flow));
}

int64_t FlowTracker::timeout_of(TimeoutClass list) const {
  const FlowIdleTimeouts& t = options_.idle_timeouts;
  switch (list) {
    case TimeoutClass::tcp: return t.tcp_ns;
    case TimeoutClass::tcp_closed: return t.tcp_closed_ns;
    case TimeoutClass::udp: return t.udp_ns;
    case TimeoutClass::sctp: return t.sctp_ns;
    case TimeoutClass::dccp: return t.dccp_ns;
  }
  return 0;
}

// The first expire() of an unbounded tracker orders the flows it already has by their
// last packet; from then on every packet keeps the order.
void FlowTracker::start_tracking_recency() {
  tracking_recency_ = true;
  std::vector<uint32_t> live;
  live.reserve(table_.live_count());
  for (uint32_t i = 0; i < table_.size(); ++i) {
    if (table_.is_live(i)) live.push_back(i);
  }
  std::stable_sort(live.begin(), live.end(), [this](uint32_t a, uint32_t b) {
    return table_.at(a).last_ns < table_.at(b).last_ns;
  });
  for (const uint32_t i : live) recency_.touch(i, timeout_class(table_.at(i)));
}

void FlowTracker::evict_least_recent() {
  uint32_t oldest = FlowRecency::kNone;
  for (size_t c = 0; c < kTimeoutClassCount; ++c) {
    const uint32_t tail = recency_.oldest(static_cast<TimeoutClass>(c));
    if (tail == FlowRecency::kNone) continue;
    if (oldest == FlowRecency::kNone || table_.at(tail).last_ns < table_.at(oldest).last_ns) {
      oldest = tail;
    }
  }
  if (oldest != FlowRecency::kNone) end_flow(oldest, FlowEndReason::evicted);
}

void FlowTracker::end_flow(uint32_t index, FlowEndReason reason) {
  if (end_handler_) end_handler_(table_.at(index), reason);
  if (reason == FlowEndReason::evicted) ++evicted_;
  if (reason == FlowEndReason::idle_timeout || reason == FlowEndReason::tcp_close) ++expired_;
  recency_.remove(index);
  if (options_.sample_payloads) samples_.release(index);
  table_.erase(index);
}

void FlowTracker::expire(int64_t now_ns) {
  if (!tracking_recency_) start_tracking_recency();
  for (size_t c = 0; c < kTimeoutClassCount; ++c) {
    const auto list = static_cast<TimeoutClass>(c);
    const int64_t timeout = timeout_of(list);
    if (timeout <= 0) continue;
    const FlowEndReason reason =
        list == TimeoutClass::tcp_closed ? FlowEndReason::tcp_close : FlowEndReason::idle_timeout;
    for (uint32_t i = recency_.oldest(list); i != FlowRecency::kNone; i = recency_.oldest(list)) {
      if (!idle_longer_than(now_ns, table_.at(i).last_ns, timeout)) break;
      end_flow(i, reason);
    }
  }
}

void FlowTracker::finish() {
  for (uint32_t i = 0; i < table_.size(); ++i) {
    if (table_.is_live(i)) end_flow(i, FlowEndReason::capture_end);
  }
}

}  // namespace pclassify
