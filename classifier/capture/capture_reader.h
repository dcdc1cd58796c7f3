// Reads packets from pcap and pcapng captures with the project's own parsers: the input
// is read in large blocks and every record is bounds-checked (see input_buffer.h). libpcap
// is kept for live capture and BPF only; its savefile reader copies every packet twice.
//
// Errors are values: next() returns a status, and error() says what is wrong and where
// ("record at offset N: ..."). A truncated last record ends the capture with `truncated`;
// every packet before it has been delivered.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>

#include "capture/input_buffer.h"

namespace pclassify::capture {

// One packet as the capture recorded it.
struct CapturedPacket {
  int link_type = 0;             // LINKTYPE_ value of its interface
  uint32_t interface_id = 0;     // pcapng interface; 0 for classic pcap
  uint32_t snaplen = 0;          // the interface's snapshot length (0 = unknown)
  int64_t timestamp_ns = 0;      // nanoseconds since the Unix epoch, UTC
  uint32_t wire_length = 0;      // original length on the wire
  std::span<const uint8_t> data; // captured bytes; valid until the next call to next()
};

enum class ReadStatus : uint8_t {
  packet,     // `packet` is filled
  end,        // the capture ended cleanly
  truncated,  // the capture ends inside a record: error() gives the offset
  error,      // corrupt or unreadable input: error() says what and where
};

enum class CaptureFormat : uint8_t { pcap, pcapng };

// Largest captured length accepted from a record, whatever the file header claims: no
// link layer has frames this large (libpcap's own limit is 256 KiB for most link types).
inline constexpr uint32_t kMaxCapturedLength = 16u << 20;

class CaptureReader {
 public:
  virtual ~CaptureReader() = default;
  CaptureReader(const CaptureReader&) = delete;
  CaptureReader& operator=(const CaptureReader&) = delete;

  // Opens `path` ("-" is standard input) and reads its file header. On failure returns
  // nullptr and sets `error` (without the file name: callers prefix it).
  static std::unique_ptr<CaptureReader> open_file(const std::string& path, std::string& error);
  // Reads a capture held in memory (not copied; must outlive the reader).
  static std::unique_ptr<CaptureReader> open_bytes(std::span<const uint8_t> bytes,
                                                   std::string& error);

  virtual ReadStatus next(CapturedPacket& packet) = 0;
  // Reads up to out.size() packets at once; all of their data stays valid until the next
  // call to next() or next_batch(), so a caller can decode a batch and then prefetch the
  // flow state of all of it. Only the first packet may make the buffer read more input
  // (which moves its bytes): the batch stops before a packet that is not wholly buffered.
  // Returns how many were read; `status` is the status of the last read: `packet`, or
  // end/truncated/error after the packets before it.
  size_t next_batch(std::span<CapturedPacket> out, ReadStatus& status);
  virtual CaptureFormat format() const = 0;

  const std::string& error() const { return error_; }
  // Bytes consumed so far, and the input's size when known (regular files; else 0).
  uint64_t offset() const { return input_->offset(); }
  uint64_t size() const { return size_; }

 protected:
  explicit CaptureReader(std::unique_ptr<InputBuffer> input) : input_(std::move(input)) {}

  ReadStatus fail(std::string message) {
    error_ = std::move(message);
    return ReadStatus::error;
  }
  ReadStatus truncate(std::string message) {
    error_ = std::move(message);
    return ReadStatus::truncated;
  }
  // The input ended before `need` bytes at the cursor: truncated, or a read error.
  ReadStatus short_input(const char* what, size_t need);
  // True when next() would deliver a packet from the bytes already buffered, without
  // reading input (false when unsure: next_batch then ends the batch).
  virtual bool next_is_buffered() const { return false; }

  std::unique_ptr<InputBuffer> input_;
  std::string error_;

 private:
  static std::unique_ptr<CaptureReader> open_input(std::unique_ptr<InputBuffer> input,
                                                   std::string& error);
  uint64_t size_ = 0;
};

}  // namespace pclassify::capture
