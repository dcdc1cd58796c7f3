// CSV (RFC 4180): a header row, then one row per flow; CRLF line ends; lists (registered
// names, note codes) joined with ';' inside one field.
#include "io/format_writers.h"
#include "io/row_fields.h"
#include "io/text_encoding.h"

namespace pclassify::io {
namespace {

constexpr std::string_view kHeader =
    "start,end,transport,client_ip,client_port,server_ip,server_port,client_packets,"
    "client_bytes,server_packets,server_bytes,service,description,basis,range,status,"
    "registrations,notes,tunnel_type,tunnel_source_ip,tunnel_destination_ip,"
    "payload_verdict,payload_protocol,payload_detail\r\n";

class CsvWriter final : public FlowWriter {
 public:
  using FlowWriter::FlowWriter;

  void begin() override { buffer_ += kHeader; }

  void write(const FlowReport& r) override {
    std::string& out = buffer_;
    const Label& label = *r.label;
    append_iso8601_utc(out, r.flow->first_ns);
    out += ',';
    append_iso8601_utc(out, r.flow->last_ns);
    out += ',';
    out += transport_name(r.transport);
    field(r.client_ip.to_string());
    field(std::to_string(r.client_port));
    field(r.server_ip.to_string());
    field(std::to_string(r.server_port));
    field(std::to_string(r.client_packets));
    field(std::to_string(r.client_bytes));
    field(std::to_string(r.server_packets));
    field(std::to_string(r.server_bytes));
    field(label.service());
    field(label.description());
    field(server_basis_name(label.basis));
    field(range_class_name(label.range));
    field(service_status_name(label.status));
    field(registration_names(label, ';'));
    field(note_codes(label, ';'));
    field(r.tunnel ? tunnel_kind_text(r.tunnel->kind) : "");
    field(r.tunnel ? r.tunnel->outer_src.to_string() : "");
    field(r.tunnel ? r.tunnel->outer_dst.to_string() : "");
    // Empty when verification is off (--no-verify).
    field(r.payload ? verdict_name(r.payload->verdict) : "");
    field(r.payload ? r.payload->protocol : "");
    field(r.payload ? std::string_view(r.payload->detail) : "");
    out += "\r\n";
    flush_if_large();
  }

 private:
  void field(std::string_view text) {
    buffer_ += ',';
    append_csv_field(buffer_, text);
  }
};

}  // namespace

std::unique_ptr<FlowWriter> make_csv_writer(std::FILE* out) {
  return std::make_unique<CsvWriter>(out);
}

}  // namespace pclassify::io
