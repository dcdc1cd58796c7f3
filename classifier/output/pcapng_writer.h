// Writes packets to a pcapng file with a comment on the packets that need one, so that
// Wireshark shows pclassify's label as the frame comment (`frame.comment`).
//
// libpcap's dump API cannot write packet comments, hence this writer. It writes one
// little-endian section: a Section Header Block naming the application (shb_userappl),
// one Interface Description Block per link type seen (timestamps in nanoseconds,
// if_tsresol = 9), and one Enhanced Packet Block per packet, with an opt_comment option
// when a comment is given. Layout per the pcapng specification
// (draft-ietf-opsawg-pcapng): every block is padded to 32 bits and carries its total
// length at both ends.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace pclassify::output {

class PcapngWriter {
 public:
  // Creates (truncates) `path` and writes the section header. On failure returns nullptr
  // with `error` set ("cannot create FILE: reason").
  static std::unique_ptr<PcapngWriter> create(const std::string& path,
                                              std::string_view application, std::string& error);
  // Writes to an open stream (not closed by the writer). For tests and pipes.
  static std::unique_ptr<PcapngWriter> to_stream(std::FILE* out, std::string_view application);
  ~PcapngWriter();
  PcapngWriter(const PcapngWriter&) = delete;
  PcapngWriter& operator=(const PcapngWriter&) = delete;

  // Writes one packet of link type `link_type` (a LINKTYPE_ value). `comment` (UTF-8) is
  // attached when not empty. Returns false once writing failed (see error()).
  bool write_packet(int link_type, int64_t timestamp_ns, uint32_t wire_length,
                    std::span<const uint8_t> data, std::string_view comment);

  // Pushes buffered blocks to the file (live capture calls this now and then, so that
  // the file is readable while it grows).
  bool flush();
  // Flushes and closes the file. Returns false if anything failed.
  bool close();

  const std::string& error() const { return error_; }
  uint64_t packets_written() const { return packets_written_; }
  uint64_t comments_written() const { return comments_written_; }

 private:
  PcapngWriter(std::FILE* out, bool owns_file, std::string path);

  // The interface id for `link_type`, writing its IDB when the type is new.
  uint32_t interface_for(int link_type);
  void write_section_header(std::string_view application);
  bool emit(const std::vector<uint8_t>& block);
  bool fail(const char* what);

  std::FILE* out_;
  bool owns_file_;
  std::string path_;
  std::vector<int> interfaces_;  // link type of each interface, by id
  std::vector<uint8_t> block_;   // reused for every block
  std::string error_;
  uint64_t packets_written_ = 0;
  uint64_t comments_written_ = 0;
};

}  // namespace pclassify::output
