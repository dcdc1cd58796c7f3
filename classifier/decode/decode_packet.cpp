// The decoder's entry point: one captured frame in, one DecodedPacket out.
#include "decode/layer.h"
#include "decode/packet.h"

namespace pclassify {

DecodedPacket decode_packet(int link_type, std::span<const uint8_t> captured,
                            uint32_t wire_length) {
  DecodedPacket out;  // built in the caller's slot (NRVO)
  decode::DecodeContext ctx{out};
  decode::decode_link(ctx, link_type, Slice::frame(captured, wire_length));
  return out;
}

void decode_packet(int link_type, std::span<const uint8_t> captured, uint32_t wire_length,
                   DecodedPacket& out) {
  out = DecodedPacket{};
  decode::DecodeContext ctx{out};
  decode::decode_link(ctx, link_type, Slice::frame(captured, wire_length));
}

}  // namespace pclassify
