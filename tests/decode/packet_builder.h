// Assembles test packets byte by byte, from the inside out: each function takes the
// payload it encapsulates and returns the bytes with its header in front, with length
// fields computed unless a test overrides them to build a malformed packet.
#pragma once

#include <array>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <vector>

#include "net/ip_address.h"

namespace pclassify::test {

using Bytes = std::vector<uint8_t>;
using V4 = std::array<uint8_t, 4>;
using V6 = std::array<uint8_t, 16>;

inline void put8(Bytes& b, uint32_t v) { b.push_back(static_cast<uint8_t>(v)); }
inline void put16(Bytes& b, uint32_t v) {
  put8(b, v >> 8);
  put8(b, v);
}
inline void put24(Bytes& b, uint32_t v) {
  put8(b, v >> 16);
  put16(b, v);
}
inline void put32(Bytes& b, uint32_t v) {
  put16(b, v >> 16);
  put16(b, v);
}
inline void append(Bytes& b, const Bytes& more) { b.insert(b.end(), more.begin(), more.end()); }
inline Bytes concat(std::initializer_list<Bytes> parts) {
  Bytes out;
  for (const Bytes& p : parts) append(out, p);
  return out;
}
inline Bytes text(const char* s) {
  Bytes b;
  while (*s != 0) b.push_back(static_cast<uint8_t>(*s++));
  return b;
}

inline IpAddress ip(const V4& a) {
  IpAddress r;
  r.family = 4;
  for (size_t i = 0; i < 4; ++i) r.bytes[i] = a[i];
  return r;
}
inline IpAddress ip(const V6& a) {
  IpAddress r;
  r.family = 6;
  r.bytes = a;
  return r;
}

inline constexpr V4 kClient4 = {192, 0, 2, 1};
inline constexpr V4 kServer4 = {198, 51, 100, 7};
inline constexpr V4 kOuterA4 = {203, 0, 113, 1};
inline constexpr V4 kOuterB4 = {203, 0, 113, 2};
inline constexpr V6 kClient6 = {0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
inline constexpr V6 kServer6 = {0x20, 0x01, 0x0d, 0xb8, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2};

// ---- link layers ----

inline Bytes ethernet(uint16_t type_or_length, const Bytes& payload) {
  Bytes b = {0x02, 0, 0, 0, 0, 1, 0x02, 0, 0, 0, 0, 2};
  put16(b, type_or_length);
  append(b, payload);
  return b;
}

// One 802.1Q/802.1ad tag body (what follows the TPID): TCI, then the inner ethertype.
inline Bytes vlan_tag(uint16_t vid, uint16_t inner_type, const Bytes& payload) {
  Bytes b;
  put16(b, vid & 0x0FFF);
  put16(b, inner_type);
  append(b, payload);
  return b;
}

inline Bytes mpls(const std::vector<uint32_t>& labels, const Bytes& payload) {
  Bytes b;
  for (size_t i = 0; i < labels.size(); ++i) {
    const uint32_t bottom = i + 1 == labels.size() ? 0x100 : 0;
    put32(b, (labels[i] << 12) | bottom | 64);
  }
  append(b, payload);
  return b;
}

inline Bytes pppoe_session(uint16_t ppp_protocol, const Bytes& payload,
                           std::optional<uint16_t> length = std::nullopt) {
  Bytes b = {0x11, 0x00};
  put16(b, 0x1234);
  put16(b, length.value_or(static_cast<uint16_t>(payload.size() + 2)));
  put16(b, ppp_protocol);
  append(b, payload);
  return b;
}

inline Bytes linux_sll(uint16_t protocol, const Bytes& payload, uint16_t arphrd = 1) {
  Bytes b;
  put16(b, 0);  // to us
  put16(b, arphrd);
  put16(b, 6);
  for (int i = 0; i < 8; ++i) put8(b, i < 6 ? 0x10 + i : 0);
  put16(b, protocol);
  append(b, payload);
  return b;
}

inline Bytes linux_sll2(uint16_t protocol, const Bytes& payload, uint16_t arphrd = 1) {
  Bytes b;
  put16(b, protocol);
  put16(b, 0);
  put32(b, 3);  // interface index
  put16(b, arphrd);
  put8(b, 0);
  put8(b, 6);
  for (int i = 0; i < 8; ++i) put8(b, i < 6 ? 0x10 + i : 0);
  append(b, payload);
  return b;
}

inline Bytes bsd_family(uint32_t family, bool little_endian, const Bytes& payload) {
  Bytes b;
  if (little_endian) {
    for (int i = 0; i < 4; ++i) put8(b, family >> (8 * i));
  } else {
    put32(b, family);
  }
  append(b, payload);
  return b;
}

// ---- network layers ----

struct Ipv4Options {
  uint16_t id = 0x4242;
  uint16_t flags_offset = 0;  // raw flags + fragment offset field
  Bytes options;              // must be a multiple of 4 bytes
  std::optional<uint16_t> total_length;
  std::optional<uint8_t> version_ihl;
};

inline Bytes ipv4(const V4& src, const V4& dst, uint8_t protocol, const Bytes& payload,
                  const Ipv4Options& o = {}) {
  Bytes b;
  const size_t header_length = 20 + o.options.size();
  put8(b, o.version_ihl.value_or(static_cast<uint8_t>(0x40 | (header_length / 4))));
  put8(b, 0);
  put16(b, o.total_length.value_or(static_cast<uint16_t>(header_length + payload.size())));
  put16(b, o.id);
  put16(b, o.flags_offset);
  put8(b, 64);
  put8(b, protocol);
  put16(b, 0);
  b.insert(b.end(), src.begin(), src.end());
  b.insert(b.end(), dst.begin(), dst.end());
  append(b, o.options);
  append(b, payload);
  return b;
}

inline Bytes ipv6(const V6& src, const V6& dst, uint8_t next_header, const Bytes& payload,
                  std::optional<uint16_t> payload_length = std::nullopt) {
  Bytes b;
  put32(b, 0x60000000);
  put16(b, payload_length.value_or(static_cast<uint16_t>(payload.size())));
  put8(b, next_header);
  put8(b, 64);
  b.insert(b.end(), src.begin(), src.end());
  b.insert(b.end(), dst.begin(), dst.end());
  append(b, payload);
  return b;
}

// A generic IPv6 extension header (hop-by-hop, routing, destination options) of
// 8 * (1 + units) bytes, padded with PadN.
inline Bytes ipv6_extension(uint8_t next_header, uint8_t units, const Bytes& payload) {
  Bytes b = {next_header, units};
  const size_t length = 8 * (size_t{units} + 1);
  while (b.size() < length) put8(b, 0);
  append(b, payload);
  return b;
}

inline Bytes ipv6_fragment(uint8_t next_header, uint16_t offset_bytes, bool more, uint32_t id,
                           const Bytes& payload) {
  Bytes b = {next_header, 0};
  put16(b, (offset_bytes & 0xFFF8) | (more ? 1 : 0));
  put32(b, id);
  append(b, payload);
  return b;
}

inline Bytes auth_header(uint8_t next_header, const Bytes& payload) {
  Bytes b = {next_header, 4};  // (4 + 2) * 4 = 24 bytes: 12 fixed + 12 ICV
  put16(b, 0);
  put32(b, 0x1000);  // SPI
  put32(b, 1);       // sequence
  for (int i = 0; i < 12; ++i) put8(b, 0xAA);
  append(b, payload);
  return b;
}

// ---- transports ----

inline constexpr uint8_t kFin = 0x01, kSyn = 0x02, kRst = 0x04, kPsh = 0x08, kAck = 0x10;

inline Bytes tcp(uint16_t src_port, uint16_t dst_port, uint8_t flags, const Bytes& payload,
                 const Bytes& options = {}, std::optional<uint8_t> data_offset = std::nullopt) {
  Bytes b;
  put16(b, src_port);
  put16(b, dst_port);
  put32(b, 1000);
  put32(b, (flags & kAck) != 0 ? 2000 : 0);
  put8(b, data_offset.value_or(static_cast<uint8_t>((20 + options.size()) / 4)) << 4);
  put8(b, flags);
  put16(b, 65535);
  put16(b, 0);
  put16(b, 0);
  append(b, options);
  append(b, payload);
  return b;
}

inline Bytes udp(uint16_t src_port, uint16_t dst_port, const Bytes& payload,
                 std::optional<uint16_t> length = std::nullopt) {
  Bytes b;
  put16(b, src_port);
  put16(b, dst_port);
  put16(b, length.value_or(static_cast<uint16_t>(8 + payload.size())));
  put16(b, 0);
  append(b, payload);
  return b;
}

inline Bytes sctp(uint16_t src_port, uint16_t dst_port, uint8_t chunk_type,
                  const Bytes& chunk_value, std::optional<uint16_t> chunk_length = std::nullopt) {
  Bytes b;
  put16(b, src_port);
  put16(b, dst_port);
  put32(b, chunk_type == 1 ? 0 : 0xCAFEF00D);
  put32(b, 0);  // CRC32c, not checked
  put8(b, chunk_type);
  put8(b, 0);
  put16(b, chunk_length.value_or(static_cast<uint16_t>(4 + chunk_value.size())));
  append(b, chunk_value);
  return b;
}

inline constexpr uint8_t kDccpRequest = 0, kDccpResponse = 1, kDccpData = 2, kDccpAck = 3;

// A DCCP packet with the type-specific fields the type needs, no options.
inline Bytes dccp(uint16_t src_port, uint16_t dst_port, uint8_t type, bool extended,
                  uint32_t service_code, const Bytes& payload,
                  std::optional<uint8_t> data_offset = std::nullopt) {
  Bytes fields;
  if (type != kDccpRequest && type != kDccpData) {
    if (extended) {
      put16(fields, 0);
      put16(fields, 0);
      put32(fields, 77);  // acknowledgement number, 48 bits
    } else {
      put8(fields, 0);
      put24(fields, 77);
    }
  }
  if (type == kDccpRequest || type == kDccpResponse) put32(fields, service_code);
  const size_t header_length = (extended ? 16 : 12) + fields.size();
  Bytes b;
  put16(b, src_port);
  put16(b, dst_port);
  put8(b, data_offset.value_or(static_cast<uint8_t>(header_length / 4)));
  put8(b, 0);
  put16(b, 0);
  put8(b, static_cast<uint32_t>(type << 1) | (extended ? 1 : 0));
  if (extended) {
    put8(b, 0);
    put16(b, 0);
    put32(b, 5);
  } else {
    put24(b, 5);
  }
  append(b, fields);
  append(b, payload);
  return b;
}

// ---- tunnels ----

inline Bytes gre(uint16_t protocol, const Bytes& payload, std::optional<uint32_t> key = {},
                 std::optional<uint32_t> sequence = {}, bool checksum = false) {
  Bytes b;
  uint16_t flags = 0;
  if (checksum) flags |= 0x8000;
  if (key) flags |= 0x2000;
  if (sequence) flags |= 0x1000;
  put16(b, flags);
  put16(b, protocol);
  if (checksum) put32(b, 0);
  if (key) put32(b, *key);
  if (sequence) put32(b, *sequence);
  append(b, payload);
  return b;
}

inline Bytes vxlan(uint32_t vni, const Bytes& inner_frame, uint8_t flags = 0x08) {
  Bytes b = {flags, 0, 0, 0};
  put24(b, vni);
  put8(b, 0);
  append(b, inner_frame);
  return b;
}

// ---- convenient whole packets ----

inline Bytes tcp_syn_v4() {
  return ethernet(0x0800, ipv4(kClient4, kServer4, 6, tcp(49152, 443, kSyn, {})));
}

}  // namespace pclassify::test
