#include "output/pcapng_writer.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <limits>

namespace pclassify::output {
namespace {

// Block types and option codes (pcapng specification, section 4 and 3.5).
constexpr uint32_t kSectionHeaderBlock = 0x0A0D0D0A;
constexpr uint32_t kInterfaceDescriptionBlock = 0x00000001;
constexpr uint32_t kEnhancedPacketBlock = 0x00000006;
constexpr uint32_t kByteOrderMagic = 0x1A2B3C4D;
constexpr uint16_t kOptEndOfOptions = 0;
constexpr uint16_t kOptComment = 1;
constexpr uint16_t kShbUserApplication = 4;
constexpr uint16_t kIfTimestampResolution = 9;
constexpr uint8_t kNanoseconds = 9;  // if_tsresol: 10^-9 s

// Options hold at most 65535 bytes; a comment is cut (at a UTF-8 boundary) to fit.
constexpr size_t kMaxOptionLength = std::numeric_limits<uint16_t>::max();
// EPB lengths are 32-bit and the whole block must fit: keep far below that.
constexpr size_t kMaxPacketLength = size_t{1} << 28;

void put_u16(std::vector<uint8_t>& out, uint16_t v) {
  out.push_back(static_cast<uint8_t>(v));
  out.push_back(static_cast<uint8_t>(v >> 8));
}
void put_u32(std::vector<uint8_t>& out, uint32_t v) {
  for (int shift = 0; shift < 32; shift += 8) out.push_back(static_cast<uint8_t>(v >> shift));
}
void put_u64(std::vector<uint8_t>& out, uint64_t v) {
  for (int shift = 0; shift < 64; shift += 8) out.push_back(static_cast<uint8_t>(v >> shift));
}
void pad_to_32_bits(std::vector<uint8_t>& out) {
  while (out.size() % 4 != 0) out.push_back(0);
}
void put_bytes(std::vector<uint8_t>& out, const void* data, size_t size) {
  const auto* bytes = static_cast<const uint8_t*>(data);
  out.insert(out.end(), bytes, bytes + size);
}

// The longest prefix of `text` of at most `limit` bytes that does not split a UTF-8
// sequence.
std::string_view utf8_prefix(std::string_view text, size_t limit) {
  if (text.size() <= limit) return text;
  size_t end = limit;
  while (end > 0 && (static_cast<uint8_t>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

void put_option(std::vector<uint8_t>& out, uint16_t code, std::string_view value) {
  value = utf8_prefix(value, kMaxOptionLength);
  put_u16(out, code);
  put_u16(out, static_cast<uint16_t>(value.size()));
  put_bytes(out, value.data(), value.size());
  pad_to_32_bits(out);
}

void put_end_of_options(std::vector<uint8_t>& out) {
  put_u16(out, kOptEndOfOptions);
  put_u16(out, 0);
}

// Starts a block: type and a placeholder for the total length.
void begin_block(std::vector<uint8_t>& out, uint32_t type) {
  out.clear();
  put_u32(out, type);
  put_u32(out, 0);
}

// Ends a block: the total length (including the trailing copy) at offset 4 and at the end.
void end_block(std::vector<uint8_t>& out) {
  const auto total = static_cast<uint32_t>(out.size() + 4);
  for (int i = 0; i < 4; ++i) out[4 + i] = static_cast<uint8_t>(total >> (8 * i));
  put_u32(out, total);
}

}  // namespace

PcapngWriter::PcapngWriter(std::FILE* out, bool owns_file, std::string path)
    : out_(out), owns_file_(owns_file), path_(std::move(path)) {}

PcapngWriter::~PcapngWriter() { close(); }

std::unique_ptr<PcapngWriter> PcapngWriter::create(const std::string& path,
                                                   std::string_view application,
                                                   std::string& error) {
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) {
    error = "cannot create " + path + ": " + std::strerror(errno);
    return nullptr;
  }
  std::unique_ptr<PcapngWriter> writer(new PcapngWriter(file, true, path));
  writer->write_section_header(application);
  if (!writer->error_.empty()) {
    error = writer->error_;
    return nullptr;
  }
  return writer;
}

std::unique_ptr<PcapngWriter> PcapngWriter::to_stream(std::FILE* out,
                                                      std::string_view application) {
  std::unique_ptr<PcapngWriter> writer(new PcapngWriter(out, false, "(stream)"));
  writer->write_section_header(application);
  return writer;
}

void PcapngWriter::write_section_header(std::string_view application) {
  begin_block(block_, kSectionHeaderBlock);
  put_u32(block_, kByteOrderMagic);
  put_u16(block_, 1);  // major version
  put_u16(block_, 0);  // minor version
  put_u64(block_, std::numeric_limits<uint64_t>::max());  // section length: not given
  put_option(block_, kShbUserApplication, application);
  put_end_of_options(block_);
  end_block(block_);
  emit(block_);
}

uint32_t PcapngWriter::interface_for(int link_type) {
  for (size_t id = 0; id < interfaces_.size(); ++id) {
    if (interfaces_[id] == link_type) return static_cast<uint32_t>(id);
  }
  begin_block(block_, kInterfaceDescriptionBlock);
  put_u16(block_, static_cast<uint16_t>(link_type));
  put_u16(block_, 0);  // reserved
  put_u32(block_, 0);  // snaplen: 0 = no limit
  put_u16(block_, kIfTimestampResolution);
  put_u16(block_, 1);
  block_.push_back(kNanoseconds);
  pad_to_32_bits(block_);
  put_end_of_options(block_);
  end_block(block_);
  emit(block_);
  interfaces_.push_back(link_type);
  return static_cast<uint32_t>(interfaces_.size() - 1);
}

bool PcapngWriter::write_packet(int link_type, int64_t timestamp_ns, uint32_t wire_length,
                                std::span<const uint8_t> data, std::string_view comment) {
  if (!error_.empty()) return false;
  if (link_type < 0 || link_type > 0xFFFF) {
    error_ = "link type " + std::to_string(link_type) + " cannot be written to pcapng";
    return false;
  }
  if (data.size() > kMaxPacketLength) data = data.first(kMaxPacketLength);
  const uint32_t interface_id = interface_for(link_type);
  const uint64_t timestamp = timestamp_ns > 0 ? static_cast<uint64_t>(timestamp_ns) : 0;
  const auto captured = static_cast<uint32_t>(data.size());

  begin_block(block_, kEnhancedPacketBlock);
  put_u32(block_, interface_id);
  put_u32(block_, static_cast<uint32_t>(timestamp >> 32));
  put_u32(block_, static_cast<uint32_t>(timestamp));
  put_u32(block_, captured);
  put_u32(block_, std::max(wire_length, captured));  // the original length is never shorter
  put_bytes(block_, data.data(), data.size());
  pad_to_32_bits(block_);
  if (!comment.empty()) {
    put_option(block_, kOptComment, comment);
    put_end_of_options(block_);
    ++comments_written_;
  }
  end_block(block_);
  if (!emit(block_)) return false;
  ++packets_written_;
  return true;
}

bool PcapngWriter::emit(const std::vector<uint8_t>& block) {
  if (!error_.empty()) return false;
  if (std::fwrite(block.data(), 1, block.size(), out_) != block.size()) return fail("write");
  return true;
}

bool PcapngWriter::fail(const char* what) {
  error_ = std::string("cannot ") + what + " " + path_ + ": " + std::strerror(errno);
  return false;
}

bool PcapngWriter::flush() {
  if (!error_.empty()) return false;
  if (out_ != nullptr && std::fflush(out_) != 0) return fail("write");
  return true;
}

bool PcapngWriter::close() {
  if (out_ == nullptr) return error_.empty();
  flush();
  if (owns_file_ && std::fclose(out_) != 0 && error_.empty()) fail("close");
  out_ = nullptr;
  return error_.empty();
}

}  // namespace pclassify::output
