// `pclassify-gen diff OLD NEW`: what changed between two registry snapshots.
//
// Records are matched by identity: a named record by (name case-insensitively, ports,
// protocol); a row without a name (Reserved/Unassigned) by (description, ports, protocol).
// Matched records whose other fields differ are "re-described" (the description changed)
// or "changed" (only other fields). Unmatched records are paired up where they share a
// (ports, protocol) slot:
//   de-assigned  an old named record whose slot now holds only a nameless row
//   renamed      an old named record whose slot now holds a new name (paired in order)
// What is left is "added" / "removed"; nameless rows left over (ranges split by new
// assignments, Reserved rows) are listed apart, as the least interesting change.
#pragma once

#include <string>
#include <vector>

#include "registry_record.h"

namespace pclassify::gen {

struct FieldChange {
  std::string field;  // the --records-tsv column name
  std::string before;
  std::string after;
};

struct RecordChange {
  RegistryRecord before;
  RegistryRecord after;
  std::vector<FieldChange> fields;  // every field that differs (name included if renamed)
};

struct RegistryDiff {
  std::vector<RegistryRecord> added;     // named records new in NEW
  std::vector<RegistryRecord> removed;   // named records gone from NEW, nothing in their place
  std::vector<RecordChange> deassigned;  // before: the assignment; after: the nameless row
  std::vector<RecordChange> renamed;
  std::vector<RecordChange> redescribed;  // description changed (other fields may too)
  std::vector<RecordChange> changed;      // description unchanged, other fields changed
  std::vector<RegistryRecord> nameless_added;
  std::vector<RegistryRecord> nameless_removed;

  bool empty() const;
};

RegistryDiff diff_registries(const RegistrySnapshot& before, const RegistrySnapshot& after);

// Human-readable, grouped, one change a line, with a count per group.
std::string render_diff(const RegistryDiff& diff, const RegistrySnapshot& before,
                        const RegistrySnapshot& after);

}  // namespace pclassify::gen
