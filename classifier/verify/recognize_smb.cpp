// SMB over NetBIOS session service (RFC 1002 section 4.3.6) or direct TCP (MS-SMB2 2.1):
//
//   | type 0x00 | length 3 (17 bits used) | protocol id 4: 0xFF 'S' 'M' 'B' (SMB1),
//                                           0xFE 'S' 'M' 'B' (SMB2/3), 0xFD 'S' 'M' 'B' (transform)
//   SMB1 command: byte 4 of its header; SMB2 command: 2 bytes little-endian at offset 12.
#include <iterator>

#include "bytes/byte_reader.h"
#include "verify/recognizer.h"

namespace pclassify {
namespace {

constexpr uint8_t kSessionMessage = 0x00;
constexpr size_t kMinSmbMessage = 32;  // shorter than any SMB header

std::string_view smb2_command_name(uint16_t command) {
  static constexpr std::string_view kNames[] = {"Negotiate",     "Session Setup", "Logoff",
                                                "Tree Connect",  "Tree Disconnect", "Create",
                                                "Close",         "Flush",         "Read",
                                                "Write",         "Lock",          "Ioctl"};
  return command < std::size(kNames) ? kNames[command] : "command";
}

}  // namespace

Match recognize_smb(const Probe& probe) {
  ByteReader r(probe.bytes);
  const uint8_t type = r.u8();
  const uint32_t length = r.be24();
  const uint8_t marker = r.u8();
  const uint8_t s = r.u8();
  const uint8_t m1 = r.u8();
  const uint8_t b = r.u8();
  if (r.overrun() || type != kSessionMessage || length > 0x1ffff || length < kMinSmbMessage) {
    return no_match();
  }
  if (s != 'S' || m1 != 'M' || b != 'B') return no_match();
  Match m = strong_match(PayloadProtocol::smb);
  if (marker == 0xFF) {
    const uint8_t command = r.u8();
    m.detail.append(command == 0x72 ? "SMB1 Negotiate" : "SMB1");
  } else if (marker == 0xFE) {
    r.skip(8);  // structure size, credit charge, status
    const uint8_t low = r.u8();
    const uint8_t high = r.u8();
    m.detail.append("SMB2 ");
    if (!r.overrun()) m.detail.append(smb2_command_name(static_cast<uint16_t>(low | (high << 8))));
  } else if (marker == 0xFD) {
    m.detail.append("SMB3 transform");
  } else {
    return no_match();
  }
  return m;
}

}  // namespace pclassify
