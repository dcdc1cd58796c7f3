// JSON lines: one object per flow, field names in the style of the Elastic Common Schema
// (source = client, destination = server, network.*, event.*), plus a `pclassify` object
// with the label. Example (wrapped here):
//   {"event":{"start":"...Z","end":"...Z","duration":1000},
//    "source":{"ip":"10.0.0.1","port":51000,"packets":3,"bytes":180},
//    "destination":{"ip":"10.0.0.2","port":443,"packets":2,"bytes":120},
//    "network":{"transport":"tcp","iana_number":"6","type":"ipv4","packets":5,"bytes":300},
//    "pclassify":{"service":"https",...,"initiator":"source","handshake":true,...}}
#include <charconv>
#include <unordered_map>

#include "io/format_writers.h"
#include "io/row_fields.h"
#include "io/text_encoding.h"

namespace pclassify::io {
namespace {

void append_uint(std::string& out, uint64_t value) {
  char digits[24];
  const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, value);
  (void)ec;
  out.append(digits, end);
}

uint8_t ip_protocol_number(Transport t) {
  switch (t) {
    case Transport::tcp: return 6;
    case Transport::udp: return 17;
    case Transport::sctp: return 132;
    case Transport::dccp: return 33;
  }
  return 0;
}


void append_endpoint(std::string& out, const IpAddress& ip, uint16_t port, uint64_t packets,
                     uint64_t bytes) {
  out += "{\"ip\":\"";
  append_ip(out, ip);  // digits, dots and colons: nothing to escape
  out += '"';
  out += ",\"port\":";
  append_uint(out, port);
  out += ",\"packets\":";
  append_uint(out, packets);
  out += ",\"bytes\":";
  append_uint(out, bytes);
  out += '}';
}

// ,"payload":{"verdict":"contradicted","protocol":"tls","detail":"ClientHello SNI x",
//   "reason":"..."}: protocol and detail only when there are some.
void append_payload_json(std::string& out, const PayloadVerdict& verdict) {
  out += ",\"payload\":{\"verdict\":\"";
  out += verdict_name(verdict.verdict);
  out += '"';
  if (!verdict.protocol.empty()) {
    out += ",\"protocol\":\"";
    out += verdict.protocol;  // lower-case letters and digits
    out += '"';
  }
  if (!verdict.detail.empty()) {
    out += ",\"detail\":";
    append_json_string(out, verdict.detail);
  }
  out += ",\"reason\":";
  append_json_string(out, verdict.reason);
  out += '}';
}

class JsonWriter final : public FlowWriter {
 public:
  using FlowWriter::FlowWriter;

  void write(const FlowReport& r) override {
    std::string& out = buffer_;
    const Flow& flow = *r.flow;
    out += "{\"event\":{\"start\":\"";
    append_iso8601_utc(out, flow.first_ns);
    out += "\",\"end\":\"";
    append_iso8601_utc(out, flow.last_ns);
    out += "\",\"duration\":";
    append_uint(out, static_cast<uint64_t>(flow.last_ns - flow.first_ns));
    out += "},\"source\":";
    append_endpoint(out, r.client_ip, r.client_port, r.client_packets, r.client_bytes);
    out += ",\"destination\":";
    append_endpoint(out, r.server_ip, r.server_port, r.server_packets, r.server_bytes);
    out += ",\"network\":{\"transport\":\"";
    out += transport_name(r.transport);
    out += "\",\"iana_number\":\"";
    append_uint(out, ip_protocol_number(r.transport));
    out += r.client_ip.family == 6 ? "\",\"type\":\"ipv6\"" : "\",\"type\":\"ipv4\"";
    out += ",\"packets\":";
    append_uint(out, r.packets());
    out += ",\"bytes\":";
    append_uint(out, r.bytes());
    out += "},\"pclassify\":{";
    out += label_members(*r.label);
    if (r.payload) append_payload_json(out, *r.payload);
    out += ",\"initiator\":";
    out += r.client_initiated ? "\"source\"" : "\"destination\"";
    out += ",\"handshake\":";
    out += r.handshake_seen ? "true" : "false";
    if (r.transport == Transport::tcp) {
      out += ",\"tcp_flags\":{\"source\":\"";
      out += tcp_flags_text(r.client_tcp_flags);
      out += "\",\"destination\":\"";
      out += tcp_flags_text(r.server_tcp_flags);
      out += "\"}";
    }
    if (r.tunnel != nullptr) {
      out += ",\"tunnel\":{\"type\":\"";
      out += tunnel_kind_text(r.tunnel->kind);
      out += "\",\"source_ip\":";
      append_json_string(out, r.tunnel->outer_src.to_string());
      out += ",\"destination_ip\":";
      append_json_string(out, r.tunnel->outer_dst.to_string());
      if (r.tunnel->vni != 0) {
        out += ",\"id\":";
        append_uint(out, r.tunnel->vni);
      }
      out += '}';
    }
    out += "}}\n";
    flush_if_large();
  }

 private:
  // Labels are shared between flows; so is their JSON.
  const std::string& label_members(const Label& label) {
    auto [it, inserted] = label_json_.try_emplace(&label);
    if (inserted) append_label_json_members(it->second, label);
    return it->second;
  }

  std::unordered_map<const Label*, std::string> label_json_;
};

}  // namespace

void append_label_json_members(std::string& out, const Label& label) {
  out += "\"service\":";
  append_json_string(out, label.service());
  out += ",\"description\":";
  append_json_string(out, label.description());
  out += ",\"basis\":\"";
  out += server_basis_name(label.basis);
  out += "\",\"range\":\"";
  out += range_class_name(label.range);
  out += "\",\"status\":\"";
  out += service_status_name(label.status);
  out += "\",\"registrations\":[";
  bool first = true;
  for (const ServiceRecord* record : label.registrations) {
    if (!first) out += ',';
    first = false;
    out += "{\"name\":";
    append_json_string(out, record->name);
    out += ",\"description\":";
    append_json_string(out, record->description);
    out += ",\"status\":\"";
    out += service_status_name(record->status);
    out += '"';
    if (record->is_alias) {
      out += ",\"alias_of\":";
      append_json_string(out, record->alias_of);
    }
    out += '}';
  }
  out += "],\"notes\":[";
  first = true;
  for (const Note& note : label.notes) {
    if (!first) out += ',';
    first = false;
    out += "{\"code\":\"";
    out += note_code_name(note.code);
    out += "\",\"text\":";
    append_json_string(out, note.text);
    out += '}';
  }
  out += ']';
}

std::unique_ptr<FlowWriter> make_json_writer(std::FILE* out) {
  return std::make_unique<JsonWriter>(out);
}

}  // namespace pclassify::io
