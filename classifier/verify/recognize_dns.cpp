// DNS message (RFC 1035 section 4.1): a 12-byte header and, for a query, one question.
// Over TCP (and SCTP) each message is preceded by a 2-byte length (RFC 1035 4.2.2).
//
//   +------+-------+---------+---------+---------+---------+
//   | id 2 | flags 2 | qdcount | ancount | nscount | arcount |  (2 bytes each)
//   +------+-------+---------+---------+---------+---------+
//   flags: QR(1) opcode(4) AA TC RD RA Z AD CD rcode(4)
//
// A header with believable counts plus a well-formed first question name, type and class
// is strong. The format is also used by mDNS, LLMNR and NetBIOS name service.
#include <algorithm>

#include "bytes/byte_reader.h"
#include "verify/recognizer.h"

namespace pclassify {
namespace {

constexpr size_t kHeaderSize = 12;
constexpr uint16_t kMaxRecordCount = 256;  // more records than this in a first message: not DNS
constexpr size_t kMaxNameLength = 255;

bool is_known_opcode(unsigned opcode) {
  return opcode == 0 || opcode == 1 || opcode == 2 || opcode == 4 || opcode == 5;
}

bool is_known_class(uint16_t qclass) {
  const uint16_t c = qclass & 0x7fff;  // mDNS uses the top bit for "unicast response"
  return c == 1 || c == 3 || c == 4 || c == 254 || c == 255;
}

enum class NameResult : uint8_t { ok, cut, bad };

// Reads a question name, appending it to `detail`. Compression pointers are allowed (they
// end the name) but must point backwards, into the message before the name.
NameResult read_name(ByteReader& r, size_t name_start, DetailText& detail) {
  size_t total = 0;
  for (;;) {
    const uint8_t length = r.u8();
    if (r.overrun()) return NameResult::cut;
    if (length == 0) return NameResult::ok;  // the root ends every name
    if ((length & 0xC0) == 0xC0) {
      const uint8_t low = r.u8();
      if (r.overrun()) return NameResult::cut;
      const size_t target = ((length & 0x3fu) << 8) | low;
      return (target >= kHeaderSize && target < name_start) ? NameResult::ok : NameResult::bad;
    }
    if (length > 63) return NameResult::bad;
    total += length + 1u;
    if (total > kMaxNameLength) return NameResult::bad;
    const auto label = r.take(length);
    if (r.overrun()) return NameResult::cut;
    for (const uint8_t c : label) {
      if (c < 0x20 || c == 0x7f) return NameResult::bad;
    }
    if (!detail.empty() && detail.view().back() != ' ') detail.append(".");
    detail.append(label);
  }
}

Match recognize_message(std::span<const uint8_t> message) {
  ByteReader r(message);
  r.be16();  // id
  const uint16_t flags = r.be16();
  const uint16_t qdcount = r.be16();
  const uint16_t ancount = r.be16();
  const uint16_t nscount = r.be16();
  const uint16_t arcount = r.be16();
  if (r.overrun()) return no_match();

  const bool response = (flags & 0x8000) != 0;
  const unsigned opcode = (flags >> 11) & 0xfu;
  const unsigned rcode = flags & 0xfu;
  if (!is_known_opcode(opcode) || (flags & 0x0040) != 0) return no_match();  // Z must be 0
  if (qdcount > 1 || ancount > kMaxRecordCount || nscount > kMaxRecordCount ||
      arcount > kMaxRecordCount) {
    return no_match();
  }
  if (!response && (rcode != 0 || (opcode == 0 && qdcount != 1))) return no_match();

  Match m;
  m.detail.append(response ? "response " : "query ");
  if (qdcount == 0) {
    // mDNS announcements and some updates carry records without a question: plausible,
    // but the header alone is little evidence.
    if (ancount + nscount + arcount == 0) return no_match();
    m.protocol = PayloadProtocol::dns;
    m.confidence = Confidence::hint;
    return m;
  }
  const NameResult name = read_name(r, kHeaderSize, m.detail);
  if (name == NameResult::bad) return no_match();
  const uint16_t qtype = r.be16();
  const uint16_t qclass = r.be16();
  m.protocol = PayloadProtocol::dns;
  if (name == NameResult::cut || r.overrun()) {
    m.confidence = Confidence::hint;  // the header fits; the question is cut by the capture
    return m;
  }
  if (qtype == 0 || !is_known_class(qclass)) return no_match();
  m.confidence = Confidence::strong;
  return m;
}

}  // namespace

Match recognize_dns(const Probe& probe) {
  if (!probe.is_stream()) return recognize_message(probe.bytes);
  ByteReader r(probe.bytes);
  const uint16_t length = r.be16();
  if (r.overrun() || length < kHeaderSize) return no_match();
  // The length must cover what follows in this first segment (several messages may be
  // pipelined after it, but never fewer bytes than a header).
  return recognize_message(r.rest().first(std::min<size_t>(length, r.remaining())));
}

}  // namespace pclassify
