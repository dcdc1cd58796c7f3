#include "dissector.h"

#include <exception>
#include <memory>
#include <string>

#include "capture_context.h"
#include "flow_observation.h"
#include "frame_verdict.h"
#include "label_tree.h"
#include "protocol_ids.h"
#include "statistics.h"
#include "table_choice.h"
#include "ws_epan.h"

namespace pclassify::plugin {
namespace {

// Preferences; epan writes them (`-o pclassify.table:FILE`, the preferences dialog).
const char* pref_table_path = "";
PrefBool pref_expert_info = TRUE;
PrefBool pref_caveat_every_packet = FALSE;

// The table the preferences chose. A capture context starts from it when a file opens;
// a context keeps its own reference, so a preference change never pulls a table from
// under labels already made.
TableChoice configured_table;
// The classifier state of the open capture file (epan dissects one file at a time).
std::unique_ptr<CaptureContext> capture;
dissector_handle_t pclassify_handle;

// Every entry point called from C catches C++ exceptions: none may unwind into epan.

// Runs when a pclassify preference is set, not for the defaults.
void apply_preferences() {
  try {
    std::string error;
    TableChoice choice = choose_table(pref_table_path != nullptr ? pref_table_path : "", error);
    if (!error.empty()) {
      report_failure("pclassify: %s. Labelling with the compiled-in service table instead.",
                     error.c_str());
    }
    configured_table = std::move(choice);
  } catch (const std::exception& e) {
    report_failure("pclassify: cannot apply the preferences: %s", e.what());
  }
}

// epan's init routine: a capture file opens, or is dissected anew after a preference change.
void open_capture() {
  try {
    if (!configured_table.table) configured_table = compiled_in_table();
    capture = std::make_unique<CaptureContext>(configured_table);
  } catch (const std::exception& e) {
    capture.reset();
    report_failure("pclassify: cannot prepare the classifier, packets stay unlabelled: %s",
                   e.what());
  }
}

// epan's cleanup routine: the file closes, and with it the file-scope memory that points
// into the context.
void close_capture() { capture.reset(); }

int dissect_pclassify(tvbuff_t* tvb, packet_info* pinfo, proto_tree* tree, void* /*data*/) {
  const ProtocolIds& ids = protocol_ids();
  const FrameVerdict* verdict = nullptr;
  try {
    verdict = frame_verdict(pinfo, tree, capture.get(), ids.proto);
  } catch (const std::exception&) {
    return 0;  // out of memory: this frame stays unlabelled rather than taking epan down
  }
  if (verdict == nullptr || capture == nullptr) return 0;
  const TreeOptions options{capture->table_origin().c_str(), pref_expert_info != 0,
                            pref_caveat_every_packet != 0};
  add_label_tree(tvb, pinfo, tree, *verdict, ids, options);
  tap_queue_packet(ids.tap, pinfo, verdict);
  return static_cast<int>(tvb_captured_length(tvb));
}

}  // namespace

void register_protocol() {
  ProtocolIds& ids = register_protocol_ids();
  ids.tap = register_statistics();
  pclassify_handle = register_dissector("pclassify", dissect_pclassify, ids.proto);
  register_postdissector(pclassify_handle);

  module_t* prefs = prefs_register_protocol(ids.proto, apply_preferences);
  prefs_register_filename_preference(
      prefs, "table", "Service table file",
      "A service table written by pclassify-gen --table, used instead of the table compiled "
      "into the plugin (so a new IANA registry needs no rebuild). Empty: the compiled-in "
      "table. A file that cannot be loaded is reported and the compiled-in table is used.",
      &pref_table_path, FALSE);
  prefs_register_bool_preference(
      prefs, "expert_info", "Expert info for notes that warrant attention",
      "Raise a Security expert info, once per flow, for notes such as an unassigned or "
      "reserved port in use, a de-assigned service, or unauthorized use reported to IANA.",
      &pref_expert_info);
  prefs_register_bool_preference(
      prefs, "caveat_every_packet", "IANA caveat on every packet",
      "Show the registry's caveat note (a registered port does not make traffic that "
      "service) on every packet. Off: on each flow's first packet only, so that a note "
      "column shows what sets a flow apart.",
      &pref_caveat_every_packet);

  register_init_routine(open_capture);
  register_cleanup_routine(close_capture);
}

void register_handoff() {
  // Every dissector has registered its fields by now.
  want_header_fields(pclassify_handle);
}

}  // namespace pclassify::plugin
