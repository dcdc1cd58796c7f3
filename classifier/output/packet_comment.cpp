#include "output/packet_comment.h"

#include "output/flow_report.h"

namespace pclassify::output {
namespace {

void append_port(std::string& out, const Label& label) {
  out += transport_name(label.transport);
  out += '/';
  out += std::to_string(label.server_port);
  out += ' ';
  out += service_or_status(label);
}

void append_note(std::string& out, const Note& note) {
  out += note_code_name(note.code);
  out += ": ";
  out += note.text;
}

}  // namespace

bool label_warrants_attention(const Label& label) {
  for (const Note& note : label.notes) {
    if (note_warrants_attention(note.code)) return true;
  }
  return false;
}

std::string first_packet_comment(const Label& label) {
  std::string out = "pclassify: ";
  append_port(out, label);
  if (!label.description().empty()) {
    out += " \"";
    out += label.description();
    out += '"';
  }
  out += " (basis ";
  out += server_basis_name(label.basis);
  out += ", ";
  out += range_class_name(label.range);
  out += " port, ";
  out += service_status_name(label.status);
  out += ')';
  const char* separator = "; notes: ";
  for (const Note& note : label.notes) {
    out += separator;
    separator = "; ";
    append_note(out, note);
  }
  return out;
}

std::string warning_comment(const Label& label) {
  std::string out;
  for (const Note& note : label.notes) {
    if (!note_warrants_attention(note.code)) continue;
    if (out.empty()) {
      out = "pclassify warning: ";
      append_port(out, label);
    }
    out += "; ";
    append_note(out, note);
  }
  return out;
}

}  // namespace pclassify::output
