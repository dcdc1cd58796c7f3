// Which end is the server, and which rule said so.
#include <gtest/gtest.h>

#include "label/label.h"
#include "table_fixture.h"

namespace pclassify {
namespace {

using testing::label_fixture_table;

TEST(ServerSide, HandshakeWinsEvenAgainstThePortRanges) {
  const auto table = label_fixture_table();
  // The client opened from port 80 to 51000: the handshake says 51000 is the server.
  const Label label = label_flow({Transport::tcp, 80, 51000, true}, *table);
  EXPECT_EQ(label.basis, ServerBasis::handshake);
  EXPECT_EQ(label.server_port, 51000);
  EXPECT_EQ(label.client_port, 80);
  EXPECT_FALSE(label.server_is_initiator);
}

TEST(ServerSide, WithoutHandshakeTheRegisteredEndIsTheServer) {
  const auto table = label_fixture_table();
  // First packet from 8080 (http-alt, registered) to 4000 (not registered).
  const Label label = label_flow({Transport::tcp, 8080, 4000, false}, *table);
  EXPECT_EQ(label.basis, ServerBasis::registered_port);
  EXPECT_EQ(label.server_port, 8080);
  EXPECT_TRUE(label.server_is_initiator);
  EXPECT_EQ(label.service(), "http-alt");
}

TEST(ServerSide, BothRegisteredSystemBeatsUser) {
  const auto table = label_fixture_table();
  const Label label = label_flow({Transport::tcp, 8080, 80, false}, *table);
  EXPECT_EQ(label.basis, ServerBasis::port_range);
  EXPECT_EQ(label.server_port, 80);
}

TEST(ServerSide, NeitherRegisteredUserBeatsDynamic) {
  const auto table = label_fixture_table();
  const Label label = label_flow({Transport::udp, 3000, 60000, false}, *table);
  EXPECT_EQ(label.basis, ServerBasis::port_range);
  EXPECT_EQ(label.server_port, 3000);
  EXPECT_TRUE(label.server_is_initiator);
}

TEST(ServerSide, SameRangeTheLowerPort) {
  const auto table = label_fixture_table();
  const Label label = label_flow({Transport::udp, 60001, 50000, false}, *table);
  EXPECT_EQ(label.basis, ServerBasis::lower_port);
  EXPECT_EQ(label.server_port, 50000);
}

TEST(ServerSide, EqualPortsTheResponder) {
  const auto table = label_fixture_table();
  const Label label = label_flow({Transport::udp, 750, 750, false}, *table);
  EXPECT_EQ(label.basis, ServerBasis::responder);
  EXPECT_FALSE(label.server_is_initiator);
  EXPECT_EQ(label.service(), "loadav");
}

}  // namespace
}  // namespace pclassify
