// The ids Wireshark hands out when the pclassify protocol registers its fields, subtrees
// and expert infos. Written once at registration, read by the dissector.
#pragma once

#include "label/notes.h"
#include "ws_epan.h"

namespace pclassify::plugin {

struct FieldIds {
  int summary = -1;           // pclassify.summary: the subtree's header, the flow's finding
  int service = -1;           // pclassify.service
  int service_or_status = -1; // pclassify.service_or_status: the name, or "(unassigned)"...
  int description = -1;       // pclassify.description
  int port = -1;              // pclassify.port: the server port
  int transport = -1;         // pclassify.transport
  int direction = -1;         // pclassify.direction: to_server / to_client
  int basis = -1;             // pclassify.basis: the rule that chose the server port
  int range = -1;             // pclassify.range
  int status = -1;            // pclassify.status
  int registration = -1;      // pclassify.registration (repeated)
  int note = -1;              // pclassify.note (repeated)
  int note_code = -1;         // pclassify.note.code
  int payload_verdict = -1;   // pclassify.payload.verdict
  int payload_protocol = -1;  // pclassify.payload.protocol
  int payload_detail = -1;    // pclassify.payload.detail
  int payload_frame = -1;     // pclassify.payload.frame: where the verdict was reached
  int table = -1;             // pclassify.table: which service table labelled the flow
};

struct SubtreeIds {
  int pclassify = -1;
  int registrations = -1;
  int notes = -1;
  int note = -1;
  int payload = -1;
};

struct ProtocolIds {
  int proto = -1;
  int tap = -1;  // the "pclassify" tap: one FrameVerdict per labelled frame (stats tree)
  FieldIds hf;
  SubtreeIds ett;
};

const ProtocolIds& protocol_ids();

// Registers the protocol and its fields, subtrees and expert infos; returns the ids (the
// caller registers the tap and stores its id).
ProtocolIds& register_protocol_ids();

// The Security expert info raised for notes with this code (one entry per code that
// note_warrants_attention(); a generic one for codes added later).
expert_field* attention_expert(NoteCode code);

}  // namespace pclassify::plugin
