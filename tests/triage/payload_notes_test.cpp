// The payload notes the CLI and the plugin share, on real first payloads (verify/
// capture_samples.h) weighed by the real verifier against the label fixture's registry rows.
#include <gtest/gtest.h>

#include "label/payload_notes.h"
#include "label/table_fixture.h"
#include "verify/capture_samples.h"

namespace pclassify::test {
namespace {

Label server_label(const ServiceTable& table, uint16_t port) {
  FlowEnds ends;
  ends.transport = Transport::tcp;
  ends.initiator_port = 50541;
  ends.responder_port = port;
  ends.handshake_seen = true;
  return label_flow(ends, table);
}

PayloadVerdict verify(const Label& label, std::span<const uint8_t> client,
                      std::span<const uint8_t> server) {
  const std::vector<std::string_view> names = port_service_names(label);
  PayloadEvidence evidence;
  evidence.transport = label.transport;
  evidence.server_port = label.server_port;
  evidence.client_payload = client;
  evidence.server_payload = server;
  evidence.services = names;
  return verify_payload(evidence);
}

TEST(PayloadNotes, TlsOnPort80ContradictsHttpAndSaysWhatItIs) {
  const auto table = testing::label_fixture_table();
  Label label = server_label(*table, 80);
  const PayloadVerdict verdict =
      verify(label, samples::kTlsClientHelloPort80, samples::kTlsServerHelloPort80);
  ASSERT_EQ(verdict.verdict, Verdict::contradicted) << verdict.reason;
  const size_t before = label.notes.size();
  add_payload_notes(label, verdict);
  ASSERT_EQ(label.notes.size(), before + 1);
  const Note& note = label.notes.back();
  EXPECT_EQ(note.code, NoteCode::payload_contradicts);
  EXPECT_EQ(note.text.rfind("port 80/tcp is registered to http; payload is TLS", 0), 0u)
      << note.text;
}

TEST(PayloadNotes, HttpOnPort80Confirms) {
  const auto table = testing::label_fixture_table();
  Label label = server_label(*table, 80);
  const PayloadVerdict verdict = verify(label, samples::kHttpGet, {});
  ASSERT_EQ(verdict.verdict, Verdict::confirmed) << verdict.reason;
  const auto note = payload_note(label, verdict);
  ASSERT_TRUE(note.has_value());
  EXPECT_EQ(note->code, NoteCode::payload_confirms);
  EXPECT_NE(note->text.find("payload is HTTP"), std::string::npos) << note->text;
  EXPECT_NE(note->text.find("as registered"), std::string::npos) << note->text;
}

TEST(PayloadNotes, UnknownVerdictAddsNoNote) {
  const auto table = testing::label_fixture_table();
  Label label = server_label(*table, 80);
  const std::vector<uint8_t> noise(40, 0x00);
  const PayloadVerdict verdict = verify(label, noise, {});
  EXPECT_EQ(verdict.verdict, Verdict::unknown);
  const size_t before = label.notes.size();
  add_payload_notes(label, verdict);
  EXPECT_EQ(label.notes.size(), before);
}

TEST(PayloadNotes, ServiceNamesIncludeAliasesButTheSentenceLeavesThemOut) {
  const auto table = testing::label_fixture_table();
  const Label label = server_label(*table, 44818);
  const auto names = port_service_names(label);
  ASSERT_EQ(names.size(), 2u);
  EXPECT_EQ(names[0], "EtherNet-IP-2");
  EXPECT_EQ(names[1], "EtherNet/IP-2");
  PayloadVerdict verdict;
  verdict.verdict = Verdict::contradicted;
  verdict.protocol_id = PayloadProtocol::ssh;
  verdict.protocol = payload_protocol_name(PayloadProtocol::ssh);
  verdict.detail = "SSH-2.0-OpenSSH_9.6";
  const auto note = payload_note(label, verdict);
  ASSERT_TRUE(note.has_value());
  EXPECT_EQ(note->text,
            "port 44818/tcp is registered to EtherNet-IP-2; payload is SSH (SSH-2.0-OpenSSH_9.6).");
}

}  // namespace
}  // namespace pclassify::test
