#include "cli/terminal.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <string_view>

namespace pclassify::cli {

size_t output_width() {
  constexpr size_t kPipedWidth = 80;
  if (const char* columns = std::getenv("COLUMNS")) {
    char* end = nullptr;
    const long value = std::strtol(columns, &end, 10);
    if (end != columns && *end == '\0' && value >= 20 && value <= 10000) {
      return static_cast<size_t>(value);
    }
  }
  winsize size{};
  if (::isatty(STDOUT_FILENO) && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 &&
      size.ws_col > 0) {
    return size.ws_col;
  }
  return kPipedWidth;
}

bool locale_is_utf8() {
  // The first variable that is set decides, as setlocale() would.
  for (const char* name : {"LC_ALL", "LC_CTYPE", "LANG"}) {
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0') continue;
    const std::string_view text(value);
    for (const std::string_view marker : {"UTF-8", "utf-8", "UTF8", "utf8"}) {
      if (text.find(marker) != std::string_view::npos) return true;
    }
    return false;
  }
  return false;
}

bool is_terminal(int fd) { return ::isatty(fd) != 0; }

}  // namespace pclassify::cli
