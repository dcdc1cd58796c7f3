// Fuzz target: reading a pcap or pcapng capture from memory (CaptureReader::open_bytes),
// record by record to the end or the first error.
//
// Input: the capture file's bytes, unchanged (seeds are whole files from pcaps/).
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_input.h"
#include "capture/capture_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace pclassify;
  const std::span<const uint8_t> bytes(data, size);
  std::string error;
  const auto reader = capture::CaptureReader::open_bytes(bytes, error);
  if (!reader) {
    fuzz::check(!error.empty(), "open_bytes failed without saying why");
    return 0;
  }
  capture::CapturedPacket packet;
  capture::ReadStatus status;
  while ((status = reader->next(packet)) == capture::ReadStatus::packet) {
    fuzz::check(packet.data.size() <= capture::kMaxCapturedLength, "record above kMaxCapturedLength");
    fuzz::check(fuzz::within(packet.data, bytes), "packet bytes outside the input");
    fuzz::touch(packet.data);
    fuzz::check(reader->offset() <= size, "reader offset beyond the input");
  }
  if (status == capture::ReadStatus::error || status == capture::ReadStatus::truncated) {
    fuzz::check(!reader->error().empty(), "a failed read without a message");
  }
  return 0;
}
