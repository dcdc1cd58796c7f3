// Rows of a rendering's "Contact Information" table -> Contact.
//
// Columns: ID | Name | Organization | Contact URI | Last Updated. As in the records table,
// empty cells are pushed to the end of a pipe row and vanish from plain text, so each
// part is recognised by content: the bracketed id first, a URI (mailto:, http:, https:),
// a YYYY-MM / YYYY-MM-DD date, and the text before the URI, which is the name and then
// the organisation.
//
// What the renderings cannot tell: a person with only an organisation (XML <org>, no
// <name>, e.g. [IESG]) and one with only a name ([XMPP_Registrar]) both show one text
// cell. The readers put a lone text in `name`; comparisons with the XML should accept
// name+organization joined.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "registry_record.h"

namespace pclassify::gen {

struct ContactRow {
  bool ok = false;
  Contact contact;
  std::string error;  // message without FILE:LINE, when !ok
};

// The cells of one pipe row (between the '|'), in order.
ContactRow contact_from_cells(const std::vector<std::string>& cells);

// One plain-text line: "[IETF_Chair] IETF Chair IETF mailto:chair&ietf.org".
ContactRow contact_from_words(std::string_view line);

struct NameAndOrganization {
  std::string name;
  std::string organization;
};

// Plain text runs name and organisation together ("Javier Nigro Arrow Bit SL"). IANA
// makes a person's id from the name ("Javier_Nigro", "Shailesh_S_Bavadeka" cut short,
// "Sigma_Designs_3", "Claus_Broch2" with a number to make it unique), so the name is the leading words
// that spell the id; the rest is the organisation. When the id spells a later run of
// words instead ("APCO_Project" for "Steve Glass APCO Project 25"), the words before it
// are the name and the run the organisation. When the id spells neither, every word is
// the name.
NameAndOrganization split_name_and_organization(std::string_view id,
                                                const std::vector<std::string_view>& words);

}  // namespace pclassify::gen
