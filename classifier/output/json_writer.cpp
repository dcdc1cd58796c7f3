// JSON lines: one object per flow, field names in the style of the Elastic Common Schema
// (source = client, destination = server, network.*, event.*), plus a `pclassify` object
// with the label. Example (wrapped here):
//   {"event":{"start":"...Z","end":"...Z","duration":1000},
//    "source":{"ip":"10.0.0.1","port":51000,"packets":3,"bytes":180},
//    "destination":{"ip":"10.0.0.2","port":443,"packets":2,"bytes":120},
//    "network":{"transport":"tcp","iana_number":"6","type":"ipv4","packets":5,"bytes":300},
//    "pclassify":{"service":"https",...,"initiator":"source","handshake":true,...}}
//
// A line is written in four pieces: the flow's numbers and addresses (formatted into a
// stack buffer), the label's members (formatted once per label), the payload verdict,
// and the flow's closing members (stack buffer again).
#include "output/format_writers.h"
#include "output/label_text_cache.h"
#include "output/row_fields.h"
#include "output/text_encoding.h"

namespace pclassify::output {
namespace {

uint8_t ip_protocol_number(Transport t) {
  switch (t) {
    case Transport::tcp: return 6;
    case Transport::udp: return 17;
    case Transport::sctp: return 132;
    case Transport::dccp: return 33;
  }
  return 0;
}

// Room for the head of a line, up to `"pclassify":{`: its literals take 218 characters,
// the rest is bounded by the kMax* of each value.
constexpr size_t kHeadSize = 256 + 2 * kMaxIso8601UtcText + kMaxUintText +
                             2 * (kMaxIpText + 3 * kMaxUintText) + kMaxTransportText +
                             3 * kMaxUintText;
// Room for the tail, after the payload: its literals take 149 characters.
constexpr size_t kTailSize = 192 + 2 * kMaxTcpFlagsText + kMaxTunnelKindText + 2 * kMaxIpText +
                             kMaxUintText;

char* write_endpoint(char* out, const IpAddress& ip, uint16_t port, uint64_t packets,
                     uint64_t bytes) {
  out = write_chars(out, "{\"ip\":\"");
  out = write_ip(out, ip);  // digits, dots and colons: nothing to escape
  out = write_chars(out, "\",\"port\":");
  out = write_uint(out, port);
  out = write_chars(out, ",\"packets\":");
  out = write_uint(out, packets);
  out = write_chars(out, ",\"bytes\":");
  out = write_uint(out, bytes);
  *out++ = '}';
  return out;
}

// The times of a line: starts and ends each keep their last second's text.
struct EventTimes {
  Iso8601UtcWriter start;
  Iso8601UtcWriter end;
};

// {"event":...,"source":...,"destination":...,"network":...,"pclassify":{
char* write_head(char* out, const FlowReport& r, EventTimes& times) {
  const Flow& flow = *r.flow;
  out = write_chars(out, "{\"event\":{\"start\":\"");
  out = times.start.write(out, flow.first_ns);
  out = write_chars(out, "\",\"end\":\"");
  out = times.end.write(out, flow.last_ns);
  out = write_chars(out, "\",\"duration\":");
  out = write_uint(out, static_cast<uint64_t>(flow.last_ns - flow.first_ns));
  out = write_chars(out, "},\"source\":");
  out = write_endpoint(out, r.client_ip, r.client_port, r.client_packets, r.client_bytes);
  out = write_chars(out, ",\"destination\":");
  out = write_endpoint(out, r.server_ip, r.server_port, r.server_packets, r.server_bytes);
  out = write_chars(out, ",\"network\":{\"transport\":\"");
  out = write_chars(out, transport_name(r.transport));
  out = write_chars(out, "\",\"iana_number\":\"");
  out = write_uint(out, ip_protocol_number(r.transport));
  out = write_chars(out, r.client_ip.family == 6 ? "\",\"type\":\"ipv6\"" : "\",\"type\":\"ipv4\"");
  out = write_chars(out, ",\"packets\":");
  out = write_uint(out, r.packets());
  out = write_chars(out, ",\"bytes\":");
  out = write_uint(out, r.bytes());
  return write_chars(out, "},\"pclassify\":{");
}

// ,"initiator":...,"handshake":...[,"tcp_flags":{...}][,"tunnel":{...}]}}\n
char* write_tail(char* out, const FlowReport& r) {
  out = write_chars(out, ",\"initiator\":");
  out = write_chars(out, r.client_initiated ? "\"source\"" : "\"destination\"");
  out = write_chars(out, ",\"handshake\":");
  out = write_chars(out, r.handshake_seen ? "true" : "false");
  if (r.transport == Transport::tcp) {
    out = write_chars(out, ",\"tcp_flags\":{\"source\":\"");
    out = write_tcp_flags(out, r.client_tcp_flags);
    out = write_chars(out, "\",\"destination\":\"");
    out = write_tcp_flags(out, r.server_tcp_flags);
    out = write_chars(out, "\"}");
  }
  if (r.tunnel != nullptr) {
    out = write_chars(out, ",\"tunnel\":{\"type\":\"");
    out = write_chars(out, tunnel_kind_text(r.tunnel->kind));
    out = write_chars(out, "\",\"source_ip\":\"");
    out = write_ip(out, r.tunnel->outer_src);
    out = write_chars(out, "\",\"destination_ip\":\"");
    out = write_ip(out, r.tunnel->outer_dst);
    *out++ = '"';
    if (r.tunnel->vni != 0) {
      out = write_chars(out, ",\"id\":");
      out = write_uint(out, r.tunnel->vni);
    }
    *out++ = '}';
  }
  return write_chars(out, "}}\n");
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
    char head[kHeadSize];
    buffer_.append(head, write_head(head, r, times_));
    buffer_ += label_json_.get(*r.label, append_label_json_members);
    if (r.payload) buffer_ += payload_json(*r.payload);
    char tail[kTailSize];
    buffer_.append(tail, write_tail(tail, r));
    flush_if_large();
  }

 private:
  // Most flows' payloads give the same verdict as the previous flow's (typically: nothing
  // recognised): its JSON is kept for the next flow.
  const std::string& payload_json(const PayloadVerdict& verdict) {
    if (!same_verdict(verdict, last_verdict_) || last_payload_json_.empty()) {
      last_verdict_ = verdict;
      last_payload_json_.clear();
      append_payload_json(last_payload_json_, verdict);
    }
    return last_payload_json_;
  }
  // Equal in every field the JSON shows.
  static bool same_verdict(const PayloadVerdict& a, const PayloadVerdict& b) {
    return a.verdict == b.verdict && a.protocol == b.protocol && a.reason == b.reason &&
           a.detail == b.detail;
  }

  EventTimes times_;
  LabelTextCache label_json_;
  PayloadVerdict last_verdict_;
  std::string last_payload_json_;
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

}  // namespace pclassify::output
