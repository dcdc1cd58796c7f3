#include "registry_diff.h"

#include <cctype>
#include <map>
#include <optional>
#include <tuple>

#include "record_status.h"

namespace pclassify::gen {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ";" : "") + items[i];
  return out;
}

std::string ports_text(const RegistryRecord& r) {
  if (!r.ports) return "(no port)";
  std::string out = std::to_string(r.ports->lo);
  if (r.ports->hi != r.ports->lo) out += "-" + std::to_string(r.ports->hi);
  return out;
}

// "80/tcp", "4903-4911" (no protocol: every transport), "(no port)/tcp".
std::string slot_text(const RegistryRecord& r) {
  return r.protocol.empty() ? ports_text(r) : ports_text(r) + "/" + r.protocol;
}

using Identity = std::tuple<bool, std::string, uint32_t, uint32_t, bool, std::string>;
using Slot = std::tuple<bool, uint32_t, uint32_t, std::string>;

Slot slot_of(const RegistryRecord& r) {
  return {r.ports.has_value(), r.ports ? r.ports->lo : 0, r.ports ? r.ports->hi : 0, r.protocol};
}

Identity identity_of(const RegistryRecord& r) {
  const bool named = !r.name.empty();
  const auto [has_port, lo, hi, protocol] = slot_of(r);
  return {named, named ? lower(r.name) : lower(r.description), lo, hi, has_port, protocol};
}

std::vector<FieldChange> field_changes(const RegistryRecord& a, const RegistryRecord& b) {
  std::vector<FieldChange> out;
  auto compare = [&](const char* field, const std::string& x, const std::string& y) {
    if (x != y) out.push_back({field, x, y});
  };
  compare("name", a.name, b.name);
  compare("port", slot_text(a), slot_text(b));
  compare("description", a.description, b.description);
  compare("assignees", join(a.assignees), join(b.assignees));
  compare("contacts", join(a.contacts), join(b.contacts));
  compare("registered", a.registered, b.registered);
  compare("modified", a.modified, b.modified);
  compare("references", join(a.references), join(b.references));
  compare("service_code", a.service_code, b.service_code);
  compare("unauthorized_use", a.unauthorized_use, b.unauthorized_use);
  compare("assignment_notes", a.assignment_notes, b.assignment_notes);
  return out;
}

// Indexes of records not matched yet, by key, in registry order.
template <typename Key>
using Pending = std::map<Key, std::vector<size_t>>;

}  // namespace

bool RegistryDiff::empty() const {
  return added.empty() && removed.empty() && deassigned.empty() && renamed.empty() &&
         redescribed.empty() && changed.empty() && nameless_added.empty() &&
         nameless_removed.empty();
}

RegistryDiff diff_registries(const RegistrySnapshot& before, const RegistrySnapshot& after) {
  RegistryDiff diff;
  const auto& olds = before.records;
  const auto& news = after.records;

  // 1. Same identity on both sides: unchanged, re-described or changed.
  Pending<Identity> new_by_identity;
  for (size_t i = 0; i < news.size(); ++i) new_by_identity[identity_of(news[i])].push_back(i);
  std::vector<bool> old_matched(olds.size(), false), new_matched(news.size(), false);
  for (size_t i = 0; i < olds.size(); ++i) {
    auto it = new_by_identity.find(identity_of(olds[i]));
    if (it == new_by_identity.end() || it->second.empty()) continue;
    const size_t j = it->second.front();
    it->second.erase(it->second.begin());
    old_matched[i] = new_matched[j] = true;
    std::vector<FieldChange> fields = field_changes(olds[i], news[j]);
    if (fields.empty()) continue;
    const bool redescribed = olds[i].description != news[j].description;
    (redescribed ? diff.redescribed : diff.changed)
        .push_back({olds[i], news[j], std::move(fields)});
  }

  // 2. Unmatched records on the same slot: renamed (named -> named) or de-assigned
  //    (named -> nameless). Nameless rows consumed by a de-assignment are not listed again.
  Pending<Slot> new_named_by_slot, new_nameless_by_slot;
  for (size_t j = 0; j < news.size(); ++j) {
    if (new_matched[j]) continue;
    (news[j].name.empty() ? new_nameless_by_slot : new_named_by_slot)[slot_of(news[j])].push_back(
        j);
  }
  auto take = [&](Pending<Slot>& pending, const Slot& slot) -> std::optional<size_t> {
    auto it = pending.find(slot);
    if (it == pending.end() || it->second.empty()) return std::nullopt;
    const size_t j = it->second.front();
    it->second.erase(it->second.begin());
    new_matched[j] = true;
    return j;
  };
  for (size_t i = 0; i < olds.size(); ++i) {
    if (old_matched[i] || olds[i].name.empty()) continue;
    if (auto j = take(new_named_by_slot, slot_of(olds[i]))) {
      diff.renamed.push_back({olds[i], news[*j], field_changes(olds[i], news[*j])});
      old_matched[i] = true;
    } else if (auto k = take(new_nameless_by_slot, slot_of(olds[i]))) {
      diff.deassigned.push_back({olds[i], news[*k], field_changes(olds[i], news[*k])});
      old_matched[i] = true;
    }
  }

  // 3. The rest.
  for (size_t i = 0; i < olds.size(); ++i) {
    if (old_matched[i]) continue;
    (olds[i].name.empty() ? diff.nameless_removed : diff.removed).push_back(olds[i]);
  }
  for (size_t j = 0; j < news.size(); ++j) {
    if (new_matched[j]) continue;
    (news[j].name.empty() ? diff.nameless_added : diff.added).push_back(news[j]);
  }
  return diff;
}

namespace {

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

std::string describe(const RegistryRecord& r) {
  std::string out = "  " + slot_text(r) + "  ";
  out += r.name.empty() ? r.description : r.name + "  " + quoted(r.description);
  return out;
}

std::string describe_fields(const std::vector<FieldChange>& fields, bool skip_name) {
  std::string out;
  for (const FieldChange& f : fields) {
    if (skip_name && f.field == "name") continue;
    out += "\n      " + f.field + ": " + quoted(f.before) + " -> " + quoted(f.after);
  }
  return out;
}

template <typename Item, typename Line>
void group(std::string& out, const char* title, const std::vector<Item>& items, Line line) {
  if (items.empty()) return;
  out += "\n" + std::string(title) + " (" + std::to_string(items.size()) + "):\n";
  for (const Item& item : items) out += line(item) + "\n";
}

std::string header_of(const RegistrySnapshot& s) {
  return s.file + " (last updated " + (s.last_updated.empty() ? "unknown" : s.last_updated) + ", " +
         std::to_string(s.records.size()) + " records)";
}

}  // namespace

std::string render_diff(const RegistryDiff& diff, const RegistrySnapshot& before,
                        const RegistrySnapshot& after) {
  std::string out = "old: " + header_of(before) + "\nnew: " + header_of(after) + "\n";
  if (diff.empty()) return out + "\nNo changes.\n";
  auto plain = [](const RegistryRecord& r) { return describe(r); };
  group(out, "De-assigned", diff.deassigned, [](const RecordChange& c) {
    const RecordMeaning m = record_meaning(c.after);
    std::string line = describe(c.before) + "  -> " + c.after.description;
    if (!m.status_date.empty()) line += " since " + m.status_date;
    if (!c.after.assignment_notes.empty()) line += " (" + c.after.assignment_notes + ")";
    return line;
  });
  group(out, "Added", diff.added, plain);
  group(out, "Removed", diff.removed, plain);
  group(out, "Renamed", diff.renamed, [](const RecordChange& c) {
    return "  " + slot_text(c.before) + "  " + c.before.name + " -> " + c.after.name +
           describe_fields(c.fields, true);
  });
  auto field_lines = [](const RecordChange& c) {
    return "  " + slot_text(c.before) + "  " +
           (c.before.name.empty() ? c.before.description : c.before.name) +
           describe_fields(c.fields, false);
  };
  group(out, "Re-described", diff.redescribed, field_lines);
  group(out, "Other field changes", diff.changed, field_lines);
  group(out, "Reserved/Unassigned rows added", diff.nameless_added, plain);
  group(out, "Reserved/Unassigned rows removed", diff.nameless_removed, plain);
  return out;
}

}  // namespace pclassify::gen
