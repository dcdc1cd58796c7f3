#include <gtest/gtest.h>

#include "capture_bytes.h"
#include "capture/bpf_filter.h"

namespace pclassify::test {
namespace {

TEST(BpfFilter, MatchesOnEthernetAndRawIp) {
  capture::BpfFilter filter("udp port 53");
  ASSERT_TRUE(filter.prepare(1)) << filter.error();
  const Bytes dns = ipv4_frame(0x0a000001, 0x0a000002, 5000, 53);
  const Bytes web = ipv4_frame(0x0a000001, 0x0a000002, 5000, 80, 0x02);
  EXPECT_TRUE(filter.matches(1, dns, uint32_t(dns.size())));
  EXPECT_FALSE(filter.matches(1, web, uint32_t(web.size())));
  // LINKTYPE_RAW (101) is compiled as libpcap's DLT_RAW: the IP header starts at byte 0.
  ASSERT_TRUE(filter.prepare(101)) << filter.error();
  const Bytes raw(dns.begin() + 14, dns.end());
  EXPECT_TRUE(filter.matches(101, raw, uint32_t(raw.size())));
  EXPECT_TRUE(filter.matches(1, dns, uint32_t(dns.size())));
}

TEST(BpfFilter, SyntaxErrorIsReported) {
  capture::BpfFilter filter("tcp port http port");
  EXPECT_FALSE(filter.prepare(1));
  EXPECT_NE(filter.error().find("invalid filter expression"), std::string::npos);
}

}  // namespace
}  // namespace pclassify::test
