// Merging several registry snapshots into one set of records.
//
// Order: snapshots are ordered by their `last_updated` date (YYYY-MM-DD compares as text;
// a snapshot without a date is the oldest); on equal dates, the later argument is the
// newer. Walking from the newest to the oldest, each snapshot keeps what no newer
// snapshot covers.
//
// What a snapshot covers:
//   - a full registry (claims_full_registry) covers everything: a record absent from a
//     newer full registry was removed from the registry, so nothing older survives it;
//   - an excerpt covers the (port, transport) slots its records mention: a record with a
//     protocol covers that transport on each of its ports; a row without protocol (ranges
//     such as "4903-4911 Unassigned") covers all four transports of its ports;
//   - an excerpt covers the name-only (DNS-SD) names it mentions, case-insensitively.
//     A record with a port never covers a name-only record, nor the reverse.
// An older record survives on the ports where none of its slots is covered; a range is
// cut to the uncovered parts (an old "100-110 Unassigned" row under a newer 105/tcp
// assignment becomes 100-104 and 106-110: the newer excerpt speaks for port 105, and the
// old row cannot say which of its transports it still holds).
//
// Output order: by port (name-only records last); on the same first port, the newer
// snapshot's records first; otherwise each snapshot's own order. A single snapshot, or
// an old one fully covered by a new full registry, comes out in its own order.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "registry_record.h"

namespace pclassify::gen {

// One input of the merge, for provenance.
struct SourceInfo {
  std::string file;
  std::string last_updated;
  std::string sha256;
  bool claims_full_registry = false;
  size_t records_read = 0;  // what the reader produced
  size_t records_kept = 0;  // what survived the merge (ranges cut in parts count per part)
};

struct MergedRecord {
  RegistryRecord record;
  size_t source = 0;  // index into MergedRegistry::sources
};

struct MergedRegistry {
  std::vector<SourceInfo> sources;  // oldest first (the merge order)
  std::vector<MergedRecord> records;

  std::vector<RegistryRecord> plain_records() const;  // records without provenance
};

// Takes the snapshots by value: pass them with std::move to let records move, not copy.
MergedRegistry merge_snapshots(std::vector<RegistrySnapshot> snapshots);

}  // namespace pclassify::gen
