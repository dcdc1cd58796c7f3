#include "frame_verdict.h"

#include <cstdint>

#include "flow/payload_samples.h"
#include "flow_observation.h"

namespace pclassify::plugin {
namespace {

// pclassify's state on a conversation (wmem file scope, plain data).
struct FlowEntry {
  LabelledFlow* flow;
  address initiator;  // the end that sent the first packet or opened the handshake
  uint32_t initiator_port;
};

// Flags of conversations that match more than one flow.
constexpr guint kWildcardOptions = NO_ADDR2 | NO_PORT2 | NO_PORT2_FORCE | CONVERSATION_TEMPLATE;

// The conversation of exactly this frame's 5-tuple. It is looked up from pinfo's addresses
// and ports rather than with find_or_create_conversation(), which follows whatever
// conversation elements a dissector left in pinfo; and a wildcard conversation some
// dissector made for an expected channel (one end still open) could span several flows.
conversation_t* exact_conversation(packet_info* pinfo) {
  const conversation_type type = conversation_pt_to_conversation_type(pinfo->ptype);
  conversation_t* conversation = find_conversation(pinfo->num, &pinfo->src, &pinfo->dst, type,
                                                   pinfo->srcport, pinfo->destport, 0);
  if (conversation == nullptr || (conversation->options & kWildcardOptions) != 0) {
    conversation = conversation_new(pinfo->num, &pinfo->src, &pinfo->dst, type, pinfo->srcport,
                                    pinfo->destport, 0);
  }
  return conversation;
}

// The flow's first frame decides its ends: the handshake when this frame is part of one,
// else the sender of this frame is the initiator.
FlowEntry* open_flow(packet_info* pinfo, proto_tree* tree, Transport transport,
                     CaptureContext& capture) {
  const HandshakeRole role = handshake_role(tree, transport);
  const bool sender_is_initiator = role != HandshakeRole::answer;
  const auto src_port = static_cast<uint16_t>(pinfo->srcport);
  const auto dst_port = static_cast<uint16_t>(pinfo->destport);

  FlowEnds ends;
  ends.transport = transport;
  ends.initiator_port = sender_is_initiator ? src_port : dst_port;
  ends.responder_port = sender_is_initiator ? dst_port : src_port;
  ends.handshake_seen = role != HandshakeRole::none;
  LabelledFlow* flow = capture.label_new_flow(ends);

  auto* entry = wmem_new0(wmem_file_scope(), FlowEntry);
  entry->flow = flow;
  copy_address_wmem(wmem_file_scope(), &entry->initiator,
                    sender_is_initiator ? &pinfo->src : &pinfo->dst);
  entry->initiator_port = ends.initiator_port;
  return entry;
}

}  // namespace

const FrameVerdict* frame_verdict(packet_info* pinfo, proto_tree* tree, CaptureContext* capture,
                                  int proto) {
  if (auto* cached = static_cast<const FrameVerdict*>(
          p_get_proto_data(wmem_file_scope(), pinfo, proto, 0))) {
    return cached;
  }
  // Frames are labelled on their first pass only; a visited frame without a cached verdict
  // is one pclassify does not label.
  if (PINFO_FD_VISITED(pinfo) || capture == nullptr) return nullptr;
  const std::optional<Transport> transport = labelled_transport(pinfo);
  if (!transport) return nullptr;

  conversation_t* conversation = exact_conversation(pinfo);
  auto* entry = static_cast<FlowEntry*>(conversation_get_proto_data(conversation, proto));
  const bool first_of_flow = entry == nullptr;
  if (first_of_flow) {
    entry = open_flow(pinfo, tree, *transport, *capture);
    conversation_add_proto_data(conversation, proto, entry);
  }
  LabelledFlow& flow = *entry->flow;

  auto* verdict = wmem_new0(wmem_file_scope(), FrameVerdict);
  verdict->flow = &flow;
  verdict->first_of_flow = first_of_flow;
  const bool sender_is_initiator = addresses_equal(&pinfo->src, &entry->initiator) &&
                                   pinfo->srcport == entry->initiator_port;
  verdict->to_server = sender_is_initiator != flow.label.server_is_initiator;
  verdict->payload_readable = payload_readable(*transport);
  if (verdict->payload_readable) {
    CaptureContext::offer_payload(
        flow, verdict->to_server,
        transport_payload(pinfo, tree, *transport, PayloadSamples::kMaxBytes), pinfo->num);
  }
  verdict->at = snapshot(flow);
  verdict->attention = CaptureContext::take_unreported_attention(flow, verdict->at);
  p_add_proto_data(wmem_file_scope(), pinfo, proto, 0, verdict);
  return verdict;
}

}  // namespace pclassify::plugin
