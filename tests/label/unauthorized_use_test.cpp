// The registry's many ways of naming the port of an unauthorized use on a range row.
#include "label/unauthorized_use.h"

#include <gtest/gtest.h>

namespace pclassify {
namespace {

ServiceRecord range_row(uint16_t lo, uint16_t hi, std::string_view words) {
  ServiceRecord record;
  record.has_port = true;
  record.port_lo = lo;
  record.port_hi = hi;
  record.status = ServiceStatus::unassigned;
  record.unauthorized_use = words;
  return record;
}

TEST(UnauthorizedUse, SinglePortRecordAlwaysConcernsItsPort) {
  const ServiceRecord finger = range_row(79, 79, "Unauthorized use by some mail users (see [RFC4146] for details)");
  EXPECT_TRUE(unauthorized_use_concerns_port(finger, 79));
}

TEST(UnauthorizedUse, RangeRowConcernsOnlyTheNamedPorts) {
  // Texts as the 2026-08-17 registry writes them on range rows.
  const ServiceRecord one = range_row(788, 799, "Unauthorized Use Known on port 796");
  EXPECT_TRUE(unauthorized_use_concerns_port(one, 796));
  EXPECT_FALSE(unauthorized_use_concerns_port(one, 795));

  const ServiceRecord two = range_row(8600, 8649, "Unauthorized Use Known on ports 8616 and 8617");
  EXPECT_TRUE(unauthorized_use_concerns_port(two, 8616));
  EXPECT_TRUE(unauthorized_use_concerns_port(two, 8617));
  EXPECT_FALSE(unauthorized_use_concerns_port(two, 8649));

  const ServiceRecord three =
      range_row(28010, 28100, "Unauthorized Use Known on ports 28017, 28018 and 28019");
  EXPECT_TRUE(unauthorized_use_concerns_port(three, 28018));
  EXPECT_FALSE(unauthorized_use_concerns_port(three, 28020));

  const ServiceRecord span = range_row(33435, 33600, "Known Unauthorized Use on ports 33436-33534");
  EXPECT_TRUE(unauthorized_use_concerns_port(span, 33500));
  EXPECT_FALSE(unauthorized_use_concerns_port(span, 33435));

  const ServiceRecord colon = range_row(4040, 4050, "Known UNAUTHORIZED USE: Port 4045");
  EXPECT_TRUE(unauthorized_use_concerns_port(colon, 4045));
  EXPECT_FALSE(unauthorized_use_concerns_port(colon, 4044));
}

TEST(UnauthorizedUse, RangeRowWithoutNumbersConcernsTheWholeRow) {
  const ServiceRecord vague = range_row(100, 110, "krb524 assigned the port, nv used it without an assignment");
  EXPECT_TRUE(unauthorized_use_concerns_port(vague, 105));
  // Numbers inside brackets are references, not ports.
  const ServiceRecord referenced = range_row(100, 110, "see [RFC4146]");
  EXPECT_TRUE(unauthorized_use_concerns_port(referenced, 101));
}

TEST(UnauthorizedUse, NoTextConcernsNothing) {
  EXPECT_FALSE(unauthorized_use_concerns_port(range_row(1, 5, ""), 3));
}

}  // namespace
}  // namespace pclassify
