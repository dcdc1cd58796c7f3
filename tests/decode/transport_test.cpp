// TCP, UDP, SCTP, DCCP and ICMP: ports, handshake roles, payload bounds, malformed headers.
#include <gtest/gtest.h>

#include "decode_test_util.h"

namespace pclassify::test {
namespace {

Bytes over_v4(uint8_t protocol, const Bytes& segment) {
  return ethernet(0x0800, ipv4(kClient4, kServer4, protocol, segment));
}

TEST(Tcp, HandshakeRoles) {
  const DecodedPacket syn = decode_eth(over_v4(6, tcp(50000, 25, kSyn, {})));
  EXPECT_EQ(syn.role, HandshakeRole::opener);
  EXPECT_EQ(syn.tcp_flags, kSyn);
  const DecodedPacket syn_ack = decode_eth(over_v4(6, tcp(25, 50000, kSyn | kAck, {})));
  EXPECT_EQ(syn_ack.role, HandshakeRole::answerer);
  const DecodedPacket ack = decode_eth(over_v4(6, tcp(50000, 25, kAck, {})));
  EXPECT_EQ(ack.role, HandshakeRole::none);
  const DecodedPacket rst = decode_eth(over_v4(6, tcp(25, 50000, kRst | kAck, {})));
  EXPECT_EQ(rst.role, HandshakeRole::none);
  EXPECT_EQ(rst.tcp_flags, kRst | kAck);
}

TEST(Tcp, OptionsAndPayload) {
  const Bytes options = {2, 4, 0x05, 0xB4, 1, 1, 4, 2};  // MSS, NOP, NOP, SACK permitted
  const Bytes frame = over_v4(6, tcp(50000, 25, kAck | kPsh, text("EHLO x\r\n"), options));
  const DecodedPacket p = decode_eth(frame);  // the payload points into `frame`
  expect_flow(p, ip(kClient4), 50000, ip(kServer4), 25, Transport::tcp);
  ASSERT_EQ(p.payload.size(), 8u);
  EXPECT_EQ(p.payload[0], 'E');
  EXPECT_EQ(p.payload_wire_length, 8u);
}

TEST(Tcp, BadDataOffset) {
  expect_anomaly(decode_eth(over_v4(6, tcp(1, 2, kAck, {}, {}, 4))),
                 Anomaly::bad_tcp_header_length);
  // Data offset 15 (60 bytes) in a 20-byte segment.
  expect_anomaly(decode_eth(over_v4(6, tcp(1, 2, kAck, {}, {}, 15))),
                 Anomaly::bad_tcp_header_length);
}

TEST(Udp, PayloadFollowsTheUdpLength) {
  const DecodedPacket p = decode_eth(over_v4(17, udp(53000, 53, text("query"))));
  expect_flow(p, ip(kClient4), 53000, ip(kServer4), 53, Transport::udp);
  ASSERT_EQ(p.payload.size(), 5u);
  EXPECT_EQ(p.role, HandshakeRole::none);

  // UDP length shorter than the IP payload: the rest is not UDP payload.
  const DecodedPacket shorter = decode_eth(over_v4(17, udp(53000, 53, text("query"), 10)));
  ASSERT_EQ(shorter.status, DecodeStatus::flow);
  EXPECT_EQ(shorter.payload.size(), 2u);
}

TEST(Udp, BadLengths) {
  expect_anomaly(decode_eth(over_v4(17, udp(1, 2, text("x"), 4))), Anomaly::bad_udp_length);
  expect_anomaly(decode_eth(over_v4(17, udp(1, 2, text("x"), 400))), Anomaly::bad_udp_length);
  // An IP payload of 6 bytes cannot hold a UDP header.
  expect_anomaly(decode_eth(over_v4(17, Bytes(6, 0))), Anomaly::bad_udp_length);
}

TEST(Sctp, InitOpensInitAckAnswers) {
  const DecodedPacket init = decode_eth(over_v4(132, sctp(40000, 3868, 1, Bytes(16, 0))));
  expect_flow(init, ip(kClient4), 40000, ip(kServer4), 3868, Transport::sctp);
  EXPECT_EQ(init.role, HandshakeRole::opener);
  const DecodedPacket init_ack = decode_eth(over_v4(132, sctp(3868, 40000, 2, Bytes(16, 0))));
  EXPECT_EQ(init_ack.role, HandshakeRole::answerer);
  const DecodedPacket data = decode_eth(over_v4(132, sctp(40000, 3868, 0, Bytes(12, 0))));
  EXPECT_EQ(data.role, HandshakeRole::none);
  EXPECT_EQ(data.payload.size(), 16u);  // the chunk area
}

TEST(Sctp, MalformedChunk) {
  expect_anomaly(decode_eth(over_v4(132, sctp(1, 2, 0, Bytes(12, 0), 2))),
                 Anomaly::bad_sctp_header);
  // Common header only: no chunk at all.
  Bytes common = sctp(1, 2, 0, {});
  common.resize(12);
  expect_anomaly(decode_eth(over_v4(132, common)), Anomaly::bad_sctp_header);
}

TEST(Dccp, RequestAndResponseWithServiceCodes) {
  const DecodedPacket request =
      decode_eth(over_v4(33, dccp(41000, 5004, kDccpRequest, true, 0x52545020, {})));
  expect_flow(request, ip(kClient4), 41000, ip(kServer4), 5004, Transport::dccp);
  EXPECT_EQ(request.role, HandshakeRole::opener);
  EXPECT_EQ(request.dccp_service_code, 0x52545020u);  // "RTP "

  const DecodedPacket response =
      decode_eth(over_v4(33, dccp(5004, 41000, kDccpResponse, true, 0x52545020, {})));
  EXPECT_EQ(response.role, HandshakeRole::answerer);
  EXPECT_EQ(response.dccp_service_code, 0x52545020u);
}

TEST(Dccp, ShortSequenceNumbersOnlyForDataAndAck) {
  const DecodedPacket data =
      decode_eth(over_v4(33, dccp(41000, 5004, kDccpData, false, 0, text("rtp"))));
  expect_flow(data, ip(kClient4), 41000, ip(kServer4), 5004, Transport::dccp);
  EXPECT_EQ(data.payload.size(), 3u);
  const DecodedPacket ack = decode_eth(over_v4(33, dccp(41000, 5004, kDccpAck, false, 0, {})));
  EXPECT_EQ(ack.status, DecodeStatus::flow) << describe(ack);
  const DecodedPacket data_x =
      decode_eth(over_v4(33, dccp(41000, 5004, kDccpData, true, 0, text("rtp"))));
  ASSERT_EQ(data_x.status, DecodeStatus::flow);
  EXPECT_EQ(data_x.payload.size(), 3u);
  // A Request with X = 0 is not allowed (RFC 4340 5.1).
  expect_anomaly(decode_eth(over_v4(33, dccp(41000, 5004, kDccpRequest, false, 1, {}))),
                 Anomaly::bad_dccp_header);
}

TEST(Dccp, MalformedHeaders) {
  // Data offset smaller than the Response's fixed part.
  expect_anomaly(decode_eth(over_v4(33, dccp(1, 2, kDccpResponse, true, 1, {}, 4))),
                 Anomaly::bad_dccp_header);
  // Data offset beyond the packet.
  expect_anomaly(decode_eth(over_v4(33, dccp(1, 2, kDccpData, true, 0, {}, 200))),
                 Anomaly::bad_dccp_header);
  // Reserved packet type 12.
  Bytes reserved = dccp(1, 2, kDccpData, true, 0, {});
  reserved[8] = static_cast<uint8_t>((12 << 1) | 1);
  expect_anomaly(decode_eth(over_v4(33, reserved)), Anomaly::bad_dccp_header);
}

TEST(Icmp, ErrorQuotingTcpIsNotAFlowOfTheQuotedPorts) {
  // Port unreachable from the server, quoting the client's SYN to port 443.
  const Bytes quoted = ipv4(kClient4, kServer4, 6, tcp(49152, 443, kSyn, {}));
  Bytes icmp = {3, 3, 0, 0, 0, 0, 0, 0};
  append(icmp, quoted);
  const DecodedPacket p = decode_eth(ethernet(0x0800, ipv4(kServer4, kClient4, 1, icmp)));
  EXPECT_EQ(p.status, DecodeStatus::not_a_flow) << describe(p);
  EXPECT_EQ(p.ip_protocol, 1);
  EXPECT_EQ(p.tuple.src_port, 0);
  EXPECT_EQ(p.tuple.dst_port, 0);

  // The same in ICMPv6 (destination unreachable quoting UDP).
  Bytes icmp6 = {1, 4, 0, 0, 0, 0, 0, 0};
  append(icmp6, ipv6(kClient6, kServer6, 17, udp(5000, 53, text("q"))));
  const DecodedPacket p6 = decode_eth(ethernet(0x86DD, ipv6(kServer6, kClient6, 58, icmp6)));
  EXPECT_EQ(p6.status, DecodeStatus::not_a_flow) << describe(p6);
  EXPECT_EQ(p6.ip_protocol, 58);
}

TEST(Icmp, EchoIsNotAFlowAndShortIcmpIsTruncated) {
  EXPECT_EQ(decode_eth(over_v4(1, {8, 0, 0, 0, 0, 1, 0, 1})).status, DecodeStatus::not_a_flow);
  Bytes frame = over_v4(1, {8, 0});
  expect_anomaly(decode_eth(frame), Anomaly::truncated_transport_header);
}

}  // namespace
}  // namespace pclassify::test
