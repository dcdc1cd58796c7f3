// Every supported link type and link-level encapsulation, carrying the same TCP SYN.
#include <gtest/gtest.h>

#include "decode_test_util.h"

namespace pclassify::test {
namespace {

Bytes syn_v4() { return ipv4(kClient4, kServer4, 6, tcp(49152, 443, kSyn, {})); }
Bytes syn_v6() { return ipv6(kClient6, kServer6, 6, tcp(49152, 443, kSyn, {})); }

struct LinkCase {
  const char* name;
  int link_type;
  Bytes frame;
  bool v6;
};

std::vector<LinkCase> link_cases() {
  return {
      {"ethernet_v4", 1, ethernet(0x0800, syn_v4()), false},
      {"ethernet_v6", 1, ethernet(0x86DD, syn_v6()), true},
      {"ethernet_8023_snap", 1,
       [] {
         Bytes llc = {0xAA, 0xAA, 0x03, 0, 0, 0, 0x08, 0x00};
         append(llc, syn_v4());
         return ethernet(static_cast<uint16_t>(llc.size()), llc);
       }(),
       false},
      {"vlan", 1, ethernet(0x8100, vlan_tag(10, 0x0800, syn_v4())), false},
      {"qinq_88a8", 1, ethernet(0x88A8, vlan_tag(100, 0x8100, vlan_tag(10, 0x86DD, syn_v6()))),
       true},
      {"qinq_9100", 1, ethernet(0x9100, vlan_tag(100, 0x8100, vlan_tag(10, 0x0800, syn_v4()))),
       false},
      {"mpls_one_label_v4", 1, ethernet(0x8847, mpls({16}, syn_v4())), false},
      {"mpls_stack_v6", 1, ethernet(0x8847, mpls({16, 17, 18}, syn_v6())), true},
      {"mpls_multicast", 1, ethernet(0x8848, mpls({16}, syn_v4())), false},
      {"mpls_ipv6_explicit_null", 1, ethernet(0x8847, mpls({2}, syn_v6())), true},
      {"vlan_then_mpls", 1, ethernet(0x8100, vlan_tag(5, 0x8847, mpls({99}, syn_v4()))), false},
      {"pppoe_v4", 1, ethernet(0x8864, pppoe_session(0x0021, syn_v4())), false},
      {"pppoe_v6", 1, ethernet(0x8864, pppoe_session(0x0057, syn_v6())), true},
      {"linux_sll", 113, linux_sll(0x0800, syn_v4()), false},
      {"linux_sll2", 276, linux_sll2(0x86DD, syn_v6()), true},
      {"raw_101_v4", 101, syn_v4(), false},
      {"raw_101_v6", 101, syn_v6(), true},
      {"raw_12", 12, syn_v4(), false},
      {"raw_14", 14, syn_v6(), true},
      {"ipv4_228", 228, syn_v4(), false},
      {"ipv6_229", 229, syn_v6(), true},
      {"null_little_endian_v4", 0, bsd_family(2, true, syn_v4()), false},
      {"null_big_endian_v4", 0, bsd_family(2, false, syn_v4()), false},
      {"null_darwin_v6", 0, bsd_family(30, true, syn_v6()), true},
      {"null_freebsd_v6", 0, bsd_family(28, true, syn_v6()), true},
      {"loop_openbsd_v6", 108, bsd_family(24, false, syn_v6()), true},
      {"ppp_with_address_control", 9, concat({{0xFF, 0x03, 0x00, 0x21}, syn_v4()}), false},
      {"ppp_without_address_control", 9, concat({{0x00, 0x57}, syn_v6()}), true},
      {"ppp_protocol_compressed", 9, concat({{0x21}, syn_v4()}), false},
      {"ppp_hdlc", 50, concat({{0xFF, 0x03, 0x00, 0x21}, syn_v4()}), false},
      {"cisco_hdlc_in_ppp_hdlc", 50, concat({{0x0F, 0x00, 0x86, 0xDD}, syn_v6()}), true},
  };
}

TEST(LinkLayer, EveryLinkTypeReachesTheTcpSyn) {
  for (const LinkCase& c : link_cases()) {
    SCOPED_TRACE(c.name);
    const DecodedPacket p = decode(c.link_type, c.frame);
    if (c.v6) {
      expect_flow(p, ip(kClient6), 49152, ip(kServer6), 443, Transport::tcp);
    } else {
      expect_flow(p, ip(kClient4), 49152, ip(kServer4), 443, Transport::tcp);
    }
    EXPECT_EQ(p.role, HandshakeRole::opener);
    EXPECT_EQ(p.tunnel_depth, 0);
    EXPECT_EQ(p.ip_protocol, 6);
  }
}

TEST(LinkLayer, UnknownLinkTypeIsNamed) {
  expect_anomaly(decode(147, syn_v4()), Anomaly::unsupported_link_type);
}

TEST(LinkLayer, NonIpEthertypesAreNotFlows) {
  const Bytes arp(28, 0);
  EXPECT_EQ(decode_eth(ethernet(0x0806, arp)).status, DecodeStatus::not_a_flow);
  EXPECT_EQ(decode_eth(ethernet(0x88CC, arp)).status, DecodeStatus::not_a_flow);  // LLDP
  // Spanning tree: 802.3 length with plain LLC.
  Bytes stp = {0x42, 0x42, 0x03, 0, 0, 0, 0};
  EXPECT_EQ(decode_eth(ethernet(static_cast<uint16_t>(stp.size()), stp)).status,
            DecodeStatus::not_a_flow);
  // PPP control protocol (LCP) inside PPPoE.
  EXPECT_EQ(decode_eth(ethernet(0x8864, pppoe_session(0xC021, Bytes(8, 1)))).status,
            DecodeStatus::not_a_flow);
  // Netlink in Linux SLL.
  EXPECT_EQ(decode(113, linux_sll(0x0000, Bytes(16, 0), 824)).status, DecodeStatus::not_a_flow);
}

TEST(LinkLayer, RawIpWithWrongVersionIsAnomaly) {
  Bytes packet = syn_v4();
  packet[0] = 0x55;
  expect_anomaly(decode(101, packet), Anomaly::bad_ip_version);
  // The ethertype promises IPv4 but the header is IPv6.
  expect_anomaly(decode_eth(ethernet(0x0800, syn_v6())), Anomaly::bad_ip_version);
}

TEST(LinkLayer, PppoeHeaderIsChecked) {
  Bytes frame = ethernet(0x8864, pppoe_session(0x0021, syn_v4()));
  frame[14] = 0x21;  // version 2
  expect_anomaly(decode_eth(frame), Anomaly::bad_pppoe_header);
  expect_anomaly(decode_eth(ethernet(0x8864, pppoe_session(0x0021, syn_v4(), 500))),
                 Anomaly::bad_pppoe_header);
}

TEST(LinkLayer, MplsStackDepthIsBounded) {
  std::vector<uint32_t> labels(40, 16);
  expect_anomaly(decode_eth(ethernet(0x8847, mpls(labels, syn_v4()))),
                 Anomaly::mpls_stack_too_deep);
  // A pseudowire control word after the stack is not guessed at.
  EXPECT_EQ(decode_eth(ethernet(0x8847, mpls({16}, Bytes(30, 0)))).status,
            DecodeStatus::not_a_flow);
}

TEST(LinkLayer, EndlessVlanTagsHitTheLayerBudget) {
  Bytes inner = syn_v4();
  uint16_t type = 0x0800;
  for (int i = 0; i < 100; ++i) {
    inner = vlan_tag(static_cast<uint16_t>(i), type, inner);
    type = 0x8100;
  }
  expect_anomaly(decode_eth(ethernet(0x8100, inner)), Anomaly::too_many_layers);
}

TEST(LinkLayer, EthernetPaddingIsNotPayload) {
  // A 54-byte SYN padded to Ethernet's 60-byte minimum.
  Bytes frame = tcp_syn_v4();
  frame.resize(60, 0);
  const DecodedPacket p = decode_eth(frame);
  ASSERT_EQ(p.status, DecodeStatus::flow);
  EXPECT_TRUE(p.payload.empty());
  EXPECT_EQ(p.payload_wire_length, 0u);
  EXPECT_EQ(p.ip_wire_length, 40u);
}

}  // namespace
}  // namespace pclassify::test
