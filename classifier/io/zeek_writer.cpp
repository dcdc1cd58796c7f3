// A Zeek-style TSV log (the ASCII writer's format), readable by zeek-cut: a header of
// #-lines naming fields and types, tab-separated rows, and a #close line. The originator
// (id.orig_*, orig_*) is the client the label chose, the responder the server.
#include <ctime>

#include "io/format_writers.h"
#include "io/row_fields.h"
#include "io/text_encoding.h"

namespace pclassify::io {
namespace {

constexpr std::string_view kFields =
    "#fields\tts\tduration\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tservice\t"
    "description\tbasis\trange\tstatus\torig_pkts\torig_bytes\tresp_pkts\tresp_bytes\t"
    "registrations\tnotes\ttunnel_type\ttunnel_orig_h\ttunnel_resp_h\tpayload_verdict\t"
    "payload_protocol\tpayload_detail\n";
constexpr std::string_view kTypes =
    "#types\ttime\tinterval\taddr\tport\taddr\tport\tenum\tstring\tstring\tstring\tstring\t"
    "string\tcount\tcount\tcount\tcount\tset[string]\tset[string]\tstring\taddr\taddr\t"
    "string\tstring\tstring\n";
constexpr std::string_view kUnset = "-";

// Zeek's #open/#close stamp: local wall-clock time, %Y-%m-%d-%H-%M-%S.
std::string now_stamp() {
  const time_t now = std::time(nullptr);
  std::tm parts{};
  localtime_r(&now, &parts);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%d-%H-%M-%S", &parts);
  return text;
}

class ZeekWriter final : public FlowWriter {
 public:
  using FlowWriter::FlowWriter;

  void begin() override {
    buffer_ += "#separator \\x09\n#set_separator\t,\n#empty_field\t(empty)\n#unset_field\t-\n";
    buffer_ += "#path\tpclassify\n#open\t" + now_stamp() + "\n";
    buffer_ += kFields;
    buffer_ += kTypes;
  }

  void write(const FlowReport& r) override {
    std::string& out = buffer_;
    const Label& label = *r.label;
    append_epoch_seconds(out, r.flow->first_ns);
    out += '\t';
    // interval: seconds with microseconds
    append_epoch_seconds(out, r.flow->last_ns - r.flow->first_ns);
    raw(r.client_ip.to_string());
    raw(std::to_string(r.client_port));
    raw(r.server_ip.to_string());
    raw(std::to_string(r.server_port));
    raw(transport_name(r.transport));
    text(label.service());
    text(label.description());
    raw(server_basis_name(label.basis));
    raw(range_class_name(label.range));
    raw(service_status_name(label.status));
    raw(std::to_string(r.client_packets));
    raw(std::to_string(r.client_bytes));
    raw(std::to_string(r.server_packets));
    raw(std::to_string(r.server_bytes));
    set(registration_names(label, '\n'));
    set(note_codes(label, '\n'));
    if (r.tunnel != nullptr) {
      raw(tunnel_kind_text(r.tunnel->kind));
      raw(r.tunnel->outer_src.to_string());
      raw(r.tunnel->outer_dst.to_string());
    } else {
      raw(kUnset);
      raw(kUnset);
      raw(kUnset);
    }
    // Unset when verification is off (--no-verify), or when nothing was recognised.
    if (r.payload) {
      raw(verdict_name(r.payload->verdict));
      text_or_unset(r.payload->protocol);
      text_or_unset(r.payload->detail);
    } else {
      raw(kUnset);
      raw(kUnset);
      raw(kUnset);
    }
    out += '\n';
    flush_if_large();
  }

  void finish() override {
    buffer_ += "#close\t" + now_stamp() + "\n";
    flush();
  }

 private:
  void raw(std::string_view value) {
    buffer_ += '\t';
    buffer_ += value;
  }
  void text(std::string_view value) {
    buffer_ += '\t';
    append_zeek_string(buffer_, value);
  }
  void text_or_unset(std::string_view value) {
    if (value.empty()) {
      raw(kUnset);
    } else {
      text(value);
    }
  }
  // `elements` separated by '\n' (which no element contains: names have no control bytes).
  void set(std::string_view elements) {
    buffer_ += '\t';
    if (elements.empty()) {
      buffer_ += "(empty)";
      return;
    }
    bool first = true;
    while (!elements.empty()) {
      const size_t cut = elements.find('\n');
      if (!first) buffer_ += ',';
      first = false;
      append_zeek_string(buffer_, elements.substr(0, cut), true);
      elements = cut == std::string_view::npos ? std::string_view{} : elements.substr(cut + 1);
    }
  }
};

}  // namespace

std::unique_ptr<FlowWriter> make_zeek_writer(std::FILE* out) {
  return std::make_unique<ZeekWriter>(out);
}

}  // namespace pclassify::io
