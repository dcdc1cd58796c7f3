// DCCP generic header (RFC 4340 section 5.1), X = 1 (48-bit sequence numbers):
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |          Source Port          |           Dest Port           |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |  Data Offset  | CCVal | CsCov |           Checksum            |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |     |       |X|               |                               .
//   | Res | Type  |=|   Reserved    |  Sequence Number (high bits)  .
//   |     |       |1|               |                               .
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   .                  Sequence Number (low bits)                   |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// With X = 0 the third word is | Res | Type |0| Sequence Number (24 bits) | and the
// header is 12 bytes instead of 16. Only Data, Ack and DataAck may use X = 0 (5.1).
// The type-specific part follows (5.2-5.6): an acknowledgement subheader (8 bytes with
// X = 1, 4 with X = 0) for every type but Request and Data; a 4-byte service code after it
// for Request and Response; a 4-byte reset code for Reset. Data Offset (32-bit words)
// covers all of that and the options: the application data starts there.
//
// DCCP-Request (type 0) opens a connection (the sender is the client); DCCP-Response (1)
// answers it.
#include <array>

#include "decode/layer.h"

namespace pclassify::decode {

namespace {

enum DccpType : uint8_t {
  kRequest = 0,
  kResponse = 1,
  kData = 2,
  kAck = 3,
  kDataAck = 4,
  kCloseReq = 5,
  kClose = 6,
  kReset = 7,
  kSync = 8,
  kSyncAck = 9,
};

struct TypeShape {
  bool has_ack;         // an acknowledgement subheader follows the generic header
  uint8_t extra;        // service code / reset code bytes after it
  bool allows_short_x;  // may use 24-bit sequence numbers (X = 0)
};

// Indexed by packet type; 10..15 are reserved (5.1) and rejected.
constexpr std::array<TypeShape, 10> kTypeShapes = {{
    {false, 4, false},  // Request: service code
    {true, 4, false},   // Response: ack, service code
    {false, 0, true},   // Data
    {true, 0, true},    // Ack
    {true, 0, true},    // DataAck
    {true, 0, false},   // CloseReq
    {true, 0, false},   // Close
    {true, 4, false},   // Reset: ack, reset code and data
    {true, 0, false},   // Sync
    {true, 0, false},   // SyncAck
}};

}  // namespace

void decode_dccp(DecodeContext& ctx, Slice slice) {
  ByteReader r(slice.captured());
  const uint16_t src_port = r.be16();
  const uint16_t dst_port = r.be16();
  const uint8_t data_offset = r.u8();
  r.skip(3);  // CCVal, CsCov, checksum
  const uint8_t type_x = r.u8();
  if (r.overrun()) {
    finish_anomaly(ctx, shortfall(slice, 12, Anomaly::truncated_transport_header,
                                  ctx.in_first_fragment ? Anomaly::first_fragment_too_short
                                                        : Anomaly::bad_dccp_header));
    return;
  }
  const uint8_t type = (type_x >> 1) & 0x0F;
  const bool extended = (type_x & 0x01) != 0;
  if (type >= kTypeShapes.size()) {
    finish_anomaly(ctx, Anomaly::bad_dccp_header);
    return;
  }
  const TypeShape& shape = kTypeShapes[type];
  if (!extended && !shape.allows_short_x) {
    finish_anomaly(ctx, Anomaly::bad_dccp_header);
    return;
  }
  const size_t generic_length = extended ? 16 : 12;
  const size_t ack_length = shape.has_ack ? (extended ? 8 : 4) : 0;
  const size_t fixed_length = generic_length + ack_length + shape.extra;
  const size_t header_length = size_t{data_offset} * 4;
  if (header_length < fixed_length) {
    finish_anomaly(ctx, Anomaly::bad_dccp_header);
    return;
  }
  if (!slice.has(header_length)) {
    finish_anomaly(ctx, shortfall(slice, header_length, Anomaly::truncated_transport_header,
                                  ctx.in_first_fragment ? Anomaly::first_fragment_too_short
                                                        : Anomaly::bad_dccp_header));
    return;
  }
  DecodedPacket& out = ctx.out;
  if (type == kRequest || type == kResponse) {
    ByteReader service(slice.captured());
    service.skip(generic_length + ack_length);
    out.dccp_service_code = service.be32();  // in bounds: header_length >= fixed_length
    out.role = type == kRequest ? HandshakeRole::opener : HandshakeRole::answerer;
  }
  finish_flow(ctx, Transport::dccp, src_port, dst_port, slice.after(header_length));
}

}  // namespace pclassify::decode
