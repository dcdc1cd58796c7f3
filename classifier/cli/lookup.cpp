#include "cli/lookup.h"

#include <charconv>
#include <set>
#include <utility>

#include "output/format_writers.h"
#include "output/text_encoding.h"
#include "label/label.h"

namespace pclassify::cli {
namespace {

bool parse_port(std::string_view text, uint16_t& port) {
  unsigned value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value > 65535) return false;
  port = static_cast<uint16_t>(value);
  return true;
}

// The label of a flow whose server (the handshake's answerer) uses `port`.
Label label_for_server_port(Transport transport, uint16_t port, const ServiceTable& table) {
  FlowEnds ends;
  ends.transport = transport;
  ends.initiator_port = 0;  // the client's port plays no part once the handshake decides
  ends.responder_port = port;
  ends.handshake_seen = true;
  return label_flow(ends, table);
}

void print_text(const Label& label, std::FILE* out) {
  std::string text = std::to_string(label.server_port) + "/" +
                     std::string(transport_name(label.transport)) + "  " +
                     (label.service().empty() ? std::string("-") : std::string(label.service())) +
                     "  (" + std::string(range_class_name(label.range)) + " range, " +
                     std::string(service_status_name(label.status)) + ")\n";
  if (label.registrations.empty()) {
    text += "  Registrations: none\n";
  } else {
    text += "  Registrations:\n";
    for (const ServiceRecord* record : label.registrations) {
      text += "    " + (record->name.empty() ? std::string("-") : std::string(record->name));
      if (record->port_lo != record->port_hi) {
        text += " (" + std::to_string(record->port_lo) + "-" + std::to_string(record->port_hi) +
                ")";
      }
      text += "  " + std::string(record->description) + "  [" +
              std::string(service_status_name(record->status));
      if (record->is_alias) text += ", alias of " + std::string(record->alias_of);
      text += "]\n";
    }
  }
  text += "  Notes:\n";
  for (const Note& note : label.notes) {
    text += "    [" + std::string(note_code_name(note.code)) + "] " + note.text + "\n";
  }
  std::fputs(text.c_str(), out);
}

void print_json(const Label& label, std::FILE* out) {
  std::string line = "{\"port\":" + std::to_string(label.server_port) + ",\"transport\":\"" +
                     std::string(transport_name(label.transport)) + "\",\"pclassify\":{";
  output::append_label_json_members(line, label);
  line += "}}\n";
  std::fputs(line.c_str(), out);
}

}  // namespace

bool print_lookup(const std::string& query, const ServiceTable& table, output::OutputFormat format,
                  std::FILE* out, std::string& error) {
  // (transport, port) pairs to answer, in a stable order.
  std::set<std::pair<uint16_t, Transport>> targets;
  const size_t slash = query.find('/');
  uint16_t port = 0;
  if (slash != std::string::npos) {
    const auto transport = transport_from_name(query.substr(slash + 1));
    if (!parse_port(std::string_view(query).substr(0, slash), port) || !transport) {
      error = "--lookup " + query + ": expected PORT/PROTO with PROTO tcp, udp, sctp or dccp";
      return false;
    }
    targets.insert({port, *transport});
  } else if (parse_port(query, port)) {
    for (int t = 0; t < kTransportCount; ++t) targets.insert({port, static_cast<Transport>(t)});
  } else {
    const auto records = table.find_name(query);
    bool portless = false;
    for (const ServiceRecord* record : records) {
      if (!record->has_port) {
        portless = true;
        continue;
      }
      for (uint32_t p = record->port_lo; p <= record->port_hi; ++p) {
        if (record->has_transport) {
          targets.insert({static_cast<uint16_t>(p), record->transport});
        } else {
          for (int t = 0; t < kTransportCount; ++t) {
            targets.insert({static_cast<uint16_t>(p), static_cast<Transport>(t)});
          }
        }
      }
    }
    if (records.empty()) {
      error = "--lookup " + query + ": no port number and no service of that name in the table";
      return false;
    }
    if (targets.empty() && portless && format != output::OutputFormat::json) {
      std::fprintf(out, "%s: registered without a port number (for example a DNS-SD name)\n",
                   query.c_str());
    }
  }
  bool first = true;
  for (const auto& [p, transport] : targets) {
    const Label label = label_for_server_port(transport, p, table);
    if (format == output::OutputFormat::json) {
      print_json(label, out);
    } else {
      if (!first) std::fputc('\n', out);
      print_text(label, out);
    }
    first = false;
  }
  return true;
}

}  // namespace pclassify::cli
