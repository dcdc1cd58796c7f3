// A Zeek-style TSV log (the ASCII writer's format), readable by zeek-cut: a header of
// #-lines naming fields and types, tab-separated rows, and a #close line. The originator
// (id.orig_*, orig_*) is the client the label chose, the responder the server.
#include <ctime>

#include "output/format_writers.h"
#include "output/label_text_cache.h"
#include "output/row_fields.h"
#include "output/text_encoding.h"

namespace pclassify::output {
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

// `elements` separated by '\n' (which no element contains: names have no control bytes)
// as a Zeek set: comma-separated, each escaped; "(empty)" for none.
void append_zeek_set(std::string& out, std::string_view elements) {
  if (elements.empty()) {
    out += "(empty)";
    return;
  }
  bool first = true;
  while (!elements.empty()) {
    const size_t cut = elements.find('\n');
    if (!first) out += ',';
    first = false;
    append_zeek_string(out, elements.substr(0, cut), true);
    elements = cut == std::string_view::npos ? std::string_view{} : elements.substr(cut + 1);
  }
}

// \tservice\tdescription\tbasis\trange\tstatus: the label's columns before the counters.
void append_label_columns(std::string& out, const Label& label) {
  out += '\t';
  append_zeek_string(out, label.service());
  out += '\t';
  append_zeek_string(out, label.description());
  for (const std::string_view name : {server_basis_name(label.basis), range_class_name(label.range),
                                      service_status_name(label.status)}) {
    out += '\t';
    out += name;
  }
}

// \tregistrations\tnotes: the label's sets, after the counters.
void append_label_sets(std::string& out, const Label& label) {
  out += '\t';
  append_zeek_set(out, registration_names(label, '\n'));
  out += '\t';
  append_zeek_set(out, note_codes(label, '\n'));
}

// Room for ts, duration, the ends and the transport (tab-separated, none needs escaping).
constexpr size_t kHeadSize = 6 + 2 * kMaxEpochSecondsText + 2 * (kMaxIpText + kMaxUintText) +
                             kMaxTransportText;
// Room for the four counters, each after a tab.
constexpr size_t kCountersSize = 4 * (1 + kMaxUintText);

// \tIP\tPORT
char* write_end(char* out, const IpAddress& ip, uint16_t port) {
  *out++ = '\t';
  out = write_ip(out, ip);
  *out++ = '\t';
  return write_uint(out, port);
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
    const Label& label = *r.label;
    char head[kHeadSize];
    char* p = write_epoch_seconds(head, r.flow->first_ns);
    *p++ = '\t';
    p = write_epoch_seconds(p, r.flow->last_ns - r.flow->first_ns);  // interval: seconds
    p = write_end(p, r.client_ip, r.client_port);
    p = write_end(p, r.server_ip, r.server_port);
    *p++ = '\t';
    p = write_chars(p, transport_name(r.transport));
    buffer_.append(head, p);
    buffer_ += label_columns_.get(label, append_label_columns);

    char counters[kCountersSize];
    p = counters;
    for (const uint64_t count :
         {r.client_packets, r.client_bytes, r.server_packets, r.server_bytes}) {
      *p++ = '\t';
      p = write_uint(p, count);
    }
    buffer_.append(counters, p);
    buffer_ += label_sets_.get(label, append_label_sets);

    if (r.tunnel != nullptr) {
      char tunnel[kTunnelColumnsSize];
      buffer_.append(tunnel, write_tunnel_columns(tunnel, '\t', *r.tunnel));
    } else {
      buffer_ += "\t-\t-\t-";
    }
    // Unset when verification is off (--no-verify), or when nothing was recognised.
    if (r.payload) {
      raw(verdict_name(r.payload->verdict));
      text_or_unset(r.payload->protocol);
      text_or_unset(r.payload->detail);
    } else {
      buffer_ += "\t-\t-\t-";
    }
    buffer_ += '\n';
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
  void text_or_unset(std::string_view value) {
    buffer_ += '\t';
    if (value.empty()) {
      buffer_ += kUnset;
    } else {
      append_zeek_string(buffer_, value);
    }
  }

  LabelTextCache label_columns_;
  LabelTextCache label_sets_;
};

}  // namespace

std::unique_ptr<FlowWriter> make_zeek_writer(std::FILE* out) {
  return std::make_unique<ZeekWriter>(out);
}

}  // namespace pclassify::output
