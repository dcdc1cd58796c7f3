#include "merge.h"

#include <gtest/gtest.h>

#include "records_tsv.h"
#include "snapshot_builders.h"

namespace pclassify::gen {
namespace {

using testing::name_only;
using testing::port_record;
using testing::snapshot;

// "name port_lo-port_hi/protocol" of every merged record, in order.
std::vector<std::string> summary(const MergedRegistry& m) {
  std::vector<std::string> out;
  for (const MergedRecord& r : m.records) {
    std::string s = r.record.name.empty() ? r.record.description : r.record.name;
    if (r.record.ports) {
      s += " " + std::to_string(r.record.ports->lo) + "-" + std::to_string(r.record.ports->hi);
    }
    if (!r.record.protocol.empty()) s += "/" + r.record.protocol;
    out.push_back(s);
  }
  return out;
}

TEST(Merge, NewerExcerptWinsOnTheSlotsItMentionsOnly) {
  const auto old = snapshot("old.txt", "2024-01-01",
                            {port_record("alpha", 100, 100, "tcp", "Alpha"),
                             port_record("alpha", 100, 100, "udp", "Alpha"),
                             port_record("beta", 200, 200, "tcp", "Beta")});
  const auto newer =
      snapshot("new.txt", "2025-01-01", {port_record("alpha2", 100, 100, "tcp", "Alpha renamed")});
  const MergedRegistry m = merge_snapshots({old, newer});
  EXPECT_EQ(summary(m), (std::vector<std::string>{"alpha2 100-100/tcp", "alpha 100-100/udp",
                                                  "beta 200-200/tcp"}));
}

TEST(Merge, DatesOrderTheSnapshotsNotTheArgumentOrder) {
  const auto old =
      snapshot("old.txt", "2024-01-01", {port_record("alpha", 100, 100, "tcp", "old")});
  const auto newer =
      snapshot("new.txt", "2025-01-01", {port_record("alpha", 100, 100, "tcp", "new")});
  for (const auto& inputs : {std::vector{old, newer}, std::vector{newer, old}}) {
    const MergedRegistry m = merge_snapshots(inputs);
    ASSERT_EQ(m.records.size(), 1u);
    EXPECT_EQ(m.records[0].record.description, "new");
    EXPECT_EQ(m.sources[m.records[0].source].file, "new.txt");
    EXPECT_EQ(m.sources.front().file, "old.txt");  // sources listed oldest first
  }
}

TEST(Merge, OnEqualDatesTheLaterArgumentWins) {
  const auto a = snapshot("a.txt", "2025-01-01", {port_record("x", 5, 5, "tcp", "from a")});
  const auto b = snapshot("b.txt", "2025-01-01", {port_record("x", 5, 5, "tcp", "from b")});
  EXPECT_EQ(merge_snapshots({a, b}).records.at(0).record.description, "from b");
  EXPECT_EQ(merge_snapshots({b, a}).records.at(0).record.description, "from a");
}

TEST(Merge, UndatedSnapshotIsTheOldest) {
  const auto undated = snapshot("services", "", {port_record("x", 5, 5, "tcp", "wireshark")});
  const auto dated = snapshot("d.txt", "2020-01-01", {port_record("x", 5, 5, "tcp", "iana")});
  EXPECT_EQ(merge_snapshots({dated, undated}).records.at(0).record.description, "iana");
}

TEST(Merge, RangeWithoutProtocolIsCutAroundANewerAssignment) {
  const auto old = snapshot("old.txt", "2024-01-01",
                            {port_record("", 100, 110, "", "Unassigned"),
                             port_record("gamma", 111, 111, "tcp", "Gamma")});
  const auto newer = snapshot("new.txt", "2025-01-01",
                              {port_record("delta", 105, 105, "tcp", "Delta"),
                               port_record("delta", 105, 105, "udp", "Delta")});
  const MergedRegistry m = merge_snapshots({old, newer});
  EXPECT_EQ(summary(m), (std::vector<std::string>{"Unassigned 100-104", "delta 105-105/tcp",
                                                  "delta 105-105/udp", "Unassigned 106-110",
                                                  "gamma 111-111/tcp"}));
  // Each piece keeps its provenance: the old file and its line.
  EXPECT_EQ(m.sources[m.records[0].source].file, "old.txt");
  EXPECT_EQ(m.records[3].record.origin.file, "made.txt");
  EXPECT_EQ(m.sources[0].records_kept, 3u);  // two range pieces + gamma
  EXPECT_EQ(m.sources[1].records_kept, 2u);
}

TEST(Merge, NewerRangeRowWithoutProtocolCoversEveryTransport) {
  const auto old = snapshot(
      "old.txt", "2024-01-01",
      {port_record("eps", 300, 300, "tcp", "Eps"), port_record("eps", 300, 300, "sctp", "Eps"),
       port_record("zeta", 310, 310, "udp", "Zeta")});
  const auto newer =
      snapshot("new.txt", "2025-01-01", {port_record("", 299, 305, "", "Unassigned")});
  EXPECT_EQ(summary(merge_snapshots({old, newer})),
            (std::vector<std::string>{"Unassigned 299-305", "zeta 310-310/udp"}));
}

TEST(Merge, NewerFullRegistryRemovesWhatItNoLongerLists) {
  const auto old_full = snapshot(
      "old.xml", "2024-01-01",
      {port_record("gone", 700, 700, "tcp", "Gone"), port_record("kept", 800, 800, "tcp", "Kept")},
      true);
  const auto new_full =
      snapshot("new.xml", "2025-01-01", {port_record("kept", 800, 800, "tcp", "Kept")}, true);
  const auto older_excerpt =
      snapshot("excerpt.txt", "2023-01-01", {port_record("other", 900, 900, "tcp", "Other")});
  const MergedRegistry m = merge_snapshots({old_full, new_full, older_excerpt});
  EXPECT_EQ(summary(m), (std::vector<std::string>{"kept 800-800/tcp"}));
}

TEST(Merge, NewerExcerptDoesNotRemoveWhatItDoesNotMention) {
  const auto old_full = snapshot(
      "old.xml", "2024-01-01",
      {port_record("one", 1, 1, "tcp", "One"), port_record("two", 2, 2, "tcp", "Two")}, true);
  const auto excerpt =
      snapshot("x.txt", "2025-01-01", {port_record("two-b", 2, 2, "tcp", "Two B")});
  EXPECT_EQ(summary(merge_snapshots({old_full, excerpt})),
            (std::vector<std::string>{"one 1-1/tcp", "two-b 2-2/tcp"}));
}

TEST(Merge, NameOnlyRecordsAreCoveredByNameCaseInsensitively) {
  const auto old = snapshot("old.txt", "2024-01-01",
                            {name_only("Printer-X", "old printer"), name_only("scanner", "Scanner"),
                             port_record("printer-x", 631, 631, "tcp", "a port record")});
  const auto newer = snapshot("new.txt", "2025-01-01", {name_only("printer-x", "new printer")});
  const MergedRegistry m = merge_snapshots({old, newer});
  // The port record of the same name stays: names cover name-only records only.
  EXPECT_EQ(summary(m),
            (std::vector<std::string>{"printer-x 631-631/tcp", "printer-x", "scanner"}));
  EXPECT_EQ(m.records[1].record.description, "new printer");
}

TEST(Merge, SourcesCarryProvenance) {
  auto s = snapshot("one.xml", "2025-06-18", {port_record("a", 1, 1, "tcp", "A")}, false);
  const MergedRegistry m = merge_snapshots({s});
  ASSERT_EQ(m.sources.size(), 1u);
  EXPECT_EQ(m.sources[0].file, "one.xml");
  EXPECT_EQ(m.sources[0].last_updated, "2025-06-18");
  EXPECT_EQ(m.sources[0].sha256, "sha-of-one.xml");
  EXPECT_EQ(m.sources[0].records_read, 1u);
  EXPECT_EQ(m.sources[0].records_kept, 1u);
}

TEST(Merge, RealRegistriesOldPlusNewEqualsNew) {
  const RegistrySnapshot* old_xml = testing::real_registry(testing::kOldXml);
  const RegistrySnapshot* new_xml = testing::real_registry(testing::kNewXml);
  SKIP_WITHOUT(old_xml);
  SKIP_WITHOUT(new_xml);
  const std::string expected = records_tsv(new_xml->records);  // the file's own order
  EXPECT_EQ(records_tsv(merge_snapshots({*new_xml}).plain_records()), expected);
  EXPECT_EQ(records_tsv(merge_snapshots({*old_xml, *new_xml}).plain_records()), expected);
  EXPECT_EQ(records_tsv(merge_snapshots({*new_xml, *old_xml}).plain_records()), expected);
  const MergedRegistry m = merge_snapshots({*old_xml, *new_xml});
  EXPECT_EQ(m.sources[0].last_updated, "2025-06-18");
  EXPECT_EQ(m.sources[0].records_kept, 0u);
  EXPECT_EQ(m.sources[1].records_kept, new_xml->records.size());
}

TEST(Merge, RealRegistryUnderANewerExcerpt) {
  const RegistrySnapshot* new_xml = testing::real_registry(testing::kNewXml);
  SKIP_WITHOUT(new_xml);
  // A made-up later excerpt re-assigns 80/tcp; 80/udp and everything else stay.
  const auto excerpt =
      snapshot("later.txt", "2027-01-01", {port_record("web-next", 80, 80, "tcp", "Next web")});
  const MergedRegistry m = merge_snapshots({*new_xml, excerpt});
  std::vector<std::string> at_80;
  for (const MergedRecord& r : m.records) {
    if (r.record.ports && r.record.ports->lo == 80)
      at_80.push_back(r.record.name + "/" + r.record.protocol);
  }
  EXPECT_EQ(at_80, (std::vector<std::string>{"web-next/tcp", "http/udp", "www/udp", "www-http/udp",
                                             "http/sctp"}));
  EXPECT_EQ(m.records.size(), new_xml->records.size() - 3 + 1);  // http, www, www-http on 80/tcp
}

}  // namespace
}  // namespace pclassify::gen
