// Recognising a registry field by its content.
//
// In the pipe-table and plain-text renderings a cell's position does not tell its column:
// empty cells are pushed to the end of a pipe row and simply vanish from plain text. So
// the readers ask these functions what a cell (or a run of words) is: a port or range, a
// protocol word (normalize_protocol() in text_normalize.h), a bracket list of person ids
// or references, a date (is_registry_date()), or text that opens a note or an
// unauthorized-use report.
//
// The phrase lists were drawn from every <note>, <unauthorized> and <description> of the
// official XML (2025-06-18 and 2026-08-17): no description contains a note phrase, and
// every note phrase below begins at least one real note.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pclassify::gen {

// Digits, or digits-digits: what a port number or range looks like, in range or not
// ("70000" looks like one; parse_port_range() then rejects it with a clear message).
// A date ("2006-02") is not one.
bool looks_like_port_number(std::string_view text);

// A service name as the registry writes them: 1 to 15 characters (RFC 6335 section 5.1;
// no historic name is longer) of letters, digits and - _ / . + * with a letter or digit
// first ("914c/g", "sql*net", "z39.50", "whois++").
bool looks_like_service_name(std::string_view word);

// One item of a bracket list that is a reference rather than a person id: "RFC6335",
// "RFC-ietf-emailcore-rfc5321bis-43", "draft-herbert-gue-02", a URI, or a footnote anchor
// ("1"). Person ids ("IESG", "Jon_Postel") are everything else.
bool is_reference_item(std::string_view item);

enum class BracketListKind {
  kNone,        // not a bracket list ("[July 2003]" is none: it is description text)
  kPersons,     // "[IESG]", "[A][B]"
  kReferences,  // "[RFC3551][RFC4571]"
};
struct BracketList {
  BracketListKind kind = BracketListKind::kNone;
  std::vector<std::string> items;  // without brackets
};

// A cell (or word) made only of bracketed items without inner spaces. All items
// references -> kReferences; otherwise kPersons (a person listed among references would
// be an IANA typo; the person reading keeps the ids visible).
BracketList classify_bracket_list(std::string_view cell);

// Text that begins (case-insensitively, at a word start) an assignment note: "Defined TXT
// keys", "This entry is an alias to ...", "De-Assigned on ...", "Historic usage was ...".
bool starts_with_note_phrase(std::string_view text);

// Text that begins an unauthorized-use report: "Unauthorized Use Known on port 796",
// "Known Unauthorized Use on port 7011", "Known UNAUTHORIZED USE: Port 4045",
// "Unofficial use of port 6588 ...".
bool starts_with_unauthorized_phrase(std::string_view text);

// Text that continues a description on its own line in plain text (IANA's <br/><br/>
// before the replacement remark): "IANA assigned this well-formed service name as a
// replacement for ...". It is part of the description, not a note.
bool starts_with_description_continuation(std::string_view text);

// A contact URI in the "Contact Information" table: "mailto:...", "http://...",
// "https://...".
bool looks_like_contact_uri(std::string_view word);

}  // namespace pclassify::gen
