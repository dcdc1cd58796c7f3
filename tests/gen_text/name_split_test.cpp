// split_name_and_organization() on real people: every <person> of the official XML that
// has both a name and an organisation, run together as plain text shows them.
#include <gtest/gtest.h>

#include <sstream>

#include "contact_rows.h"
#include "readers.h"
#include "shared_inputs.h"

namespace pclassify::gen {
namespace {

std::vector<std::string_view> words_of(const std::string& text) {
  std::vector<std::string_view> words;
  size_t pos = 0;
  while ((pos = text.find_first_not_of(' ', pos)) != std::string::npos) {
    const size_t end = std::min(text.find(' ', pos), text.size());
    words.push_back(std::string_view(text).substr(pos, end - pos));
    pos = end;
  }
  return words;
}

TEST(NameSplit, HardCases) {
  const auto split = [](std::string_view id, const std::string& text) {
    return split_name_and_organization(id, words_of(text));
  };
  EXPECT_EQ(split("Tim_Berners_Lee", "Tim Berners-Lee").name, "Tim Berners-Lee");
  EXPECT_EQ(split("Sigma_Designs_3", "Sigma Designs").organization, "");
  const NameAndOrganization apco = split("APCO_Project", "Steve Glass APCO Project 25");
  EXPECT_EQ(apco.name, "Steve Glass");
  EXPECT_EQ(apco.organization, "APCO Project 25");
  const NameAndOrganization adan = split("Adan_Munoz", "Adan Mu\xC3\xB1oz MUNDO READER SL");
  EXPECT_EQ(adan.name, "Adan Mu\xC3\xB1oz");
  EXPECT_EQ(adan.organization, "MUNDO READER SL");
  EXPECT_EQ(split("Nobody", "Jane Roe").name, "Jane Roe");  // id spells nothing: all name
}

TEST(NameSplit, MostXmlPeopleWithNameAndOrganization) {
  const std::string path =
      test::shared_path("registry/service-names-port-numbers.xml");
  const std::optional<std::string> bytes = test::read_file_bytes(path);
  if (!bytes) GTEST_SKIP() << "shared registry absent (" << path << ")";
  const ReadOutcome xml = read_xml_registry(*bytes, path);
  ASSERT_TRUE(xml.ok) << xml.error;
  size_t both = 0;
  size_t right = 0;
  std::ostringstream wrong;
  for (const Contact& c : xml.snapshot.contacts) {
    if (c.name.empty() || c.organization.empty()) continue;
    ++both;
    const std::string text = c.name + " " + c.organization;
    const NameAndOrganization got = split_name_and_organization(c.id, words_of(text));
    if (got.name == c.name && got.organization == c.organization) {
      ++right;
    } else if (both - right <= 10) {
      wrong << "  [" << c.id << "] " << c.name << " / " << c.organization << " -> " << got.name
            << " / " << got.organization << "\n";
    }
  }
  ASSERT_GT(both, 400u);
  // 478 of 482 on the 2026-08-17 XML; the misses lead with a title ("Dr.", "J.") or
  // carry words the id omits ("Ruben Beltran del Rio").
  EXPECT_GE(right * 100, both * 97) << right << " of " << both << "; first misses:\n"
                                    << wrong.str();
  std::cout << "name/organization split right for " << right << " of " << both << "\n"
            << wrong.str();
}

}  // namespace
}  // namespace pclassify::gen
