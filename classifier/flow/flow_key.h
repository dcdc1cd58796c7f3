// A flow's identity: the 5-tuple with its two ends in canonical order, so that both
// directions of a conversation map to one key. End `a` is the (address, port) that sorts
// first; packets are "a→b" or "b→a".
#pragma once

#include <array>
#include <cstdint>
#include <cstring>

#include "decode/packet.h"
#include "net/ip_address.h"
#include "net/transport.h"

namespace pclassify {

struct FlowKey {
  std::array<uint8_t, 16> address_a{};  // IPv4 in the first 4 bytes, the rest zero
  std::array<uint8_t, 16> address_b{};
  uint16_t port_a = 0;
  uint16_t port_b = 0;
  Transport transport = Transport::tcp;
  uint8_t family = 0;  // 4 or 6

  // Compared as words: a memcmp call of 38 bytes is not inlined and showed in profiles.
  bool operator==(const FlowKey& other) const {
    uint64_t a[5] = {}, b[5] = {};
    std::memcpy(a, this, sizeof(FlowKey));
    std::memcpy(b, &other, sizeof(FlowKey));
    return ((a[0] ^ b[0]) | (a[1] ^ b[1]) | (a[2] ^ b[2]) | (a[3] ^ b[3]) | (a[4] ^ b[4])) == 0;
  }

  IpAddress address(int end) const {
    IpAddress ip;
    ip.family = family;
    ip.bytes = end == 0 ? address_a : address_b;
    return ip;
  }
  uint16_t port(int end) const { return end == 0 ? port_a : port_b; }
};
// operator== compares bytes: the struct must have no padding (every member is set, and
// the default member initialisers zero the arrays).
static_assert(sizeof(FlowKey) == 38, "FlowKey must stay packed for byte comparison");

// Direction of a packet within its flow: 0 = sent by end a, 1 = sent by end b.
using Direction = int;

struct CanonicalKey {
  FlowKey key;
  Direction direction = 0;  // which end sent the packet the key was made from
};

// Any consistent total order of the ends will do; two 64-bit words per address compare
// faster than a memcmp call.
inline int compare_addresses(const std::array<uint8_t, 16>& a, const std::array<uint8_t, 16>& b) {
  uint64_t x[2], y[2];
  std::memcpy(x, a.data(), 16);
  std::memcpy(y, b.data(), 16);
  if (x[0] != y[0]) return x[0] < y[0] ? -1 : 1;
  if (x[1] != y[1]) return x[1] < y[1] ? -1 : 1;
  return 0;
}

inline CanonicalKey make_flow_key(const PacketTuple& tuple) {
  CanonicalKey out;
  const int order = compare_addresses(tuple.src.bytes, tuple.dst.bytes);
  const bool sender_first = order < 0 || (order == 0 && tuple.src_port <= tuple.dst_port);
  const PacketTuple& t = tuple;
  out.key.address_a = sender_first ? t.src.bytes : t.dst.bytes;
  out.key.address_b = sender_first ? t.dst.bytes : t.src.bytes;
  out.key.port_a = sender_first ? t.src_port : t.dst_port;
  out.key.port_b = sender_first ? t.dst_port : t.src_port;
  out.key.transport = t.transport;
  out.key.family = t.src.family;
  out.direction = sender_first ? 0 : 1;
  return out;
}

// Multiplies two words into 128 bits and folds the halves together: one multiplication
// spreads every input bit over the result, and independent ones run in parallel.
// (__extension__: GCC and Clang have the 128-bit type on every 64-bit target pclassify
// builds for; -Wpedantic would otherwise flag it.)
__extension__ typedef unsigned __int128 Uint128;
inline uint64_t fold_multiply(uint64_t a, uint64_t b) {
  const Uint128 product = static_cast<Uint128>(a) * b;
  return static_cast<uint64_t>(product) ^ static_cast<uint64_t>(product >> 64);
}

// A fast 64-bit hash of the key's bytes, keyed by `seed`: the five words are multiplied in
// pairs (three independent multiplications, then one to combine them). The chain of five
// dependent multiply-xorshift rounds it replaces was 6% of a whole run.
// Not a cryptographic hash: the seed (random per table) is mixed into every operand, so
// nobody can build keys that collide, or zero an operand, without knowing the process's
// seed; a set of keys built to collide under one seed does not collide under another.
inline uint64_t hash_flow_key(const FlowKey& key, uint64_t seed = 0x243f6a8885a308d3ULL) {
  std::array<uint64_t, 5> w{};
  static_assert(sizeof(w) >= sizeof(FlowKey));
  std::memcpy(w.data(), &key, sizeof(FlowKey));
  // Arbitrary odd constants with well-mixed bits, so that equal words in different
  // positions do not cancel.
  constexpr uint64_t k0 = 0xa0761d6478bd642fULL, k1 = 0xe7037ed1a0b428dbULL,
                     k2 = 0x8ebc6af09c88c6e3ULL, k3 = 0x589965cc75374cc3ULL,
                     k4 = 0x1d8e4e27c47d124fULL, k5 = 0x9e3779b97f4a7c15ULL;
  const uint64_t ab = fold_multiply(w[0] ^ seed ^ k0, w[1] ^ seed ^ k1);
  const uint64_t cd = fold_multiply(w[2] ^ seed ^ k2, w[3] ^ seed ^ k3);
  const uint64_t e = fold_multiply(w[4] ^ seed ^ k4, seed ^ k5);
  return fold_multiply(ab ^ cd ^ k5, e ^ k1);
}

}  // namespace pclassify
