#include "net/ip_address.h"

#include <gtest/gtest.h>

#include "packet_builder.h"

namespace pclassify::test {
namespace {

V6 v6(std::initializer_list<uint16_t> groups) {
  V6 a{};
  size_t i = 0;
  for (uint16_t g : groups) {
    a[i++] = static_cast<uint8_t>(g >> 8);
    a[i++] = static_cast<uint8_t>(g);
  }
  return a;
}

TEST(IpAddress, Ipv4DottedQuad) {
  EXPECT_EQ(ip(V4{192, 0, 2, 1}).to_string(), "192.0.2.1");
  EXPECT_EQ(ip(V4{0, 0, 0, 0}).to_string(), "0.0.0.0");
  EXPECT_EQ(ip(V4{255, 255, 255, 255}).to_string(), "255.255.255.255");
}

TEST(IpAddress, Ipv6FollowsRfc5952) {
  EXPECT_EQ(ip(v6({0x2001, 0xdb8, 0, 0, 0, 0, 0, 1})).to_string(), "2001:db8::1");
  EXPECT_EQ(ip(v6({0, 0, 0, 0, 0, 0, 0, 0})).to_string(), "::");
  EXPECT_EQ(ip(v6({0, 0, 0, 0, 0, 0, 0, 1})).to_string(), "::1");
  EXPECT_EQ(ip(v6({0xfe80, 0, 0, 0, 0, 0, 0, 0})).to_string(), "fe80::");
  // 4.2.2: a single zero group is not shortened.
  EXPECT_EQ(ip(v6({0x2001, 0xdb8, 0, 1, 1, 1, 1, 1})).to_string(), "2001:db8:0:1:1:1:1:1");
  // 4.2.3: the longest run wins; on a tie, the first.
  EXPECT_EQ(ip(v6({0x2001, 0, 0, 1, 0, 0, 0, 1})).to_string(), "2001:0:0:1::1");
  EXPECT_EQ(ip(v6({0x2001, 0xdb8, 0, 0, 1, 0, 0, 1})).to_string(), "2001:db8::1:0:0:1");
  // 4.3: lower case, no leading zeros.
  EXPECT_EQ(ip(v6({0x2001, 0x0DB8, 0xABCD, 0x0012, 0, 0, 0, 0x00FF})).to_string(),
            "2001:db8:abcd:12::ff");
  // 5: IPv4-mapped addresses end in dotted quad.
  EXPECT_EQ(ip(v6({0, 0, 0, 0, 0, 0xffff, 0xc000, 0x0201})).to_string(), "::ffff:192.0.2.1");
}

TEST(IpAddress, NoFamilyIsEmptyText) { EXPECT_EQ(IpAddress{}.to_string(), ""); }

// Writers format into buffers of kMaxTextLength: the longest texts must fit exactly.
TEST(IpAddress, LongestTextsFitTheBound) {
  const std::string widest =
      ip(v6({0xffff, 0xffff, 0xffff, 0xffff, 0xffff, 0xffff, 0xffff, 0xffff})).to_string();
  EXPECT_EQ(widest, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
  EXPECT_EQ(widest.size(), IpAddress::kMaxTextLength);
  EXPECT_LT(ip(v6({0, 0, 0, 0, 0, 0xffff, 0xffff, 0xffff})).to_string().size(),
            IpAddress::kMaxTextLength);
  char text[IpAddress::kMaxTextLength];
  const IpAddress address = ip(v6({0x2001, 0xdb8, 0, 0, 1, 0, 0, 1}));
  EXPECT_EQ(std::string(text, address.write_text(text)), address.to_string());
}

}  // namespace
}  // namespace pclassify::test
