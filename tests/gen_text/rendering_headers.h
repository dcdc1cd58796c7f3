// The opening lines of a small pipe-table and plain-text rendering (Last Updated, then the
// records table's header), for tests that write a few rows after them and count lines.
#pragma once

#include <string>

namespace pclassify::gen::test {

inline const std::string kPipeHeader =
    "- Last Updated\n- 2025-01-02\n"
    "| Service Name | Port Number | Transport Protocol | Description | Assignee | Contact |"
    " Registration Date | Modification Date | Reference | Service Code |"
    " Unauthorized Use Reported | Assignment Notes |\n"
    "|---|---|---|---|---|---|---|---|---|---|---|---|\n";  // lines 1-4

inline const std::string kPlainHeader =
    "Last Updated\n2025-01-02\n"
    "Service Name Port Number Transport Protocol Description Assignee Contact Registration"
    " Date Modification Date Reference Service Code Unauthorized Use Reported Assignment"
    " Notes\n";  // lines 1-3

}  // namespace pclassify::gen::test
