// pclassify's exit codes (documented in docs/pclassify.md). When several apply, the
// largest wins, except that a usage error stops everything at once.
#pragma once

namespace pclassify::cli {

enum ExitCode : int {
  kExitOk = 0,
  kExitUsage = 1,         // bad option, argument or filter expression
  kExitInputError = 2,    // an input could not be read or is not a valid capture
  kExitTruncated = 3,     // a capture ends inside a record; flows seen so far were printed
  kExitOutputError = 4,   // writing the output failed (disk full, closed pipe)
};

// Combines the outcome of several inputs: input errors outrank truncation.
inline int worse_exit(int a, int b) {
  const auto rank = [](int code) {
    switch (code) {
      case kExitOk: return 0;
      case kExitTruncated: return 1;
      case kExitInputError: return 2;
      case kExitOutputError: return 3;
      default: return 4;
    }
  };
  return rank(a) >= rank(b) ? a : b;
}

}  // namespace pclassify::cli
