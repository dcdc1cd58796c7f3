// Normalisation shared by every registry reader, so that the same registry entry read
// from the XML, the CSV, a pipe table or plain text yields equal RegistryRecords.
// The full XML -> field mapping is written down at the top of xml_reader.cpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "registry_record.h"

namespace pclassify::gen {

// Folds every run of ASCII whitespace (space, tab, CR, LF, VT, FF) to one space and trims
// both ends. Renderings re-wrap long cells, so only the words are significant.
std::string fold_whitespace(std::string_view text);

// "80" -> {80, 80}; "4903-4911" -> {4903, 4911}. Decimal digits only (no sign, no spaces
// inside), each bound <= 65535, lo <= hi. nullopt for anything else ("70000", "12-3").
std::optional<PortRange> parse_port_range(std::string_view text);

// "80" or "4903-4911": how every rendering writes a PortRange.
std::string format_port_range(const PortRange& ports);

// The registry's transport protocols, lower case: "tcp", "udp", "sctp", "dccp".
// Accepts any letter case and returns the lower-case word; nullopt for anything else.
std::optional<std::string> normalize_protocol(std::string_view text);

// True for "YYYY-MM" and "YYYY-MM-DD" (digits in the right places; no calendar check).
bool is_registry_date(std::string_view text);

// The first "YYYY-MM-DD" found in a file name (the IANA CSV has no "Last Updated" line, so
// a name like service-names-port-numbers-2025-06-18.csv is the best clue), else "".
std::string date_in_file_name(std::string_view file);

// "[Jon_Postel][IESG]" or "[RFC6335] [RFC8126]" -> {"Jon_Postel", "IESG"}: the ids of a
// cell made only of bracketed items (whitespace between items allowed). nullopt when the
// cell holds anything outside brackets, an unclosed or empty bracket. "" -> {}.
std::optional<std::vector<std::string>> split_bracketed_list(std::string_view cell);

// The reverse: {"RFC6335", "RFC8126"} -> "[RFC6335][RFC8126]".
std::string join_bracketed_list(const std::vector<std::string>& items);

// How an XML <xref type=... data=...>text</xref> is written as a reference, without the
// brackets the renderings put around it (see xml_reader.cpp): rfc -> "RFC6335" (data upper
// case), draft -> data as is, uri -> its text if any else the URI, person -> the id,
// text -> its (folded) text, note -> the footnote anchor ("1"). Unknown types: data, else text.
std::string xref_as_reference(std::string_view type, std::string_view data, std::string_view text);

}  // namespace pclassify::gen
