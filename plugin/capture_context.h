// The classifier state of one capture file: the table it was opened with and, per flow,
// its label, payload samples and payload checks. The dissector keeps one per file, made
// by the epan init routine (file open, re-dissection after a preference change) and
// dropped by the cleanup routine.
//
// Plain C++ over classifier/: no GLib or epan header here.
#pragma once

#include <cstdint>
#include <deque>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "label/label.h"
#include "payload_check.h"
#include "table_choice.h"

namespace pclassify::plugin {

struct LabelledFlow {
  Label label;
  std::string service_text;  // output::service_or_status(label): "https", "(unassigned)", ...
  std::vector<std::string_view> services;  // port_services(label), computed once
  FirstPayloads payloads;
  // One check per new piece of evidence (the first payload of each direction), oldest
  // first: a frame shows the last check made at or before it.
  std::vector<PayloadCheck> payload_checks;
  uint32_t attention_reported = 0;  // bit (1 << NoteCode) per code already raised
};

// One bit per NoteCode, for "which notes warrant attention in this frame".
using NoteCodeMask = uint32_t;
static_assert(static_cast<unsigned>(NoteCode::count) <= 32, "NoteCodeMask holds one bit per code");
constexpr NoteCodeMask note_code_bit(NoteCode code) {
  return NoteCodeMask{1} << static_cast<unsigned>(code);
}

// What a frame shows of its flow: the state when the frame was first dissected.
struct FlowSnapshot {
  size_t note_count = 0;      // label notes known (notes are only ever appended)
  size_t checks_known = 0;    // payload checks made up to this frame
};

FlowSnapshot snapshot(const LabelledFlow& flow);
// The payload check a frame with this snapshot shows; nullptr before the first one.
const PayloadCheck* current_check(const LabelledFlow& flow, const FlowSnapshot& at);

class CaptureContext {
 public:
  explicit CaptureContext(TableChoice table);

  // Labels a new flow. The pointer stays valid for the life of the context.
  LabelledFlow* label_new_flow(const FlowEnds& ends);

  // Keeps `payload` if it is the first of its direction and checks the flow's payload
  // again with the new evidence.
  static void offer_payload(LabelledFlow& flow, bool to_server, std::span<const uint8_t> payload,
                            uint32_t frame);

  // The codes among the notes visible at `at` that warrant an analyst's attention and have
  // not been reported for this flow yet; marks them reported. Each code is thus raised
  // once per flow, on the first frame where it applies.
  static NoteCodeMask take_unreported_attention(LabelledFlow& flow, const FlowSnapshot& at);

  const std::string& table_origin() const { return table_.origin; }

 private:
  TableChoice table_;
  std::deque<LabelledFlow> flows_;  // a deque: push_back keeps earlier elements in place
};

}  // namespace pclassify::plugin
