// pcapng: a sequence of blocks, each  type(4) total_length(4) body total_length(4).
//
//   Section Header (0x0A0D0D0A): byte_order_magic(4)=0x1A2B3C4D major(2) minor(2)
//                                section_length(8) options   -- sets the byte order
//   Interface Description (1):   link_type(2) reserved(2) snaplen(4) options
//                                (if_tsresol = 9, if_tsoffset = 14)
//   Enhanced Packet (6):         interface(4) ts_high(4) ts_low(4) caplen(4) wire_len(4)
//                                data padded to 4, options
//   Simple Packet (3):           wire_len(4) data        -- interface 0, no timestamp
//   Packet (2, obsolete):        interface(2) drops(2) ts_high(4) ts_low(4) caplen(4)
//                                wire_len(4) data
// Other blocks are skipped by their length. Interfaces are numbered per section.
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "capture/capture_formats.h"
#include "capture/field_reader.h"

namespace pclassify::capture {
namespace {

constexpr uint32_t kByteOrderMagic = 0x1A2B3C4D;
constexpr uint32_t kInterfaceBlock = 1;
constexpr uint32_t kObsoletePacketBlock = 2;
constexpr uint32_t kSimplePacketBlock = 3;
constexpr uint32_t kEnhancedPacketBlock = 6;
constexpr uint16_t kOptionEnd = 0;
constexpr uint16_t kOptionTsResolution = 9;
constexpr uint16_t kOptionTsOffset = 14;
constexpr size_t kMinBlockLength = 12;
// No block holds more than a packet of the largest frame plus options.
constexpr uint32_t kMaxBlockLength = kMaxCapturedLength + (1u << 16);

struct Interface {
  int link_type = 0;
  uint32_t snaplen = 0;
  uint64_t units_per_second = 1'000'000;  // if_tsresol; default microseconds
  int64_t offset_seconds = 0;             // if_tsoffset
  // Nanoseconds per unit when a unit is a whole number of them (10^-0 to 10^-9 seconds,
  // the resolutions captures use), else 0.
  uint64_t ns_per_unit = 1'000;
};

__extension__ typedef __int128 Int128;  // GCC and Clang, every 64-bit target

// A whole-nanosecond resolution: one 128-bit multiply-add, which cannot overflow, then
// clamped. The general path below divides twice per packet, which profiled as the pcapng
// reader's largest cost.
int64_t whole_units_to_nanoseconds(uint64_t units, const Interface& iface) {
  const Int128 total = static_cast<Int128>(units) * static_cast<Int128>(iface.ns_per_unit) +
                       static_cast<Int128>(iface.offset_seconds) * 1'000'000'000;
  constexpr int64_t kLatest = std::numeric_limits<int64_t>::max();
  constexpr int64_t kEarliest = std::numeric_limits<int64_t>::min();
  if (total > kLatest) return kLatest;
  if (total < kEarliest) return kEarliest;
  return static_cast<int64_t>(total);
}

std::string at(uint64_t offset) { return "block at offset " + std::to_string(offset); }

int64_t to_nanoseconds(uint64_t units, const Interface& iface) {
  if (iface.ns_per_unit != 0) return whole_units_to_nanoseconds(units, iface);
  const uint64_t per_second = iface.units_per_second;
  const auto seconds = static_cast<int64_t>(units / per_second);
  const uint64_t rest = units % per_second;
  int64_t fraction_ns = 0;
  if (per_second <= 1'000'000'000 && 1'000'000'000 % per_second == 0) {
    fraction_ns = static_cast<int64_t>(rest * (1'000'000'000 / per_second));
  } else {  // binary or sub-nanosecond resolutions: rest < per_second, a double is exact enough
    fraction_ns = static_cast<int64_t>(static_cast<double>(rest) * 1e9 /
                                       static_cast<double>(per_second));
  }
  // A hostile if_tsresol/if_tsoffset or timestamp can put the time past the year 2262:
  // saturate instead of overflowing, the packet itself is still worth classifying.
  constexpr int64_t kLatest = std::numeric_limits<int64_t>::max();
  constexpr int64_t kEarliest = std::numeric_limits<int64_t>::min();
  int64_t total_seconds = 0;
  int64_t total_ns = 0;
  if (units / per_second > static_cast<uint64_t>(kLatest) ||
      __builtin_add_overflow(seconds, iface.offset_seconds, &total_seconds) ||
      __builtin_mul_overflow(total_seconds, int64_t{1'000'000'000}, &total_ns) ||
      __builtin_add_overflow(total_ns, fraction_ns, &total_ns)) {
    return iface.offset_seconds < 0 && units / per_second <= static_cast<uint64_t>(kLatest)
               ? kEarliest
               : kLatest;
  }
  return total_ns;
}

class PcapngReader final : public CaptureReader {
 public:
  explicit PcapngReader(std::unique_ptr<InputBuffer> input) : CaptureReader(std::move(input)) {}

  CaptureFormat format() const override { return CaptureFormat::pcapng; }

  // Only packet blocks count: other blocks may change the reader's state first.
  bool next_is_buffered() const override {
    const auto bytes = input_->peek();
    if (bytes.size() < kMinBlockLength) return false;
    FieldReader head(bytes, big_endian_);
    const uint32_t type = head.u32(0);
    if (type != kEnhancedPacketBlock && type != kSimplePacketBlock &&
        type != kObsoletePacketBlock) {
      return false;
    }
    return head.u32(4) <= bytes.size();
  }

  ReadStatus next(CapturedPacket& packet) override {
    for (;;) {
      const uint64_t block_offset = input_->offset();
      if (!input_->ensure(kMinBlockLength)) {
        if (input_->peek().empty() && input_->read_error().empty()) return ReadStatus::end;
        return short_input("block header", kMinBlockLength);
      }
      const uint32_t type = FieldReader(input_->peek(), big_endian_).u32(0);
      if (type == kPcapngSectionHeader && !read_byte_order(block_offset)) {
        return ReadStatus::error;
      }
      FieldReader head(input_->peek(), big_endian_);
      const uint32_t length = head.u32(4);
      if (length < kMinBlockLength || length % 4 != 0 || length > kMaxBlockLength) {
        return fail(at(block_offset) + ": invalid block length " + std::to_string(length) +
                    (length % 4 != 0 ? " (not a multiple of 4)" : ""));
      }
      if (!input_->ensure(length)) return short_input("block", length);
      const auto block = input_->peek().first(length);
      FieldReader fields(block, big_endian_);
      const uint32_t trailing = fields.u32(length - 4);
      if (trailing != length) {
        return fail(at(block_offset) + ": trailing block length " + std::to_string(trailing) +
                    " differs from the leading length " + std::to_string(length));
      }
      // Non-packet blocks update the reader's state; `status` stays `packet` unless they fail.
      ReadStatus status = ReadStatus::packet;
      bool delivered = false;
      switch (type) {
        case kPcapngSectionHeader:
          if (!section_header(fields, block_offset)) status = ReadStatus::error;
          break;
        case kInterfaceBlock:
          if (!interface_block(block, fields, block_offset)) status = ReadStatus::error;
          break;
        case kEnhancedPacketBlock:
          status = enhanced_packet(block, fields, block_offset, packet);
          delivered = true;
          break;
        case kSimplePacketBlock:
          status = simple_packet(block, fields, block_offset, packet);
          delivered = true;
          break;
        case kObsoletePacketBlock:
          status = obsolete_packet(block, fields, block_offset, packet);
          delivered = true;
          break;
        default: break;  // name resolution, statistics, custom, ...: not needed
      }
      if (status == ReadStatus::error) return status;
      input_->consume(length);
      if (delivered) return ReadStatus::packet;
    }
  }

  // The first block must be a Section Header.
  bool start(std::string& error) {
    if (!input_->ensure(kMinBlockLength)) {
      error = "truncated pcapng section header (" + std::to_string(input_->peek().size()) +
              " bytes)";
      return false;
    }
    if (!read_byte_order(0)) {
      error = error_;
      return false;
    }
    return true;
  }

 private:
  // Reads the Section Header's byte-order magic: it decides how every later field reads.
  bool read_byte_order(uint64_t block_offset) {
    const auto bytes = input_->peek();
    if (FieldReader(bytes, true).u32(8) == kByteOrderMagic) {
      big_endian_ = true;
    } else if (FieldReader(bytes, false).u32(8) == kByteOrderMagic) {
      big_endian_ = false;
    } else {
      fail(at(block_offset) + ": section header without the byte-order magic 0x1A2B3C4D");
      return false;
    }
    return true;
  }

  // Each of these returns false after fail() has set the error.
  bool section_header(FieldReader& fields, uint64_t block_offset) {
    if (fields.u32(4) < 28) {
      fail(at(block_offset) + ": section header shorter than 28 bytes");
      return false;
    }
    const uint16_t major = fields.u16(12);
    if (major != 1) {
      fail(at(block_offset) + ": unsupported pcapng version " + std::to_string(major) + "." +
           std::to_string(fields.u16(14)));
      return false;
    }
    interfaces_.clear();  // interface numbers restart in every section
    return true;
  }

  bool interface_block(std::span<const uint8_t> block, FieldReader& fields,
                       uint64_t block_offset) {
    if (block.size() < 20) {
      fail(at(block_offset) + ": interface block too short");
      return false;
    }
    Interface iface;
    iface.link_type = fields.u16(8);
    iface.snaplen = fields.u32(12);
    // Options: code(2) length(2) value padded to 4, up to the trailing length.
    size_t pos = 16;
    const size_t options_end = block.size() - 4;
    while (pos + 4 <= options_end) {
      const uint16_t code = fields.u16(pos);
      const uint16_t option_length = fields.u16(pos + 2);
      if (code == kOptionEnd) break;
      const size_t value = pos + 4;
      if (option_length > options_end - value) {
        fail(at(block_offset) + ": interface option " + std::to_string(code) + " of length " +
             std::to_string(option_length) + " runs past the block");
        return false;
      }
      if (code == kOptionTsResolution && option_length >= 1) {
        const uint8_t resolution = block[value];
        const unsigned exponent = resolution & 0x7f;
        if ((resolution & 0x80) ? exponent > 63 : exponent > 19) {
          fail(at(block_offset) + ": unsupported timestamp resolution " +
               std::to_string(resolution));
          return false;
        }
        iface.units_per_second = (resolution & 0x80)
                                     ? uint64_t{1} << exponent
                                     : static_cast<uint64_t>(std::pow(10.0, exponent) + 0.5);
        const bool whole_ns = iface.units_per_second <= 1'000'000'000 &&
                              1'000'000'000 % iface.units_per_second == 0;
        iface.ns_per_unit = whole_ns ? 1'000'000'000 / iface.units_per_second : 0;
      } else if (code == kOptionTsOffset && option_length == 8) {
        const uint64_t high = fields.u32(value), low = fields.u32(value + 4);
        iface.offset_seconds = static_cast<int64_t>(big_endian_ ? (high << 32) | low
                                                                : (low << 32) | high);
      }
      pos = value + ((option_length + 3u) & ~size_t{3});
    }
    interfaces_.push_back(iface);
    return true;
  }

  // Checks the interface and the captured length, then fills `packet`.
  ReadStatus deliver(std::span<const uint8_t> block, uint64_t block_offset, uint32_t interface,
                     uint64_t timestamp_units, bool has_timestamp, size_t data_at,
                     uint32_t captured, uint32_t wire, CapturedPacket& packet) {
    if (interface >= interfaces_.size()) {
      return fail(at(block_offset) + ": packet for interface " + std::to_string(interface) +
                  ", but the section describes " + std::to_string(interfaces_.size()));
    }
    const Interface& iface = interfaces_[interface];
    if (captured > kMaxCapturedLength || (iface.snaplen != 0 && captured > iface.snaplen)) {
      return fail(at(block_offset) + ": captured length " + std::to_string(captured) +
                  " is larger than the snapshot length " + std::to_string(iface.snaplen));
    }
    if (captured > block.size() - 4 - data_at) {
      return fail(at(block_offset) + ": captured length " + std::to_string(captured) +
                  " runs past the block's end (block length " + std::to_string(block.size()) +
                  ")");
    }
    packet.link_type = iface.link_type;
    packet.interface_id = interface;
    packet.snaplen = iface.snaplen;
    if (has_timestamp) last_timestamp_ns_ = to_nanoseconds(timestamp_units, iface);
    packet.timestamp_ns = last_timestamp_ns_;
    packet.wire_length = wire;
    packet.data = block.subspan(data_at, captured);
    return ReadStatus::packet;
  }

  ReadStatus enhanced_packet(std::span<const uint8_t> block, FieldReader& fields,
                             uint64_t block_offset, CapturedPacket& packet) {
    if (block.size() < 32) return fail(at(block_offset) + ": enhanced packet block too short");
    const uint64_t units = (uint64_t{fields.u32(12)} << 32) | fields.u32(16);
    return deliver(block, block_offset, fields.u32(8), units, true, 28, fields.u32(20),
                   fields.u32(24), packet);
  }

  ReadStatus obsolete_packet(std::span<const uint8_t> block, FieldReader& fields,
                             uint64_t block_offset, CapturedPacket& packet) {
    if (block.size() < 32) return fail(at(block_offset) + ": packet block too short");
    const uint64_t units = (uint64_t{fields.u32(12)} << 32) | fields.u32(16);
    return deliver(block, block_offset, fields.u16(8), units, true, 28, fields.u32(20),
                   fields.u32(24), packet);
  }

  // A Simple Packet Block carries no captured length: it is the wire length cut to the
  // interface's snaplen, and the block holds exactly that much (plus padding).
  ReadStatus simple_packet(std::span<const uint8_t> block, FieldReader& fields,
                           uint64_t block_offset, CapturedPacket& packet) {
    if (block.size() < 16) return fail(at(block_offset) + ": simple packet block too short");
    if (interfaces_.empty()) {
      return fail(at(block_offset) + ": simple packet block before any interface block");
    }
    const uint32_t wire = fields.u32(8);
    uint32_t captured = wire;
    if (interfaces_[0].snaplen != 0 && captured > interfaces_[0].snaplen) {
      captured = interfaces_[0].snaplen;
    }
    const auto room = static_cast<uint32_t>(block.size() - 16);
    if (captured > room) captured = room;
    return deliver(block, block_offset, 0, 0, false, 12, captured, wire, packet);
  }

  bool big_endian_ = false;
  std::vector<Interface> interfaces_;
  int64_t last_timestamp_ns_ = 0;
};

}  // namespace

std::unique_ptr<CaptureReader> make_pcapng_reader(std::unique_ptr<InputBuffer> input,
                                                  std::string& error) {
  auto reader = std::make_unique<PcapngReader>(std::move(input));
  if (!reader->start(error)) return nullptr;
  return reader;
}

}  // namespace pclassify::capture
