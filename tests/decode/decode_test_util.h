// Shared helpers for the decode tests.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "decode/packet.h"
#include "packet_builder.h"

namespace pclassify::test {

inline constexpr int kEthernet = 1;

inline DecodedPacket decode(int link_type, const Bytes& bytes) {
  return decode_packet(link_type, bytes, static_cast<uint32_t>(bytes.size()));
}
inline DecodedPacket decode_eth(const Bytes& bytes) { return decode(kEthernet, bytes); }

inline std::string describe(const DecodedPacket& p) {
  std::string s = "status=" + std::to_string(static_cast<int>(p.status)) +
                  " anomaly=" + std::string(anomaly_name(p.anomaly));
  if (p.status == DecodeStatus::flow) {
    s += " " + p.tuple.src.to_string() + ":" + std::to_string(p.tuple.src_port) + " -> " +
         p.tuple.dst.to_string() + ":" + std::to_string(p.tuple.dst_port) + "/" +
         std::string(transport_name(p.tuple.transport));
  }
  return s;
}

inline void expect_flow(const DecodedPacket& p, const IpAddress& src, uint16_t src_port,
                        const IpAddress& dst, uint16_t dst_port, Transport transport) {
  ASSERT_EQ(p.status, DecodeStatus::flow) << describe(p);
  EXPECT_EQ(p.tuple.src, src) << p.tuple.src.to_string();
  EXPECT_EQ(p.tuple.dst, dst) << p.tuple.dst.to_string();
  EXPECT_EQ(p.tuple.src_port, src_port);
  EXPECT_EQ(p.tuple.dst_port, dst_port);
  EXPECT_EQ(p.tuple.transport, transport);
}

inline void expect_anomaly(const DecodedPacket& p, Anomaly anomaly) {
  EXPECT_EQ(p.status, DecodeStatus::anomaly) << describe(p);
  EXPECT_EQ(anomaly_name(p.anomaly), anomaly_name(anomaly)) << describe(p);
}

}  // namespace pclassify::test
