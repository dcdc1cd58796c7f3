#include "decode/fragment_tracker.h"

#include <algorithm>

namespace pclassify {

size_t FragmentIdHash::operator()(const FragmentId& id) const noexcept {
  // FNV-1a over the fields that identify a datagram (RFC 791: source, destination,
  // protocol, identification).
  uint64_t h = 1469598103934665603ull;
  auto mix = [&h](uint8_t byte) {
    h ^= byte;
    h *= 1099511628211ull;
  };
  for (uint8_t b : id.src.bytes) mix(b);
  for (uint8_t b : id.dst.bytes) mix(b);
  for (int shift = 0; shift < 32; shift += 8) mix(static_cast<uint8_t>(id.id >> shift));
  mix(id.ip_protocol);
  mix(id.src.family);
  return static_cast<size_t>(h);
}

FragmentTracker::FragmentTracker(Config config) : config_(config) {
  config_.capacity = std::max<size_t>(config_.capacity, 1);
  ring_.resize(config_.capacity);
  index_.reserve(config_.capacity);
}

void FragmentTracker::process(DecodedPacket& packet, uint64_t timestamp_us) {
  if (packet.status == DecodeStatus::flow && packet.first_fragment) {
    expire(timestamp_us);
    remember(packet.fragment, packet.tuple, timestamp_us);
    return;
  }
  if (packet.status != DecodeStatus::fragment) return;

  expire(timestamp_us);
  const auto found = index_.find(packet.fragment);
  if (found == index_.end()) {
    ++stats_.orphans;
    packet.status = DecodeStatus::anomaly;
    packet.anomaly = Anomaly::fragment_without_first;
    return;
  }
  ++stats_.joined;
  packet.status = DecodeStatus::flow;
  packet.tuple = ring_[found->second].tuple;
  packet.role = HandshakeRole::none;
  packet.tcp_flags = 0;
}

void FragmentTracker::remember(const FragmentId& id, const PacketTuple& tuple, uint64_t now_us) {
  const auto existing = index_.find(id);
  if (existing != index_.end()) {
    // The identification was reused (or the first fragment retransmitted): the newest
    // datagram wins; its old slot stays in the ring, dead, until it reaches the head.
    ring_[existing->second].live = false;
    index_.erase(existing);
  }
  if (count_ == ring_.size()) {
    // Dead slots are dropped silently; a live one is an eviction.
    if (ring_[head_].live) ++stats_.evicted;
    drop_oldest();
  }
  const size_t slot = (head_ + count_) % ring_.size();
  ring_[slot] = Entry{id, tuple, now_us, true};
  ++count_;
  index_.emplace(id, slot);
  ++stats_.remembered;
}

void FragmentTracker::expire(uint64_t now_us) {
  while (count_ > 0) {
    const Entry& oldest = ring_[head_];
    if (oldest.live && now_us - std::min(now_us, oldest.first_seen_us) <= config_.timeout_us) {
      return;
    }
    if (oldest.live) ++stats_.expired;
    drop_oldest();
  }
}

void FragmentTracker::drop_oldest() {
  Entry& oldest = ring_[head_];
  if (oldest.live) index_.erase(oldest.id);
  oldest.live = false;
  head_ = (head_ + 1) % ring_.size();
  --count_;
}

}  // namespace pclassify
