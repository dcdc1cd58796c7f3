// LDAPv3 message (RFC 4511 section 4.2), BER-encoded, over TCP or UDP (CLDAP):
//
//   LDAPMessage ::= SEQUENCE { messageID INTEGER (0..2^31-1), protocolOp CHOICE { [APPLICATION n] } }
//
// The operation's tag must be one RFC 4511 defines and its content must fit in the message.
#include "verify/ber.h"
#include "verify/recognizer.h"

namespace pclassify {
namespace {

constexpr uint8_t kSequence = 0x30;

// [APPLICATION n] tags: constructed (0x60 | n) except unbind, delete and abandon (0x40 | n).
std::string_view operation_name(uint8_t tag) {
  switch (tag) {
    case 0x60: return "bindRequest";
    case 0x61: return "bindResponse";
    case 0x42: return "unbindRequest";
    case 0x63: return "searchRequest";
    case 0x64: return "searchResEntry";
    case 0x65: return "searchResDone";
    case 0x73: return "searchResRef";
    case 0x66: return "modifyRequest";
    case 0x67: return "modifyResponse";
    case 0x68: return "addRequest";
    case 0x69: return "addResponse";
    case 0x4a: return "delRequest";
    case 0x6b: return "delResponse";
    case 0x6c: return "modDNRequest";
    case 0x6d: return "modDNResponse";
    case 0x6e: return "compareRequest";
    case 0x6f: return "compareResponse";
    case 0x50: return "abandonRequest";
    case 0x77: return "extendedRequest";
    case 0x78: return "extendedResponse";
    case 0x79: return "intermediateResponse";
    default: return {};
  }
}

}  // namespace

Match recognize_ldap(const Probe& probe) {
  ByteReader r(probe.bytes);
  const auto message = ber::read_header(r);
  if (!message || message->tag != kSequence) return no_match();
  if (!probe.is_stream() && !probe.datagram_holds(message->length, r.remaining())) {
    return no_match();
  }
  const size_t content_start = r.position();
  const auto message_id = ber::read_small_integer(r);
  if (!message_id || *message_id > 0x7fffffffu) return no_match();
  const auto operation = ber::read_header(r);
  if (!operation) return no_match();
  const std::string_view name = operation_name(operation->tag);
  if (name.empty()) return no_match();
  // The operation must fit in the message (controls [0] may follow it).
  if (r.position() - content_start + operation->length > message->length) return no_match();
  Match m = strong_match(PayloadProtocol::ldap);
  m.detail.append(name);
  return m;
}

}  // namespace pclassify
