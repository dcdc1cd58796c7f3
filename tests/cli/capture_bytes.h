// Builds capture files byte by byte for the reader tests: classic pcap in either byte
// order and timestamp precision, pcapng blocks, and small Ethernet/IPv4 frames.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace pclassify::test {

using Bytes = std::vector<uint8_t>;

class ByteWriter {
 public:
  explicit ByteWriter(bool big_endian) : big_endian_(big_endian) {}
  ByteWriter& u8(uint8_t v) {
    bytes_.push_back(v);
    return *this;
  }
  ByteWriter& u16(uint16_t v) {
    return big_endian_ ? u8(uint8_t(v >> 8)).u8(uint8_t(v)) : u8(uint8_t(v)).u8(uint8_t(v >> 8));
  }
  ByteWriter& u32(uint32_t v) {
    return big_endian_ ? u16(uint16_t(v >> 16)).u16(uint16_t(v))
                       : u16(uint16_t(v)).u16(uint16_t(v >> 16));
  }
  ByteWriter& bytes(const Bytes& b) {
    bytes_.insert(bytes_.end(), b.begin(), b.end());
    return *this;
  }
  ByteWriter& pad4() {
    while (bytes_.size() % 4 != 0) bytes_.push_back(0);
    return *this;
  }
  const Bytes& data() const { return bytes_; }
  size_t size() const { return bytes_.size(); }

 private:
  bool big_endian_;
  Bytes bytes_;
};

// An Ethernet + IPv4 + UDP or TCP frame (checksums zero; the decoder does not check them).
// `tcp_flags` 0 makes UDP, anything else TCP with those flags.
inline Bytes ipv4_frame(uint32_t src, uint32_t dst, uint16_t sport, uint16_t dport,
                        uint8_t tcp_flags = 0, size_t payload = 0) {
  ByteWriter w(true);
  w.u32(0x02000000).u16(0x0001).u32(0x02000000).u16(0x0002).u16(0x0800);  // MACs, IPv4
  const bool tcp = tcp_flags != 0;
  const size_t l4 = tcp ? 20 : 8;
  w.u8(0x45).u8(0).u16(uint16_t(20 + l4 + payload)).u16(1).u16(0).u8(64).u8(tcp ? 6 : 17).u16(0);
  w.u32(src).u32(dst);
  if (tcp) {
    w.u16(sport).u16(dport).u32(1).u32(0).u8(0x50).u8(tcp_flags).u16(65535).u16(0).u16(0);
  } else {
    w.u16(sport).u16(dport).u16(uint16_t(8 + payload)).u16(0);
  }
  for (size_t i = 0; i < payload; ++i) w.u8(uint8_t('a' + i % 26));
  return w.data();
}

struct PcapOptions {
  bool big_endian = false;
  bool nanoseconds = false;
  uint32_t snaplen = 65535;
  uint32_t link_type = 1;
};

inline ByteWriter pcap_header(const PcapOptions& o) {
  ByteWriter w(o.big_endian);
  w.u32(o.nanoseconds ? 0xa1b23c4d : 0xa1b2c3d4).u16(2).u16(4).u32(0).u32(0);
  w.u32(o.snaplen).u32(o.link_type);
  return w;
}

inline void pcap_record(ByteWriter& w, uint32_t seconds, uint32_t fraction, const Bytes& frame,
                        uint32_t wire_length = 0) {
  w.u32(seconds).u32(fraction).u32(uint32_t(frame.size()));
  w.u32(wire_length ? wire_length : uint32_t(frame.size())).bytes(frame);
}

// pcapng blocks: type, total length, body (padded), total length.
inline void pcapng_block(ByteWriter& w, uint32_t type, const Bytes& body) {
  Bytes padded = body;
  while (padded.size() % 4 != 0) padded.push_back(0);
  const auto length = uint32_t(12 + padded.size());
  w.u32(type).u32(length).bytes(padded).u32(length);
}

inline void pcapng_section(ByteWriter& w, bool big_endian) {
  ByteWriter body(big_endian);
  body.u32(0x1A2B3C4D).u16(1).u16(0).u32(0xffffffff).u32(0xffffffff);
  pcapng_block(w, 0x0A0D0D0A, body.data());
}

// An Interface Description Block; `tsresol` 0 leaves the default (microseconds).
inline void pcapng_interface(ByteWriter& w, bool big_endian, uint16_t link_type,
                             uint32_t snaplen, uint8_t tsresol = 0) {
  ByteWriter body(big_endian);
  body.u16(link_type).u16(0).u32(snaplen);
  if (tsresol != 0) body.u16(9).u16(1).u8(tsresol).u8(0).u8(0).u8(0);
  body.u16(0).u16(0);  // opt_endofopt
  pcapng_block(w, 1, body.data());
}

inline void pcapng_enhanced_packet(ByteWriter& w, bool big_endian, uint32_t interface,
                                   uint64_t timestamp_units, const Bytes& frame) {
  ByteWriter body(big_endian);
  body.u32(interface).u32(uint32_t(timestamp_units >> 32)).u32(uint32_t(timestamp_units));
  body.u32(uint32_t(frame.size())).u32(uint32_t(frame.size())).bytes(frame);
  pcapng_block(w, 6, body.data());
}

}  // namespace pclassify::test
