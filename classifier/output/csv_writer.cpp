// CSV (RFC 4180): a header row, then one row per flow; CRLF line ends; lists (registered
// names, note codes) joined with ';' inside one field.
#include "output/format_writers.h"
#include "output/label_text_cache.h"
#include "output/row_fields.h"
#include "output/text_encoding.h"

namespace pclassify::output {
namespace {

constexpr std::string_view kHeader =
    "start,end,transport,client_ip,client_port,server_ip,server_port,client_packets,"
    "client_bytes,server_packets,server_bytes,service,description,basis,range,status,"
    "registrations,notes,tunnel_type,tunnel_source_ip,tunnel_destination_ip,"
    "payload_verdict,payload_protocol,payload_detail\r\n";

// Room for a row's times, transport, addresses and numbers (none of which can need CSV
// quoting): 10 separators, then each value's bound.
constexpr size_t kHeadSize =
    10 + 2 * kMaxIso8601UtcText + kMaxTransportText + 2 * kMaxIpText + 6 * kMaxUintText;

// ,IP,PORT
char* write_end(char* out, const IpAddress& ip, uint16_t port) {
  *out++ = ',';
  out = write_ip(out, ip);
  *out++ = ',';
  return write_uint(out, port);
}

// ,service,description,basis,range,status,registrations,notes: the label's columns.
void append_label_fields(std::string& out, const Label& label) {
  for (const std::string_view text :
       {label.service(), label.description(), server_basis_name(label.basis),
        range_class_name(label.range), service_status_name(label.status)}) {
    out += ',';
    append_csv_field(out, text);
  }
  out += ',';
  append_csv_field(out, registration_names(label, ';'));
  out += ',';
  append_csv_field(out, note_codes(label, ';'));
}

class CsvWriter final : public FlowWriter {
 public:
  using FlowWriter::FlowWriter;

  void begin() override { buffer_ += kHeader; }

  void write(const FlowReport& r) override {
    char head[kHeadSize];
    char* p = head;
    p = start_.write(p, r.flow->first_ns);
    *p++ = ',';
    p = end_.write(p, r.flow->last_ns);
    *p++ = ',';
    p = write_chars(p, transport_name(r.transport));
    p = write_end(p, r.client_ip, r.client_port);
    p = write_end(p, r.server_ip, r.server_port);
    for (const uint64_t count :
         {r.client_packets, r.client_bytes, r.server_packets, r.server_bytes}) {
      *p++ = ',';
      p = write_uint(p, count);
    }
    buffer_.append(head, p);
    buffer_ += label_fields_.get(*r.label, append_label_fields);

    if (r.tunnel != nullptr) {
      char tunnel[kTunnelColumnsSize];
      buffer_.append(tunnel, write_tunnel_columns(tunnel, ',', *r.tunnel));
    } else {
      buffer_ += ",,,";  // three empty columns
    }
    // Empty when verification is off (--no-verify).
    field(r.payload ? verdict_name(r.payload->verdict) : "");
    field(r.payload ? r.payload->protocol : "");
    field(r.payload ? std::string_view(r.payload->detail) : "");
    buffer_ += "\r\n";
    flush_if_large();
  }

 private:
  void field(std::string_view text) {
    buffer_ += ',';
    append_csv_field(buffer_, text);
  }

  Iso8601UtcWriter start_;
  Iso8601UtcWriter end_;
  LabelTextCache label_fields_;
};

}  // namespace

std::unique_ptr<FlowWriter> make_csv_writer(std::FILE* out) {
  return std::make_unique<CsvWriter>(out);
}

}  // namespace pclassify::output
