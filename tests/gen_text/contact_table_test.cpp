// The "Contact Information" tables and "Last Updated" dates of the renderings.
#include <gtest/gtest.h>

#include <map>

#include "readers.h"
#include "shared_inputs.h"

namespace pclassify::gen {
namespace {

using test::read_file_bytes;
using test::seed_state_xml;
using test::shared_path;

// Every contact of every seed equals the XML's <person>; where the rendering shows one
// text (a name alone or an organisation alone, which it cannot tell apart) it is in
// `name` and equals whichever of the two the XML has.
TEST(ContactTable, EverySeedContactEqualsTheXmlPerson) {
  const std::optional<ReadOutcome>& xml = seed_state_xml();
  if (!xml) GTEST_SKIP() << "shared registry absent (" << shared_path("registry") << ")";
  ASSERT_TRUE(xml->ok) << xml->error;
  std::map<std::string, Contact> people;
  for (const Contact& c : xml->snapshot.contacts) people[c.id] = c;

  const std::pair<const char*, bool> seeds[] = {{"001_ea17f2719f1e5fea.txt", true},
                                                {"002_d2c3e2121117790b.txt", true},
                                                {"003_e7a3042a5287b3f1.txt", false},
                                                {"004_a1eb22b48a01198a.txt", false}};
  size_t checked = 0;
  for (const auto& [name, pipe] : seeds) {
    const std::string path = shared_path(std::string("seeds/") + name);
    const std::optional<std::string> text = read_file_bytes(path);
    ASSERT_TRUE(text) << path;
    const ReadOutcome outcome =
        pipe ? read_pipe_table_registry(*text, path) : read_plain_text_registry(*text, path);
    ASSERT_TRUE(outcome.ok) << outcome.error;
    for (const Contact& read : outcome.snapshot.contacts) {
      SCOPED_TRACE(std::string(name) + " [" + read.id + "]");
      const auto it = people.find(read.id);
      ASSERT_NE(it, people.end());
      const Contact& known = it->second;
      EXPECT_EQ(read.uri, known.uri);
      EXPECT_EQ(read.updated, known.updated);
      if (!known.name.empty() && !known.organization.empty()) {
        EXPECT_EQ(read.name, known.name);
        EXPECT_EQ(read.organization, known.organization);
      } else {
        EXPECT_EQ(read.name, known.name.empty() ? known.organization : known.name);
        EXPECT_EQ(read.organization, "");
      }
      ++checked;
    }
  }
  EXPECT_EQ(checked, 15u + 12u + 12u + 24u);
}

TEST(ContactTable, PipeRowsWithPushedCells) {
  const std::string text =
      "- Last Updated\n- 2024-01-02\n"
      "| Service Name | Port Number | Transport Protocol | Description | Assignee | Contact |"
      " Registration Date | Modification Date | Reference | Service Code |"
      " Unauthorized Use Reported | Assignment Notes |\n"
      "|---|---|---|---|---|---|---|---|---|---|---|---|\n"
      "| foo | 1234 | tcp | Foo | [Ann_Lee] | [Ann_Lee] | ||||||\n"
      "Contact Information\n"
      "| ID | Name | Organization | Contact URI | Last Updated |\n"
      "|---|---|---|---|---|\n"
      "| [Ann_Lee] | Ann Lee | mailto:ann&example.org | 2003-02 | |\n"
      "| [Bo_Wu] | Bo Wu | Example Ltd | mailto:bo&example.org | 2013-08-02 |\n"
      "| [Cy] | Cy | mailto:cy&example.org |";
  const ReadOutcome outcome = read_pipe_table_registry(text, "c.txt");
  ASSERT_TRUE(outcome.ok) << outcome.error;
  EXPECT_EQ(outcome.snapshot.last_updated, "2024-01-02");
  ASSERT_EQ(outcome.snapshot.contacts.size(), 3u);
  EXPECT_EQ(outcome.snapshot.contacts[0],
            (Contact{"Ann_Lee", "Ann Lee", "", "mailto:ann&example.org", "2003-02"}));
  EXPECT_EQ(outcome.snapshot.contacts[1],
            (Contact{"Bo_Wu", "Bo Wu", "Example Ltd", "mailto:bo&example.org", "2013-08-02"}));
  EXPECT_EQ(outcome.snapshot.contacts[2], (Contact{"Cy", "Cy", "", "mailto:cy&example.org", ""}));
  EXPECT_TRUE(outcome.warnings.empty());
}

TEST(ContactTable, PlainRowsSplitNameFromOrganizationByTheId) {
  const std::string text =
      "Last Updated\n2025-07-22\n"
      "Service Name Port Number Transport Protocol Description Assignee Contact Registration"
      " Date Modification Date Reference Service Code Unauthorized Use Reported Assignment"
      " Notes\n"
      "foo 1234 tcp Foo [Javier_Nigro] [Javier_Nigro]\n"
      "\nContact Information\n\nID Name Organization Contact URI Last Updated\n"
      "[Javier_Nigro] Javier Nigro Arrow Bit SL mailto:support&arrowbit.com 2012-04-26\n"
      "[IETF_Chair] IETF Chair IETF mailto:chair&ietf.org\n"
      "[Shailesh_S_Bavadeka] Shailesh S. Bavadekar mailto:s&sun.com 2002-04\n";
  const ReadOutcome outcome = read_plain_text_registry(text, "p.txt");
  ASSERT_TRUE(outcome.ok) << outcome.error;
  EXPECT_EQ(outcome.snapshot.last_updated, "2025-07-22");
  ASSERT_EQ(outcome.snapshot.contacts.size(), 3u);
  EXPECT_EQ(outcome.snapshot.contacts[0],
            (Contact{"Javier_Nigro", "Javier Nigro", "Arrow Bit SL",
                     "mailto:support&arrowbit.com", "2012-04-26"}));
  EXPECT_EQ(outcome.snapshot.contacts[1],
            (Contact{"IETF_Chair", "IETF Chair", "IETF", "mailto:chair&ietf.org", ""}));
  EXPECT_EQ(outcome.snapshot.contacts[2],
            (Contact{"Shailesh_S_Bavadeka", "Shailesh S. Bavadekar", "", "mailto:s&sun.com",
                     "2002-04"}));
}

}  // namespace
}  // namespace pclassify::gen
