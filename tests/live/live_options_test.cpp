// The live options' values and the JSON event framing.
#include <gtest/gtest.h>

#include "cli/live_events.h"
#include "cli/live_options.h"

namespace pclassify::cli {
namespace {

TEST(LiveOptions, IdleTimeoutForOneTransportOrAll) {
  IdleTimeoutOverrides t;
  std::string error;
  ASSERT_TRUE(parse_idle_timeout("udp:2.5", t, error)) << error;
  EXPECT_EQ(t.ns[IdleTimeoutOverrides::udp], 2'500'000'000);
  EXPECT_EQ(t.ns[IdleTimeoutOverrides::tcp], -1);
  ASSERT_TRUE(parse_idle_timeout("tcp-closed:0", t, error));
  EXPECT_EQ(t.ns[IdleTimeoutOverrides::tcp_closed], 0);
  ASSERT_TRUE(parse_idle_timeout("30", t, error));
  for (const int64_t ns : t.ns) EXPECT_EQ(ns, 30'000'000'000);
  EXPECT_FALSE(parse_idle_timeout("icmp:3", t, error));
  EXPECT_NE(error.find("unknown transport \"icmp\""), std::string::npos);
  EXPECT_FALSE(parse_idle_timeout("udp:-1", t, error));
  EXPECT_FALSE(parse_idle_timeout("udp:", t, error));
  EXPECT_FALSE(parse_idle_timeout("soon", t, error));
}

TEST(LiveOptions, AutostopDurationAndPackets) {
  double seconds = 0;
  uint64_t packets = 0;
  std::string error;
  ASSERT_TRUE(parse_autostop("duration:1.5", seconds, packets, error)) << error;
  EXPECT_DOUBLE_EQ(seconds, 1.5);
  ASSERT_TRUE(parse_autostop("packets:7", seconds, packets, error)) << error;
  EXPECT_EQ(packets, 7u);
  EXPECT_FALSE(parse_autostop("duration:0", seconds, packets, error));
  EXPECT_FALSE(parse_autostop("filesize:10", seconds, packets, error));
  EXPECT_NE(error.find("duration:SECONDS"), std::string::npos);
  EXPECT_FALSE(parse_autostop("packets:x", seconds, packets, error));
}

TEST(LiveEvents, ActionAndReasonGoFirstInEvent) {
  EXPECT_EQ(with_event_action("{\"event\":{\"start\":\"t\"},\"a\":1}\n", "flow_end", "evicted"),
            "{\"event\":{\"action\":\"flow_end\",\"reason\":\"evicted\",\"start\":\"t\"},"
            "\"a\":1}\n");
  EXPECT_EQ(with_event_action("{\"event\":{\"start\":\"t\"}}\n", "flow_start", ""),
            "{\"event\":{\"action\":\"flow_start\",\"start\":\"t\"}}\n");
  // A line without "event" gets one.
  EXPECT_EQ(with_event_action("{\"a\":1}\n", "flow_start", ""),
            "{\"event\":{\"action\":\"flow_start\"},\"a\":1}\n");
}

}  // namespace
}  // namespace pclassify::cli
