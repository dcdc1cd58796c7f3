// The four writers on flows made by hand, labelled with the compiled-in table.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <sstream>

#include "../flow/packets.h"
#include "output/flow_writer.h"
#include "output/text_encoding.h"

namespace pclassify::test {
namespace {

const IpAddress kClient = ipv4(192, 168, 1, 10);
const IpAddress kServer = ipv4(10, 0, 0, 1);

// Two flows: a TCP handshake to 443, and a single UDP packet between two high ports.
FlowTracker sample_flows() {
  FlowTracker tracker;
  auto syn = flow_packet(kClient, 50000, kServer, 443, Transport::tcp, HandshakeRole::opener, 0x02);
  auto synack = flow_packet(kServer, 443, kClient, 50000, Transport::tcp, HandshakeRole::answerer, 0x12);
  tracker.add(syn, 1'600'000'000'000'000'000, 74);
  tracker.add(synack, 1'600'000'000'250'000'000, 74);
  auto udp = flow_packet(kClient, 60000, kServer, 61000, Transport::udp);
  tracker.add(udp, 1'600'000'001'000'000'000, 100);
  return tracker;
}

// Runs a writer over every flow and returns what it wrote.
std::string written(output::OutputFormat format, const FlowTracker& tracker, size_t width = 200) {
  char* data = nullptr;
  size_t size = 0;
  std::FILE* out = open_memstream(&data, &size);
  output::TableLayout layout;
  layout.width = width;
  auto writer = output::make_flow_writer(format, out, layout);
  output::FlowReporter reporter(tracker, ServiceTable::builtin());
  writer->begin();
  for (uint32_t i = 0; i < tracker.flows().size(); ++i) writer->write(reporter.report(i));
  writer->finish();
  std::fclose(out);
  std::string text(data, size);
  std::free(data);
  return text;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

size_t count_of(const std::string& text, char c) { return size_t(std::count(text.begin(), text.end(), c)); }

TEST(JsonWriter, ClientIsSourceServerIsDestination) {
  const FlowTracker tracker = sample_flows();
  const auto lines = lines_of(written(output::OutputFormat::json, tracker));
  ASSERT_EQ(lines.size(), 2u);
  const std::string& tcp = lines[0];
  EXPECT_EQ(tcp.rfind("{\"event\":{\"start\":\"2020-09-13T12:26:40.000000Z\","
                      "\"end\":\"2020-09-13T12:26:40.250000Z\",\"duration\":250000000}",
                      0),
            0u)
      << tcp;
  EXPECT_NE(tcp.find("\"source\":{\"ip\":\"192.168.1.10\",\"port\":50000,\"packets\":1,\"bytes\":74}"),
            std::string::npos);
  EXPECT_NE(tcp.find("\"destination\":{\"ip\":\"10.0.0.1\",\"port\":443,\"packets\":1,\"bytes\":74}"),
            std::string::npos);
  EXPECT_NE(tcp.find("\"network\":{\"transport\":\"tcp\",\"iana_number\":\"6\",\"type\":\"ipv4\","
                     "\"packets\":2,\"bytes\":148}"),
            std::string::npos);
  EXPECT_NE(tcp.find("\"basis\":\"handshake\""), std::string::npos);
  EXPECT_NE(tcp.find("\"tcp_flags\":{\"source\":\"S\",\"destination\":\"SA\"}"), std::string::npos);
  EXPECT_NE(tcp.find("{\"code\":\"registry_caveat\",\"text\":"), std::string::npos);
  EXPECT_EQ(tcp.back(), '}');
  // Between two dynamic ports nothing is registered: the service is the empty string.
  EXPECT_NE(lines[1].find("\"service\":\"\""), std::string::npos) << lines[1];
  EXPECT_NE(lines[1].find("\"range\":\"dynamic\""), std::string::npos) << lines[1];
}

TEST(CsvWriter, HeaderAndOneRowPerFlow) {
  const std::string text = written(output::OutputFormat::csv, sample_flows());
  const auto lines = lines_of(text);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].rfind("start,end,transport,client_ip,client_port,server_ip,server_port,", 0), 0u);
  EXPECT_EQ(lines[0].back(), '\r');  // RFC 4180 line ends
  EXPECT_NE(lines[1].find(",tcp,192.168.1.10,50000,10.0.0.1,443,1,74,1,74,"), std::string::npos)
      << lines[1];
}

TEST(ZeekWriter, HeaderRowsAndCloseAreConsistent) {
  const auto lines = lines_of(written(output::OutputFormat::zeek, sample_flows()));
  ASSERT_GE(lines.size(), 11u);
  EXPECT_EQ(lines[0], "#separator \\x09");
  EXPECT_EQ(lines[4], "#path\tpclassify");
  ASSERT_EQ(lines[6].rfind("#fields\tts\t", 0), 0u);
  ASSERT_EQ(lines[7].rfind("#types\ttime\t", 0), 0u);
  const size_t fields = count_of(lines[6], '\t');
  EXPECT_EQ(count_of(lines[7], '\t'), fields);
  EXPECT_EQ(count_of(lines[8], '\t') + 1, fields);  // "#fields" itself is not a column
  EXPECT_EQ(lines[8].rfind("1600000000.000000\t0.250000\t192.168.1.10\t50000\t10.0.0.1\t443\ttcp\t", 0),
            0u)
      << lines[8];
  EXPECT_EQ(lines.back().rfind("#close\t", 0), 0u);
}

TEST(TableWriter, FitsTheWidthAndCutsOnlyDescriptions) {
  const FlowTracker tracker = sample_flows();
  for (const size_t width : {200u, 110u}) {
    const auto lines = lines_of(written(output::OutputFormat::table, tracker, width));
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(lines[0].rfind("PROTO  CLIENT", 0), 0u);
    for (const std::string& line : lines) {
      EXPECT_LE(output::display_width(line), width) << line;
      EXPECT_NE(lines[1].find("192.168.1.10:50000"), std::string::npos);
    }
  }
  // Too narrow for everything: names stay whole, the line overflows instead.
  const auto narrow = lines_of(written(output::OutputFormat::table, tracker, 40));
  EXPECT_NE(narrow[1].find("10.0.0.1:443"), std::string::npos);
}

}  // namespace
}  // namespace pclassify::test
