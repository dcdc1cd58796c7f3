// Malformed input gives "FILE:LINE: message" at the right line, and no records.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "readers.h"
#include "rendering_headers.h"

namespace pclassify::gen {
namespace {

using test::kPipeHeader;
using test::kPlainHeader;

void expect_error(const ReadOutcome& outcome, const std::string& prefix) {
  EXPECT_FALSE(outcome.ok);
  EXPECT_TRUE(outcome.snapshot.records.empty());
  EXPECT_EQ(outcome.error.substr(0, prefix.size()), prefix) << outcome.error;
}

TEST(MalformedPipe, TableWithoutHeaderRow) {
  expect_error(read_pipe_table_registry("Some title\n| foo | 1234 | tcp | Foo |\n", "t.txt"),
               "t.txt:2: table row before any header row");
  expect_error(read_pipe_table_registry("just words\nno bars\n", "t.txt"),
               "t.txt:2: no pipe table");
}

TEST(MalformedPipe, HeaderWithAWrongColumn) {
  expect_error(read_pipe_table_registry("| Service Name | Port Number | Colour |\n", "t.txt"),
               "t.txt:1: header column 3 is \"Colour\"");
}

TEST(MalformedPipe, BinaryGarbage) {
  const std::string garbage = kPipeHeader + std::string("| foo | 1\x00\x01\xff | tcp |\n", 22);
  expect_error(read_pipe_table_registry(garbage, "t.txt"), "t.txt:5: binary data");
}

TEST(MalformedPipe, PortOutOfRange) {
  const std::string text = kPipeHeader +
                           "| foo | 1234 | tcp | Foo | ||||||||\n"    // 5
                           "| bar | 70000 | tcp | Bar | ||||||||\n";  // 6
  expect_error(read_pipe_table_registry(text, "t.txt"),
               "t.txt:6: port number \"70000\" is out of range");
}

TEST(MalformedPipe, PortOutOfRangeOnTheSecondLineOfABrokenRow) {
  const std::string text = kPipeHeader +
                           "| foo | 1234 | tcp | Foo | ||||||||\n"  // 5
                           "| bar |\n"                              // 6
                           "| 4000-3000 | tcp | Bar | |||||||\n";  // 7
  expect_error(read_pipe_table_registry(text, "t.txt"),
               "t.txt:7: port number \"4000-3000\" is out of range");
}

TEST(MalformedPipe, RowThatIsNotARecord) {
  expect_error(read_pipe_table_registry(kPipeHeader + "| two words | 1 | tcp | x | ||||||||\n",
                                        "t.txt"),
               "t.txt:5: row starts with \"two words\"");
  expect_error(read_pipe_table_registry(kPipeHeader + "| foo | 1 | tcp | x | 2001-01 | "
                                                      "2002-02 | 2003-03 | ||||||\n",
                                        "t.txt"),
               "t.txt:5: cannot tell which column \"2003-03\" belongs to");
  expect_error(read_pipe_table_registry(kPipeHeader + "a stray sentence\n", "t.txt"),
               "t.txt:5: text inside the records table");
}

TEST(MalformedPipe, BadLastUpdatedDate) {
  expect_error(read_pipe_table_registry("- Last Updated\n- soon\n" + kPipeHeader.substr(30),
                                        "t.txt"),
               "t.txt:2: \"Last Updated\" is followed by \"soon\"");
}

TEST(MalformedPlain, NoHeaderLine) {
  expect_error(read_plain_text_registry("foo 1234 tcp Foo\n", "p.txt"),
               "p.txt:1: no records table");
}

TEST(MalformedPlain, BinaryGarbage) {
  expect_error(read_plain_text_registry(kPlainHeader + std::string("foo 12\x00 tcp\n", 12), "p.txt"),
               "p.txt:4: binary data");
}

TEST(MalformedPlain, PortOutOfRange) {
  expect_error(read_plain_text_registry(kPlainHeader + "foo 1234 tcp Foo\nbar 70000 udp Bar\n",
                                        "p.txt"),
               "p.txt:5: port number \"70000\" is out of range");
}

TEST(MalformedPlain, TextBeforeTheFirstRecord) {
  expect_error(read_plain_text_registry(kPlainHeader + "[Ann_Lee] [Ann_Lee]\n", "p.txt"),
               "p.txt:4: expected a record");
}

TEST(MalformedPlain, ContactRowWithoutId) {
  expect_error(read_plain_text_registry(kPlainHeader + "foo 1234 tcp Foo\n\nContact Information\n"
                                                       "\nID Name Organization Contact URI Last"
                                                       " Updated\nAnn Lee mailto:a&b.c\n",
                                        "p.txt"),
               "p.txt:9: contact row starts with \"Ann\"");
}

}  // namespace
}  // namespace pclassify::gen

namespace pclassify::gen {
namespace {

// Cut a seed at every byte: each prefix reads, or fails with "FILE:LINE: ...", never
// crashes (run under PCLASSIFY_SANITIZE to catch out-of-bounds reads).
TEST(MalformedCutAnywhere, EveryPrefixOfTheSeedsReadsOrFailsCleanly) {
  const std::pair<const char*, bool> seeds[] = {{"002_d2c3e2121117790b.txt", true},
                                                {"003_e7a3042a5287b3f1.txt", false}};
  for (const auto& [name, pipe] : seeds) {
    const std::string path = std::string(PCLASSIFY_SHARED_DIR) + "/seeds/" + name;
    std::ifstream in(path, std::ios::binary);
    if (!in) GTEST_SKIP() << "shared seeds absent (" << path << ")";
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (size_t cut = 0; cut <= text.size(); cut += 3) {
      const std::string_view prefix = std::string_view(text).substr(0, cut);
      const ReadOutcome outcome =
          pipe ? read_pipe_table_registry(prefix, "f") : read_plain_text_registry(prefix, "f");
      if (!outcome.ok) {
        ASSERT_EQ(outcome.error.substr(0, 2), "f:") << cut << ": " << outcome.error;
      }
    }
  }
}

}  // namespace
}  // namespace pclassify::gen
