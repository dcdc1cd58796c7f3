// IPv4 (options, lengths, fragments) and IPv6 (extension chains, fragments).
#include <gtest/gtest.h>

#include "decode_test_util.h"

namespace pclassify::test {
namespace {

// ---- IPv4 ----

TEST(Ipv4, OptionsAreSkipped) {
  Ipv4Options o;
  // Record Route with room for two addresses (11 bytes) + NOP: IHL 8.
  o.options = {7, 11, 4, 0, 0, 0, 0, 0, 0, 0, 0, 1};
  const Bytes frame =
      ethernet(0x0800, ipv4(kClient4, kServer4, 6, tcp(40000, 80, kAck | kPsh, text("GET /")), o));
  const DecodedPacket p = decode_eth(frame);
  expect_flow(p, ip(kClient4), 40000, ip(kServer4), 80, Transport::tcp);
  ASSERT_EQ(p.payload.size(), 5u);
  EXPECT_EQ(p.payload[0], 'G');
  EXPECT_EQ(p.ip_wire_length, 32u + 20u + 5u);
}

TEST(Ipv4, HeaderLengthAndTotalLengthAreChecked) {
  Ipv4Options short_ihl;
  short_ihl.version_ihl = 0x44;
  expect_anomaly(
      decode_eth(ethernet(0x0800, ipv4(kClient4, kServer4, 6, tcp(1, 2, kSyn, {}), short_ihl))),
      Anomaly::bad_ip_header_length);
  Ipv4Options small_total;
  small_total.total_length = 12;
  expect_anomaly(
      decode_eth(ethernet(0x0800, ipv4(kClient4, kServer4, 6, tcp(1, 2, kSyn, {}), small_total))),
      Anomaly::bad_ip_total_length);
}

TEST(Ipv4, TotalLengthBeyondTheFrameIsASoftWarning) {
  // Seen in real traces (nDPI's telnet.pcap, badpackets.pcap): the headers are intact, so
  // the flow is decoded from the bytes present and the packet carries the warning.
  Ipv4Options big_total;
  big_total.total_length = 1500;
  const DecodedPacket p = decode_eth(
      ethernet(0x0800, ipv4(kClient4, kServer4, 17, udp(1000, 53, text("abc"), 1480), big_total)));
  expect_flow(p, ip(kClient4), 1000, ip(kServer4), 53, Transport::udp);
  EXPECT_EQ(p.anomaly, Anomaly::ip_length_beyond_frame);
  EXPECT_EQ(p.payload.size(), 3u);
  EXPECT_EQ(p.payload_wire_length, 3u);
}

TEST(Ipv4, ZeroTotalLengthIsSegmentationOffload) {
  Ipv4Options tso;
  tso.total_length = 0;
  const Bytes frame =
      ethernet(0x0800, ipv4(kClient4, kServer4, 6, tcp(40000, 80, kAck, Bytes(3000, 'x')), tso));
  const DecodedPacket p = decode_eth(frame);
  ASSERT_EQ(p.status, DecodeStatus::flow) << describe(p);
  EXPECT_EQ(p.payload.size(), 3000u);
}

TEST(Ipv4, FirstFragmentCarriesPortsAndItsId) {
  Ipv4Options first;
  first.id = 0xBEEF;
  first.flags_offset = 0x2000;  // MF, offset 0
  const Bytes frame =
      ethernet(0x0800, ipv4(kClient4, kServer4, 17, udp(5353, 53, Bytes(100, 1), 3000), first));
  const DecodedPacket p = decode_eth(frame);
  expect_flow(p, ip(kClient4), 5353, ip(kServer4), 53, Transport::udp);
  EXPECT_TRUE(p.first_fragment);
  EXPECT_EQ(p.fragment.id, 0xBEEFu);
  EXPECT_EQ(p.fragment.ip_protocol, 17);
  EXPECT_EQ(p.fragment.src, ip(kClient4));
  EXPECT_EQ(p.payload.size(), 100u);  // the UDP length (3000) covers all fragments
}

TEST(Ipv4, LaterFragmentHasNoPorts) {
  Ipv4Options later;
  later.id = 0xBEEF;
  later.flags_offset = 0x2000 | (1480 / 8);
  const Bytes frame = ethernet(0x0800, ipv4(kClient4, kServer4, 17, Bytes(1480, 7), later));
  const DecodedPacket p = decode_eth(frame);
  ASSERT_EQ(p.status, DecodeStatus::fragment) << describe(p);
  EXPECT_FALSE(p.first_fragment);
  EXPECT_EQ(p.fragment.id, 0xBEEFu);
  EXPECT_EQ(p.fragment.dst, ip(kServer4));
  EXPECT_EQ(p.fragment.ip_protocol, 17);
  EXPECT_EQ(p.payload.size(), 1480u);
  EXPECT_EQ(p.payload_wire_length, 1480u);

  // The last fragment (MF clear, offset set) is a later fragment too.
  later.flags_offset = 2960 / 8;
  EXPECT_EQ(decode_eth(ethernet(0x0800, ipv4(kClient4, kServer4, 17, Bytes(40, 7), later))).status,
            DecodeStatus::fragment);
}

TEST(Ipv4, FragmentBeyond64KIsMalformed) {
  Ipv4Options ping_of_death;
  ping_of_death.flags_offset = 0x1FFF;  // offset 65528
  expect_anomaly(
      decode_eth(ethernet(0x0800, ipv4(kClient4, kServer4, 1, Bytes(100, 0), ping_of_death))),
      Anomaly::bad_ip_fragment);
}

TEST(Ipv4, TinyFirstFragmentIsNamed) {
  Ipv4Options first;
  first.flags_offset = 0x2000;
  // Only 8 bytes of TCP header in fragment 0 (RFC 1858's tiny fragment attack).
  Bytes tcp_start = tcp(1234, 80, kSyn, {});
  tcp_start.resize(8);
  expect_anomaly(decode_eth(ethernet(0x0800, ipv4(kClient4, kServer4, 6, tcp_start, first))),
                 Anomaly::first_fragment_too_short);
}

TEST(Ipv4, AuthenticationHeaderIsWalked) {
  const Bytes frame =
      ethernet(0x0800, ipv4(kClient4, kServer4, 51, auth_header(6, tcp(1234, 22, kSyn, {}))));
  const DecodedPacket p = decode_eth(frame);
  expect_flow(p, ip(kClient4), 1234, ip(kServer4), 22, Transport::tcp);
  EXPECT_EQ(p.ip_protocol, 6);
}

TEST(Ipv4, OtherProtocolsAreNotFlows) {
  const DecodedPacket esp =
      decode_eth(ethernet(0x0800, ipv4(kClient4, kServer4, 50, Bytes(40, 3))));
  EXPECT_EQ(esp.status, DecodeStatus::not_a_flow);
  EXPECT_EQ(esp.ip_protocol, 50);
  const DecodedPacket ospf =
      decode_eth(ethernet(0x0800, ipv4(kClient4, kServer4, 89, Bytes(40, 3))));
  EXPECT_EQ(ospf.status, DecodeStatus::not_a_flow);
  EXPECT_EQ(ospf.ip_protocol, 89);
}

// ---- IPv6 ----

TEST(Ipv6, ExtensionChainLeadsToTransport) {
  // hop-by-hop -> routing -> destination options -> UDP
  const Bytes chain = ipv6_extension(
      43, 0, ipv6_extension(60, 2, ipv6_extension(17, 1, udp(546, 547, text("dhcp")))));
  const DecodedPacket p = decode_eth(ethernet(0x86DD, ipv6(kClient6, kServer6, 0, chain)));
  expect_flow(p, ip(kClient6), 546, ip(kServer6), 547, Transport::udp);
  EXPECT_EQ(p.ip_protocol, 17);
  EXPECT_EQ(p.payload.size(), 4u);
}

TEST(Ipv6, AuthenticationHeaderInChain) {
  const Bytes chain = ipv6_extension(51, 0, auth_header(6, tcp(4000, 179, kSyn | kAck, {})));
  const DecodedPacket p = decode_eth(ethernet(0x86DD, ipv6(kClient6, kServer6, 60, chain)));
  expect_flow(p, ip(kClient6), 4000, ip(kServer6), 179, Transport::tcp);
  EXPECT_EQ(p.role, HandshakeRole::answerer);
}

TEST(Ipv6, EspAndNoNextHeaderEndTheChain) {
  const DecodedPacket esp = decode_eth(
      ethernet(0x86DD, ipv6(kClient6, kServer6, 0, ipv6_extension(50, 0, Bytes(32, 9)))));
  EXPECT_EQ(esp.status, DecodeStatus::not_a_flow);
  EXPECT_EQ(esp.ip_protocol, 50);
  const DecodedPacket none = decode_eth(ethernet(0x86DD, ipv6(kClient6, kServer6, 59, {})));
  EXPECT_EQ(none.status, DecodeStatus::not_a_flow);
  EXPECT_EQ(none.ip_protocol, 59);
}

TEST(Ipv6, FirstAndLaterFragments) {
  const Bytes first_chain =
      ipv6_fragment(17, 0, true, 0xA1B2C3D4, udp(5000, 53, Bytes(64, 1), 2000));
  const DecodedPacket first =
      decode_eth(ethernet(0x86DD, ipv6(kClient6, kServer6, 44, first_chain)));
  expect_flow(first, ip(kClient6), 5000, ip(kServer6), 53, Transport::udp);
  EXPECT_TRUE(first.first_fragment);
  EXPECT_EQ(first.fragment.id, 0xA1B2C3D4u);
  EXPECT_EQ(first.fragment.ip_protocol, 17);

  const Bytes later_chain = ipv6_fragment(17, 1232, false, 0xA1B2C3D4, Bytes(200, 2));
  const DecodedPacket later =
      decode_eth(ethernet(0x86DD, ipv6(kClient6, kServer6, 0, ipv6_extension(44, 0, later_chain))));
  ASSERT_EQ(later.status, DecodeStatus::fragment) << describe(later);
  EXPECT_EQ(later.fragment, first.fragment);
  EXPECT_EQ(later.payload.size(), 200u);
}

TEST(Ipv6, AtomicFragmentIsNotAFragment) {
  const Bytes chain = ipv6_fragment(6, 0, false, 7, tcp(1, 2, kSyn, {}));
  const DecodedPacket p = decode_eth(ethernet(0x86DD, ipv6(kClient6, kServer6, 44, chain)));
  expect_flow(p, ip(kClient6), 1, ip(kServer6), 2, Transport::tcp);
  EXPECT_FALSE(p.first_fragment);
}

TEST(Ipv6, MalformedChains) {
  // A destination-options header claiming 2048 bytes in a short packet.
  Bytes bad = ipv6_extension(6, 0, tcp(1, 2, kSyn, {}));
  bad[1] = 255;
  expect_anomaly(decode_eth(ethernet(0x86DD, ipv6(kClient6, kServer6, 60, bad))),
                 Anomaly::bad_ipv6_extension);
  // Twenty destination-options headers in a row.
  Bytes chain = tcp(1, 2, kSyn, {});
  uint8_t next = 6;
  for (int i = 0; i < 20; ++i) {
    chain = ipv6_extension(next, 0, chain);
    next = 60;
  }
  expect_anomaly(decode_eth(ethernet(0x86DD, ipv6(kClient6, kServer6, 60, chain))),
                 Anomaly::ipv6_extension_chain_too_long);
  // Payload length beyond the frame: decoded, with a soft warning.
  const DecodedPacket beyond =
      decode_eth(ethernet(0x86DD, ipv6(kClient6, kServer6, 6, tcp(1, 2, kSyn, {}), 900)));
  EXPECT_EQ(beyond.status, DecodeStatus::flow);
  EXPECT_EQ(beyond.anomaly, Anomaly::ip_length_beyond_frame);
}

}  // namespace
}  // namespace pclassify::test
