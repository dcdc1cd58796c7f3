// Decodes every packet of every capture in ../shared/pcaps (nDPI's test captures) and
// compares the number of TCP and UDP flow packets with what tshark finds.
//
// The tshark counts were computed once, by hand, with IP reassembly off so that, as in
// pclassify, a first fragment counts and later fragments do not:
//   tshark -r F -o ip.defragment:FALSE -o ipv6.defragment:FALSE -Y "tcp && !icmp && !icmpv6"
//   (and the same with "udp ..."; "sctp" for sctp.cap)
// ICMP errors are excluded on both sides: tshark dissects the TCP/UDP header they quote,
// pclassify deliberately does not (decode/icmp.cpp). Where the numbers still differ, the
// row says why.
#include <gtest/gtest.h>
#include <pcap/pcap.h>

#include <filesystem>
#include <map>
#include <string>

#include "decode/fragment_tracker.h"
#include "decode/packet.h"

namespace pclassify {
namespace {

namespace fs = std::filesystem;

struct Counts {
  int packets = 0;
  int tcp = 0;
  int udp = 0;
  int sctp = 0;
  int fragments = 0;
  int not_a_flow = 0;
  int anomalies = 0;
  int tunnelled = 0;
  int soft_warnings = 0;  // usable packets that still carry an anomaly name
  std::map<std::string, int> anomaly_names;
  FragmentTracker::Stats tracker;
};

struct Expected {
  const char* file;
  int tshark_tcp;
  int tshark_udp;
  int tcp_delta = 0;  // ours minus tshark's, explained in `why`
  int udp_delta = 0;
  const char* why = "";
};

// clang-format off
const Expected kExpected[] = {
    {"443-chrome.pcap", 1, 0},
    {"443-firefox.pcap", 667, 0},
    {"4in6tunnel.pcap", 4, 0},
    {"6in4tunnel.pcap", 75, 4},
    {"NTPv4.pcap", 0, 1},
    {"badpackets.pcap", 0, 93},  // IP total length beyond the frame: a soft warning
    {"bittorrent.pcap", 299, 0},
    {"dlt_ppp.pcap", 0, 1},
    {"dnp3.pcap", 543, 0},
    {"dns.pcap", 0, 5},
    {"dns_fragmented.pcap", 20, 39},
    {"dtls.pcap", 0, 24},
    {"emotet.pcap", 169, 0},
    {"ftp.pcap", 209, 0},
    {"gre.pcapng", 0, 1},
    {"http_connect.pcap", 98, 2},
    {"http_ipv6.pcap", 128, 65},
    {"http_on_sip_port.pcap", 4, 0},
    {"imaps.pcap", 28, 0},
    {"ip_fragmented_garbage.pcap", 4, 0, -4, 0,
     "its 4 first fragments hold 16 bytes of TCP header (IP total length 36): tshark shows "
     "the ports with 'Bogus TCP header length'; pclassify names them first_fragment_too_short "
     "(RFC 1858 tiny fragments) and does not take them for a flow"},
    {"ipsec_isakmp_esp.pcap", 0, 834},
    {"irc.pcap", 29, 0},
    {"kerberos.pcap", 77, 0},
    {"malware.pcap", 97, 2},
    {"modbus.pcap", 102, 0},
    {"mongodb.pcap", 27, 0},
    {"mysql.pcapng", 41, 0},
    {"nfsv3.pcap", 0, 128},
    {"openvpn.pcap", 336, 370},
    {"pgsql.pcap", 88, 0},
    {"pop3.pcap", 144, 0},
    {"quic.pcap", 0, 518},
    {"rdp.pcap", 20, 0},
    {"rtp.pcapng", 37, 75},
    {"sctp.cap", 0, 0},
    {"shadowsocks.pcap", 44, 0},
    {"sip.pcap", 0, 112},
    {"smbv1.pcap", 7, 0},
    {"smtp.pcap", 95, 0},
    {"snmp.pcap", 0, 72},
    {"ssh.pcap", 295, 0},
    {"synscan.pcap", 2011, 0},
    {"syslog.pcap", 11, 83},
    {"tcp_scan.pcapng", 18, 0},
    {"teamviewer.pcap", 289, 63},
    {"telnet.pcap", 92, 0},  // 5 with IP total length beyond the frame: a soft warning
    {"tls_port_80.pcapng", 13, 0},
    {"tor.pcap", 332, 17},
    {"vxlan.pcap", 119, 127, 0, -119,
     "every packet is VXLAN: tshark's 'udp' matches the outer UDP of all 127, pclassify "
     "returns the inner flow (119 TCP, counted by tshark too, and 8 UDP)"},
    {"wireguard.pcap", 0, 52},
};
// clang-format on

const fs::path kPcapDir = fs::path(PCLASSIFY_SHARED_DIR) / "pcaps";

bool read_capture(const fs::path& path, Counts& counts, std::string& error) {
  char errbuf[PCAP_ERRBUF_SIZE] = {};
  pcap_t* handle = pcap_open_offline(path.c_str(), errbuf);
  if (handle == nullptr) {
    error = errbuf;
    return false;
  }
  const int link_type = pcap_datalink(handle);
  FragmentTracker tracker;
  pcap_pkthdr* header = nullptr;
  const u_char* data = nullptr;
  while (pcap_next_ex(handle, &header, &data) == 1) {
    ++counts.packets;
    DecodedPacket p = decode_packet(link_type, {data, header->caplen}, header->len);
    switch (p.status) {
      case DecodeStatus::flow:
        if (p.tuple.transport == Transport::tcp) ++counts.tcp;
        if (p.tuple.transport == Transport::udp) ++counts.udp;
        if (p.tuple.transport == Transport::sctp) ++counts.sctp;
        if (p.tunnel_depth > 0) ++counts.tunnelled;
        if (p.anomaly != Anomaly::none) ++counts.soft_warnings;
        break;
      case DecodeStatus::fragment:
        ++counts.fragments;
        break;
      case DecodeStatus::not_a_flow:
        ++counts.not_a_flow;
        break;
      case DecodeStatus::anomaly:
        ++counts.anomalies;
        ++counts.anomaly_names[std::string(anomaly_name(p.anomaly))];
        break;
    }
    const uint64_t now_us = uint64_t(header->ts.tv_sec) * 1'000'000 + uint64_t(header->ts.tv_usec);
    tracker.process(p, now_us);
  }
  counts.tracker = tracker.stats();
  pcap_close(handle);
  return true;
}

std::string summary(const Counts& c) {
  std::string s = "packets=" + std::to_string(c.packets) + " tcp=" + std::to_string(c.tcp) +
                  " udp=" + std::to_string(c.udp) + " sctp=" + std::to_string(c.sctp) +
                  " fragments=" + std::to_string(c.fragments) +
                  " not_a_flow=" + std::to_string(c.not_a_flow) +
                  " tunnelled=" + std::to_string(c.tunnelled) + " anomalies:";
  for (const auto& [name, n] : c.anomaly_names) s += " " + name + "=" + std::to_string(n);
  return s;
}

class CaptureCorpus : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::is_directory(kPcapDir)) {
      GTEST_SKIP() << "shared captures not found at " << kPcapDir << " (set PCLASSIFY_SHARED_DIR)";
    }
  }
};

TEST_F(CaptureCorpus, FlowPacketCountsMatchTshark) {
  for (const Expected& e : kExpected) {
    const fs::path path = kPcapDir / e.file;
    SCOPED_TRACE(e.file);
    if (!fs::exists(path)) {
      ADD_FAILURE() << "capture listed in the table is missing: " << path;
      continue;
    }
    Counts c;
    std::string error;
    ASSERT_TRUE(read_capture(path, c, error)) << error;
    EXPECT_EQ(c.tcp, e.tshark_tcp + e.tcp_delta) << summary(c) << " / " << e.why;
    EXPECT_EQ(c.udp, e.tshark_udp + e.udp_delta) << summary(c) << " / " << e.why;
    EXPECT_EQ(c.packets, c.tcp + c.udp + c.sctp + c.fragments + c.not_a_flow + c.anomalies);
  }
}

TEST_F(CaptureCorpus, EveryCaptureDecodesWithoutCrashing) {
  // Captures added later without a row above are still decoded end to end.
  int files = 0;
  for (const auto& entry : fs::directory_iterator(kPcapDir)) {
    const std::string ext = entry.path().extension().string();
    if (ext != ".pcap" && ext != ".pcapng" && ext != ".cap") continue;
    SCOPED_TRACE(entry.path().filename().string());
    Counts c;
    std::string error;
    ASSERT_TRUE(read_capture(entry.path(), c, error)) << error;
    EXPECT_GT(c.packets, 0);
    ++files;
  }
  EXPECT_GE(files, static_cast<int>(std::size(kExpected)));
}

TEST_F(CaptureCorpus, IpLengthBeyondTheFrameIsDecodedWithAWarning) {
  // tshark: "IPv4 total length exceeds packet length" on these frames, which it still
  // dissects (tshark -Y "_ws.expert.message contains \"exceeds\"": 93 and 5).
  for (const auto& [file, expected] : {std::pair{"badpackets.pcap", 93}, {"telnet.pcap", 5}}) {
    SCOPED_TRACE(file);
    Counts c;
    std::string error;
    ASSERT_TRUE(read_capture(kPcapDir / file, c, error)) << error;
    EXPECT_EQ(c.soft_warnings, expected) << summary(c);
  }
}

TEST_F(CaptureCorpus, SctpCapture) {
  Counts c;
  std::string error;
  ASSERT_TRUE(read_capture(kPcapDir / "sctp.cap", c, error)) << error;
  EXPECT_EQ(c.sctp, 4) << summary(c);  // tshark -Y sctp: 4
}

TEST_F(CaptureCorpus, TunnelCapturesYieldInnerFlows) {
  for (const char* file : {"vxlan.pcap", "gre.pcapng", "4in6tunnel.pcap", "6in4tunnel.pcap"}) {
    SCOPED_TRACE(file);
    Counts c;
    std::string error;
    ASSERT_TRUE(read_capture(kPcapDir / file, c, error)) << error;
    EXPECT_GT(c.tunnelled, 0) << summary(c);
  }
}

TEST_F(CaptureCorpus, FragmentsJoinTheirFlows) {
  Counts c;
  std::string error;
  ASSERT_TRUE(read_capture(kPcapDir / "dns_fragmented.pcap", c, error)) << error;
  EXPECT_GT(c.fragments, 0) << summary(c);
  EXPECT_EQ(c.tracker.joined + c.tracker.orphans, uint64_t(c.fragments)) << summary(c);
  EXPECT_GT(c.tracker.joined, 0u) << summary(c);
}

}  // namespace
}  // namespace pclassify
