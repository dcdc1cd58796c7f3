#include "label_tree.h"

#include <algorithm>
#include <string_view>

#include "field_values.h"
#include "finding_summary.h"

namespace pclassify::plugin {
namespace {

// Registry strings are views into the service table, not NUL-terminated.
const char* packet_string(packet_info* pinfo, std::string_view text) {
  return wmem_strndup(pinfo->pool, text.data(), text.size());
}

proto_item* add_string(proto_tree* tree, int hf, tvbuff_t* tvb, packet_info* pinfo,
                       std::string_view value) {
  proto_item* item = proto_tree_add_string(tree, hf, tvb, 0, 0, packet_string(pinfo, value));
  proto_item_set_generated(item);
  return item;
}

// An enumerated field (field_values.h): its value is the enum's number, the tree shows the
// word alone, as when these fields were strings.
template <typename Enum>
proto_item* add_enum(proto_tree* tree, int hf, tvbuff_t* tvb, packet_info* pinfo, Enum value,
                     std::string_view name) {
  proto_item* item = proto_tree_add_uint_format_value(
      tree, hf, tvb, 0, 0, static_cast<uint32_t>(value), "%s", packet_string(pinfo, name));
  proto_item_set_generated(item);
  return item;
}

// "443/tcp" or "4903-4911" for a range row that covers every transport.
const char* record_ports(packet_info* pinfo, const ServiceRecord& record) {
  if (!record.has_port) return "no port";
  const char* transport =
      record.has_transport ? packet_string(pinfo, transport_name(record.transport)) : "any";
  if (record.port_lo == record.port_hi) {
    return wmem_strdup_printf(pinfo->pool, "%u/%s", record.port_lo, transport);
  }
  return wmem_strdup_printf(pinfo->pool, "%u-%u/%s", record.port_lo, record.port_hi, transport);
}

void add_registration(proto_tree* tree, tvbuff_t* tvb, packet_info* pinfo, int hf,
                      const ServiceRecord& record) {
  // The field's value is what a filter compares: the name, or the status of a nameless row.
  const char* value = record.name.empty() ? packet_string(pinfo, service_status_name(record.status))
                                          : packet_string(pinfo, record.name);
  const char* text = wmem_strdup_printf(
      pinfo->pool, "%s (%s, %s)%s%s%s", value, record_ports(pinfo, record),
      packet_string(pinfo, service_status_name(record.status)),
      record.description.empty() ? "" : ": ", packet_string(pinfo, record.description),
      record.is_alias ? " [alias]" : "");
  proto_item* item = proto_tree_add_string_format_value(tree, hf, tvb, 0, 0, value, "%s", text);
  proto_item_set_generated(item);
}

void add_registrations(proto_tree* tree, tvbuff_t* tvb, packet_info* pinfo,
                       const Label& label, const ProtocolIds& ids) {
  size_t others = 0;
  for (const ServiceRecord* record : label.registrations) others += record != label.primary;
  if (others == 0) return;
  proto_tree* subtree = proto_tree_add_subtree_format(
      tree, tvb, 0, 0, ids.ett.registrations, nullptr, "Other registrations on %u/%s: %zu",
      label.server_port, packet_string(pinfo, transport_name(label.transport)), others);
  for (const ServiceRecord* record : label.registrations) {
    if (record != label.primary) add_registration(subtree, tvb, pinfo, ids.hf.registration, *record);
  }
}

void add_note(proto_tree* tree, tvbuff_t* tvb, packet_info* pinfo, const Note& note,
              const FrameVerdict& verdict, const ProtocolIds& ids, const TreeOptions& options) {
  const char* code = packet_string(pinfo, note_code_name(note.code));
  proto_item* item = proto_tree_add_string_format(tree, ids.hf.note, tvb, 0, 0, note.text.c_str(),
                                                  "Note (%s): %s", code, note.text.c_str());
  proto_item_set_generated(item);
  proto_tree* note_tree = proto_item_add_subtree(item, ids.ett.note);
  proto_item_set_generated(proto_tree_add_string(note_tree, ids.hf.note_code, tvb, 0, 0, code));
  if (options.expert_info && (verdict.attention & note_code_bit(note.code)) != 0) {
    expert_add_info_format(pinfo, item, attention_expert(note.code), "%s", note.text.c_str());
  }
}

// The IANA caveat is true of every flow: said once, on the flow's first frame, so that a
// note column shows what sets a packet's flow apart.
bool shows_caveat(const FrameVerdict& verdict, const TreeOptions& options) {
  return verdict.first_of_flow || options.caveat_every_packet;
}

size_t shown_note_count(const FrameVerdict& verdict, const TreeOptions& options,
                        size_t label_notes) {
  size_t shown = 0;
  for (size_t i = 0; i < label_notes; ++i) {
    const bool caveat = verdict.flow->label.notes[i].code == NoteCode::registry_caveat;
    shown += !caveat || shows_caveat(verdict, options);
  }
  return shown;
}

// The label's notes, then the payload check's note, as known at this frame.
void add_notes(proto_tree* tree, tvbuff_t* tvb, packet_info* pinfo, const FrameVerdict& verdict,
               const ProtocolIds& ids, const TreeOptions& options) {
  const LabelledFlow& flow = *verdict.flow;
  const size_t label_notes = std::min(verdict.at.note_count, flow.label.notes.size());
  const PayloadCheck* check = current_check(flow, verdict.at);
  const bool payload_note = check != nullptr && check->note.has_value();
  proto_tree* notes_tree =
      proto_tree_add_subtree_format(tree, tvb, 0, 0, ids.ett.notes, nullptr, "Notes: %zu",
                                    shown_note_count(verdict, options, label_notes) +
                                        (payload_note ? 1 : 0));
  for (size_t i = 0; i < label_notes; ++i) {
    const Note& note = flow.label.notes[i];
    if (note.code == NoteCode::registry_caveat && !shows_caveat(verdict, options)) continue;
    add_note(notes_tree, tvb, pinfo, note, verdict, ids, options);
  }
  if (payload_note) add_note(notes_tree, tvb, pinfo, *check->note, verdict, ids, options);
}

void add_payload_verdict(proto_tree* tree, tvbuff_t* tvb, packet_info* pinfo,
                         const FrameVerdict& verdict, const ProtocolIds& ids) {
  const PayloadCheck* check = current_check(*verdict.flow, verdict.at);
  if (check == nullptr) {
    const char* why = verdict.payload_readable
                          ? "no payload seen in this flow yet"
                          : "Wireshark 4.0 offers no payload field for this transport";
    proto_item* item = proto_tree_add_uint_format_value(
        tree, ids.hf.payload_verdict, tvb, 0, 0, kVerdictNotChecked, "not_checked (%s)", why);
    proto_item_set_generated(item);
    return;
  }
  const PayloadVerdict& result = check->result;
  const char* name = packet_string(pinfo, verdict_name(result.verdict));
  const auto value = static_cast<uint32_t>(result.verdict);
  proto_item* item =
      result.reason.empty()
          ? proto_tree_add_uint_format_value(tree, ids.hf.payload_verdict, tvb, 0, 0, value,
                                             "%s", name)
          : proto_tree_add_uint_format_value(tree, ids.hf.payload_verdict, tvb, 0, 0, value,
                                             "%s (%s)", name,
                                             packet_string(pinfo, result.reason));
  proto_item_set_generated(item);
  proto_tree* subtree = proto_item_add_subtree(item, ids.ett.payload);
  if (!result.protocol.empty()) {
    add_string(subtree, ids.hf.payload_protocol, tvb, pinfo, result.protocol);
  }
  if (!result.detail.empty()) add_string(subtree, ids.hf.payload_detail, tvb, pinfo, result.detail);
  proto_item_set_generated(proto_tree_add_uint(subtree, ids.hf.payload_frame, tvb, 0, 0,
                                               check->decided_in_frame));
}

}  // namespace

void add_label_tree(tvbuff_t* tvb, packet_info* pinfo, proto_tree* tree,
                    const FrameVerdict& verdict, const ProtocolIds& ids,
                    const TreeOptions& options) {
  const Label& label = verdict.flow->label;
  // The subtree opens with a pclassify field, not the protocol item: Protocol Hierarchy
  // Statistics count every top-level protocol item as a layer (pclassify would sit under
  // every transport and take its "End Packets"), and skip top-level fields. The protocol
  // item is kept, hidden, so that the filter `pclassify` still selects labelled frames.
  // Not marked generated: the header would read "[pclassify: ...]".
  const char* summary = finding_summary(pinfo, verdict);
  proto_item* top = proto_tree_add_string_format(tree, ids.hf.summary, tvb, 0, 0, summary,
                                                 "pclassify: %s", summary);
  proto_tree* subtree = proto_item_add_subtree(top, ids.ett.pclassify);
  proto_item* protocol = proto_tree_add_item(subtree, ids.proto, tvb, 0, 0, ENC_NA);
  proto_item_set_hidden(protocol);

  if (label.primary != nullptr) {
    add_string(subtree, ids.hf.service, tvb, pinfo, label.service());
  }
  add_string(subtree, ids.hf.service_or_status, tvb, pinfo, verdict.flow->service_text);
  if (label.primary != nullptr) {
    if (!label.description().empty()) {
      add_string(subtree, ids.hf.description, tvb, pinfo, label.description());
    }
  }
  proto_item_set_generated(
      proto_tree_add_uint(subtree, ids.hf.port, tvb, 0, 0, label.server_port));
  add_enum(subtree, ids.hf.transport, tvb, pinfo, label.transport, transport_name(label.transport));
  const Direction direction = verdict.to_server ? Direction::to_server : Direction::to_client;
  add_enum(subtree, ids.hf.direction, tvb, pinfo, direction,
           verdict.to_server ? "to_server" : "to_client");
  add_enum(subtree, ids.hf.basis, tvb, pinfo, label.basis, server_basis_name(label.basis));
  add_enum(subtree, ids.hf.range, tvb, pinfo, label.range, range_class_name(label.range));
  add_enum(subtree, ids.hf.status, tvb, pinfo, label.status, service_status_name(label.status));
  add_registrations(subtree, tvb, pinfo, label, ids);
  add_notes(subtree, tvb, pinfo, verdict, ids, options);
  add_payload_verdict(subtree, tvb, pinfo, verdict, ids);
  add_string(subtree, ids.hf.table, tvb, pinfo, options.table_origin);
}

}  // namespace pclassify::plugin
