// Emit the table from the official 2026 registry with gen/, load it with the classifier's
// loader, and look up what the registry says.
#include <gtest/gtest.h>

#include <filesystem>

#include "merge.h"
#include "read_registry_file.h"
#include "services/service_table.h"
#include "table_writer.h"

namespace pclassify {
namespace {

const std::string kXml = PCLASSIFY_EMBEDDED_REGISTRY;  // the official XML committed in registry/

class RoundTrip : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!std::filesystem::exists(kXml)) return;
    gen::ReadOutcome read = gen::read_registry_file(kXml);
    ASSERT_TRUE(read.ok) << read.error;
    snapshot_ = new gen::RegistrySnapshot(std::move(read.snapshot));
    std::string error;
    table_ = ServiceTable::load(gen::render_table(gen::merge_snapshots({*snapshot_})), "roundtrip",
                                error)
                 .release();
    ASSERT_NE(table_, nullptr) << error;
  }
  static void TearDownTestSuite() {
    delete table_;
    delete snapshot_;
  }
  void SetUp() override {
    if (table_ == nullptr) GTEST_SKIP() << "no " << kXml;
  }

  static std::vector<std::string> names(std::span<const ServiceRecord* const> records) {
    std::vector<std::string> out;
    for (const ServiceRecord* r : records)
      out.emplace_back(r->name.empty() ? r->description : r->name);
    return out;
  }

  static inline gen::RegistrySnapshot* snapshot_ = nullptr;
  static inline ServiceTable* table_ = nullptr;
};

TEST_F(RoundTrip, EveryRecordAndItsProvenance) {
  EXPECT_EQ(table_->record_count(), snapshot_->records.size());
  ASSERT_EQ(table_->sources().size(), 1u);
  const TableSource& s = table_->sources()[0];
  EXPECT_EQ(s.file, kXml);
  EXPECT_EQ(s.last_updated, "2026-08-17");
  EXPECT_EQ(s.sha256, snapshot_->sha256);
  EXPECT_EQ(s.records, snapshot_->records.size());
  const std::string info = format_table_sources(*table_);
  EXPECT_NE(
      info.find("service table: 14533 records from 1 source(s)\n  " + kXml +
                "\n    last updated 2026-08-17, sha256 " + snapshot_->sha256 + ", 14533 records\n"),
      std::string::npos)
      << info;
}

TEST_F(RoundTrip, Port80TcpHttpFirstThenItsDuplicates) {
  const auto records = table_->lookup(Transport::tcp, 80);
  EXPECT_EQ(names(records), (std::vector<std::string>{"http", "www", "www-http"}));
  const ServiceRecord& http = *records[0];
  EXPECT_EQ(http.description, "World Wide Web HTTP");
  EXPECT_EQ(http.status, ServiceStatus::assigned);
  EXPECT_FALSE(http.is_alias);
  EXPECT_TRUE(http.has_transport);
  EXPECT_EQ(http.transport, Transport::tcp);
  EXPECT_EQ(http.port_lo, 80);
  EXPECT_EQ(http.references, "RFC9110");
  EXPECT_TRUE(records[1]->is_alias);
  EXPECT_EQ(records[1]->alias_of, "http");
}

TEST_F(RoundTrip, Port443Udp) {
  const auto records = table_->lookup(Transport::udp, 443);
  ASSERT_EQ(names(records), (std::vector<std::string>{"https"}));
  EXPECT_EQ(records[0]->description, "http protocol over TLS/SSL");
  EXPECT_EQ(records[0]->modified, "2021-10-01");
}

TEST_F(RoundTrip, PortWithSeveralServices) {
  EXPECT_EQ(names(table_->lookup(Transport::tcp, 465)),
            (std::vector<std::string>{"urd", "submissions"}));
  EXPECT_EQ(names(table_->lookup(Transport::udp, 465)), (std::vector<std::string>{"igmpv3lite"}));
}

TEST_F(RoundTrip, DeassignedPortsKeepFormerNameAndDate) {
  const auto two = table_->lookup(Transport::tcp, 2);
  ASSERT_EQ(two.size(), 1u);
  EXPECT_EQ(two[0]->status, ServiceStatus::deassigned);
  EXPECT_EQ(two[0]->name, "");
  EXPECT_EQ(two[0]->description, "Reserved");
  EXPECT_EQ(two[0]->former_name, "compressnet");
  EXPECT_EQ(two[0]->status_date, "2025-02-13");

  const auto netconf = table_->lookup(Transport::udp, 831);
  ASSERT_EQ(netconf.size(), 1u);
  EXPECT_EQ(netconf[0]->status, ServiceStatus::deassigned);
  EXPECT_EQ(netconf[0]->former_name, "NETCONF over BEEP");
  EXPECT_EQ(netconf[0]->status_date, "2025-09-29");
}

TEST_F(RoundTrip, UnassignedRangeCoversEveryTransport) {
  for (Transport t : {Transport::tcp, Transport::udp, Transport::sctp, Transport::dccp}) {
    const auto records = table_->lookup(t, 840);
    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(records[0]->status, ServiceStatus::unassigned);
    EXPECT_FALSE(records[0]->has_transport);
    EXPECT_EQ(records[0]->port_lo, 834);
    EXPECT_EQ(records[0]->port_hi, 846);
  }
}

TEST_F(RoundTrip, AliasComesAfterItsPrimary) {
  const auto records = table_->lookup(Transport::tcp, 4901);
  ASSERT_EQ(names(records), (std::vector<std::string>{"flr-agent", "flr_agent"}));
  EXPECT_FALSE(records[0]->is_alias);
  EXPECT_TRUE(records[1]->is_alias);
  EXPECT_EQ(records[1]->alias_of, "flr-agent");
  // 4901/udp has only a Reserved row.
  EXPECT_EQ(names(table_->lookup(Transport::udp, 4901)), (std::vector<std::string>{"Reserved"}));
}

TEST_F(RoundTrip, DynamicPortHasNothingAndReservedEdgeRow) {
  EXPECT_TRUE(table_->lookup(Transport::tcp, 60000).empty());
  EXPECT_TRUE(table_->lookup(Transport::udp, 49152).empty());
  const auto edge = table_->lookup(Transport::sctp, 49151);
  ASSERT_EQ(edge.size(), 1u);
  EXPECT_EQ(edge[0]->status, ServiceStatus::reserved);
  EXPECT_EQ(range_class_of(49151), RangeClass::user);
  EXPECT_EQ(range_class_of(60000), RangeClass::dynamic);
}

TEST_F(RoundTrip, UnauthorizedUseIsKept) {
  const auto finger = table_->lookup(Transport::tcp, 79);
  ASSERT_FALSE(finger.empty());
  EXPECT_EQ(finger[0]->name, "finger");
  EXPECT_EQ(finger[0]->unauthorized_use,
            "Unauthorized use by some mail users (see [RFC4146] for details)");
}

TEST_F(RoundTrip, FindNameIsCaseInsensitive) {
  const auto https = table_->find_name("HTTPS");
  std::vector<std::string> slots;
  for (const ServiceRecord* r : https) {
    slots.push_back((r->has_port ? std::to_string(r->port_lo) : "no port") + "/" +
                    std::string(transport_name(r->transport)));
  }
  // The port assignments, then the DNS-SD registration of the same name.
  EXPECT_EQ(slots, (std::vector<std::string>{"443/tcp", "443/udp", "443/sctp", "no port/tcp"}));
  EXPECT_TRUE(table_->find_name("no-such-service-name").empty());
  // A name-only (DNS-SD) record has no port.
  bool found_name_only = false;
  for (const ServiceRecord* r : table_->find_name("airplay")) found_name_only |= !r->has_port;
  EXPECT_TRUE(found_name_only);
}

// The last-resort input of the build: Wireshark's services file, names and descriptions
// only, through the same writer and loader.
TEST(WiresharkFallbackTable, LoadsAndAnswers) {
  const std::string services = "/usr/share/wireshark/services";
  if (!std::filesystem::exists(services)) GTEST_SKIP() << "no " << services;
  gen::ReadOutcome read = gen::read_registry_file(services);
  ASSERT_TRUE(read.ok) << read.error;
  std::vector<gen::RegistrySnapshot> snapshots;
  snapshots.push_back(std::move(read.snapshot));
  std::string error;
  const auto table = ServiceTable::load(
      gen::render_table(gen::merge_snapshots(std::move(snapshots))), "wireshark", error);
  ASSERT_NE(table, nullptr) << error;
  EXPECT_EQ(table->sources()[0].last_updated, "");
  const auto web = table->lookup(Transport::sctp, 80);
  ASSERT_EQ(web.size(), 1u);
  EXPECT_EQ(web[0]->name, "http");
  EXPECT_EQ(web[0]->description, "World Wide Web HTTP");
  // 465/tcp: Wireshark's file keeps one name per port; the registry has urd and submissions.
  ASSERT_EQ(table->lookup(Transport::tcp, 465).size(), 1u);
  const auto x11 = table->lookup(Transport::tcp, 6010);  // inside 6000-6063
  ASSERT_EQ(x11.size(), 1u);
  EXPECT_EQ(x11[0]->name, "x11");
}

}  // namespace
}  // namespace pclassify
