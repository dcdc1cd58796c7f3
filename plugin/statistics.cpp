#include "statistics.h"

#include <algorithm>
#include <cstdint>
#include <exception>
#include <map>
#include <string_view>
#include <unordered_map>

#include "field_values.h"
#include "frame_verdict.h"
#include "ws_epan.h"

namespace pclassify::plugin {
namespace {

constexpr const char* kFlowsByService = "Flows by service";
constexpr const char* kPacketsByService = "Packets by service";
constexpr const char* kFlowsByVerdict = "Flows by payload verdict";
constexpr const char* kPacketsByVerdict = "Packets by payload verdict";
constexpr const char* kFlowsByNote = "Flows by note code";
constexpr const char* kPacketsByNote = "Packets by note code";

// What one statistics window (or one -z) has counted of a flow.
struct CountedFlow {
  const char* verdict = nullptr;  // the verdict the flow is counted under now
  NoteCodeMask notes = 0;         // the note codes already counted for the flow
};

// One per open tree. The stats tree API keeps no user data and does not call the init
// routine again when a window retaps (it only zeroes the counters), so the state is kept
// here and dropped when a pass starts again at an earlier frame.
struct TreeState {
  std::unordered_map<const LabelledFlow*, CountedFlow> flows;
  uint32_t last_frame = 0;
};
std::map<const stats_tree*, TreeState> trees;

// The verdict's word from the value list (field_values.h): NUL-terminated, and one
// pointer per verdict for the life of the process, so CountedFlow compares addresses.
const char* verdict_node(const FrameVerdict& verdict) {
  const PayloadCheck* check = current_check(*verdict.flow, verdict.at);
  const uint32_t value =
      check == nullptr ? kVerdictNotChecked : static_cast<uint32_t>(check->result.verdict);
  for (const value_string* entry = field_values().verdict; entry->strptr != nullptr; ++entry) {
    if (entry->value == value) return entry->strptr;
  }
  return "?";
}

// The note codes this frame shows of its flow, without the caveat.
NoteCodeMask shown_notes(const FrameVerdict& verdict) {
  const LabelledFlow& flow = *verdict.flow;
  NoteCodeMask codes = 0;
  const size_t count = std::min(verdict.at.note_count, flow.label.notes.size());
  for (size_t i = 0; i < count; ++i) codes |= note_code_bit(flow.label.notes[i].code);
  if (const PayloadCheck* check = current_check(flow, verdict.at); check && check->note) {
    codes |= note_code_bit(check->note->code);
  }
  return codes & ~note_code_bit(NoteCode::registry_caveat);
}

void tick_notes(stats_tree* st, packet_info* pinfo, int parent, NoteCodeMask codes) {
  for (unsigned code = 0; code < static_cast<unsigned>(NoteCode::count); ++code) {
    if ((codes & note_code_bit(static_cast<NoteCode>(code))) == 0) continue;
    const std::string_view name = note_code_name(static_cast<NoteCode>(code));
    tick_stat_node(st, wmem_strndup(pinfo->pool, name.data(), name.size()), parent, FALSE);
  }
}

void tick_service(stats_tree* st, int parent, const LabelledFlow& flow, const char* port) {
  const int service = tick_stat_node(st, flow.service_text.c_str(), parent, TRUE);
  tick_stat_node(st, port, service, FALSE);
}

void count(stats_tree* st, TreeState& state, const FrameVerdict& verdict, packet_info* pinfo) {
  if (pinfo->num <= state.last_frame) state.flows.clear();  // a retap: counters were zeroed
  state.last_frame = pinfo->num;
  const LabelledFlow& flow = *verdict.flow;
  // Node names are copied by the stats tree: a packet-scope string will do.
  const std::string_view transport = transport_name(flow.label.transport);
  const char* port = wmem_strdup_printf(pinfo->pool, "%u/%.*s", flow.label.server_port,
                                        static_cast<int>(transport.size()), transport.data());
  const char* verdict_name = verdict_node(verdict);
  const NoteCodeMask notes = shown_notes(verdict);

  tick_stat_node(st, flow.service_text.c_str(), tick_stat_node(st, kPacketsByService, 0, TRUE),
                 FALSE);
  tick_stat_node(st, verdict_name, tick_stat_node(st, kPacketsByVerdict, 0, TRUE), FALSE);
  tick_notes(st, pinfo, tick_stat_node(st, kPacketsByNote, 0, TRUE), notes);

  auto [it, first] = state.flows.try_emplace(&flow);
  CountedFlow& counted = it->second;
  if (first) {
    tick_service(st, tick_stat_node(st, kFlowsByService, 0, TRUE), flow, port);
    tick_stat_node(st, kFlowsByVerdict, 0, TRUE);
    tick_stat_node(st, kFlowsByNote, 0, TRUE);
  }
  // A flow is counted under its latest verdict: it moves when the verdict changes.
  const int verdicts = stats_tree_parent_id_by_name(st, kFlowsByVerdict);
  if (counted.verdict != verdict_name) {
    if (counted.verdict != nullptr) increase_stat_node(st, counted.verdict, verdicts, FALSE, -1);
    tick_stat_node(st, verdict_name, verdicts, FALSE);
    counted.verdict = verdict_name;
  }
  const NoteCodeMask fresh = notes & ~counted.notes;
  counted.notes |= notes;
  tick_notes(st, pinfo, stats_tree_parent_id_by_name(st, kFlowsByNote), fresh);
}

// Callbacks from C: no exception may leave them.
tap_packet_status packet(stats_tree* st, packet_info* pinfo, epan_dissect_t* /*edt*/,
                         const void* data, tap_flags_t /*flags*/) {
  const auto* verdict = static_cast<const FrameVerdict*>(data);
  if (verdict == nullptr || verdict->flow == nullptr) return TAP_PACKET_DONT_REDRAW;
  try {
    count(st, trees[st], *verdict, pinfo);
  } catch (const std::exception&) {
    return TAP_PACKET_FAILED;
  }
  return TAP_PACKET_REDRAW;
}

void init(stats_tree* st) {
  try {
    // Fixed order of the sections; their children appear as they are counted.
    for (const char* section : {kFlowsByService, kFlowsByVerdict, kFlowsByNote, kPacketsByService,
                                kPacketsByVerdict, kPacketsByNote}) {
      stats_tree_create_node(st, section, 0, STAT_DT_INT, TRUE);
    }
    trees[st] = TreeState{};
  } catch (const std::exception&) {
  }
}

void cleanup(stats_tree* st) { trees.erase(st); }

}  // namespace

int register_statistics() {
  const int tap = register_tap("pclassify");
  // No sort flags: tshark prints the sections in the order init() made them, the GUI sorts
  // by name (and by any column on a click).
  stats_tree_register_plugin("pclassify", "pclassify", "pclassify", 0, packet, init, cleanup);
  return tap;
}

}  // namespace pclassify::plugin
