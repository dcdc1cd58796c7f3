#include "verify/recognizer.h"

namespace pclassify {

void DetailText::push(char c) {
  if (size_ >= kCapacity) return;
  const auto byte = static_cast<unsigned char>(c);
  chars_[size_++] = (byte >= 0x20 && byte < 0x7f) ? c : '.';
}

void DetailText::append(std::string_view text) {
  for (const char c : text) push(c);
}

void DetailText::append(std::span<const uint8_t> bytes) {
  for (const uint8_t b : bytes) push(static_cast<char>(b));
}

void DetailText::append_number(uint64_t value) {
  char digits[20];
  size_t n = 0;
  do {
    digits[n++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value != 0 && n < sizeof digits);
  while (n > 0) push(digits[--n]);
}

}  // namespace pclassify
