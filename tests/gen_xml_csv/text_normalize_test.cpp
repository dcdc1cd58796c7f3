// The normalisation rules every registry reader shares (gen/text_normalize.h).
#include "text_normalize.h"

#include <gtest/gtest.h>

namespace pclassify::gen {
namespace {

TEST(FoldWhitespace, FoldsRunsIncludingNewlinesAndTrims) {
  EXPECT_EQ(fold_whitespace("  This entry is an alias\nto \"a\".\r\n\tNow  historic. "),
            "This entry is an alias to \"a\". Now historic.");
  EXPECT_EQ(fold_whitespace(" \n\t "), "");
  EXPECT_EQ(fold_whitespace("x"), "x");
}

TEST(ParsePortRange, AcceptsPortsAndRanges) {
  EXPECT_EQ(parse_port_range("0"), (PortRange{0, 0}));
  EXPECT_EQ(parse_port_range("80"), (PortRange{80, 80}));
  EXPECT_EQ(parse_port_range("65535"), (PortRange{65535, 65535}));
  EXPECT_EQ(parse_port_range("4903-4911"), (PortRange{4903, 4911}));
  EXPECT_EQ(parse_port_range("7-7"), (PortRange{7, 7}));
}

TEST(ParsePortRange, RejectsOutOfRangeReversedAndJunk) {
  for (const char* bad : {"", "70000", "65536", "12-3", "-", "1-", "-1", "+80", "8 0", "80a",
                          "1-2-3", "0x50", "999999999999999999999"}) {
    EXPECT_FALSE(parse_port_range(bad).has_value()) << bad;
  }
}

TEST(FormatPortRange, WritesWhatParseReads) {
  EXPECT_EQ(format_port_range({80, 80}), "80");
  EXPECT_EQ(format_port_range({4903, 4911}), "4903-4911");
}

TEST(NormalizeProtocol, KnowsTheFourTransports) {
  EXPECT_EQ(normalize_protocol("tcp"), "tcp");
  EXPECT_EQ(normalize_protocol("UDP"), "udp");
  EXPECT_EQ(normalize_protocol("Sctp"), "sctp");
  EXPECT_EQ(normalize_protocol("dccp"), "dccp");
  EXPECT_FALSE(normalize_protocol("icmp").has_value());
  EXPECT_FALSE(normalize_protocol("").has_value());
  EXPECT_FALSE(normalize_protocol("tcp ").has_value());
}

TEST(IsRegistryDate, MonthOrDayPrecision) {
  EXPECT_TRUE(is_registry_date("2006-02"));
  EXPECT_TRUE(is_registry_date("2021-10-01"));
  EXPECT_FALSE(is_registry_date("2021-10-1"));
  EXPECT_FALSE(is_registry_date("2021/10/01"));
  EXPECT_FALSE(is_registry_date("20211001"));
  EXPECT_FALSE(is_registry_date(""));
}

TEST(DateInFileName, TakesTheDateFromTheLastPathComponent) {
  EXPECT_EQ(date_in_file_name("/x/service-names-port-numbers-2025-06-18.csv"), "2025-06-18");
  EXPECT_EQ(date_in_file_name("/2024-01-01/service-names-port-numbers.csv"), "");
  EXPECT_EQ(date_in_file_name("service-names-port-numbers.csv"), "");
  EXPECT_EQ(date_in_file_name("v12025-06-18.csv"), "");  // part of a longer number
}

TEST(SplitBracketedList, StrictListsOfIds) {
  using List = std::vector<std::string>;
  EXPECT_EQ(split_bracketed_list("[Jon_Postel]"), List{"Jon_Postel"});
  EXPECT_EQ(split_bracketed_list("[RFC6335][RFC8126]"), (List{"RFC6335", "RFC8126"}));
  EXPECT_EQ(split_bracketed_list(" [A] [B] "), (List{"A", "B"}));
  EXPECT_EQ(split_bracketed_list(""), List{});
  EXPECT_FALSE(split_bracketed_list("n/a").has_value());
  EXPECT_FALSE(split_bracketed_list("[A").has_value());
  EXPECT_FALSE(split_bracketed_list("[]").has_value());
  EXPECT_FALSE(split_bracketed_list("[A] x").has_value());
  EXPECT_EQ(join_bracketed_list({"RFC6335", "RFC8126"}), "[RFC6335][RFC8126]");
}

TEST(XrefAsReference, RendersEachXrefType) {
  EXPECT_EQ(xref_as_reference("rfc", "rfc6335", ""), "RFC6335");
  EXPECT_EQ(xref_as_reference("draft", "draft-herbert-gue-02", ""), "draft-herbert-gue-02");
  EXPECT_EQ(xref_as_reference("uri", "https://x.example/TR-352.pdf", "TR-352"), "TR-352");
  EXPECT_EQ(xref_as_reference("uri", "https://www.iana.org/protocols/apply", ""),
            "https://www.iana.org/protocols/apply");
  EXPECT_EQ(xref_as_reference("text", "", " n/a\n"), "n/a");
  EXPECT_EQ(xref_as_reference("note", "1", ""), "1");
  EXPECT_EQ(xref_as_reference("person", "IESG", ""), "IESG");
}

}  // namespace
}  // namespace pclassify::gen
