// Command-line parsing, tcpdump style.
#include <gtest/gtest.h>

#include "cli/options.h"

namespace pclassify::cli {
namespace {

bool parse(std::vector<std::string> args, Options& options, std::string& error) {
  args.insert(args.begin(), "pclassify");
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  return parse_options(int(argv.size()), argv.data(), options, error);
}

TEST(Options, FilesThenFilterWords) {
  Options o;
  std::string error;
  ASSERT_TRUE(parse({"a.pcap", "dir/b", "tcp", "port", "443"}, o, error)) << error;
  EXPECT_EQ(o.inputs, (std::vector<std::string>{"a.pcap", "dir/b"}));
  EXPECT_EQ(o.filter, "tcp port 443");
}

TEST(Options, ReadFlagMakesEveryWordFilter) {
  Options o;
  std::string error;
  ASSERT_TRUE(parse({"-r", "x.pcap", "-rY.pcapng", "-c", "10", "-q", "-n", "-o", "json", "udp"},
                    o, error))
      << error;
  EXPECT_EQ(o.inputs, (std::vector<std::string>{"x.pcap", "Y.pcapng"}));
  EXPECT_EQ(o.filter, "udp");
  EXPECT_EQ(o.max_packets, 10u);
  EXPECT_TRUE(o.quiet);
  EXPECT_EQ(o.format, output::OutputFormat::json);
}

TEST(Options, StdinAndLongForms) {
  Options o;
  std::string error;
  ASSERT_TRUE(parse({"--output=zeek", "--table=t.txt", "-"}, o, error)) << error;
  EXPECT_EQ(o.inputs, (std::vector<std::string>{"-"}));
  EXPECT_EQ(o.format, output::OutputFormat::zeek);
  EXPECT_EQ(o.table_file, "t.txt");
}

TEST(Options, Errors) {
  Options o;
  std::string error;
  EXPECT_FALSE(parse({"-o", "xml", "a.pcap"}, o, error));
  EXPECT_NE(error.find("xml"), std::string::npos);
  EXPECT_FALSE(parse({"-c", "0", "a.pcap"}, o, error));
  EXPECT_FALSE(parse({"--frobnicate"}, o, error));
  EXPECT_FALSE(parse({}, o, error));
  EXPECT_FALSE(parse({"-r"}, o, error));
  Options words;
  EXPECT_FALSE(parse({"tcp", "port", "80"}, words, error));
  EXPECT_NE(error.find("\"tcp\" is not a file"), std::string::npos) << error;
}

TEST(Options, ModesNeedNoInput) {
  Options o;
  std::string error;
  ASSERT_TRUE(parse({"--lookup", "443/tcp", "--lookup=https"}, o, error)) << error;
  EXPECT_EQ(o.lookups.size(), 2u);
  Options v;
  ASSERT_TRUE(parse({"--version"}, v, error));
  EXPECT_TRUE(v.version);
}

}  // namespace
}  // namespace pclassify::cli
