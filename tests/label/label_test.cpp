// label_flow: the service, registrations, status and notes users read for a flow.
#include "label/label.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "table_fixture.h"

namespace pclassify {
namespace {

using testing::label_fixture_table;

bool has_note(const Label& label, NoteCode code) {
  return std::any_of(label.notes.begin(), label.notes.end(),
                     [&](const Note& n) { return n.code == code; });
}

const Note* find_note(const Label& label, NoteCode code) {
  for (const Note& note : label.notes) {
    if (note.code == code) return &note;
  }
  return nullptr;
}

Label label_server(const ServiceTable& table, Transport t, uint16_t server_port) {
  return label_flow({t, 51000, server_port, true}, table);
}

TEST(Label, EveryLabelStartsWithTheRegistryCaveat) {
  const auto table = label_fixture_table();
  for (uint16_t port : {uint16_t{80}, uint16_t{4707}, uint16_t{5030}, uint16_t{60000}}) {
    const Label label = label_server(*table, Transport::tcp, port);
    ASSERT_FALSE(label.notes.empty());
    EXPECT_EQ(label.notes.front().code, NoteCode::registry_caveat);
    EXPECT_NE(label.notes.front().text.find("not necessarily"), std::string::npos);
  }
}

TEST(Label, AssignedServiceHasNameDescriptionAndNoDoubt) {
  const auto table = label_fixture_table();
  const Label label = label_server(*table, Transport::tcp, 80);
  EXPECT_EQ(label.service(), "http");
  EXPECT_EQ(label.description(), "World Wide Web HTTP");
  EXPECT_EQ(label.status, ServiceStatus::assigned);
  EXPECT_EQ(label.range, RangeClass::system);
  EXPECT_EQ(label.notes.size(), 1u);  // only the caveat
}

TEST(Label, UnassignedRangeAppliesToEveryTransport) {
  const auto table = label_fixture_table();
  for (Transport t : {Transport::tcp, Transport::udp, Transport::sctp}) {
    const Label label = label_server(*table, t, 4707);
    EXPECT_EQ(label.service(), "");
    EXPECT_EQ(label.status, ServiceStatus::unassigned);
    EXPECT_TRUE(has_note(label, NoteCode::port_unassigned));
  }
}

TEST(Label, PortMissingFromTheRegistryIsUnassigned) {
  const auto table = label_fixture_table();
  const Label label = label_server(*table, Transport::udp, 9999);
  EXPECT_EQ(label.status, ServiceStatus::unassigned);
  EXPECT_TRUE(label.registrations.empty());
  EXPECT_TRUE(has_note(label, NoteCode::port_unassigned));
}

TEST(Label, DynamicPortSaysSoInsteadOfUnassigned) {
  const auto table = label_fixture_table();
  const Label label = label_server(*table, Transport::tcp, 60000);
  EXPECT_EQ(label.range, RangeClass::dynamic);
  EXPECT_TRUE(has_note(label, NoteCode::dynamic_port));
  EXPECT_FALSE(has_note(label, NoteCode::port_unassigned));
}

TEST(Label, ReservedPort) {
  const auto table = label_fixture_table();
  const Label label = label_server(*table, Transport::tcp, 1024);
  EXPECT_EQ(label.status, ServiceStatus::reserved);
  EXPECT_TRUE(has_note(label, NoteCode::port_reserved));
}

TEST(Label, DeassignedPortQuotesFormerServiceAndDate) {
  const auto table = label_fixture_table();
  const Label label = label_server(*table, Transport::tcp, 5030);
  EXPECT_EQ(label.status, ServiceStatus::deassigned);
  const Note* note = find_note(label, NoteCode::service_deassigned);
  ASSERT_NE(note, nullptr);
  EXPECT_NE(note->text.find("surfpass"), std::string::npos);
  EXPECT_NE(note->text.find("2022-01-10"), std::string::npos);
}

TEST(Label, UnauthorizedUseOnTheNamedPortOnly) {
  const auto table = label_fixture_table();
  const Label on_796 = label_server(*table, Transport::tcp, 796);
  const Note* note = find_note(on_796, NoteCode::unauthorized_use);
  ASSERT_NE(note, nullptr);
  EXPECT_NE(note->text.find("Unauthorized Use Known on port 796"), std::string::npos);
  // The same Unassigned range row covers 795, but IANA's sentence names 796 only.
  EXPECT_FALSE(has_note(label_server(*table, Transport::tcp, 795), NoteCode::unauthorized_use));
  // A sentence without a port number applies to the record's port.
  EXPECT_TRUE(has_note(label_server(*table, Transport::tcp, 79), NoteCode::unauthorized_use));
}

TEST(Label, AliasIsListedAfterItsPrimaryAndNoted) {
  const auto table = label_fixture_table();
  const Label label = label_server(*table, Transport::tcp, 44818);
  EXPECT_EQ(label.service(), "EtherNet-IP-2");
  ASSERT_EQ(label.registrations.size(), 2u);
  EXPECT_EQ(label.registrations[1]->name, "EtherNet/IP-2");
  const Note* note = find_note(label, NoteCode::alias_name);
  ASSERT_NE(note, nullptr);
  EXPECT_NE(note->text.find("\"EtherNet/IP-2\""), std::string::npos);
  // An alias of the same service is not "several services".
  EXPECT_FALSE(has_note(label, NoteCode::multiple_services));
}

TEST(Label, SeveralServicesOnOnePortAreAllNamed) {
  const auto table = label_fixture_table();
  const Label label = label_server(*table, Transport::udp, 750);
  EXPECT_EQ(label.service(), "loadav");
  const Note* note = find_note(label, NoteCode::multiple_services);
  ASSERT_NE(note, nullptr);
  EXPECT_NE(note->text.find("loadav, kerberos-iv"), std::string::npos);
}

TEST(Label, AttentionIsReservedForReasonsOfDoubt) {
  EXPECT_FALSE(note_warrants_attention(NoteCode::registry_caveat));
  EXPECT_FALSE(note_warrants_attention(NoteCode::dynamic_port));
  EXPECT_TRUE(note_warrants_attention(NoteCode::port_unassigned));
  EXPECT_TRUE(note_warrants_attention(NoteCode::service_deassigned));
  EXPECT_TRUE(note_warrants_attention(NoteCode::unauthorized_use));
  EXPECT_TRUE(note_warrants_attention(NoteCode::payload_contradicts));
  for (int code = 0; code < static_cast<int>(NoteCode::count); ++code) {
    EXPECT_NE(note_code_name(static_cast<NoteCode>(code)), "unknown");
  }
}

}  // namespace
}  // namespace pclassify
