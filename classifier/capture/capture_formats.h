// Internal to capture/: the two capture formats behind CaptureReader.
#pragma once

#include <memory>
#include <string>

#include "capture/capture_reader.h"

namespace pclassify::capture {

// Magic numbers of the first four bytes, as read big-endian.
inline constexpr uint32_t kPcapMicroMagic = 0xa1b2c3d4;
inline constexpr uint32_t kPcapNanoMagic = 0xa1b23c4d;
inline constexpr uint32_t kPcapngSectionHeader = 0x0a0d0d0a;

// Classic libpcap format (https://datatracker.ietf.org/doc/draft-ietf-opsawg-pcap/).
// `input` starts at the file header. nullptr and `error` when the header is bad.
std::unique_ptr<CaptureReader> make_pcap_reader(std::unique_ptr<InputBuffer> input,
                                                std::string& error);

// pcapng (https://datatracker.ietf.org/doc/draft-ietf-opsawg-pcapng/). `input` starts at
// the first Section Header Block.
std::unique_ptr<CaptureReader> make_pcapng_reader(std::unique_ptr<InputBuffer> input,
                                                  std::string& error);

}  // namespace pclassify::capture
