#include <gtest/gtest.h>

#include "output/text_encoding.h"

namespace pclassify::output {
namespace {

std::string json(std::string_view text) {
  std::string out;
  append_json_string(out, text);
  return out;
}

TEST(JsonString, EscapesQuotesControlsAndInvalidUtf8) {
  EXPECT_EQ(json("a\"b\\c"), R"("a\"b\\c")");
  EXPECT_EQ(json("tab\there\nnl\x01\x7f"), R"("tab\there\nnl\u0001\u007f")");
  EXPECT_EQ(json("caf\xc3\xa9"), "\"caf\xc3\xa9\"");          // valid UTF-8 kept
  EXPECT_EQ(json("bad\xff"), R"("bad\ufffd")");               // stray byte
  EXPECT_EQ(json("\xc0\xaf"), R"("\ufffd\ufffd")");           // overlong '/'
  EXPECT_EQ(json("\xed\xa0\x80"), R"("\ufffd\ufffd\ufffd")"); // UTF-16 surrogate
  EXPECT_EQ(json("\xe2\x82"), R"("\ufffd\ufffd")");           // cut sequence
  EXPECT_EQ(json(std::string_view("\0x", 2)), R"("\u0000x")");
}

TEST(CsvField, QuotesOnlyWhenNeeded) {
  std::string out;
  append_csv_field(out, "plain");
  out += '|';
  append_csv_field(out, "a,b");
  out += '|';
  append_csv_field(out, "say \"hi\"\r\n");
  EXPECT_EQ(out, "plain|\"a,b\"|\"say \"\"hi\"\"\r\n\"");
}

TEST(ZeekString, EscapesSeparatorsAndMarkers) {
  std::string out;
  append_zeek_string(out, "a\tb\\c\xe9");
  EXPECT_EQ(out, "a\\x09b\\\\c\\xe9");
  out.clear();
  append_zeek_string(out, "x,y", true);
  EXPECT_EQ(out, "x\\x2cy");
  out.clear();
  append_zeek_string(out, "");
  append_zeek_string(out, "-");
  EXPECT_EQ(out, "(empty)\\x2d");
}

TEST(Timestamps, Iso8601AndEpoch) {
  std::string out;
  append_iso8601_utc(out, 1'581'109'434'258'190'123);
  EXPECT_EQ(out, "2020-02-07T21:03:54.258190Z");
  out.clear();
  append_iso8601_utc(out, -1'000);  // a microsecond before the epoch
  EXPECT_EQ(out, "1969-12-31T23:59:59.999999Z");
  out.clear();
  append_epoch_seconds(out, 1'581'109'434'000'001'000);
  EXPECT_EQ(out, "1581109434.000001");
  out.clear();
  append_epoch_seconds(out, -1'500'000'000);
  EXPECT_EQ(out, "-1.500000");
}

// The writers' timestamp formatter keeps the last second's text: it must read as the
// uncached form across seconds, days, years and the epoch, in any order.
TEST(Timestamps, CachingWriterMatchesPlainForm) {
  Iso8601UtcWriter cached;
  for (const int64_t ns : {int64_t{1'581'109'434'258'190'123}, int64_t{1'581'109'434'999'999'999},
                           int64_t{1'581'109'435'000'000'000}, int64_t{1'581'109'434'000'000'001},
                           int64_t{1'609'459'199'999'999'000}, int64_t{1'609'459'200'000'000'000},
                           int64_t{-1'000}, int64_t{0}, int64_t{951'782'400'000'000'000}}) {
    char plain[kMaxIso8601UtcText];
    char from_cache[kMaxIso8601UtcText];
    EXPECT_EQ(std::string(from_cache, cached.write(from_cache, ns)),
              std::string(plain, write_iso8601_utc(plain, ns)))
        << ns;
  }
  char text[kMaxIso8601UtcText];
  EXPECT_EQ(std::string(text, cached.write(text, 951'782'400'000'000'000)),
            "2000-02-29T00:00:00.000000Z");  // a leap day in a century leap year
}

TEST(DisplayWidth, CountsCodePoints) {
  EXPECT_EQ(display_width("abc"), 3u);
  EXPECT_EQ(display_width("caf\xc3\xa9"), 4u);
  EXPECT_EQ(prefix_of_width("caf\xc3\xa9s", 4), "caf\xc3\xa9");
  EXPECT_EQ(tcp_flags_text(0x12), "SA");
  EXPECT_EQ(tcp_flags_text(0), "");
}

}  // namespace
}  // namespace pclassify::output
