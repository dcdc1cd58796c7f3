// The XML reader on IANA's official registry and on malformed input.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <memory>

#include "readers.h"
#include "record_expectations.h"
#include "registry_files.h"

namespace pclassify::gen {
namespace {

using test::expect_same_entry;
using test::find_records;

// The 2026-08-17 registry, read once for all tests of the suite.
class OfficialXml : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string path = test::embedded_registry_path();
    const auto text = test::read_whole_file(path);
    if (!text) return;
    const auto start = std::chrono::steady_clock::now();
    outcome_ = std::make_unique<ReadOutcome>(read_xml_registry(*text, path));
    const auto elapsed = std::chrono::steady_clock::now() - start;
    // Informational only; the benchmark proper lives elsewhere.
    std::cout << "[ timing   ] read_xml_registry(" << text->size()
              << " bytes): " << std::chrono::duration<double, std::milli>(elapsed).count()
              << " ms\n";
  }
  static void TearDownTestSuite() { outcome_.reset(); }

  void SetUp() override {
    if (!outcome_) GTEST_SKIP() << test::embedded_registry_path() << " is absent";
    ASSERT_TRUE(outcome_->ok) << outcome_->error;
  }

  static const RegistrySnapshot& snapshot() { return outcome_->snapshot; }

  // The one record with this key; fails the test when there is not exactly one.
  static const RegistryRecord& only(const std::string& name, std::optional<PortRange> ports,
                                    const std::string& protocol) {
    static const RegistryRecord kNone;
    const auto found = find_records(snapshot().records, name, ports, protocol);
    EXPECT_EQ(found.size(), 1u) << name << " " << protocol;
    return found.size() == 1 ? *found.front() : kNone;
  }

  static std::unique_ptr<ReadOutcome> outcome_;
};

std::unique_ptr<ReadOutcome> OfficialXml::outcome_;

TEST_F(OfficialXml, SnapshotLevelFields) {
  EXPECT_EQ(snapshot().last_updated, "2026-08-17");
  EXPECT_TRUE(snapshot().claims_full_registry);
  EXPECT_EQ(snapshot().records.size(), 14533u);
}

// Each expected count was computed independently of this code, with xmllint over the same
// file (R = //*[local-name()="record"], children likewise by local-name()):
//   ranges        count(R[contains(number,"-")][substring-before(number,"-") !=
//                 substring-after(number,"-")])                       -> 760
//                 (766 numbers contain a dash, grep -c '<number>[0-9]*-[0-9]*</number>';
//                 6 of them are written "N-N", e.g. "4748-4748": a single port)
//   Reserved      count(R[normalize-space(description)="Reserved"])   -> 808
//   Unassigned    count(R[normalize-space(description)="Unassigned"]) -> 883
//   name-only     count(R[not(number)])                               -> 1070
//                 (14533 records - 13463 from grep -c '<number>')
//   unauthorized  count(R[unauthorized])                              -> 112
//   no protocol   count(R[not(protocol)])                             -> 1467
//   service codes count(R[sc])                                        -> 4
//   people        count(//people/person)                              -> 5615
TEST_F(OfficialXml, CountsMatchAnIndependentXPathCount) {
  const auto& records = snapshot().records;
  const auto count = [&](auto predicate) {
    return std::count_if(records.begin(), records.end(), predicate);
  };
  EXPECT_EQ(count([](const RegistryRecord& r) { return r.ports && r.ports->lo != r.ports->hi; }),
            760);
  EXPECT_EQ(count([](const RegistryRecord& r) { return r.description == "Reserved"; }), 808);
  EXPECT_EQ(count([](const RegistryRecord& r) { return r.description == "Unassigned"; }), 883);
  EXPECT_EQ(count([](const RegistryRecord& r) { return !r.ports; }), 1070);
  EXPECT_EQ(count([](const RegistryRecord& r) { return !r.unauthorized_use.empty(); }), 112);
  EXPECT_EQ(count([](const RegistryRecord& r) { return r.protocol.empty(); }), 1467);
  EXPECT_EQ(count([](const RegistryRecord& r) { return !r.service_code.empty(); }), 4);
  EXPECT_EQ(snapshot().contacts.size(), 5615u);
}

TEST_F(OfficialXml, HttpOnPort80Tcp) {
  RegistryRecord expected;
  expected.name = "http";
  expected.ports = PortRange{80, 80};
  expected.protocol = "tcp";
  expected.description = "World Wide Web HTTP";
  expected.assignees = {"IESG"};
  expected.contacts = {"IETF_Chair"};
  expected.modified = "2021-10-01";
  expected.references = {"RFC9110"};
  expected.assignment_notes = "Defined TXT keys: u=<username> p=<password> path=<path to document>";
  const RegistryRecord http = only("http", PortRange{80, 80}, "tcp");
  expect_same_entry(http, expected);
  EXPECT_EQ(http.origin.line, 1181);  // the line of its <record> tag
  EXPECT_NE(http.origin.file.find("service-names-port-numbers.xml"), std::string::npos);
}

TEST_F(OfficialXml, DccpRecordWithServiceCodeAndNoAssigneeElement) {
  RegistryRecord expected;
  expected.name = "discard";
  expected.ports = PortRange{9, 9};
  expected.protocol = "dccp";
  expected.description = "Discard";
  expected.assignees = {"Eddie_Kohler"};  // no <assignee>: the contact stands in
  expected.contacts = {"Eddie_Kohler"};
  expected.references = {"RFC4340"};
  expected.service_code = "1145656131";
  expect_same_entry(only("discard", PortRange{9, 9}, "dccp"), expected);
}

TEST_F(OfficialXml, AliasWithHistoricNote) {
  RegistryRecord expected;
  expected.name = "flr_agent";
  expected.ports = PortRange{4901, 4901};
  expected.protocol = "tcp";
  expected.description = "FileLocator Remote Search Agent";
  expected.assignees = {"David_Vest"};
  expected.contacts = {"David_Vest"};
  expected.registered = "2008-11-19";
  expected.assignment_notes =
      "This entry is an alias to \"flr-agent\". This entry is now historic, not usable for use "
      "with many common service discovery mechanisms.";
  expect_same_entry(only("flr_agent", PortRange{4901, 4901}, "tcp"), expected);
}

TEST_F(OfficialXml, DeassignedReservedPortWithPersonInsideTheNote) {
  RegistryRecord expected;
  expected.ports = PortRange{2, 2};
  expected.protocol = "tcp";
  expected.description = "Reserved";
  expected.modified = "2025-02-13";
  expected.assignment_notes = "De-assigned on 2025-02-13, previously compressnet by [Bernie_Volz]";
  const RegistryRecord reserved = only("", PortRange{2, 2}, "tcp");
  expect_same_entry(reserved, expected);
  EXPECT_EQ(reserved.origin.line, 80);
}

TEST_F(OfficialXml, LineBreaksInDescriptionBecomeOneSpace) {
  RegistryRecord expected;
  expected.name = "EtherNet-IP-2";
  expected.ports = PortRange{44818, 44818};
  expected.protocol = "tcp";
  expected.description =
      "EtherNet/IP messaging IANA assigned this well-formed service name as a replacement for "
      "\"EtherNet/IP-2\".";
  expected.assignees = {"Brian_Batke_2"};
  expected.contacts = {"Brian_Batke_2"};
  expected.assignment_notes = "New contact added for port 44818 on 2008-02-01";
  expect_same_entry(only("EtherNet-IP-2", PortRange{44818, 44818}, "tcp"), expected);
}

TEST_F(OfficialXml, NameOnlyDnsSdRecord) {
  RegistryRecord expected;
  expected.name = "webdavs";
  expected.description = "WebDAV over SSL/TLS";
  expected.assignees = {"Y_Y_Goland"};
  expected.contacts = {"Y_Y_Goland"};
  expected.assignment_notes = "Defined TXT keys: u=<username> p=<password> path=<path>";
  expect_same_entry(only("webdavs", std::nullopt, ""), expected);
}

TEST_F(OfficialXml, UnassignedPortWithUnauthorizedUse) {
  RegistryRecord expected;
  expected.ports = PortRange{100, 100};
  expected.description = "Unassigned";
  expected.registered = "";
  expected.modified = "2012-03-21";
  expected.unauthorized_use = "Known Unauthorized Use on 100";
  expect_same_entry(only("", PortRange{100, 100}, ""), expected);
}

TEST_F(OfficialXml, RangeWrittenAsNDashNIsOnePort) {
  // <number>4748-4748</number>: the same entry as a plain "4748" in another rendering.
  RegistryRecord expected;
  expected.ports = PortRange{4748, 4748};
  expected.description = "Unassigned";
  expect_same_entry(only("", PortRange{4748, 4748}, ""), expected);
}

TEST_F(OfficialXml, ReferenceKinds) {
  // draft
  EXPECT_EQ(only("smtp", PortRange{25, 25}, "tcp").references,
            std::vector<std::string>{"RFC-ietf-emailcore-rfc5321bis-43"});
  // text
  EXPECT_EQ(only("new-rwho", PortRange{550, 550}, "tcp").references,
            std::vector<std::string>{"n/a"});
  // footnote anchor, then RFCs, in document order
  EXPECT_EQ(only("exp1", PortRange{1021, 1021}, "tcp").references,
            (std::vector<std::string>{"1", "RFC4727", "RFC6335"}));
}

TEST_F(OfficialXml, PeopleBecomeContacts) {
  const auto& contacts = snapshot().contacts;
  const auto find = [&](const std::string& id) {
    return std::find_if(contacts.begin(), contacts.end(),
                        [&](const Contact& c) { return c.id == id; });
  };
  const auto postel = find("Jon_Postel");
  ASSERT_NE(postel, contacts.end());
  EXPECT_EQ(*postel, (Contact{"Jon_Postel", "Jon Postel", "", "mailto:postel&isi.edu", ""}));
  const auto gpp = find("_3GPP");
  ASSERT_NE(gpp, contacts.end());
  EXPECT_EQ(*gpp, (Contact{"_3GPP", "", "3GPP", "mailto:dongwook.kim&etsi.org", "2026-01-23"}));
}

TEST(OlderXml, ReadsTheJune2025Snapshot) {
  const std::string path = test::shared_registry_path("service-names-port-numbers-2025-06-18.xml");
  const auto text = test::read_whole_file(path);
  if (!text) GTEST_SKIP() << path << " is absent";
  const ReadOutcome outcome = read_xml_registry(*text, path);
  ASSERT_TRUE(outcome.ok) << outcome.error;
  EXPECT_EQ(outcome.snapshot.last_updated, "2025-06-18");
  EXPECT_EQ(outcome.snapshot.records.size(), 14479u);  // grep -c '<record' on that file
}

// --- Small hand-made documents: rules the official file does not pin down on its own. ---

constexpr const char* kHeader =
    "<?xml version='1.0' encoding='UTF-8'?>\n"                           // line 1
    "<registry xmlns=\"http://www.iana.org/assignments\" id=\"%s\">\n";  // line 2

std::string document(const std::string& body,
                     const std::string& id = "service-names-port-numbers") {
  std::string header = kHeader;
  header.replace(header.find("%s"), 2, id);
  return header + body + "</registry>\n";
}

TEST(XmlMapping, AssigneesContactsReferencesAndInlineMarkup) {
  const std::string xml = document(
      "  <updated>2030-01-02</updated>\n"                       // 3
      "  <record date=\"2001-02\" updated=\"2003-04-05\">\n"    // 4
      "    <name>two-people</name><protocol>SCTP</protocol>\n"  // 5
      "    <xref type=\"person\" data=\"A\"/><xref type=\"person\" data=\"B\"/>\n"
      "    <description>one<br/>two\n   three</description>\n"  // 7-8
      "    <number>10-20</number>\n"
      "    <xref type=\"uri\" data=\"https://e.example/x\">Spec X</xref>\n"
      "    <xref type=\"uri\" data=\"https://e.example/y\"/>\n"
      "    <note><paragraph>first</paragraph><paragraph>second <xref type=\"rfc\" "
      "data=\"rfc1\"/></paragraph></note>\n"
      "  </record>\n"
      "  <record>\n"  // 14
      "    <name>org-only</name><assignee><xref type=\"person\" data=\"Org\"/></assignee>\n"
      "    <description>d</description><note/>\n"
      "  </record>\n");
  const ReadOutcome outcome = read_xml_registry(xml, "mapping.xml");
  ASSERT_TRUE(outcome.ok) << outcome.error;
  EXPECT_EQ(outcome.snapshot.last_updated, "2030-01-02");
  ASSERT_EQ(outcome.snapshot.records.size(), 2u);

  RegistryRecord first;
  first.name = "two-people";
  first.ports = PortRange{10, 20};
  first.protocol = "sctp";
  first.description = "one two three";
  first.assignees = {"A", "B"};
  first.contacts = {"A", "B"};
  first.registered = "2001-02";
  first.modified = "2003-04-05";
  first.references = {"Spec X", "https://e.example/y"};
  first.assignment_notes = "first second [RFC1]";
  expect_same_entry(outcome.snapshot.records[0], first);
  EXPECT_EQ(outcome.snapshot.records[0].origin.line, 4);
  EXPECT_EQ(outcome.snapshot.records[0].origin.file, "mapping.xml");

  RegistryRecord second;
  second.name = "org-only";
  second.description = "d";
  second.assignees = {"Org"};  // an <assignee> without any contact: no contact invented
  expect_same_entry(outcome.snapshot.records[1], second);
  EXPECT_EQ(outcome.snapshot.records[1].origin.line, 14);
}

TEST(XmlMapping, OnlyTheOfficialRegistryIdClaimsTheFullRegistry) {
  const std::string body = "  <record><description>Unassigned</description></record>\n";
  const ReadOutcome official = read_xml_registry(document(body), "a.xml");
  const ReadOutcome other = read_xml_registry(document(body, "excerpt"), "b.xml");
  ASSERT_TRUE(official.ok && other.ok) << official.error << other.error;
  EXPECT_TRUE(official.snapshot.claims_full_registry);
  EXPECT_FALSE(other.snapshot.claims_full_registry);
  EXPECT_EQ(other.snapshot.records.size(), 1u);
}

TEST(XmlMapping, SameEntryAsIgnoresOriginOnly) {
  RegistryRecord a;
  a.name = "x";
  a.origin = {"a.xml", 3};
  RegistryRecord b = a;
  b.origin = {"b.csv", 9};
  EXPECT_TRUE(a.same_entry_as(b));
  b.assignment_notes = "n";
  EXPECT_FALSE(a.same_entry_as(b));
  b = a;
  b.ports = PortRange{0, 0};  // port 0 is not "no port"
  EXPECT_FALSE(a.same_entry_as(b));
}

// --- Malformed input: an error naming FILE:LINE, and no records. ---

void expect_error(const ReadOutcome& outcome, const std::string& prefix, const std::string& words) {
  EXPECT_FALSE(outcome.ok);
  EXPECT_TRUE(outcome.snapshot.records.empty());
  EXPECT_EQ(outcome.error.rfind(prefix, 0), 0u) << outcome.error;
  EXPECT_NE(outcome.error.find(words), std::string::npos) << outcome.error;
}

TEST(XmlErrors, MismatchedTagReportsExpatsMessageAndLine) {
  const std::string xml = document(
      "  <record>\n"          // 3
      "    <name>x</name>\n"  // 4
      "  </recrd>\n");        // 5
  expect_error(read_xml_registry(xml, "bad.xml"), "bad.xml:5: ", "mismatched tag");
}

TEST(XmlErrors, EmptyAndTruncatedInput) {
  expect_error(read_xml_registry("", "empty.xml"), "empty.xml:1: ", "no element found");
  const std::string truncated = document("  <record>\n    <name>x</name>\n").substr(0, 120);
  const ReadOutcome outcome = read_xml_registry(truncated, "cut.xml");
  EXPECT_FALSE(outcome.ok);
  EXPECT_EQ(outcome.error.rfind("cut.xml:", 0), 0u) << outcome.error;
}

TEST(XmlErrors, TruncatedOfficialFileReportsTheLastLine) {
  const std::string path = test::embedded_registry_path();
  const auto text = test::read_whole_file(path);
  if (!text) GTEST_SKIP() << path << " is absent";
  // Keep the first 5000 lines: every element still open is never closed.
  size_t cut = 0;
  for (int line = 0; line < 5000; ++line) cut = text->find('\n', cut) + 1;
  expect_error(read_xml_registry(text->substr(0, cut), "cut.xml"),
               "cut.xml:5001: ", "no element found");
}

TEST(XmlErrors, PortOutOfRangeReportsTheRecordLine) {
  const std::string xml = document(
      "  <record>\n"  // 3
      "    <name>ok</name><protocol>tcp</protocol><number>1</number>\n"
      "  </record>\n"
      "  <record>\n"  // 6
      "    <name>big</name>\n"
      "    <protocol>tcp</protocol>\n"
      "    <number>70000</number>\n"
      "  </record>\n");
  expect_error(read_xml_registry(xml, "port.xml"), "port.xml:6: ", "\"70000\"");
}

TEST(XmlErrors, ReversedRangeReportsTheRecordLine) {
  const std::string xml = document(
      "  <record>\n"  // 3
      "    <description>Unassigned</description>\n"
      "    <number>12-3</number>\n"
      "  </record>\n");
  expect_error(read_xml_registry(xml, "range.xml"), "range.xml:3: ", "\"12-3\"");
}

TEST(XmlErrors, UnknownProtocolReportsTheRecordLine) {
  const std::string xml = document(
      "  <updated>2030-01-02</updated>\n"  // 3
      "  <record>\n"                       // 4
      "    <name>x</name><protocol>icmp</protocol><number>7</number>\n"
      "  </record>\n");
  expect_error(read_xml_registry(xml, "proto.xml"),
               "proto.xml:4: ", "unknown transport protocol \"icmp\"");
}

TEST(XmlErrors, BadDateDuplicateFieldAndWrongRoot) {
  expect_error(read_xml_registry(document("  <record date=\"2001-13\">\n  </record>\n"
                                          "  <record date=\"Jan 2001\">\n  </record>\n"),
                                 "date.xml"),
               "date.xml:5: ", "invalid date \"Jan 2001\"");
  expect_error(read_xml_registry(document("\n  <record>\n  <number>1</number><number>2</number>"
                                          "</record>\n"),
                                 "dup.xml"),
               "dup.xml:4: ", "more than one <number>");
  expect_error(read_xml_registry("<?xml version='1.0'?>\n<html/>\n", "root.xml"),
               "root.xml:2: ", "expected <registry>");
}

}  // namespace
}  // namespace pclassify::gen
