#include "cli/progress.h"

#include <cstdio>

namespace pclassify::cli {
namespace {

constexpr auto kQuietStart = std::chrono::seconds(1);
constexpr auto kRedrawEvery = std::chrono::milliseconds(200);
constexpr int kBarWidth = 24;

}  // namespace

void Progress::start_file(const std::string& name, uint64_t size_bytes) {
  name_ = name;
  size_ = size_bytes;
  started_ = Clock::now();
  last_draw_ = started_;
}

void Progress::tick(uint64_t offset, uint64_t packets, uint64_t flows) {
  if (!enabled_) return;
  const auto now = Clock::now();
  if (now - started_ < kQuietStart || now - last_draw_ < kRedrawEvery) return;
  last_draw_ = now;
  std::string line = "\r\033[Kpclassify: " + name_ + " ";
  if (size_ > 0) {
    const double fraction = offset >= size_ ? 1.0 : static_cast<double>(offset) / static_cast<double>(size_);
    const int filled = static_cast<int>(fraction * kBarWidth);
    line += '[' + std::string(static_cast<size_t>(filled), '#') +
            std::string(static_cast<size_t>(kBarWidth - filled), '.') + "] ";
    line += std::to_string(static_cast<int>(fraction * 100)) + "% ";
  } else {
    line += std::to_string(offset >> 20) + " MiB ";
  }
  line += std::to_string(packets) + " packets, " + std::to_string(flows) + " flows";
  std::fputs(line.c_str(), stderr);
  std::fflush(stderr);
  shown_ = true;
}

void Progress::clear() {
  if (!shown_) return;
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
  shown_ = false;
}

}  // namespace pclassify::cli
