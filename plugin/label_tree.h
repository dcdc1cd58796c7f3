// The pclassify subtree of one packet, and the expert infos of its notes.
//
// epan reports errors by longjmp (THROW), e.g. when a tree grows past its item limit. A
// longjmp that skips a C++ frame with live objects is undefined behaviour, so nothing
// here owns memory: strings come from the flow (owned by the capture context) or from
// pinfo->pool.
#pragma once

#include "frame_verdict.h"
#include "protocol_ids.h"
#include "ws_epan.h"

namespace pclassify::plugin {

struct TreeOptions {
  const char* table_origin;  // "compiled-in" or the table file's path
  bool expert_info;          // raise expert infos for notes that warrant attention
  bool caveat_every_packet;  // the IANA caveat note on every packet, not only a flow's first
};

void add_label_tree(tvbuff_t* tvb, packet_info* pinfo, proto_tree* tree,
                    const FrameVerdict& verdict, const ProtocolIds& ids,
                    const TreeOptions& options);

}  // namespace pclassify::plugin
