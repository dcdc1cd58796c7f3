#include "protocol_ids.h"

#include <iterator>

#include "field_values.h"

namespace pclassify::plugin {
namespace {

ProtocolIds ids;

// The expert info of each note code that warrants attention. Severity: "warn" where the
// registry or the payload says something is wrong, "note" where the port is merely one
// nothing is registered on.
struct AttentionExpert {
  NoteCode code;
  expert_field field;
};
AttentionExpert attention_experts[] = {
    {NoteCode::port_unassigned, EI_INIT},
    {NoteCode::port_reserved, EI_INIT},
    {NoteCode::service_deassigned, EI_INIT},
    {NoteCode::unauthorized_use, EI_INIT},
    {NoteCode::payload_contradicts, EI_INIT},
};
expert_field other_attention = EI_INIT;

void register_fields() {
  const FieldValues& values = field_values();
  // Wireshark keeps pointers into these arrays: they must outlive registration.
  static hf_register_info hf[] = {
      {&ids.hf.summary,
       {"pclassify", "pclassify.summary", FT_STRING, BASE_NONE, nullptr, 0x0,
        "The flow's finding in one line: service and port, payload verdict, unauthorized use",
        HFILL}},
      {&ids.hf.service_or_status,
       {"Service or status", "pclassify.service_or_status", FT_STRING, BASE_NONE, nullptr, 0x0,
        "The service as the CLI prints it: the IANA name, or (reserved), (unassigned) or "
        "(de-assigned) when the port has none",
        HFILL}},
      {&ids.hf.service,
       {"Service", "pclassify.service", FT_STRING, BASE_NONE, nullptr, 0x0,
        "IANA service name registered on the server port (primary record)", HFILL}},
      {&ids.hf.description,
       {"Description", "pclassify.description", FT_STRING, BASE_NONE, nullptr, 0x0,
        "IANA description of the service", HFILL}},
      {&ids.hf.port,
       {"Server port", "pclassify.port", FT_UINT16, BASE_DEC, nullptr, 0x0,
        "The port taken as the flow's server side", HFILL}},
      {&ids.hf.transport,
       {"Transport", "pclassify.transport", FT_UINT8, BASE_DEC, VALS(values.transport), 0x0,
        "tcp, udp, sctp or dccp", HFILL}},
      {&ids.hf.direction,
       {"Direction", "pclassify.direction", FT_UINT8, BASE_DEC, VALS(values.direction), 0x0,
        "to_server or to_client: this packet's direction in the labelled flow", HFILL}},
      {&ids.hf.basis,
       {"Server chosen by", "pclassify.basis", FT_UINT8, BASE_DEC, VALS(values.basis), 0x0,
        "The rule that chose the server port: handshake, registered_port, port_range, "
        "lower_port, responder",
        HFILL}},
      {&ids.hf.range,
       {"Port range", "pclassify.range", FT_UINT8, BASE_DEC, VALS(values.range), 0x0,
        "RFC 6335 range of the server port: system, user or dynamic", HFILL}},
      {&ids.hf.status,
       {"Registry status", "pclassify.status", FT_UINT8, BASE_DEC, VALS(values.status), 0x0,
        "assigned, reserved, unassigned or deassigned", HFILL}},
      {&ids.hf.registration,
       {"Registration", "pclassify.registration", FT_STRING, BASE_NONE, nullptr, 0x0,
        "Another registry record on the server port (service name, or its status when "
        "the record has no name)",
        HFILL}},
      {&ids.hf.note,
       {"Note", "pclassify.note", FT_STRING, BASE_NONE, nullptr, 0x0,
        "A note about the label, in words", HFILL}},
      {&ids.hf.note_code,
       {"Code", "pclassify.note.code", FT_STRING, BASE_NONE, nullptr, 0x0,
        "The note's stable code (registry_caveat, port_unassigned, ...)", HFILL}},
      {&ids.hf.payload_verdict,
       {"Payload verdict", "pclassify.payload.verdict", FT_UINT8, BASE_DEC,
        VALS(values.verdict), 0x0,
        "What payload verification concluded about the port's claim: confirmed, "
        "contradicted, unknown; not_checked before any payload",
        HFILL}},
      {&ids.hf.payload_protocol,
       {"Payload protocol", "pclassify.payload.protocol", FT_STRING, BASE_NONE, nullptr, 0x0,
        "The protocol the payload looks like", HFILL}},
      {&ids.hf.payload_detail,
       {"Payload detail", "pclassify.payload.detail", FT_STRING, BASE_NONE, nullptr, 0x0,
        "What identified the payload (e.g. the TLS server name, the HTTP request)", HFILL}},
      {&ids.hf.payload_frame,
       {"Decided in frame", "pclassify.payload.frame", FT_FRAMENUM, BASE_NONE, nullptr, 0x0,
        "The frame whose payload led to this verdict", HFILL}},
      {&ids.hf.table,
       {"Service table", "pclassify.table", FT_STRING, BASE_NONE, nullptr, 0x0,
        "The service table that labelled the flow: compiled-in, or the file set in the "
        "pclassify.table preference",
        HFILL}},
  };
  static int* ett[] = {&ids.ett.pclassify, &ids.ett.registrations, &ids.ett.notes,
                       &ids.ett.note, &ids.ett.payload};
  static ei_register_info ei[] = {
      {&attention_experts[0].field,
       {"pclassify.expert.port_unassigned", PI_SECURITY, PI_NOTE,
        "Traffic on a port the IANA registry lists as unassigned", EXPFILL}},
      {&attention_experts[1].field,
       {"pclassify.expert.port_reserved", PI_SECURITY, PI_NOTE,
        "Traffic on a port the IANA registry lists as reserved", EXPFILL}},
      {&attention_experts[2].field,
       {"pclassify.expert.service_deassigned", PI_SECURITY, PI_WARN,
        "Traffic on a port whose service IANA de-assigned", EXPFILL}},
      {&attention_experts[3].field,
       {"pclassify.expert.unauthorized_use", PI_SECURITY, PI_WARN,
        "IANA records unauthorized use of this port", EXPFILL}},
      {&attention_experts[4].field,
       {"pclassify.expert.payload_contradicts", PI_SECURITY, PI_WARN,
        "The payload is another protocol than the port's service", EXPFILL}},
      {&other_attention,
       {"pclassify.expert.attention", PI_SECURITY, PI_NOTE,
        "A pclassify note that warrants attention", EXPFILL}},
  };
  proto_register_field_array(ids.proto, hf, static_cast<int>(std::size(hf)));
  proto_register_subtree_array(ett, static_cast<int>(std::size(ett)));
  expert_module_t* expert = expert_register_protocol(ids.proto);
  expert_register_field_array(expert, ei, static_cast<int>(std::size(ei)));
}

}  // namespace

const ProtocolIds& protocol_ids() { return ids; }

ProtocolIds& register_protocol_ids() {
  ids.proto = proto_register_protocol("IANA port service label and payload check", "pclassify",
                                      "pclassify");
  register_fields();
  return ids;
}

expert_field* attention_expert(NoteCode code) {
  for (AttentionExpert& entry : attention_experts) {
    if (entry.code == code) return &entry.field;
  }
  return &other_attention;
}

}  // namespace pclassify::plugin
