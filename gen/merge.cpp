#include "merge.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <numeric>
#include <unordered_set>

namespace pclassify::gen {
namespace {

constexpr size_t kTransports = 4;
constexpr size_t kPorts = 65536;

// The transports a record's protocol names; all four for a row without protocol.
// Checks reject unknown protocol words before a merge; treat one like "all" regardless.
std::array<bool, kTransports> transports_of(const std::string& protocol) {
  static constexpr std::array<std::string_view, kTransports> kNames = {"tcp", "udp", "sctp",
                                                                       "dccp"};
  std::array<bool, kTransports> out{};
  for (size_t t = 0; t < kTransports; ++t) out[t] = protocol == kNames[t];
  if (std::none_of(out.begin(), out.end(), [](bool b) { return b; })) out.fill(true);
  return out;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// What the snapshots already walked (the newer ones) cover.
class Coverage {
 public:
  Coverage() : slots_(kTransports * kPorts, false) {}

  void add(const RegistrySnapshot& snapshot) {
    if (snapshot.claims_full_registry) everything_ = true;
    for (const RegistryRecord& r : snapshot.records) {
      if (!r.ports) {
        names_.insert(lower(r.name));
        continue;
      }
      const auto transports = transports_of(r.protocol);
      for (uint32_t p = r.ports->lo; p <= r.ports->hi; ++p) {
        for (size_t t = 0; t < kTransports; ++t) {
          if (transports[t]) slots_[t * kPorts + p] = true;
        }
      }
    }
  }

  bool covers_everything() const { return everything_; }
  bool covers_name(const std::string& name) const { return names_.count(lower(name)) > 0; }

  bool covers_port(const std::array<bool, kTransports>& transports, uint32_t port) const {
    for (size_t t = 0; t < kTransports; ++t) {
      if (transports[t] && slots_[t * kPorts + port]) return true;
    }
    return false;
  }

 private:
  bool everything_ = false;
  std::vector<bool> slots_;
  std::unordered_set<std::string> names_;
};

// The parts of `record` no newer snapshot covers (zero, one, or several range pieces).
// Moves the record out when it survives whole.
void keep_uncovered(RegistryRecord& record, size_t source, const Coverage& coverage,
                    std::vector<MergedRecord>& out) {
  if (coverage.covers_everything()) return;
  if (!record.ports) {
    if (!coverage.covers_name(record.name)) out.push_back({std::move(record), source});
    return;
  }
  const auto transports = transports_of(record.protocol);
  const uint32_t lo = record.ports->lo;
  const uint32_t hi = record.ports->hi;
  uint32_t p = lo;
  while (p <= hi) {
    while (p <= hi && coverage.covers_port(transports, p)) ++p;
    if (p > hi) break;
    const uint32_t start = p;
    while (p <= hi && !coverage.covers_port(transports, p)) ++p;
    if (start == lo && p > hi) {  // not cut at all
      out.push_back({std::move(record), source});
      return;
    }
    MergedRecord piece{record, source};
    piece.record.ports = PortRange{static_cast<uint16_t>(start), static_cast<uint16_t>(p - 1)};
    out.push_back(std::move(piece));
  }
}

}  // namespace

std::vector<RegistryRecord> MergedRegistry::plain_records() const {
  std::vector<RegistryRecord> out;
  out.reserve(records.size());
  for (const MergedRecord& m : records) out.push_back(m.record);
  return out;
}

MergedRegistry merge_snapshots(std::vector<RegistrySnapshot> snapshots) {
  // Merge order: oldest first; equal dates keep argument order (the later is newer).
  std::vector<size_t> order(snapshots.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return snapshots[a].last_updated < snapshots[b].last_updated;
  });

  MergedRegistry merged;
  for (size_t idx : order) {
    const RegistrySnapshot& s = snapshots[idx];
    merged.sources.push_back(
        {s.file, s.last_updated, s.sha256, s.claims_full_registry, s.records.size(), 0});
  }

  // Newest to oldest: each snapshot keeps what the newer ones leave uncovered, then adds
  // its own coverage for the older ones.
  Coverage coverage;
  std::vector<MergedRecord> kept;
  for (size_t rank = order.size(); rank-- > 0;) {
    RegistrySnapshot& s = snapshots[order[rank]];
    // Coverage first: keep_uncovered moves records out of the snapshot.
    const Coverage older_view = coverage;
    coverage.add(s);
    const size_t before = kept.size();
    for (RegistryRecord& r : s.records) keep_uncovered(r, rank, older_view, kept);
    merged.sources[rank].records_kept = kept.size() - before;
  }

  // By first port, name-only last; stable, so the newer snapshot's records lead on a tie
  // and each snapshot keeps its own order.
  auto sort_key = [](const MergedRecord& m) -> uint32_t {
    return m.record.ports ? m.record.ports->lo : uint32_t{kPorts};
  };
  auto by_port = [&](const MergedRecord& a, const MergedRecord& b) {
    return sort_key(a) < sort_key(b);
  };
  if (!std::is_sorted(kept.begin(), kept.end(), by_port)) {  // one registry file already is
    std::stable_sort(kept.begin(), kept.end(), by_port);
  }
  merged.records = std::move(kept);
  return merged;
}

}  // namespace pclassify::gen
