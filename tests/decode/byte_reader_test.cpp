#include "bytes/byte_reader.h"

#include <gtest/gtest.h>

#include <array>

#include "bytes/slice.h"

namespace pclassify {
namespace {

TEST(ByteReader, ReadsBigEndianFields) {
  const std::array<uint8_t, 10> bytes = {0x12, 0x34, 0x56, 0x78, 0x9A,
                                         0xBC, 0xDE, 0xF0, 0x01, 0x02};
  ByteReader r(bytes);
  EXPECT_EQ(r.u8(), 0x12);
  EXPECT_EQ(r.be16(), 0x3456);
  EXPECT_EQ(r.be32(), 0x789ABCDEu);
  EXPECT_EQ(r.be24(), 0xF00102u);
  EXPECT_FALSE(r.overrun());
  EXPECT_EQ(r.remaining(), 0u);
}

TEST(ByteReader, OverrunIsStickyReturnsZeroAndDoesNotMove) {
  const std::array<uint8_t, 3> bytes = {1, 2, 3};
  ByteReader r(bytes);
  EXPECT_EQ(r.be16(), 0x0102);
  EXPECT_EQ(r.be16(), 0);  // only one byte left
  EXPECT_TRUE(r.overrun());
  EXPECT_EQ(r.position(), 2u);
  EXPECT_EQ(r.u8(), 3);      // a read that fits still works...
  EXPECT_TRUE(r.overrun());  // ...but the flag stays
  EXPECT_FALSE(r.skip(1));
  EXPECT_TRUE(r.take(1).empty());
}

TEST(ByteReader, LittleEndianAndPeek) {
  const std::array<uint8_t, 4> bytes = {0x02, 0x00, 0x00, 0x00};
  ByteReader r(bytes);
  EXPECT_EQ(r.peek_u8(3), 0);
  EXPECT_EQ(r.le32(), 2u);
  EXPECT_EQ(r.peek_u8(), 0);
  EXPECT_TRUE(r.overrun());
}

TEST(ByteReader, TakeAndRest) {
  const std::array<uint8_t, 5> bytes = {1, 2, 3, 4, 5};
  ByteReader r(bytes);
  const auto first = r.take(2);
  ASSERT_EQ(first.size(), 2u);
  EXPECT_EQ(first[1], 2);
  EXPECT_EQ(r.rest().size(), 3u);
  EXPECT_EQ(r.rest()[0], 3);
}

TEST(Slice, KeepsCapturedAndWireLengthsApart) {
  const std::array<uint8_t, 10> bytes{};
  const Slice s = Slice::frame(bytes, 100);  // snaplen cut 90 bytes
  EXPECT_EQ(s.captured_length(), 10u);
  EXPECT_EQ(s.wire_length(), 100u);
  const Slice rest = s.after(4);
  EXPECT_EQ(rest.captured_length(), 6u);
  EXPECT_EQ(rest.wire_length(), 96u);
  const Slice beyond = s.after(20);  // past the captured end, within the wire
  EXPECT_EQ(beyond.captured_length(), 0u);
  EXPECT_EQ(beyond.wire_length(), 80u);
  const Slice limited = s.first(6);
  EXPECT_EQ(limited.captured_length(), 6u);
  EXPECT_EQ(limited.wire_length(), 6u);
  // A capture that claims fewer wire bytes than captured trusts the captured bytes.
  EXPECT_EQ(Slice::frame(bytes, 3).wire_length(), 10u);
}

}  // namespace
}  // namespace pclassify
