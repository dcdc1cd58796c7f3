// Payloads for protocols none of the shared captures carries in the clear, written from
// the examples and message layouts of their specifications (cited per sample).
#pragma once

#include <cstdint>
#include <string_view>

namespace pclassify::spec_samples {

// RFC 9051 section 7.1.1 and 6.1.1: an IMAP greeting and a client's first command.
inline constexpr std::string_view kImapGreeting = "* OK [CAPABILITY IMAP4rev2 STARTTLS] Ready\r\n";
inline constexpr std::string_view kImapCapability = "a001 CAPABILITY\r\n";

// RFC 2326 section 10.1 example (OPTIONS) and its reply.
inline constexpr std::string_view kRtspOptions =
    "OPTIONS * RTSP/1.0\r\nCSeq: 1\r\nRequire: implicit-play\r\n\r\n";
inline constexpr std::string_view kRtspReply = "RTSP/1.0 200 OK\r\nCSeq: 1\r\n\r\n";

// RFC 9113 section 3.4: the client connection preface, then an empty SETTINGS frame.
inline constexpr uint8_t kHttp2Preface[] = {
    'P', 'R', 'I', ' ', '*', ' ', 'H', 'T', 'T', 'P', '/', '2', '.', '0', '\r', '\n', '\r', '\n',
    'S', 'M', '\r', '\n', '\r', '\n', 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00};

// RFC 8489 section 5: a Binding Request with no attributes (type 0x0001, length 0, magic
// cookie, 12-byte transaction id).
inline constexpr uint8_t kStunBindingRequest[] = {
    0x00, 0x01, 0x00, 0x00, 0x21, 0x12, 0xa4, 0x42, 0x6b, 0x4a, 0x31, 0x52,
    0x77, 0x2f, 0x58, 0x61, 0x54, 0x71, 0x39, 0x50};

// BEP 5 "ping" query example: d1:ad2:id20:abcdefghij0123456789e1:q4:ping1:t2:aa1:y1:qe
inline constexpr std::string_view kDhtPing =
    "d1:ad2:id20:abcdefghij0123456789e1:q4:ping1:t2:aa1:y1:qe";

// RFC 9000 section 17.2.1: Version Negotiation from a server (first byte with the long
// header bit, version 0, 8-byte DCID and SCID, supported versions 1 and draft-29).
inline constexpr uint8_t kQuicVersionNegotiation[] = {
    0xc3, 0x00, 0x00, 0x00, 0x00, 0x08, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88,
    0x08, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff, 0x00, 0x00, 0x00, 0x00, 0x01,
    0xff, 0x00, 0x00, 0x1d};

// RFC 9000 section 17.2.2: a version-1 Initial header (type 0, fixed bit, 8-byte DCID,
// empty SCID, token length 0, length 0x44b0), as a client's first datagram starts.
inline constexpr uint8_t kQuicV1InitialHeader[] = {
    0xc0, 0x00, 0x00, 0x00, 0x01, 0x08, 0x83, 0x94, 0xc8, 0xf0, 0x3e, 0x51, 0x57, 0x08,
    0x00, 0x00, 0x44, 0xb0};

// RFC 1035 section 4.2.2: DNS over TCP, a 2-byte length then a query for example.com A.
inline constexpr uint8_t kDnsTcpQueryExampleCom[] = {
    0x00, 0x1d, 0x12, 0x34, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x07, 'e', 'x', 'a', 'm', 'p', 'l', 'e', 0x03, 'c', 'o', 'm', 0x00, 0x00, 0x01, 0x00, 0x01};

}  // namespace pclassify::spec_samples
