// TCP (RFC 9293 section 3.1):
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |          Source Port          |       Destination Port        |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |                        Sequence Number                        |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |                    Acknowledgment Number                      |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |  Data |       |C|E|U|A|P|R|S|F|                               |
//   | Offset| Rsrvd |W|C|R|C|S|S|Y|I|            Window             |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |           Checksum            |         Urgent Pointer        |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |                    Options (Data Offset > 5)                  |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// SYN without ACK opens a connection (the sender is the client); SYN with ACK answers it.
#include "decode/layer.h"

namespace pclassify::decode {

namespace {
constexpr size_t kMinHeaderLength = 20;
constexpr uint8_t kSyn = 0x02;
constexpr uint8_t kAck = 0x10;
}  // namespace

void decode_tcp(DecodeContext& ctx, Slice slice) {
  const Anomaly too_short =
      ctx.in_first_fragment ? Anomaly::first_fragment_too_short : Anomaly::bad_tcp_header_length;
  ByteReader r(slice.captured());
  const uint16_t src_port = r.be16();
  const uint16_t dst_port = r.be16();
  r.skip(8);  // sequence and acknowledgment numbers
  const uint8_t data_offset = r.u8();
  const uint8_t flags = r.u8();
  r.skip(6);  // window, checksum, urgent pointer
  if (r.overrun()) {
    finish_anomaly(
        ctx, shortfall(slice, kMinHeaderLength, Anomaly::truncated_transport_header, too_short));
    return;
  }
  const size_t header_length = size_t{static_cast<uint8_t>(data_offset >> 4)} * 4;
  if (header_length < kMinHeaderLength) {
    finish_anomaly(ctx, Anomaly::bad_tcp_header_length);
    return;
  }
  if (!slice.has(header_length)) {
    finish_anomaly(ctx,
                   shortfall(slice, header_length, Anomaly::truncated_transport_header, too_short));
    return;
  }
  DecodedPacket& out = ctx.out;
  out.tcp_flags = flags;
  if ((flags & kSyn) != 0) {
    out.role = (flags & kAck) != 0 ? HandshakeRole::answerer : HandshakeRole::opener;
  }
  finish_flow(ctx, Transport::tcp, src_port, dst_port, slice.after(header_length));
}

}  // namespace pclassify::decode
