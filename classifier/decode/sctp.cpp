// SCTP (RFC 9260 section 3): a common header, then chunks.
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |     Source Port Number        |     Destination Port Number   |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |                      Verification Tag                         |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |                           Checksum                            |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |   Chunk Type  | Chunk  Flags  |        Chunk Length           |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// Only the first chunk is read: INIT (1) must be alone in its packet and opens an
// association (the sender is the client); INIT ACK (2) answers it (RFC 9260 5.1, 6.10).
// The payload handed on is the chunk area.
#include "decode/layer.h"

namespace pclassify::decode {

namespace {
constexpr size_t kCommonHeaderLength = 12;
constexpr size_t kChunkHeaderLength = 4;
constexpr uint8_t kInit = 1;
constexpr uint8_t kInitAck = 2;
}  // namespace

void decode_sctp(DecodeContext& ctx, Slice slice) {
  const size_t needed = kCommonHeaderLength + kChunkHeaderLength;
  ByteReader r(slice.captured());
  const uint16_t src_port = r.be16();
  const uint16_t dst_port = r.be16();
  r.skip(8);  // verification tag, checksum
  const uint8_t chunk_type = r.u8();
  r.skip(1);  // chunk flags
  const uint16_t chunk_length = r.be16();
  if (r.overrun()) {
    finish_anomaly(ctx, shortfall(slice, needed, Anomaly::truncated_transport_header,
                                  ctx.in_first_fragment ? Anomaly::first_fragment_too_short
                                                        : Anomaly::bad_sctp_header));
    return;
  }
  if (chunk_length < kChunkHeaderLength) {
    finish_anomaly(ctx, Anomaly::bad_sctp_header);
    return;
  }
  if (chunk_type == kInit) ctx.out.role = HandshakeRole::opener;
  if (chunk_type == kInitAck) ctx.out.role = HandshakeRole::answerer;
  finish_flow(ctx, Transport::sctp, src_port, dst_port, slice.after(kCommonHeaderLength));
}

}  // namespace pclassify::decode
