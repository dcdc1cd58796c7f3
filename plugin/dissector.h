// The pclassify postdissector: registration (protocol, preferences, init/cleanup routines)
// and the per-packet entry point.
#pragma once

namespace pclassify::plugin {

void register_protocol();  // proto_plugin.register_protoinfo
void register_handoff();   // proto_plugin.register_handoff

}  // namespace pclassify::plugin
