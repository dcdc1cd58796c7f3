// The CSV reader and writer: equivalence with the XML, RFC 4180 quoting, malformed input.
#include <gtest/gtest.h>

#include <string>

#include "csv_writer.h"
#include "readers.h"
#include "record_expectations.h"
#include "registry_files.h"

namespace pclassify::gen {
namespace {

using test::expect_same_entry;

const std::string kHeaderLine = std::string(kIanaCsvHeader) + "\r\n";

TEST(CsvEquivalence, CsvWrittenFromTheXmlReadsBackToTheSameRecords) {
  const std::string path = test::embedded_registry_path();
  const auto text = test::read_whole_file(path);
  if (!text) GTEST_SKIP() << path << " is absent";
  const ReadOutcome xml = read_xml_registry(*text, path);
  ASSERT_TRUE(xml.ok) << xml.error;

  const std::string csv_text = write_csv_registry(xml.snapshot);
  const ReadOutcome csv =
      read_csv_registry(csv_text, "/tmp/service-names-port-numbers-2026-08-17.csv");
  ASSERT_TRUE(csv.ok) << csv.error;
  EXPECT_TRUE(csv.snapshot.claims_full_registry);
  EXPECT_EQ(csv.snapshot.last_updated, "2026-08-17");  // from the file name
  ASSERT_EQ(csv.snapshot.records.size(), xml.snapshot.records.size());
  size_t different = 0;
  for (size_t i = 0; i < xml.snapshot.records.size(); ++i) {
    if (!csv.snapshot.records[i].same_entry_as(xml.snapshot.records[i])) {
      if (++different <= 5) {  // show a few in full, count the rest
        SCOPED_TRACE("record " + std::to_string(i) + " from XML line " +
                     std::to_string(xml.snapshot.records[i].origin.line));
        expect_same_entry(csv.snapshot.records[i], xml.snapshot.records[i]);
      }
    }
  }
  EXPECT_EQ(different, 0u);
  // Rows are one a line (values were folded), after the header on line 1.
  EXPECT_EQ(csv.snapshot.records.front().origin.line, 2);
  EXPECT_EQ(csv.snapshot.records.back().origin.line,
            static_cast<int>(csv.snapshot.records.size()) + 1);
}

TEST(CsvQuoting, QuotedCommasDoubledQuotesAndMultiLineFields) {
  const std::string csv =
      kHeaderLine +
      "\"svc,with,commas\",1,TCP,\"He said \"\"hi\"\", twice\",[Org],[Jon_Postel],2001-02,"
      "2003-04-05,[RFC6335][RFC8126],,,\"line one\r\nline two\n  line three\"\r\n"  // 2-4
      ",4903-4911,,Unassigned,,,,,,,Unauthorized Use Known on port 4905,\n"         // 5
      "\n"                                                                          // 6
      "name-only,,,\"desc, with comma\",,[A][B],,,n/a,,,";                          // 7
  const ReadOutcome outcome = read_csv_registry(csv, "small.csv");
  ASSERT_TRUE(outcome.ok) << outcome.error;
  EXPECT_EQ(outcome.snapshot.last_updated, "");  // no date in the name
  ASSERT_EQ(outcome.snapshot.records.size(), 3u);

  RegistryRecord first;
  first.name = "svc,with,commas";
  first.ports = PortRange{1, 1};
  first.protocol = "tcp";
  first.description = "He said \"hi\", twice";
  first.assignees = {"Org"};
  first.contacts = {"Jon_Postel"};
  first.registered = "2001-02";
  first.modified = "2003-04-05";
  first.references = {"RFC6335", "RFC8126"};
  first.assignment_notes = "line one line two line three";
  expect_same_entry(outcome.snapshot.records[0], first);
  EXPECT_EQ(outcome.snapshot.records[0].origin.line, 2);

  RegistryRecord range;
  range.ports = PortRange{4903, 4911};
  range.description = "Unassigned";
  range.unauthorized_use = "Unauthorized Use Known on port 4905";
  expect_same_entry(outcome.snapshot.records[1], range);
  EXPECT_EQ(outcome.snapshot.records[1].origin.line, 5);

  RegistryRecord name_only;
  name_only.name = "name-only";
  name_only.description = "desc, with comma";
  name_only.contacts = {"A", "B"};
  name_only.references = {"n/a"};  // a reference printed without brackets
  expect_same_entry(outcome.snapshot.records[2], name_only);
  EXPECT_EQ(outcome.snapshot.records[2].origin.line, 7);
}

TEST(CsvWriter, QuotesOnlyWhatNeedsQuoting) {
  RegistrySnapshot snapshot;
  RegistryRecord record;
  record.name = "a";
  record.ports = PortRange{5, 6};
  record.protocol = "udp";
  record.description = "x, \"y\"";
  record.contacts = {"P"};
  snapshot.records.push_back(record);
  EXPECT_EQ(write_csv_registry(snapshot),
            kHeaderLine + "a,5-6,udp,\"x, \"\"y\"\"\",,[P],,,,,,\r\n");
}

// --- Malformed input: an error naming FILE:LINE, and no records. ---

void expect_error(const ReadOutcome& outcome, const std::string& prefix, const std::string& words) {
  EXPECT_FALSE(outcome.ok);
  EXPECT_TRUE(outcome.snapshot.records.empty());
  EXPECT_EQ(outcome.error.rfind(prefix, 0), 0u) << outcome.error;
  EXPECT_NE(outcome.error.find(words), std::string::npos) << outcome.error;
}

TEST(CsvErrors, UnterminatedQuoteReportsWhereItOpened) {
  const std::string csv = kHeaderLine +
                          "a,1,tcp,d,,,,,,,,\n"               // 2
                          "b,2,tcp,\"never closed,,,,,,,,\n"  // 3
                          "c,3,tcp,d,,,,,,,,\n";              // 4
  expect_error(read_csv_registry(csv, "u.csv"), "u.csv:3: ", "unterminated quoted field");
}

TEST(CsvErrors, WrongFieldCountCountsLinesInsideQuotedFields) {
  const std::string csv = kHeaderLine +
                          "a,1,tcp,\"two\nlines\",,,,,,,,\n"  // 2-3
                          "b,2,tcp,too few\n";                // 4
  expect_error(read_csv_registry(csv, "n.csv"), "n.csv:4: ", "4 fields, expected 12");
  expect_error(read_csv_registry(kHeaderLine + "a,1,tcp,d,,,,,,,,,extra\n", "m.csv"),
               "m.csv:2: ", "13 fields, expected 12");
}

TEST(CsvErrors, MissingOrUnknownHeader) {
  expect_error(read_csv_registry("", "empty.csv"), "empty.csv:1: ", "missing header");
  expect_error(read_csv_registry("\n\nhttp,80,tcp,Web,,,,,,,,\n", "noheader.csv"),
               "noheader.csv:3: ", "column 1 is \"http\", expected \"Service Name\"");
  std::string renamed(kIanaCsvHeader);
  renamed.replace(renamed.find("Contact"), 7, "Contacts");
  expect_error(read_csv_registry(renamed + "\n", "renamed.csv"),
               "renamed.csv:1: ", "column 6 is \"Contacts\"");
  expect_error(read_csv_registry(std::string(kIanaCsvHeader) + ",Extra\n", "extra.csv"),
               "extra.csv:1: ", "unexpected column 13");
}

TEST(CsvErrors, BadPortProtocolAndDateReportTheRowLine) {
  expect_error(
      read_csv_registry(kHeaderLine + "ok,1,tcp,,,,,,,,,\nbig,70000,tcp,,,,,,,,,\n", "p.csv"),
      "p.csv:3: ", "\"70000\"");
  expect_error(read_csv_registry(kHeaderLine + ",12-3,,Unassigned,,,,,,,,\n", "r.csv"),
               "r.csv:2: ", "\"12-3\"");
  expect_error(read_csv_registry(kHeaderLine + "x,7,icmp,,,,,,,,,\n", "t.csv"),
               "t.csv:2: ", "unknown transport protocol \"icmp\"");
  expect_error(read_csv_registry(kHeaderLine + "x,7,tcp,,,,June 2001,,,,,\n", "d.csv"),
               "d.csv:2: ", "invalid date \"June 2001\"");
}

TEST(CsvErrors, StrayQuotes) {
  expect_error(read_csv_registry(kHeaderLine + "x,7,tcp,\"quoted\"tail,,,,,,,,\n", "s.csv"),
               "s.csv:2: ", "after a closing quote");
  expect_error(read_csv_registry(kHeaderLine + "x,7,tcp,5\" disk,,,,,,,,\n", "q.csv"),
               "q.csv:2: ", "quote inside an unquoted field");
}

}  // namespace
}  // namespace pclassify::gen
