// A progress line on stderr while captures are read: only when stderr is a terminal, only
// once a file has taken more than a second, and redrawn at most a few times a second (the
// read loop calls tick() every few thousand packets, not per packet).
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace pclassify::cli {

class Progress {
 public:
  explicit Progress(bool enabled) : enabled_(enabled) {}
  ~Progress() { clear(); }

  void start_file(const std::string& name, uint64_t size_bytes);
  // `offset` bytes of the current file read; totals so far.
  void tick(uint64_t offset, uint64_t packets, uint64_t flows);
  // Erases the line (before other output to stderr).
  void clear();

  // How many packets the read loop lets pass between ticks.
  static constexpr uint64_t kPacketsPerTick = 8192;

 private:
  using Clock = std::chrono::steady_clock;
  bool enabled_;
  bool shown_ = false;
  std::string name_;
  uint64_t size_ = 0;
  Clock::time_point started_;
  Clock::time_point last_draw_;
};

}  // namespace pclassify::cli
