#include <gtest/gtest.h>

#include <algorithm>

#include "registry_diff.h"
#include "snapshot_builders.h"

namespace pclassify::gen {
namespace {

std::string slot(const RegistryRecord& r) {
  return std::to_string(r.ports ? r.ports->lo : 0) + "/" + r.protocol;
}

template <typename Items, typename Describe>
std::vector<std::string> describe_all(const Items& items, Describe describe) {
  std::vector<std::string> out;
  for (const auto& item : items) out.push_back(describe(item));
  return out;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

class RealRegistryDiff : public ::testing::Test {
 protected:
  void SetUp() override {
    old_ = testing::real_registry(testing::kOldXml);
    new_ = testing::real_registry(testing::kNewXml);
    if (old_ == nullptr || new_ == nullptr)
      GTEST_SKIP() << "no registry XMLs in " PCLASSIFY_SHARED_DIR;
    diff_ = diff_registries(*old_, *new_);
  }
  const RegistrySnapshot* old_ = nullptr;
  const RegistrySnapshot* new_ = nullptr;
  RegistryDiff diff_;
};

TEST_F(RealRegistryDiff, Ports831To833WereDeassigned) {
  const auto deassigned = describe_all(diff_.deassigned, [](const RecordChange& c) {
    return slot(c.before) + " " + c.before.name + " -> " + c.after.description;
  });
  EXPECT_EQ(deassigned,
            (std::vector<std::string>{
                "831/tcp netconf-beep -> Reserved", "831/udp netconf-beep -> Reserved",
                "832/tcp netconfsoaphttp -> Reserved", "832/udp netconfsoaphttp -> Reserved",
                "833/tcp netconfsoapbeep -> Reserved", "833/udp netconfsoapbeep -> Reserved"}));
  EXPECT_EQ(diff_.deassigned[0].after.assignment_notes,
            "Previously assigned to NETCONF over BEEP but released by [RFC9900]");
}

TEST_F(RealRegistryDiff, Renames) {
  const auto renamed = describe_all(diff_.renamed, [](const RecordChange& c) {
    return slot(c.before) + " " + c.before.name + " -> " + c.after.name;
  });
  for (const char* expected :
       {"1980/tcp pearldoc-xact -> panquest-xact", "4319/udp fox-skytale -> skytale",
        "4413/tcp avi-nms -> vision-mon", "4413/udp avi-nms-disc -> vision-mon-disc",
        "44322/tcp pmcdproxy -> pmproxy"}) {
    EXPECT_TRUE(contains(renamed, expected)) << expected;
  }
}

TEST_F(RealRegistryDiff, AdditionsAndTheirReservedCounterparts) {
  const auto added =
      describe_all(diff_.added, [](const RegistryRecord& r) { return slot(r) + " " + r.name; });
  for (const char* expected : {"300/tcp tacacss", "5319/tcp roughtime", "5319/udp roughtime",
                               "11434/tcp ollama", "7123/udp snif", "4480/udp agtp-quic"}) {
    EXPECT_TRUE(contains(added, expected)) << expected;
  }
  EXPECT_TRUE(diff_.removed.empty())
      << slot(diff_.removed.front()) << " " << diff_.removed.front().name;
  // 7123/udp was Reserved and is now snif; 288-307 Unassigned was split around 300.
  const auto gone = describe_all(diff_.nameless_removed, [](const RegistryRecord& r) {
    return std::to_string(r.ports->lo) + "-" + std::to_string(r.ports->hi) + "/" + r.protocol +
           " " + r.description;
  });
  EXPECT_TRUE(contains(gone, "7123-7123/udp Reserved"));
  EXPECT_TRUE(contains(gone, "288-307/ Unassigned"));
}

TEST_F(RealRegistryDiff, DescriptionAndOtherFieldChanges) {
  const auto redescribed = describe_all(diff_.redescribed, [](const RecordChange& c) {
    return slot(c.before) + " " + c.before.name + ": " + c.before.description + " -> " +
           c.after.description;
  });
  EXPECT_TRUE(contains(redescribed,
                       "1325/tcp dx-instrument: DX-Instrument -> Thermo Fisher Scientific "
                       "Instrumentation (Formally Dionex)"));
  EXPECT_TRUE(contains(redescribed,
                       "700/udp epp: Extensible Provisioning Protocol -> EPP running over QUIC"));

  // pcoip changed hands: same name, port and description; new contact and date.
  const auto it = std::find_if(
      diff_.changed.begin(), diff_.changed.end(),
      [](const RecordChange& c) { return c.before.name == "pcoip" && c.before.protocol == "tcp"; });
  ASSERT_NE(it, diff_.changed.end());
  const auto fields = describe_all(it->fields, [](const FieldChange& f) {
    return f.field + ": " + f.before + " -> " + f.after;
  });
  EXPECT_TRUE(contains(fields, "contacts: Jeff_Dillabough -> Jeff_Jeansonne"))
      << ::testing::PrintToString(fields);
  EXPECT_TRUE(contains(fields, "modified: 2012-03-06 -> 2026-03-10"))
      << ::testing::PrintToString(fields);
}

TEST_F(RealRegistryDiff, RenderedReportIsGrouped) {
  const std::string text = render_diff(diff_, *old_, *new_);
  EXPECT_NE(text.find("new: " + new_->file + " (last updated 2026-08-17"), std::string::npos);
  const size_t deassigned = text.find("\nDe-assigned (6):\n");
  ASSERT_NE(deassigned, std::string::npos) << text.substr(0, 2000);
  EXPECT_NE(
      text.find("  831/tcp  netconf-beep  \"NETCONF over BEEP\"  -> Reserved since 2025-09-29",
                deassigned),
      std::string::npos);
  EXPECT_NE(text.find("\nRenamed ("), std::string::npos);
  EXPECT_NE(text.find("  1980/tcp  pearldoc-xact -> panquest-xact"), std::string::npos);
  EXPECT_NE(text.find("\nRe-described ("), std::string::npos);
  EXPECT_NE(text.find("\nAdded ("), std::string::npos);
}

TEST_F(RealRegistryDiff, ASnapshotAgainstItselfHasNoChanges) {
  const RegistryDiff same = diff_registries(*new_, *new_);
  EXPECT_TRUE(same.empty());
  EXPECT_NE(render_diff(same, *new_, *new_).find("No changes."), std::string::npos);
}

}  // namespace
}  // namespace pclassify::gen
