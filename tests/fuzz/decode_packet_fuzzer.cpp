// Fuzz target: the packet decoder, from the link layer down.
//
// Input: byte 0 picks the link type (fuzz_input.h, kLinkTypes; its high bit says the
// frame was cut by a snaplen, so the wire length exceeds the captured length), the rest
// is the captured frame.
#include <cstddef>
#include <cstdint>

#include "decode/packet.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace pclassify;
  fuzz::FuzzInput input(data, size);
  const uint8_t selector = input.u8();
  const std::span<const uint8_t> frame = input.take_rest();
  const bool snapped = (selector & 0x80) != 0;
  const auto wire_length = static_cast<uint32_t>(frame.size() + (snapped ? 1500 : 0));

  const DecodedPacket packet = decode_packet(fuzz::link_type_from(selector), frame, wire_length);

  // The payload must be bytes of the frame: the decoder never allocates and never reads
  // outside `captured` (decode/packet.h).
  fuzz::check(fuzz::within(packet.payload, frame), "decoded payload lies outside the frame");
  fuzz::touch(packet.payload);
  if (packet.status == DecodeStatus::flow) {
    fuzz::check(packet.tuple.src.family == packet.tuple.dst.family,
                "a flow's addresses have different families");
  }
  return 0;
}
