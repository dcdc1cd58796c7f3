// The label of one frame, worked out on the frame's first dissection and cached with the
// frame (p_add_proto_data, file scope). Every later dissection of the frame - the GUI
// going back to it, tshark -2's second pass, a new display filter - reads the cache and so
// shows exactly what the first pass showed, even though the flow's state has moved on.
#pragma once

#include <cstddef>

#include "capture_context.h"
#include "ws_epan.h"

namespace pclassify::plugin {

// Allocated in wmem file scope: plain data only.
struct FrameVerdict {
  const LabelledFlow* flow = nullptr;  // owned by the CaptureContext of the open file
  FlowSnapshot at;                     // what of the flow this frame shows
  NoteCodeMask attention = 0;          // note codes raised as expert info in this frame
  bool to_server = false;              // this packet travels from the client to the server
  bool first_of_flow = false;          // the flow's first labelled frame
  bool payload_readable = false;       // the plugin can verify this transport's payload
};

// The cached verdict of the frame; on its first dissection, labels it (and its flow, on the
// flow's first frame) and caches the result. nullptr for frames pclassify does not label.
// May throw std::bad_alloc: the caller catches it before returning into C.
const FrameVerdict* frame_verdict(packet_info* pinfo, proto_tree* tree, CaptureContext* capture,
                                  int proto);

}  // namespace pclassify::plugin
