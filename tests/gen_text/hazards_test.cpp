// The renderings' hazards, on small project-made inputs: rows broken across lines, empty
// cells pushed to the end, vanished columns, continuation lines, phrases, brackets.
#include <gtest/gtest.h>

#include "readers.h"
#include "rendering_headers.h"
#include "records_tsv.h"

namespace pclassify::gen {
namespace {

using test::kPipeHeader;
using test::kPlainHeader;

const std::string kPlainContacts =
    "\nContact Information\n\nID Name Organization Contact URI Last Updated\n"
    "[Ann_Lee] Ann Lee mailto:ann&example.org\n";

std::vector<std::string> tsv_lines(const ReadOutcome& outcome) {
  std::vector<std::string> lines;
  for (const RegistryRecord& r : outcome.snapshot.records) lines.push_back(record_tsv_line(r));
  return lines;
}

TEST(PipeHazards, RowBrokenAfterABarAndInsideACell) {
  const std::string text = kPipeHeader +
                           "| foo | 1234 | tcp | Foo service |\n"                      // 5
                           "| [Ann_Lee] | [Ann_Lee] | 2010-01-02 | |||||\n"            // 6
                           "| bar | 1235 | udp | Bar service with a long\n"            // 7
                           "description | [Ann_Lee] | [Ann_Lee] | 2011-02 | |||||\n"  // 8
                           "Contact Information\n";
  const ReadOutcome outcome = read_pipe_table_registry(text, "t.txt");
  ASSERT_TRUE(outcome.ok) << outcome.error;
  ASSERT_EQ(outcome.snapshot.records.size(), 2u);
  EXPECT_EQ(tsv_lines(outcome)[0],
            "foo\t1234\t1234\ttcp\tFoo service\tAnn_Lee\tAnn_Lee\t2010-01-02\t\t\t\t\t");
  EXPECT_EQ(tsv_lines(outcome)[1],
            "bar\t1235\t1235\tudp\tBar service with a long description\tAnn_Lee\tAnn_Lee\t"
            "2011-02\t\t\t\t\t");
  EXPECT_EQ(outcome.snapshot.records[1].origin.line, 7);
}

TEST(PipeHazards, PushedEmptyCellsAreRecognisedByContent) {
  const std::string text =
      kPipeHeader +
      "| avt | 5004 | dccp | RTP media data | [RFC3551][RFC5762] | 1145656131 | ||||||\n"
      "| 5030 | tcp | Reserved | 2006-12 | 2022-01-10 | Historic usage was surfpass. "
      "De-Assigned on 2022-01-10 | ||||||\n"
      "| 788-799 | Unassigned | Unauthorized Use Known on port 796 | |||||||||\n"
      "| 786 | Unassigned | 2002-05-08 | ||||||||||\n"
      "| x | 7 | tcp | X | [Ann_Lee] | [Ann_Lee] | Defined TXT keys: auth plain | md5 | ||||\n"
      "| presence | Link-Local Messaging [recv] | [Ann_Lee] | [Ann_Lee] | Defined TXT keys: "
      "None | |||||||\n"
      "Contact Information\n";
  const ReadOutcome outcome = read_pipe_table_registry(text, "t.txt");
  ASSERT_TRUE(outcome.ok) << outcome.error;
  const std::vector<std::string> lines = tsv_lines(outcome);
  ASSERT_EQ(lines.size(), 6u);
  EXPECT_EQ(lines[0], "avt\t5004\t5004\tdccp\tRTP media data\t\t\t\t\tRFC3551;RFC5762\t1145656131\t\t");
  EXPECT_EQ(lines[1], "\t5030\t5030\ttcp\tReserved\t\t\t2006-12\t2022-01-10\t\t\t\t"
                      "Historic usage was surfpass. De-Assigned on 2022-01-10");
  EXPECT_EQ(lines[2], "\t788\t799\t\tUnassigned\t\t\t\t\t\t\tUnauthorized Use Known on port 796\t");
  // A lone date of an unnamed row is its modification date (lone_date.h, rule b).
  EXPECT_EQ(lines[3], "\t786\t786\t\tUnassigned\t\t\t\t2002-05-08\t\t\t\t");
  // A literal '|' inside the note split it into two cells; they are joined back.
  EXPECT_EQ(outcome.snapshot.records[4].assignment_notes, "Defined TXT keys: auth plain | md5");
  // A DNS-SD name without port or protocol; "[recv]" with text around it is description.
  EXPECT_EQ(lines[5], "presence\t\t\t\tLink-Local Messaging [recv]\tAnn_Lee\tAnn_Lee\t\t\t\t\t\t"
                      "Defined TXT keys: None");
}

TEST(PlainHazards, ContinuationLinesAndVanishedColumns) {
  const std::string text =
      kPlainHeader +
      "acmaint-dbd 774 udp\n"                                                        // 4
      "\n"                                                                           // 5
      "IANA assigned this well-formed service name as a replacement for \"a_d\".\n"  // 6
      "acmaint_dbd 774 udp This entry is an alias to \"acmaint-dbd\".\n"              // 7
      "webster 765 tcp [Ann_Lee] [Ann_Lee]\n"                                        // 8
      "mpm 45 tcp Message Processing Module [recv] [Ann_Lee] [Ann_Lee] 2001-02\n"    // 9
      "lanrev tcp LANrev Agent [Ann_Lee] [Ann_Lee] Defined TXT keys:\n"              // 10
      "  txtvers\n"                                                                  // 11
      "  server=<main LANrev server>\n"                                              // 12
      "mother Mother script server protocol [Ann_Lee] [Ann_Lee] Defined TXT keys: user\n"
      "788-799 Unassigned Unauthorized Use Known on port 796\n" +
      kPlainContacts;
  const ReadOutcome outcome = read_plain_text_registry(text, "p.txt");
  ASSERT_TRUE(outcome.ok) << outcome.error;
  const std::vector<std::string> lines = tsv_lines(outcome);
  ASSERT_EQ(lines.size(), 7u);
  EXPECT_EQ(lines[0], "acmaint-dbd\t774\t774\tudp\tIANA assigned this well-formed service name "
                      "as a replacement for \"a_d\".\t\t\t\t\t\t\t\t");
  EXPECT_EQ(lines[1], "acmaint_dbd\t774\t774\tudp\t\t\t\t\t\t\t\t\t"
                      "This entry is an alias to \"acmaint-dbd\".");
  EXPECT_EQ(lines[2], "webster\t765\t765\ttcp\t\tAnn_Lee\tAnn_Lee\t\t\t\t\t\t");
  // [recv] names nobody in the contact table: it is part of the description.
  EXPECT_EQ(lines[3], "mpm\t45\t45\ttcp\tMessage Processing Module [recv]\tAnn_Lee\tAnn_Lee\t"
                      "2001-02\t\t\t\t\t");
  EXPECT_EQ(lines[4], "lanrev\t\t\ttcp\tLANrev Agent\tAnn_Lee\tAnn_Lee\t\t\t\t\t\t"
                      "Defined TXT keys: txtvers server=<main LANrev server>");
  EXPECT_EQ(lines[5], "mother\t\t\t\tMother script server protocol\tAnn_Lee\tAnn_Lee\t\t\t\t\t\t"
                      "Defined TXT keys: user");
  EXPECT_EQ(lines[6], "\t788\t799\t\tUnassigned\t\t\t\t\t\t\tUnauthorized Use Known on port 796\t");
  EXPECT_EQ(outcome.snapshot.records[4].origin.line, 10);
  EXPECT_TRUE(outcome.warnings.empty());
}

TEST(CutOff, PipeRowCutInsideACellIsDroppedAndReported) {
  const std::string text = kPipeHeader +
                           "| foo | 1234 | tcp | Foo | [Ann_Lee] | [Ann_Lee] | ||||||\n"  // 5
                           "| bar | 1235 | udp | Bar serv";                               // 6
  const ReadOutcome outcome = read_pipe_table_registry(text, "t.txt");
  ASSERT_TRUE(outcome.ok) << outcome.error;
  ASSERT_EQ(outcome.snapshot.records.size(), 1u);
  EXPECT_EQ(outcome.snapshot.records[0].name, "foo");
  ASSERT_EQ(outcome.warnings.size(), 2u);
  EXPECT_EQ(outcome.warnings[0], "t.txt:6: the records row starting here is cut off inside a "
                                 "cell; dropped");
  EXPECT_NE(outcome.warnings[1].find("t.txt:6: input ends inside the records table"),
            std::string::npos);
}

TEST(CutOff, PlainTextWithoutContactSectionIsReported) {
  const std::string text = kPlainHeader + "foo 1234 tcp Foo [Ann_Lee] [Ann_Lee]\nbar 1235 udp";
  const ReadOutcome outcome = read_plain_text_registry(text, "p.txt");
  ASSERT_TRUE(outcome.ok) << outcome.error;
  EXPECT_EQ(outcome.snapshot.records.size(), 2u);
  ASSERT_EQ(outcome.warnings.size(), 1u);
  EXPECT_NE(outcome.warnings[0].find("p.txt:5: input ends inside the records table"),
            std::string::npos);
}

}  // namespace
}  // namespace pclassify::gen
