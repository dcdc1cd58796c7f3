// Untrusted bytes: every prefix of every sample, random bytes and corrupted samples must
// never crash a recogniser (run under PCLASSIFY_SANITIZE=ON to check memory safety too),
// a 1-byte prefix must never decide a verdict, and random bytes must not look like a
// protocol with confidence.
#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "sample_catalog.h"
#include "verify/payload_verdict.h"
#include "verify/recognizer.h"

namespace pclassify {
namespace {

// Services under which any strong recognition would turn into a verdict.
const std::vector<std::string_view> kManyServices = {"http", "https", "ssh", "domain", "smtp"};

PayloadVerdict as_client(std::span<const uint8_t> bytes, Transport t) {
  return verify_payload(PayloadEvidence{t, 0, bytes, {}, kManyServices});
}
PayloadVerdict as_server(std::span<const uint8_t> bytes, Transport t) {
  return verify_payload(PayloadEvidence{t, 0, {}, bytes, kManyServices});
}

size_t strong_matches(std::span<const uint8_t> bytes, Transport t) {
  size_t n = 0;
  for (const RecognizerEntry& e : recognizer_table()) {
    n += e.recognize(Probe{bytes, t}).confidence == Confidence::strong;
  }
  return n;
}

TEST(Robustness, EveryPrefixOfEverySampleIsSafe) {
  for (const auto& s : testing::all_samples()) {
    for (size_t length = 0; length <= s.bytes.size(); ++length) {
      const auto prefix = s.bytes.first(length);
      for (const Transport t : {Transport::tcp, Transport::udp, Transport::sctp, Transport::dccp}) {
        const auto client = as_client(prefix, t);
        const auto server = as_server(prefix, t);
        EXPECT_LE(client.detail.size(), kMaxPayloadDetail);
        if (length <= 1) {
          EXPECT_EQ(client.verdict, Verdict::unknown) << s.name << " length " << length;
          EXPECT_EQ(server.verdict, Verdict::unknown) << s.name << " length " << length;
          EXPECT_EQ(strong_matches(prefix, t), 0u) << s.name << " length " << length;
        }
      }
    }
  }
}

TEST(Robustness, ShortPrefixesAreNeverStrongExceptForTinyProtocols) {
  // Below four bytes only a whole telnet command (IAC DO x) is a complete message.
  for (const auto& s : testing::all_samples()) {
    for (size_t length = 0; length < 3 && length <= s.bytes.size(); ++length) {
      EXPECT_EQ(strong_matches(s.bytes.first(length), s.transport), 0u) << s.name << " " << length;
    }
  }
}

TEST(Robustness, RandomBytesAreNotRecognisedWithConfidence) {
  std::mt19937 rng(20260817);
  std::uniform_int_distribution<int> byte(0, 255);
  std::uniform_int_distribution<size_t> size(0, 300);
  std::vector<uint8_t> buffer;
  size_t strong = 0;
  constexpr int kRounds = 20000;
  for (int i = 0; i < kRounds; ++i) {
    buffer.resize(size(rng));
    for (auto& b : buffer) b = static_cast<uint8_t>(byte(rng));
    const Transport t = (i % 2 == 0) ? Transport::tcp : Transport::udp;
    strong += strong_matches(buffer, t);
    const auto v = as_client(buffer, t);
    EXPECT_NE(v.verdict, Verdict::confirmed) << "random payload " << i << " looks like " << v.protocol;
  }
  EXPECT_EQ(strong, 0u);
}

TEST(Robustness, CorruptedSamplesAreSafe) {
  // Each byte of each sample set to a few telling values: 0, 0xff, and its complement.
  for (const auto& s : testing::all_samples()) {
    std::vector<uint8_t> copy(s.bytes.begin(), s.bytes.end());
    for (size_t i = 0; i < copy.size(); ++i) {
      const uint8_t original = copy[i];
      for (const uint8_t value : {uint8_t{0}, uint8_t{0xff}, static_cast<uint8_t>(~original)}) {
        copy[i] = value;
        const auto v = as_client(copy, s.transport);
        EXPECT_LE(v.detail.size(), kMaxPayloadDetail);
      }
      copy[i] = original;
    }
  }
}

TEST(Robustness, LengthFieldsThatLieDoNotOverrun) {
  // Records and messages that announce far more than they carry.
  const std::vector<std::vector<uint8_t>> liars = {
      {0x16, 0x03, 0x01, 0x40, 0x00, 0x01, 0xff, 0xff, 0xff, 0x03, 0x03},  // TLS hello
      {0x16, 0xfe, 0xfd, 0, 0, 0, 0, 0, 0, 0, 0, 0x40, 0x00, 0x01, 0xff, 0xff, 0xff},  // DTLS
      {0x30, 0x84, 0xff, 0xff, 0xff, 0xff, 0x02, 0x01, 0x01, 0x60, 0x84, 0x7f},  // BER
      {0x00, 0x00, 0x00, 0xff, 0x6a, 0x84, 0xff, 0xff, 0xff, 0xff, 0x30},        // Kerberos
      {0xff, 0xff, 0x00, 0x00, 0x0a, '8', '.', '0'},                             // MySQL
      {0xcf, 0x00, 0x00, 0x00, 0x01, 0xff, 0x01},                                // QUIC
  };
  for (const auto& bytes : liars) {
    for (const Transport t : {Transport::tcp, Transport::udp}) {
      const auto v = as_client(bytes, t);
      EXPECT_LE(v.detail.size(), kMaxPayloadDetail);
    }
  }
}

}  // namespace
}  // namespace pclassify
