// Every record of every shared seed (IANA pipe-table and plain-text excerpts) must equal
// the record of the same entry in the XML state the seeds were rendered from.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <tuple>

#include "lone_date.h"
#include "readers.h"
#include "records_tsv.h"
#include "shared_inputs.h"

namespace pclassify::gen {
namespace {

using test::read_file_bytes;
using test::seed_state_xml;
using test::shared_path;

struct Seed {
  const char* file;
  bool pipe_table;
  size_t records;
  size_t contacts;
  const char* last_updated;
  bool cut_off;  // ends inside the records table
  // Lone dates that guess_lone_date_column() puts in the wrong column and the XML puts
  // right (lone_date.h): 003 dlep 854 tcp/udp (a System Port registered in 2017, rule d),
  // 004 ircs-u 6697 (no assignee or contact, yet a registration date, rule c).
  size_t lone_dates_from_xml;
};

void PrintTo(const Seed& seed, std::ostream* out) { *out << seed.file; }

// Expected counts, counted by hand from the files (line numbers are the editor's):
//   000: header at line 22, separator 23, data rows on lines 24-124, one row a line (every
//        line has 13 bars but the last one, "| sip | 5060 | sctp | SIP | [RFC4168] |",
//        where the file is cut off): 101 records; no contact table.
//   001: header 22, separator 23, rows 24-65, one a line: 42 records; "Contact
//        Information" at 66, contact header 67-68, rows 69-83: 15 contacts.
//   002: header 21, separator 22, lines 23-54 = 32 lines, two rows broken across two
//        lines each (EtherNet-IP-2 tcp and udp, lines 46-47 and 49-50): 30 records;
//        contact rows 58-69: 12 contacts.
//   003: header 62, "Contact Information" 175: 107 non-blank lines between, 6 of which
//        continue the record above ("IANA assigned this well-formed ..." under
//        acmaint-dbd, acmaint-transd and both iclcnet-svinfo rows, "[Bob_Lyon] [Bob_Lyon]"
//        under both iclcnet-svinfo rows): 101 records; contact rows 178-189: 12 contacts.
//   004: header 62, "Contact Information" 96: 32 non-blank lines, none a continuation:
//        32 records; contact rows 99-122: 24 contacts.
const Seed kSeeds[] = {
    {"000_268dbc1e4290dc2e.txt", true, 101, 0, "2025-10-30", true, 0},
    {"001_ea17f2719f1e5fea.txt", true, 42, 15, "2026-02-26", false, 0},
    {"002_d2c3e2121117790b.txt", true, 30, 12, "2025-09-29", false, 0},
    {"003_e7a3042a5287b3f1.txt", false, 101, 12, "2025-07-22", false, 2},
    {"004_a1eb22b48a01198a.txt", false, 32, 24, "2025-05-05", false, 1},
};

// name, port_lo, port_hi (-1 when absent), protocol: what identifies an entry.
using EntryKey = std::tuple<std::string, int, int, std::string>;

EntryKey key_of(const RegistryRecord& r) {
  return {r.name, r.ports ? r.ports->lo : -1, r.ports ? r.ports->hi : -1, r.protocol};
}

class SeedVsXml : public testing::TestWithParam<Seed> {};

TEST_P(SeedVsXml, EveryRowIsOneRecordEqualToTheXmlEntry) {
  const Seed& seed = GetParam();
  const std::string path = shared_path(std::string("seeds/") + seed.file);
  const std::optional<std::string> text = read_file_bytes(path);
  const std::optional<ReadOutcome>& xml = seed_state_xml();
  if (!text || !xml) GTEST_SKIP() << "shared seeds or registry absent (" << path << ")";
  ASSERT_TRUE(xml->ok) << xml->error;

  std::multimap<EntryKey, size_t> xml_index;
  for (size_t i = 0; i < xml->snapshot.records.size(); ++i) {
    xml_index.emplace(key_of(xml->snapshot.records[i]), i);
  }

  ReadOutcome outcome = seed.pipe_table ? read_pipe_table_registry(*text, path)
                                              : read_plain_text_registry(*text, path);
  ASSERT_TRUE(outcome.ok) << outcome.error;
  EXPECT_FALSE(outcome.snapshot.claims_full_registry);
  EXPECT_EQ(outcome.snapshot.last_updated, seed.last_updated);
  EXPECT_EQ(outcome.snapshot.records.size(), seed.records);
  EXPECT_EQ(outcome.snapshot.contacts.size(), seed.contacts);

  // The XML settles the lone dates the rules guess wrong, and only those.
  EXPECT_EQ(adopt_reference_dates(outcome.snapshot, xml->snapshot), seed.lone_dates_from_xml);

  std::set<size_t> matched;
  for (const RegistryRecord& record : outcome.snapshot.records) {
    const auto [first, last] = xml_index.equal_range(key_of(record));
    std::optional<size_t> match;
    for (auto it = first; it != last && !match; ++it) {
      if (record.same_entry_as(xml->snapshot.records[it->second])) match = it->second;
    }
    if (!match) {
      ADD_FAILURE() << record.origin.file << ":" << record.origin.line
                    << ": no equal XML entry\n  seed: " << record_tsv_line(record)
                    << "\n  xml:  "
                    << (first == last ? std::string("(no entry with this name/port/protocol)")
                                      : record_tsv_line(xml->snapshot.records[first->second]));
      continue;
    }
    EXPECT_TRUE(matched.insert(*match).second)
        << record.origin.line << ": two rows read as the same entry";
  }

  bool warned_cut = false;
  for (const std::string& warning : outcome.warnings) {
    warned_cut = warned_cut || warning.find("cut off") != std::string::npos;
  }
  EXPECT_EQ(warned_cut, seed.cut_off);
}

INSTANTIATE_TEST_SUITE_P(Seeds, SeedVsXml, testing::ValuesIn(kSeeds),
                         [](const testing::TestParamInfo<Seed>& param) {
                           return std::string("seed_") + std::string(param.param.file).substr(0, 3);
                         });

}  // namespace
}  // namespace pclassify::gen
