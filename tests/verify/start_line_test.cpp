// The shared first-line parser of HTTP, RTSP and SIP.
#include <gtest/gtest.h>

#include "sample_catalog.h"
#include "verify/start_line.h"

namespace pclassify {
namespace {

using testing::bytes_of;

TEST(StartLine, Request) {
  const auto l = parse_start_line(bytes_of("GET /index.html HTTP/1.1\r\nHost: a\r\n"));
  EXPECT_EQ(l.kind, StartLine::Kind::request);
  EXPECT_EQ(l.method, "GET");
  EXPECT_EQ(l.target, "/index.html");
  EXPECT_EQ(l.version, "HTTP/1.1");
  EXPECT_TRUE(l.complete);
}

TEST(StartLine, Status) {
  const auto l = parse_start_line(bytes_of("SIP/2.0 180 Ringing\r\n"));
  EXPECT_EQ(l.kind, StartLine::Kind::status);
  EXPECT_EQ(l.version, "SIP/2.0");
  EXPECT_EQ(l.code, "180");
}

TEST(StartLine, CutRequestKeepsWhatItHas) {
  const auto l = parse_start_line(bytes_of("INVITE sip:bob@example.com SI"));
  EXPECT_EQ(l.kind, StartLine::Kind::request);
  EXPECT_TRUE(l.version.empty());
  EXPECT_EQ(l.cut_version, "SI");
  EXPECT_FALSE(l.complete);
}

TEST(StartLine, NotAStartLine) {
  for (const std::string_view text :
       {"", "get / HTTP/1.1\r\n", "GET\r\n", "GET /\r\n", "HTTP/1.1 2x0 OK\r\n",
        "GET / HTTP/1.1 extra\r\n", "VERYLONGMETHODNAMETHATISNOTREAL / HTTP/1.1\r\n",
        "GET /\x01 HTTP/1.1\r\n"}) {
    EXPECT_EQ(parse_start_line(bytes_of(text)).kind, StartLine::Kind::none) << text;
  }
}

}  // namespace
}  // namespace pclassify
