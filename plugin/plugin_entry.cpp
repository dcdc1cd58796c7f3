// What Wireshark's plugin loader looks up in pclassify.so (see exports.map).
//
// Up to 4.4 the loader reads plugin_version / plugin_want_major / plugin_want_minor and
// calls plugin_register; 4.2 and later also call plugin_describe when present. Newer
// releases replace all of them with wireshark_load_module (WIRESHARK_PLUGIN_REGISTER_EPAN
// in wsutil/plugins.h). Built and tested here: 4.0.17 only.
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

#ifdef WIRESHARK_PLUGIN_REGISTER_EPAN

static struct ws_module pclassify_module = {
    .license = WS_PLUGIN_IS_GPLv2_COMPATIBLE,
    .flags = WS_PLUGIN_DESC_DISSECTOR,
    .version = PCLASSIFY_VERSION,
    .spdx_id = nullptr,
    .home_url = nullptr,
    .blurb = "Labels TCP/UDP/SCTP/DCCP packets with their IANA service and notes",
    .register_cb = register_pclassify,
};
extern "C" {
WIRESHARK_PLUGIN_REGISTER_EPAN(&pclassify_module, 0)
}

#else

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

#endif
