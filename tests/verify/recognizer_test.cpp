// Each recogniser on real (or specification) bytes of its protocol, and no recogniser
// claiming with confidence what belongs to another.
#include <gtest/gtest.h>

#include <string>

#include "capture_samples.h"
#include "sample_catalog.h"
#include "verify/recognizer.h"

namespace pclassify {
namespace {

using testing::Sample;

Match run(PayloadProtocol protocol, const Sample& s) {
  for (const RecognizerEntry& e : recognizer_table()) {
    if (e.protocol == protocol) return e.recognize(Probe{s.bytes, s.transport});
  }
  ADD_FAILURE() << "no recogniser for " << payload_protocol_name(protocol);
  return no_match();
}

class RecognizerSample : public ::testing::TestWithParam<Sample> {};

TEST_P(RecognizerSample, IsRecognisedAsItsProtocol) {
  const Sample& s = GetParam();
  const Match m = run(s.protocol, s);
  EXPECT_EQ(m.protocol, s.protocol);
  EXPECT_EQ(m.confidence, s.confidence) << "detail: " << m.detail.view();
  EXPECT_NE(m.detail.view().find(s.detail), std::string_view::npos)
      << "detail '" << m.detail.view() << "' lacks '" << s.detail << "'";
}

TEST_P(RecognizerSample, NoOtherRecogniserIsSureOfIt) {
  const Sample& s = GetParam();
  for (const RecognizerEntry& e : recognizer_table()) {
    if (e.protocol == s.protocol) continue;
    const Match m = e.recognize(Probe{s.bytes, s.transport});
    EXPECT_NE(m.confidence, Confidence::strong)
        << payload_protocol_name(e.protocol) << " claims it: " << m.detail.view();
  }
}

TEST_P(RecognizerSample, DetailIsBoundedAndPrintable) {
  const Sample& s = GetParam();
  const Match m = run(s.protocol, s);
  EXPECT_LE(m.detail.view().size(), DetailText::kCapacity);
  for (const char c : m.detail.view()) {
    EXPECT_TRUE(c >= 0x20 && c < 0x7f) << "byte " << int(static_cast<unsigned char>(c));
  }
}

INSTANTIATE_TEST_SUITE_P(AllSamples, RecognizerSample, ::testing::ValuesIn(testing::all_samples()),
                         [](const auto& param_info) { return std::string(param_info.param.name); });

TEST(RecognizerTable, HasOneEntryPerProtocol) {
  std::vector<int> seen(static_cast<size_t>(PayloadProtocol::count), 0);
  for (const RecognizerEntry& e : recognizer_table()) ++seen[static_cast<size_t>(e.protocol)];
  for (size_t i = 1; i < seen.size(); ++i) {
    EXPECT_EQ(seen[i], 1) << payload_protocol_name(static_cast<PayloadProtocol>(i));
  }
}

TEST(RecognizerTable, EveryProtocolHasASample) {
  for (size_t i = 1; i < static_cast<size_t>(PayloadProtocol::count); ++i) {
    const auto p = static_cast<PayloadProtocol>(i);
    bool found = false;
    for (const Sample& s : testing::all_samples()) found = found || s.protocol == p;
    EXPECT_TRUE(found) << payload_protocol_name(p) << " has no sample";
  }
}

TEST(TlsRecognizer, ReadsTheSniOfAClientHelloCutInsideTheExtensions) {
  const Sample& s = testing::sample("tls_client_hello_imaps");
  // Keep the bytes up to and including the SNI, drop the rest of the hello.
  const auto& full = s.bytes;
  const std::string_view host = "mail.ntop.org";
  const std::string text(full.begin(), full.end());
  const size_t at = text.find(host);
  ASSERT_NE(at, std::string::npos);
  const Match whole = recognize_tls(Probe{full.first(at + host.size()), Transport::tcp});
  EXPECT_EQ(whole.detail.view(), "ClientHello SNI mail.ntop.org");
  const Match cut = recognize_tls(Probe{full.first(at + 4), Transport::tcp});
  EXPECT_EQ(cut.confidence, Confidence::strong);
  EXPECT_EQ(cut.detail.view(), "ClientHello");  // a cut name is not reported half
}

TEST(HttpRecognizer, RequestCutBeforeItsVersionIsWeak) {
  const std::string_view cut = "GET /index.html HT";
  const Match m = recognize_http(Probe{testing::bytes_of(cut), Transport::tcp});
  EXPECT_EQ(m.confidence, Confidence::hint);
  const Match rtsp = recognize_http(Probe{testing::bytes_of("DESCRIBE rtsp://x/ RTSP/1.0\r\n"),
                                          Transport::tcp});
  EXPECT_FALSE(rtsp.matched());
}

TEST(HttpRecognizer, SsdpOverUdpIsHttp) {
  const std::string_view search = "M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\n\r\n";
  const Match m = recognize_http(Probe{testing::bytes_of(search), Transport::udp});
  EXPECT_EQ(m.confidence, Confidence::strong);
  EXPECT_EQ(m.detail.view(), "M-SEARCH 239.255.255.250:1900");
}

TEST(SmtpFtpGreetings, AGreetingThatNamesNeitherIsWeakForBoth) {
  const auto greeting = testing::bytes_of("220 Welcome\r\n");
  EXPECT_EQ(recognize_smtp(Probe{greeting}).confidence, Confidence::weak);
  EXPECT_EQ(recognize_ftp(Probe{greeting}).confidence, Confidence::weak);
  const auto ftp = testing::sample("ftp_greeting").bytes;
  EXPECT_FALSE(recognize_smtp(Probe{ftp}).matched());
  const auto smtp = testing::sample("smtp_greeting").bytes;
  EXPECT_FALSE(recognize_ftp(Probe{smtp}).matched());
}

TEST(RdpRecognizer, IsoTsapConnectionRequestIsNotRdp) {
  // TPKT + X.224 CR with TSAP parameters (S7comm on port 102): C1 and C2 TSAPs, C0 size.
  constexpr uint8_t kS7[] = {0x03, 0x00, 0x00, 0x16, 0x11, 0xe0, 0x00, 0x00, 0x00, 0x01, 0x00,
                             0xc1, 0x02, 0x01, 0x00, 0xc2, 0x02, 0x01, 0x02, 0xc0, 0x01, 0x0a};
  EXPECT_FALSE(recognize_rdp(Probe{kS7}).matched());
}

TEST(DnsRecognizer, RejectsAPointerThatDoesNotPointBackwards) {
  std::vector<uint8_t> bytes(testing::sample("dns_query").bytes.begin(),
                             testing::sample("dns_query").bytes.end());
  bytes.resize(12);
  bytes.insert(bytes.end(), {0xc0, 0x0c, 0x00, 0x01, 0x00, 0x01});  // points at itself
  EXPECT_FALSE(recognize_dns(Probe{bytes, Transport::udp}).matched());
}

TEST(WireguardRecognizer, HandshakeSizesAreExact) {
  std::vector<uint8_t> bytes(testing::sample("wireguard_initiation").bytes.begin(),
                             testing::sample("wireguard_initiation").bytes.end());
  bytes.push_back(0);
  EXPECT_FALSE(recognize_wireguard(Probe{bytes, Transport::udp}).matched());
}

}  // namespace
}  // namespace pclassify
