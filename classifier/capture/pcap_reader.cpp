// Classic pcap: a 24-byte file header, then records of a 16-byte header and the packet.
//
//   file header: magic(4) version_major(2) version_minor(2) thiszone(4) sigfigs(4)
//                snaplen(4) linktype(4)       -- all in the writer's byte order
//   record:      ts_sec(4) ts_frac(4) caplen(4) wire_len(4) data(caplen)
#include <string>

#include "capture/capture_formats.h"
#include "capture/field_reader.h"

namespace pclassify::capture {
namespace {

constexpr size_t kFileHeaderLength = 24;
constexpr size_t kRecordHeaderLength = 16;
// The link type's lower 28 bits; the upper bits may carry the FCS length (libpcap's
// LT_LINKTYPE).
constexpr uint32_t kLinkTypeMask = 0x0FFFFFFF;

class PcapReader final : public CaptureReader {
 public:
  PcapReader(std::unique_ptr<InputBuffer> input, bool big_endian, bool nanoseconds,
             uint32_t snaplen, int link_type)
      : CaptureReader(std::move(input)),
        big_endian_(big_endian),
        frac_to_ns_(nanoseconds ? 1 : 1000),
        snaplen_(snaplen),
        link_type_(link_type) {}

  CaptureFormat format() const override { return CaptureFormat::pcap; }

  bool next_is_buffered() const override {
    const auto bytes = input_->peek();
    if (bytes.size() < kRecordHeaderLength) return false;
    const uint32_t captured = FieldReader(bytes.first(kRecordHeaderLength), big_endian_).u32(8);
    return captured <= bytes.size() - kRecordHeaderLength;
  }

  ReadStatus next(CapturedPacket& packet) override {
    if (!input_->ensure(kRecordHeaderLength)) {
      if (input_->peek().empty() && input_->read_error().empty()) return ReadStatus::end;
      return short_input("record header", kRecordHeaderLength);
    }
    FieldReader header(input_->peek().first(kRecordHeaderLength), big_endian_);
    const uint32_t seconds = header.u32(0);
    const uint32_t fraction = header.u32(4);
    const uint32_t captured = header.u32(8);
    const uint32_t wire = header.u32(12);
    if (captured > kMaxCapturedLength || (snaplen_ != 0 && captured > snaplen_)) {
      return fail("record at offset " + std::to_string(input_->offset()) +
                  ": captured length " + std::to_string(captured) +
                  " is larger than the snapshot length " + std::to_string(snaplen_) +
                  (captured > kMaxCapturedLength
                       ? " and than any frame (" + std::to_string(kMaxCapturedLength) + ")"
                       : std::string()));
    }
    const size_t record_length = kRecordHeaderLength + captured;
    if (!input_->ensure(record_length)) return short_input("record", record_length);

    packet.link_type = link_type_;
    packet.interface_id = 0;
    packet.snaplen = snaplen_;
    packet.timestamp_ns = int64_t{seconds} * 1'000'000'000 + int64_t{fraction} * frac_to_ns_;
    packet.wire_length = wire;
    packet.data = input_->peek().subspan(kRecordHeaderLength, captured);
    input_->consume(record_length);
    return ReadStatus::packet;
  }

 private:
  bool big_endian_;
  int64_t frac_to_ns_;
  uint32_t snaplen_;
  int link_type_;
};

}  // namespace

std::unique_ptr<CaptureReader> make_pcap_reader(std::unique_ptr<InputBuffer> input,
                                                std::string& error) {
  if (!input->ensure(kFileHeaderLength)) {
    error = "truncated pcap file header (" + std::to_string(input->peek().size()) + " of " +
            std::to_string(kFileHeaderLength) + " bytes)";
    return nullptr;
  }
  const auto head = input->peek().first(kFileHeaderLength);
  const bool big_endian = FieldReader(head, true).u32(0) == kPcapMicroMagic ||
                          FieldReader(head, true).u32(0) == kPcapNanoMagic;
  FieldReader header(head, big_endian);
  const bool nanoseconds = header.u32(0) == kPcapNanoMagic;
  const uint16_t major = header.u16(4);
  if (major != 2) {
    error = "unsupported pcap version " + std::to_string(major) + "." +
            std::to_string(header.u16(6));
    return nullptr;
  }
  const uint32_t snaplen = header.u32(16);
  const auto link_type = static_cast<int>(header.u32(20) & kLinkTypeMask);
  input->consume(kFileHeaderLength);
  return std::make_unique<PcapReader>(std::move(input), big_endian, nanoseconds, snaplen,
                                      link_type);
}

}  // namespace pclassify::capture
