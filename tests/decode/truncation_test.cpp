// Every prefix of a set of packets that cross every layer must decode without crashing
// (run under -DPCLASSIFY_SANITIZE=ON to catch any out-of-bounds read) and:
//  - cut by the snapshot length (wire length intact): a clean result or a truncated_*
//    anomaly, never a "malformed" one, since nothing on the wire was wrong;
//  - really that short on the wire: a clean result or any named anomaly.
// Then seeded random corruption of the same packets: results stay well-formed.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "decode_test_util.h"

namespace pclassify::test {
namespace {

struct Sample {
  const char* name;
  int link_type;
  Bytes frame;
};

std::vector<Sample> samples() {
  const Bytes syn4 = ipv4(kClient4, kServer4, 6, tcp(49152, 443, kSyn, {}, {2, 4, 5, 0xB4}));
  const Bytes udp6 = ipv6(kClient6, kServer6, 17, udp(5000, 53, text("query")));
  Ipv4Options with_options;
  with_options.options = {0x94, 4, 0, 0};  // router alert
  Ipv4Options first_fragment;
  first_fragment.flags_offset = 0x2000;
  return {
      {"eth_ipv4_options_tcp", 1,
       ethernet(0x0800, ipv4(kClient4, kServer4, 6, tcp(1, 80, kAck, text("GET")), with_options))},
      {"qinq_mpls_ipv6_udp", 1,
       ethernet(0x88A8, vlan_tag(1, 0x8100, vlan_tag(2, 0x8847, mpls({16, 17}, udp6))))},
      {"pppoe_ipv4_sctp", 1,
       ethernet(0x8864,
                pppoe_session(0x0021, ipv4(kClient4, kServer4, 132, sctp(1, 2, 1, Bytes(16, 0)))))},
      {"sll_ipv6_chain_dccp", 113,
       linux_sll(0x86DD,
                 ipv6(kClient6, kServer6, 0,
                      ipv6_extension(
                          44, 0,
                          ipv6_fragment(33, 0, true, 9, dccp(1, 2, kDccpRequest, true, 42, {})))))},
      {"sll2_ipv4_first_fragment_udp", 276,
       linux_sll2(0x0800,
                  ipv4(kClient4, kServer4, 17, udp(1, 2, Bytes(20, 0), 900), first_fragment))},
      {"gre_key_seq_teb", 1,
       ethernet(0x0800,
                ipv4(kOuterA4, kOuterB4, 47, gre(0x6558, ethernet(0x0800, syn4), 5, 6, true)))},
      {"vxlan", 1,
       ethernet(0x0800,
                ipv4(kOuterA4, kOuterB4, 17, udp(9, 4789, vxlan(3, ethernet(0x86DD, udp6)))))},
      {"null_6in4", 0, bsd_family(2, true, ipv4(kOuterA4, kOuterB4, 41, udp6))},
      {"ppp_ah_tcp", 9,
       concat({{0xFF, 0x03, 0x00, 0x21},
               ipv4(kClient4, kServer4, 51, auth_header(6, tcp(1, 2, kSyn | kAck, {})))})},
      {"icmp_error", 1,
       ethernet(0x0800, ipv4(kServer4, kClient4, 1, concat({{3, 3, 0, 0, 0, 0, 0, 0}, syn4})))},
  };
}

bool is_truncation(Anomaly a) { return anomaly_name(a).starts_with("truncated_"); }

void expect_well_formed(const DecodedPacket& p, const Bytes& buffer, size_t captured) {
  if (p.status == DecodeStatus::anomaly) {
    EXPECT_NE(p.anomaly, Anomaly::none);
  }
  if (!p.payload.empty()) {
    EXPECT_GE(p.payload.data(), buffer.data());
    EXPECT_LE(p.payload.data() + p.payload.size(), buffer.data() + captured);
  }
  EXPECT_LE(p.payload.size(), p.payload_wire_length);
}

TEST(Truncation, EveryPrefixOfEverySample) {
  for (const Sample& s : samples()) {
    SCOPED_TRACE(s.name);
    const DecodedPacket whole = decode(s.link_type, s.frame);
    ASSERT_NE(whole.status, DecodeStatus::anomaly) << describe(whole);
    const auto wire = static_cast<uint32_t>(s.frame.size());
    for (size_t n = 0; n < s.frame.size(); ++n) {
      SCOPED_TRACE("prefix " + std::to_string(n));
      // Copy to an exactly-sized buffer so that ASan sees any read past the prefix.
      const Bytes prefix(s.frame.begin(), s.frame.begin() + static_cast<ptrdiff_t>(n));

      const DecodedPacket cut = decode_packet(s.link_type, prefix, wire);
      expect_well_formed(cut, prefix, n);
      if (cut.status == DecodeStatus::anomaly) {
        EXPECT_TRUE(is_truncation(cut.anomaly)) << describe(cut);
      } else if (cut.status == DecodeStatus::flow) {
        EXPECT_EQ(cut.tuple.src, whole.tuple.src);
        EXPECT_EQ(cut.tuple.dst_port, whole.tuple.dst_port);
      }

      const DecodedPacket short_on_wire =
          decode_packet(s.link_type, prefix, static_cast<uint32_t>(n));
      expect_well_formed(short_on_wire, prefix, n);
    }
  }
}

TEST(Truncation, RandomCorruptionStaysWellFormed) {
  std::mt19937 rng(20260817);  // fixed seed: failures reproduce
  int decoded_flows = 0;
  for (const Sample& s : samples()) {
    SCOPED_TRACE(s.name);
    for (int round = 0; round < 2000; ++round) {
      Bytes mutated = s.frame;
      const int flips = 1 + static_cast<int>(rng() % 4);
      for (int i = 0; i < flips; ++i) {
        mutated[rng() % mutated.size()] = static_cast<uint8_t>(rng());
      }
      mutated.resize(rng() % (mutated.size() + 1));
      const DecodedPacket p =
          decode_packet(s.link_type, mutated, static_cast<uint32_t>(s.frame.size()));
      expect_well_formed(p, mutated, mutated.size());
      if (p.status == DecodeStatus::flow) ++decoded_flows;
    }
  }
  EXPECT_GT(decoded_flows, 0);  // the mutations do not all land on dead ends
}

}  // namespace
}  // namespace pclassify::test
