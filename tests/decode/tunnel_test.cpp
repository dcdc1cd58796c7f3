// GRE (plain, key/sequence, Ethernet bridging, ERSPAN, PPTP), IP-in-IP and VXLAN: the inner
// flow is returned, with the innermost tunnel and the nesting depth.
#include <gtest/gtest.h>

#include "decode_test_util.h"

namespace pclassify::test {
namespace {

Bytes inner_v4() { return ipv4(kClient4, kServer4, 6, tcp(49152, 443, kSyn, {})); }
Bytes inner_v6() { return ipv6(kClient6, kServer6, 17, udp(5000, 53, text("q"))); }
Bytes outer_v4(uint8_t protocol, const Bytes& payload) {
  return ethernet(0x0800, ipv4(kOuterA4, kOuterB4, protocol, payload));
}

void expect_inner_v4(const DecodedPacket& p) {
  expect_flow(p, ip(kClient4), 49152, ip(kServer4), 443, Transport::tcp);
  EXPECT_EQ(p.role, HandshakeRole::opener);
}

void expect_tunnel(const DecodedPacket& p, TunnelKind kind, uint8_t depth, uint32_t vni = 0) {
  EXPECT_EQ(p.tunnel.kind, kind);
  EXPECT_EQ(p.tunnel_depth, depth);
  EXPECT_EQ(p.tunnel.vni, vni);
}

TEST(Gre, PlainIpv4) {
  const DecodedPacket p = decode_eth(outer_v4(47, gre(0x0800, inner_v4())));
  expect_inner_v4(p);
  expect_tunnel(p, TunnelKind::gre, 1);
  EXPECT_EQ(p.tunnel.outer_src, ip(kOuterA4));
  EXPECT_EQ(p.tunnel.outer_dst, ip(kOuterB4));
}

TEST(Gre, ChecksumKeyAndSequence) {
  const DecodedPacket p =
      decode_eth(outer_v4(47, gre(0x86DD, inner_v6(), 0xDEAD, 12345, /*checksum=*/true)));
  expect_flow(p, ip(kClient6), 5000, ip(kServer6), 53, Transport::udp);
  expect_tunnel(p, TunnelKind::gre, 1, 0xDEAD);
}

TEST(Gre, TransparentEthernetBridging) {
  const DecodedPacket p =
      decode_eth(outer_v4(47, gre(0x6558, ethernet(0x8100, vlan_tag(7, 0x0800, inner_v4())), 9)));
  expect_inner_v4(p);
  expect_tunnel(p, TunnelKind::gre, 1, 9);
}

TEST(Gre, ErspanTypes) {
  // Type I: no sequence number, no ERSPAN header.
  expect_inner_v4(decode_eth(outer_v4(47, gre(0x88BE, ethernet(0x0800, inner_v4())))));
  // Type II: sequence number and an 8-byte header.
  Bytes type2 = {0x10, 0x01, 0x00, 0x05, 0, 0, 0, 1};
  append(type2, ethernet(0x0800, inner_v4()));
  expect_inner_v4(decode_eth(outer_v4(47, gre(0x88BE, type2, std::nullopt, 77))));
  // Type III: a 12-byte header, plus the 8-byte platform subheader when O is set.
  Bytes type3 = {0x20, 0x01, 0x00, 0x05, 0, 0, 0, 0, 0, 0, 0, 0x01};
  append(type3, Bytes(8, 0));
  append(type3, ethernet(0x0800, inner_v4()));
  expect_inner_v4(decode_eth(outer_v4(47, gre(0x22EB, type3, std::nullopt, 78))));
}

TEST(Gre, PptpEnhancedGreCarriesPpp) {
  Bytes header;
  put16(header, 0x3001 | 0x0080);  // K, S, A, version 1
  put16(header, 0x880B);
  Bytes ppp = {0xFF, 0x03, 0x00, 0x21};
  append(ppp, inner_v4());
  put16(header, static_cast<uint16_t>(ppp.size()));  // key: payload length...
  put16(header, 0x0042);                             // ...and call id
  put32(header, 5);                                  // sequence
  put32(header, 4);                                  // acknowledgment
  append(header, ppp);
  const DecodedPacket p = decode_eth(outer_v4(47, header));
  expect_inner_v4(p);
  EXPECT_EQ(p.tunnel.kind, TunnelKind::gre);
}

TEST(Gre, MalformedHeaders) {
  Bytes bad_version = gre(0x0800, inner_v4());
  bad_version[1] = 0x03;
  expect_anomaly(decode_eth(outer_v4(47, bad_version)), Anomaly::bad_gre_header);
  // A key flag with the key field missing from the (complete) packet.
  Bytes missing_key = {0x20, 0x00, 0x08, 0x00, 0x00};
  expect_anomaly(decode_eth(outer_v4(47, missing_key)), Anomaly::truncated_tunnel_header);
}

TEST(IpInIp, AllFourCombinations) {
  const DecodedPacket four_in_four = decode_eth(outer_v4(4, inner_v4()));
  expect_inner_v4(four_in_four);
  expect_tunnel(four_in_four, TunnelKind::ip_in_ip, 1);
  EXPECT_EQ(four_in_four.tunnel.outer_src, ip(kOuterA4));

  const DecodedPacket six_in_four = decode_eth(outer_v4(41, inner_v6()));
  expect_flow(six_in_four, ip(kClient6), 5000, ip(kServer6), 53, Transport::udp);
  expect_tunnel(six_in_four, TunnelKind::ip_in_ip, 1);

  const V6 a = {0xfd, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xa};
  const V6 b = {0xfd, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xb};
  const DecodedPacket four_in_six = decode_eth(ethernet(0x86DD, ipv6(a, b, 4, inner_v4())));
  expect_inner_v4(four_in_six);
  expect_tunnel(four_in_six, TunnelKind::ip_in_ip, 1);
  EXPECT_EQ(four_in_six.tunnel.outer_dst, ip(b));

  const DecodedPacket six_in_six = decode_eth(ethernet(0x86DD, ipv6(a, b, 41, inner_v6())));
  expect_flow(six_in_six, ip(kClient6), 5000, ip(kServer6), 53, Transport::udp);
  expect_tunnel(six_in_six, TunnelKind::ip_in_ip, 1);
}

TEST(Vxlan, InnerFrameIsTheFlow) {
  const Bytes frame = outer_v4(17, udp(61000, 4789, vxlan(5001, ethernet(0x0800, inner_v4()))));
  const DecodedPacket p = decode_eth(frame);
  expect_inner_v4(p);
  expect_tunnel(p, TunnelKind::vxlan, 1, 5001);
  EXPECT_EQ(p.tunnel.outer_src, ip(kOuterA4));
}

TEST(Vxlan, WithoutTheIFlagItIsPlainUdp) {
  const Bytes frame =
      outer_v4(17, udp(61000, 4789, vxlan(5001, ethernet(0x0800, inner_v4()), 0x00)));
  const DecodedPacket p = decode_eth(frame);
  expect_flow(p, ip(kOuterA4), 61000, ip(kOuterB4), 4789, Transport::udp);
  EXPECT_EQ(p.tunnel_depth, 0);
}

TEST(Tunnels, NestedTunnelsReportTheInnermost) {
  // VXLAN inside GRE inside IP-in-IP.
  const Bytes vx =
      ipv4(kOuterB4, kOuterA4, 17, udp(1, 4789, vxlan(77, ethernet(0x0800, inner_v4()))));
  const Bytes in_gre = ipv4(kServer4, kClient4, 47, gre(0x0800, vx));
  const DecodedPacket p = decode_eth(outer_v4(4, in_gre));
  expect_inner_v4(p);
  expect_tunnel(p, TunnelKind::vxlan, 3, 77);
  EXPECT_EQ(p.tunnel.outer_src, ip(kOuterB4));
}

TEST(Tunnels, NestingIsBounded) {
  Bytes packet = inner_v4();
  for (int i = 0; i < 10; ++i) packet = ipv4(kOuterA4, kOuterB4, 4, packet);
  expect_anomaly(decode_eth(ethernet(0x0800, packet)), Anomaly::tunnel_too_deep);
}

}  // namespace
}  // namespace pclassify::test
