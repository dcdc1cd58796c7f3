// Reads IANA's official XML registry (service-names-port-numbers.xml) with expat.
//
// Mapping rules: XML -> RegistryRecord. The pipe-table and plain-text renderings are made
// by IANA from this XML; these rules reproduce what they show, so their readers and this
// one agree (checked against every complete row of ../shared/seeds/ 000-004 with the
// 2025-06-18 XML: 300 rows, all equal). Every text value is decoded (&lt; -> <, &amp; -> &)
// and then folded with fold_whitespace() (text_normalize.h): whitespace runs, newlines
// included, become one space; both ends trimmed.
//
//   <record date="D">              registered = D ("YYYY-MM" or "YYYY-MM-DD"), else ""
//   <record updated="U">           modified = U, else ""
//   <name>                         name; "" when absent (Reserved/Unassigned rows)
//   <protocol>                     protocol, lower case; "" when absent (ranges, DNS-SD names);
//                                  anything but tcp/udp/sctp/dccp is an error
//   <number>                       ports: "N" -> {N,N}, "LO-HI" -> {LO,HI}; absent -> nullopt
//                                  (name-only DNS-SD records); invalid ("70000", "12-3") is
//                                  an error at the record's line
//   <description>                  description, "Reserved"/"Unassigned" kept as written;
//                                  <br/> -> whitespace (so it folds to one space)
//   <assignee><xref type="person" data="X"/></assignee>
//                                  assignees = [X, ...] in document order
//   <xref type="person" data="X"/> (direct child of <record>) contacts = [X, ...]
//   no <assignee> element          assignees = contacts (the renderings print the contact
//                                  in the Assignee column too: "piranha2 | 4601 | udp |
//                                  Piranha2 | [Primark_Corporation] | [Primark_Corporation]")
//   other direct <xref> children   references, in document order, without brackets:
//     type="rfc"   data="rfc6335"  -> "RFC6335" (rendered "[RFC6335]")
//     type="draft" data="RFC-ietf-x-43" / "draft-a-b-02" -> data as is
//     type="uri"   data="https://..." -> the element's text if it has one ("TR-352"), else
//                                  the URI (the renderings print "[https://...]")
//     type="text"  >n/a<           -> the folded text ("n/a")
//     type="note"  data="1"        -> "1" (a footnote anchor, rendered "[1]")
//   <sc>                           service_code (DCCP service code, decimal, as written)
//   <unauthorized>                 unauthorized_use, IANA's words as written
//   <note>                         assignment_notes; inline markup inside it (and inside
//                                  <description>) is rendered as the renderings show it:
//                                  <xref type="person" data="X"/> -> "[X]", type="rfc" ->
//                                  "[RFC6335]", type="uri" -> "[text or URI]", other xrefs ->
//                                  their text; <br/> -> space; <paragraph> -> its text
//                                  separated by spaces. An empty <note/> gives "".
//
// Registry level:
//   <registry id="service-names-port-numbers">  claims_full_registry = true (other ids or a
//                                  missing id: false, records are still read)
//   <registry><updated>            last_updated ("2026-08-17")
//   <people><person id="X">        contacts: id = X, <name>, <org> -> organization, <uri>
//                                  (decoded: "mailto:alex&graef.cc"), <updated>
// Other elements (<title>, <expert>, registry-level <note>, <footnote>) are skipped.
//
// Errors (no records returned): malformed XML -> "FILE:LINE: <expat's message>"; a bad
// port, protocol or date, or a duplicated field -> "FILE:LINE: ..." at the line where the
// <record> starts.

#include <expat.h>

#include <algorithm>
#include <memory>
#include <string>
#include <type_traits>
#include <vector>

#include "readers.h"
#include "text_normalize.h"

namespace pclassify::gen {
namespace {

constexpr std::string_view kFullRegistryId = "service-names-port-numbers";

// What an open element is, decided from its name and its parent when it starts.
enum class FrameKind {
  kRegistry,      // the root <registry>
  kRecord,        // <registry><record>
  kRecordField,   // <record><name|protocol|number|description|sc|unauthorized|note>
  kAssignee,      // <record><assignee>
  kAssigneeXref,  // <assignee><xref type="person">
  kRecordXref,    // <record><xref>: a contact or a reference
  kLastUpdated,   // <registry><updated>
  kPeople,        // <registry><people>
  kPerson,        // <people><person id=...>
  kPersonField,   // <person><name|org|uri|updated>
  kInlineXref,    // <xref> inside text: rendered as the renderings print it
  kInlineBreak,   // <br/> inside text
  kInlineOther,   // <paragraph> or any other element inside text: its text, spaced
  kIgnored,       // everything else, with all its content
};

bool captures_text(FrameKind kind) {
  switch (kind) {
    case FrameKind::kRecordField:
    case FrameKind::kRecordXref:
    case FrameKind::kAssigneeXref:
    case FrameKind::kLastUpdated:
    case FrameKind::kPersonField:
    case FrameKind::kInlineXref:
    case FrameKind::kInlineOther:
      return true;
    default:
      return false;
  }
}

struct Frame {
  FrameKind kind = FrameKind::kIgnored;
  std::string name;
  std::string text;  // raw character data and rendered inline children
  std::string xref_type;
  std::string xref_data;
};

// A record as collected from the XML, before validation.
struct PendingRecord {
  int line = 0;
  bool has_assignee_element = false;
  bool has_number = false;
  bool has_protocol = false;
  std::string number;
  std::vector<std::string> seen_fields;  // to reject a duplicated <name>, <number>, ...
  RegistryRecord record;
};

class XmlRegistryReader {
 public:
  explicit XmlRegistryReader(std::string_view file) : file_(file) {
    snapshot_.file = std::string(file);
  }

  ReadOutcome read(std::string_view text);

 private:
  static void XMLCALL on_start(void* self, const XML_Char* name, const XML_Char** attributes);
  static void XMLCALL on_end(void* self, const XML_Char* name);
  static void XMLCALL on_text(void* self, const XML_Char* text, int length);

  void start_element(std::string_view name, const XML_Char** attributes);
  void end_element();
  FrameKind classify(std::string_view name) const;
  void finish_record_field(const Frame& frame);
  void finish_record_xref(const Frame& frame);
  void finish_person_field(const Frame& frame);
  void finish_record();
  static std::string render_inline(const Frame& frame);
  void fail(int line, const std::string& message);
  int current_line() const {
#if XML_MAJOR_VERSION > 2 || (XML_MAJOR_VERSION == 2 && XML_MINOR_VERSION >= 9)
    // expat 2.9 (Debian 13 and testing) deprecates the XML_Size version for this one.
    return static_cast<int>(XML_GetCurrentLineNumber64(parser_));
#else
    return static_cast<int>(XML_GetCurrentLineNumber(parser_));
#endif
  }

  std::string file_;
  XML_Parser parser_ = nullptr;
  std::vector<Frame> stack_;
  PendingRecord pending_;
  Contact person_;
  RegistrySnapshot snapshot_;
  std::string error_;  // set when the reader (not expat) rejects the input
};

const XML_Char* attribute(const XML_Char** attributes, std::string_view wanted) {
  for (size_t i = 0; attributes[i] != nullptr && attributes[i + 1] != nullptr; i += 2) {
    if (wanted == attributes[i]) return attributes[i + 1];
  }
  return nullptr;
}

std::string attribute_or_empty(const XML_Char** attributes, std::string_view wanted) {
  const XML_Char* value = attribute(attributes, wanted);
  return value == nullptr ? std::string() : std::string(value);
}

void XMLCALL XmlRegistryReader::on_start(void* self, const XML_Char* name,
                                         const XML_Char** attributes) {
  auto* reader = static_cast<XmlRegistryReader*>(self);
  if (reader->error_.empty()) reader->start_element(name, attributes);
}

void XMLCALL XmlRegistryReader::on_end(void* self, const XML_Char* /*name*/) {
  auto* reader = static_cast<XmlRegistryReader*>(self);
  // Expat may still report the end of an element after XML_StopParser(): ignore it.
  if (reader->error_.empty()) reader->end_element();
}

void XMLCALL XmlRegistryReader::on_text(void* self, const XML_Char* text, int length) {
  auto* reader = static_cast<XmlRegistryReader*>(self);
  if (!reader->stack_.empty() && captures_text(reader->stack_.back().kind) && length > 0) {
    reader->stack_.back().text.append(text, static_cast<size_t>(length));
  }
}

void XmlRegistryReader::fail(int line, const std::string& message) {
  if (!error_.empty()) return;  // keep the first error
  error_ = file_ + ":" + std::to_string(line) + ": " + message;
  XML_StopParser(parser_, XML_FALSE);
}

FrameKind XmlRegistryReader::classify(std::string_view name) const {
  if (stack_.empty()) return FrameKind::kRegistry;
  const FrameKind parent = stack_.back().kind;
  if (captures_text(parent)) {
    if (name == "br") return FrameKind::kInlineBreak;
    if (name == "xref") return FrameKind::kInlineXref;
    return FrameKind::kInlineOther;
  }
  switch (parent) {
    case FrameKind::kRegistry:
      if (name == "record") return FrameKind::kRecord;
      if (name == "updated") return FrameKind::kLastUpdated;
      if (name == "people") return FrameKind::kPeople;
      return FrameKind::kIgnored;
    case FrameKind::kRecord:
      if (name == "name" || name == "protocol" || name == "number" || name == "description" ||
          name == "sc" || name == "unauthorized" || name == "note") {
        return FrameKind::kRecordField;
      }
      if (name == "assignee") return FrameKind::kAssignee;
      if (name == "xref") return FrameKind::kRecordXref;
      return FrameKind::kIgnored;
    case FrameKind::kAssignee:
      return name == "xref" ? FrameKind::kAssigneeXref : FrameKind::kIgnored;
    case FrameKind::kPeople:
      return name == "person" ? FrameKind::kPerson : FrameKind::kIgnored;
    case FrameKind::kPerson:
      if (name == "name" || name == "org" || name == "uri" || name == "updated") {
        return FrameKind::kPersonField;
      }
      return FrameKind::kIgnored;
    default:
      return FrameKind::kIgnored;
  }
}

void XmlRegistryReader::start_element(std::string_view name, const XML_Char** attributes) {
  Frame frame;
  frame.kind = classify(name);
  frame.name = std::string(name);
  frame.xref_type = attribute_or_empty(attributes, "type");
  frame.xref_data = attribute_or_empty(attributes, "data");

  switch (frame.kind) {
    case FrameKind::kRegistry:
      if (name != "registry") {
        fail(current_line(), "root element is <" + std::string(name) + ">, expected <registry>");
        return;
      }
      snapshot_.claims_full_registry = attribute_or_empty(attributes, "id") == kFullRegistryId;
      break;
    case FrameKind::kRecord:
      pending_ = PendingRecord{};
      pending_.line = current_line();
      pending_.record.origin = SourceLocation{file_, pending_.line};
      pending_.record.registered = attribute_or_empty(attributes, "date");
      pending_.record.modified = attribute_or_empty(attributes, "updated");
      break;
    case FrameKind::kRecordField:
      if (std::find(pending_.seen_fields.begin(), pending_.seen_fields.end(), frame.name) !=
          pending_.seen_fields.end()) {
        fail(pending_.line, "record has more than one <" + frame.name + ">");
        return;
      }
      pending_.seen_fields.push_back(frame.name);
      break;
    case FrameKind::kAssignee:
      pending_.has_assignee_element = true;
      break;
    case FrameKind::kPerson:
      person_ = Contact{};
      person_.id = attribute_or_empty(attributes, "id");
      break;
    default:
      break;
  }
  stack_.push_back(std::move(frame));
}

std::string XmlRegistryReader::render_inline(const Frame& frame) {
  switch (frame.kind) {
    case FrameKind::kInlineBreak:
      return " ";
    case FrameKind::kInlineXref:
      if (frame.xref_type == "person" || frame.xref_type == "rfc" || frame.xref_type == "uri") {
        return "[" + xref_as_reference(frame.xref_type, frame.xref_data, frame.text) + "]";
      }
      return frame.text;
    default:  // kInlineOther: <paragraph> and friends are blocks; keep words apart
      return " " + frame.text + " ";
  }
}

void XmlRegistryReader::end_element() {
  if (stack_.empty()) return;
  Frame frame = std::move(stack_.back());
  stack_.pop_back();

  switch (frame.kind) {
    case FrameKind::kInlineBreak:
    case FrameKind::kInlineXref:
    case FrameKind::kInlineOther:
      // classify() only makes these under a text-capturing parent.
      if (!stack_.empty()) stack_.back().text += render_inline(frame);
      break;
    case FrameKind::kRecordField:
      finish_record_field(frame);
      break;
    case FrameKind::kRecordXref:
      finish_record_xref(frame);
      break;
    case FrameKind::kAssigneeXref:
      if (frame.xref_type == "person" && !frame.xref_data.empty()) {
        pending_.record.assignees.push_back(frame.xref_data);
      }
      break;
    case FrameKind::kRecord:
      finish_record();
      break;
    case FrameKind::kLastUpdated:
      snapshot_.last_updated = fold_whitespace(frame.text);
      break;
    case FrameKind::kPersonField:
      finish_person_field(frame);
      break;
    case FrameKind::kPerson:
      snapshot_.contacts.push_back(std::move(person_));
      break;
    default:
      break;
  }
}

void XmlRegistryReader::finish_record_field(const Frame& frame) {
  std::string value = fold_whitespace(frame.text);
  RegistryRecord& record = pending_.record;
  if (frame.name == "name") {
    record.name = std::move(value);
  } else if (frame.name == "protocol") {
    pending_.has_protocol = true;
    record.protocol = std::move(value);
  } else if (frame.name == "number") {
    pending_.has_number = true;
    pending_.number = std::move(value);
  } else if (frame.name == "description") {
    record.description = std::move(value);
  } else if (frame.name == "sc") {
    record.service_code = std::move(value);
  } else if (frame.name == "unauthorized") {
    record.unauthorized_use = std::move(value);
  } else if (frame.name == "note") {
    record.assignment_notes = std::move(value);
  }
}

void XmlRegistryReader::finish_record_xref(const Frame& frame) {
  if (frame.xref_type == "person") {
    if (!frame.xref_data.empty()) pending_.record.contacts.push_back(frame.xref_data);
    return;
  }
  std::string reference = xref_as_reference(frame.xref_type, frame.xref_data, frame.text);
  if (!reference.empty()) pending_.record.references.push_back(std::move(reference));
}

void XmlRegistryReader::finish_person_field(const Frame& frame) {
  std::string value = fold_whitespace(frame.text);
  if (frame.name == "name") {
    person_.name = std::move(value);
  } else if (frame.name == "org") {
    person_.organization = std::move(value);
  } else if (frame.name == "uri") {
    person_.uri = std::move(value);
  } else if (frame.name == "updated") {
    person_.updated = std::move(value);
  }
}

void XmlRegistryReader::finish_record() {
  RegistryRecord& record = pending_.record;
  if (pending_.has_protocol) {
    const auto protocol = normalize_protocol(record.protocol);
    if (!protocol) {
      fail(pending_.line, "unknown transport protocol \"" + record.protocol +
                              "\" (expected tcp, udp, sctp or dccp)");
      return;
    }
    record.protocol = *protocol;
  }
  if (pending_.has_number) {
    const auto ports = parse_port_range(pending_.number);
    if (!ports) {
      fail(pending_.line, "invalid port number \"" + pending_.number +
                              "\" (expected N or LO-HI with 0 <= LO <= HI <= 65535)");
      return;
    }
    record.ports = *ports;
  }
  for (const std::string* date : {&record.registered, &record.modified}) {
    if (!date->empty() && !is_registry_date(*date)) {
      fail(pending_.line, "invalid date \"" + *date + "\" (expected YYYY-MM or YYYY-MM-DD)");
      return;
    }
  }
  if (!pending_.has_assignee_element) record.assignees = record.contacts;
  snapshot_.records.push_back(std::move(record));
}

ReadOutcome XmlRegistryReader::read(std::string_view text) {
  std::unique_ptr<std::remove_pointer_t<XML_Parser>, decltype(&XML_ParserFree)> parser(
      XML_ParserCreate(nullptr), &XML_ParserFree);
  ReadOutcome outcome;
  if (!parser) {
    outcome.error = file_ + ":0: cannot create an XML parser (out of memory)";
    return outcome;
  }
  parser_ = parser.get();
  XML_SetUserData(parser_, this);
  XML_SetElementHandler(parser_, &XmlRegistryReader::on_start, &XmlRegistryReader::on_end);
  XML_SetCharacterDataHandler(parser_, &XmlRegistryReader::on_text);

  // XML_Parse takes an int length: feed large inputs in chunks.
  constexpr size_t kChunk = size_t{1} << 20;
  size_t offset = 0;
  bool ok = true;
  do {
    const size_t length = std::min(kChunk, text.size() - offset);
    const bool last = offset + length == text.size();
    if (XML_Parse(parser_, text.data() + offset, static_cast<int>(length), last ? 1 : 0) !=
        XML_STATUS_OK) {
      ok = false;
      break;
    }
    offset += length;
  } while (offset < text.size());

  if (!ok || !error_.empty()) {
    outcome.error = !error_.empty() ? error_
                                    : file_ + ":" + std::to_string(current_line()) + ": " +
                                          XML_ErrorString(XML_GetErrorCode(parser_));
    return outcome;
  }
  outcome.ok = true;
  outcome.snapshot = std::move(snapshot_);
  return outcome;
}

}  // namespace

ReadOutcome read_xml_registry(std::string_view text, std::string_view file) {
  XmlRegistryReader reader(file);
  return reader.read(text);
}

}  // namespace pclassify::gen
