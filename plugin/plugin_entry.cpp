// What Wireshark's plugin loader looks up in pclassify.so (see exports.map).
//
// Every supported release (4.0, 4.4 and 4.6; built and tested in Debian 12, 13 and testing)
// reads plugin_version / plugin_want_major / plugin_want_minor and calls plugin_register;
// 4.2 and later also call plugin_describe. Wireshark's development tree replaces these
// with a module descriptor (WIRESHARK_PLUGIN_REGISTER_EPAN); no release has it yet, so it
// is not written here untested: when a release brings it, the plugin tests' `loads` and
// `exports` cases fail on that release's tshark and this file gains the new entry point.
#include "dissector.h"
#include "ws_epan.h"
#if __has_include(<wsutil/plugins.h>)
#include <wsutil/plugins.h>  // not installed with 4.0
#endif

#ifndef PCLASSIFY_VERSION
#define PCLASSIFY_VERSION "0.0.0"
#endif

namespace {

void register_pclassify() {
  static proto_plugin plugin;
  plugin.register_protoinfo = pclassify::plugin::register_protocol;
  plugin.register_handoff = pclassify::plugin::register_handoff;
  proto_register_plugin(&plugin);
}

}  // namespace

// Declared before they are defined: in C++ a namespace-scope const has internal linkage
// unless declared extern, and would not be exported at all.
extern "C" {
WS_DLL_PUBLIC const char plugin_version[];
WS_DLL_PUBLIC const int plugin_want_major;
WS_DLL_PUBLIC const int plugin_want_minor;
WS_DLL_PUBLIC void plugin_register(void);

const char plugin_version[] = PCLASSIFY_VERSION;
const int plugin_want_major = WIRESHARK_VERSION_MAJOR;
const int plugin_want_minor = WIRESHARK_VERSION_MINOR;

void plugin_register(void) { register_pclassify(); }

#ifdef WS_PLUGIN_DESC_DISSECTOR
WS_DLL_PUBLIC uint32_t plugin_describe(void);
uint32_t plugin_describe(void) { return WS_PLUGIN_DESC_DISSECTOR; }
#endif
}
