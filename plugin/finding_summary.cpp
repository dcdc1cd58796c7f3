#include "finding_summary.h"

#include <algorithm>
#include <cstddef>
#include <string_view>

namespace pclassify::plugin {
namespace {

bool shows_note(const FrameVerdict& verdict, NoteCode code) {
  const Label& label = verdict.flow->label;
  const size_t count = std::min(verdict.at.note_count, label.notes.size());
  return std::any_of(label.notes.begin(), label.notes.begin() + static_cast<ptrdiff_t>(count),
                     [code](const Note& note) { return note.code == code; });
}

// Protocol names are lower case in the classifier ("tls"); the line reads like prose,
// where protocols are written in capitals.
const char* upper(packet_info* pinfo, std::string_view text) {
  char* out = wmem_strndup(pinfo->pool, text.data(), text.size());
  for (char* c = out; *c != '\0'; ++c) *c = g_ascii_toupper(*c);
  return out;
}

}  // namespace

const char* finding_summary(packet_info* pinfo, const FrameVerdict& verdict) {
  const LabelledFlow& flow = *verdict.flow;
  const Label& label = flow.label;
  const std::string_view transport = transport_name(label.transport);
  wmem_strbuf_t* text = wmem_strbuf_new(pinfo->pool, "");
  wmem_strbuf_append_printf(text, "%s (%u/%.*s)", flow.service_text.c_str(), label.server_port,
                            static_cast<int>(transport.size()), transport.data());
  // The payload part once there is something to say: a verdict other than unknown, or a
  // protocol recognised without settling the question.
  if (const PayloadCheck* check = current_check(flow, verdict.at); check != nullptr) {
    const PayloadVerdict& result = check->result;
    if (result.verdict != Verdict::unknown || !result.protocol.empty()) {
      const std::string_view name = verdict_name(result.verdict);
      if (result.protocol.empty()) {
        wmem_strbuf_append_printf(text, ", payload: %.*s", static_cast<int>(name.size()),
                                  name.data());
      } else {
        wmem_strbuf_append_printf(text, ", payload is %s: %.*s", upper(pinfo, result.protocol),
                                  static_cast<int>(name.size()), name.data());
      }
    }
  }
  if (shows_note(verdict, NoteCode::unauthorized_use)) {
    wmem_strbuf_append(text, ", unauthorized use reported to IANA");
  }
  return wmem_strbuf_get_str(text);
}

}  // namespace pclassify::plugin
