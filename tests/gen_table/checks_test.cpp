#include "checks.h"

#include <gtest/gtest.h>

#include "snapshot_builders.h"

namespace pclassify::gen {
namespace {

using testing::port_record;
using testing::snapshot;

std::vector<std::string> errors_of(const RegistrySnapshot& s) {
  std::vector<std::string> out;
  for (const Diagnostic& d : check_snapshot(s)) {
    if (d.severity == Severity::error) out.push_back(d.format());
  }
  return out;
}

TEST(Checks, FullRegistryBelowTheFloorIsAnError) {
  std::vector<RegistryRecord> records;
  for (uint16_t p = 1; p <= 50; ++p) records.push_back(port_record("svc", p, p, "tcp", "S"));
  const auto claims_full = snapshot("short.xml", "2025-01-01", records, true);
  const auto errors = errors_of(claims_full);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0],
            "short.xml:1: claims to be the full registry but yields only 50 records (at least "
            "10000 expected): truncated or not the registry");
  EXPECT_TRUE(has_errors(check_snapshot(claims_full)));
  // The same records as an excerpt are fine.
  EXPECT_TRUE(errors_of(snapshot("excerpt.txt", "2025-01-01", records, false)).empty());
}

TEST(Checks, RealRegistriesPass) {
  for (const std::string& name : {testing::kNewXml, testing::kOldXml}) {
    const RegistrySnapshot* s = testing::real_registry(name);
    SKIP_WITHOUT(s);
    EXPECT_TRUE(s->claims_full_registry);
    EXPECT_GE(s->records.size(), kFullRegistryFloor);
    EXPECT_EQ(check_snapshot(*s).size(), 0u) << check_snapshot(*s).front().format();
  }
}

TEST(Checks, RecordErrorsNameTheRecordsLine) {
  auto bad = port_record("tabbed", 10, 10, "tcp", "has\ta tab", 42);
  auto backwards = port_record("", 20, 10, "", "Unassigned", 43);
  auto unknown = port_record("x", 30, 30, "quic", "X", 44);
  auto bad_date = port_record("y", 40, 40, "udp", "Y", 45);
  bad_date.registered = "2020/01/01";
  const auto errors =
      errors_of(snapshot("made.txt", "2025-01-01", {bad, backwards, unknown, bad_date}));
  EXPECT_EQ(errors,
            (std::vector<std::string>{
                "made.txt:42: a field still holds a tab or line break after normalisation",
                "made.txt:43: port range 20-10 runs backwards",
                "made.txt:44: unknown transport protocol 'quic'",
                "made.txt:45: registration date '2020/01/01' is not YYYY-MM or YYYY-MM-DD"}));
}

TEST(Checks, MissingDateWarnsAndMalformedDateFails) {
  const auto undated =
      check_snapshot(snapshot("services", "", {port_record("a", 1, 1, "tcp", "A")}));
  ASSERT_EQ(undated.size(), 1u);
  EXPECT_EQ(undated[0].severity, Severity::warning);
  EXPECT_EQ(
      undated[0].format(),
      "services:1: warning: no \"Last Updated\" date; merged as older than every dated input");
  EXPECT_TRUE(has_errors(check_snapshot(snapshot("x", "26 Aug 2025", {}))));
}

}  // namespace
}  // namespace pclassify::gen
