// The one line a pclassify subtree opens with: what the plugin found about this frame's
// flow, e.g. "http (80/tcp), payload is TLS: contradicted" or
// "ddi-tcp-1 (8888/tcp), unauthorized use reported to IANA".
//
// Like label_tree.h, owns no C++ objects across epan calls: the text is built in
// pinfo->pool.
#pragma once

#include "frame_verdict.h"
#include "ws_epan.h"

namespace pclassify::plugin {

const char* finding_summary(packet_info* pinfo, const FrameVerdict& verdict);

}  // namespace pclassify::plugin
