#include "capture_context.h"

#include <algorithm>
#include <utility>

#include "output/flow_report.h"

namespace pclassify::plugin {

FlowSnapshot snapshot(const LabelledFlow& flow) {
  return {flow.label.notes.size(), flow.payload_checks.size()};
}

const PayloadCheck* current_check(const LabelledFlow& flow, const FlowSnapshot& at) {
  const size_t known = std::min(at.checks_known, flow.payload_checks.size());
  return known == 0 ? nullptr : &flow.payload_checks[known - 1];
}

CaptureContext::CaptureContext(TableChoice table) : table_(std::move(table)) {}

LabelledFlow* CaptureContext::label_new_flow(const FlowEnds& ends) {
  LabelledFlow& flow = flows_.emplace_back();
  flow.label = label_flow(ends, *table_.table);
  flow.services = port_services(flow.label);
  flow.service_text = output::service_or_status(flow.label);
  return &flow;
}

void CaptureContext::offer_payload(LabelledFlow& flow, bool to_server,
                                   std::span<const uint8_t> payload, uint32_t frame) {
  if (!flow.payloads.offer(to_server, payload)) return;
  flow.payload_checks.push_back(check_payload(flow.label, flow.services, flow.payloads, frame));
}

NoteCodeMask CaptureContext::take_unreported_attention(LabelledFlow& flow,
                                                       const FlowSnapshot& at) {
  NoteCodeMask fresh = 0;
  const auto consider = [&fresh](const Note& note) {
    if (note_warrants_attention(note.code)) fresh |= note_code_bit(note.code);
  };
  const size_t count = std::min(at.note_count, flow.label.notes.size());
  for (size_t i = 0; i < count; ++i) consider(flow.label.notes[i]);
  if (const PayloadCheck* check = current_check(flow, at); check != nullptr && check->note) {
    consider(*check->note);
  }
  fresh &= ~flow.attention_reported;
  flow.attention_reported |= fresh;
  return fresh;
}

}  // namespace pclassify::plugin
