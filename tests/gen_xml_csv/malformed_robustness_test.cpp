// Untrusted registry bytes: every prefix and every single-byte corruption of a small valid
// file must give either records or a "FILE:LINE: ..." error, never a crash (run this under
// PCLASSIFY_SANITIZE=ON to catch out-of-bounds reads too).
#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "csv_writer.h"
#include "readers.h"

namespace pclassify::gen {
namespace {

const std::string kXml =
    "<?xml version='1.0' encoding='UTF-8'?>\n"
    "<registry xmlns=\"http://www.iana.org/assignments\" id=\"service-names-port-numbers\">\n"
    "  <updated>2026-08-17</updated>\n"
    "  <record date=\"2001-02\"><name>a</name><protocol>tcp</protocol>\n"
    "    <assignee><xref type=\"person\" data=\"O\"/></assignee><xref type=\"person\" "
    "data=\"P\"/>\n"
    "    <description>d<br/>e</description><number>10-20</number><sc>7</sc>\n"
    "    <note>n <xref type=\"rfc\" data=\"rfc1\"/></note><xref type=\"uri\" data=\"u\">t</xref>\n"
    "  </record>\n"
    "  <people><person id=\"P\"><name>P Q</name><uri>mailto:p&amp;q</uri></person></people>\n"
    "</registry>\n";

const std::string kCsv = std::string(kIanaCsvHeader) +
                         "\r\n\"a,b\",1,tcp,\"x \"\"y\"\"\nz\",[O],[P],2001-02,,[RFC1],,,n\r\n"
                         ",10-20,,Unassigned,,,,,,,u,\n";

// ok with no error, or not ok with "file:LINE: message" and no records.
void expect_clean_outcome(const ReadOutcome& outcome, const std::string& file,
                          const std::string& what) {
  static const std::regex kError("^[a-z.]+:[0-9]+: .+");
  if (outcome.ok) {
    EXPECT_TRUE(outcome.error.empty()) << what;
    return;
  }
  EXPECT_TRUE(std::regex_search(outcome.error, kError)) << what << ": " << outcome.error;
  EXPECT_EQ(outcome.error.rfind(file + ":", 0), 0u) << what;
  EXPECT_TRUE(outcome.snapshot.records.empty()) << what;
}

template <typename Reader>
void try_prefixes_and_corruptions(const std::string& text, const std::string& file, Reader read) {
  ASSERT_TRUE(read(text, file).ok) << read(text, file).error;  // the intact text is valid
  for (size_t length = 0; length < text.size(); ++length) {
    expect_clean_outcome(read(text.substr(0, length), file), file,
                         "prefix of " + std::to_string(length));
  }
  for (size_t at = 0; at < text.size(); ++at) {
    for (char replacement : {'"', '<', '>', '-', ',', '\n', '[', '\0', '9'}) {
      std::string corrupted = text;
      corrupted[at] = replacement;
      expect_clean_outcome(read(corrupted, file), file, "byte " + std::to_string(at));
    }
  }
}

TEST(MalformedRobustness, XmlPrefixesAndCorruptions) {
  try_prefixes_and_corruptions(kXml, "f.xml", read_xml_registry);
}

TEST(MalformedRobustness, CsvPrefixesAndCorruptions) {
  try_prefixes_and_corruptions(kCsv, "f.csv", read_csv_registry);
}

}  // namespace
}  // namespace pclassify::gen
