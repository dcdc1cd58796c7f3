#include "flow/flow_tracker.h"

namespace pclassify {

FlowTracker::FlowTracker(Options options) : options_(options) {
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

void FlowTracker::add(DecodedPacket& packet, int64_t timestamp_ns, uint32_t wire_length) {
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

  const CanonicalKey canonical = make_flow_key(packet.tuple);
  bool created = false;
  const uint32_t index = table_.find_or_insert(canonical.key, created);
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
  if (options_.sample_payloads) samples_.offer(index, direction, packet.payload);
}

}  // namespace pclassify
