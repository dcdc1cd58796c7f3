// Statistics › pclassify, and `tshark -z pclassify,tree`: a stats tree over the
// "pclassify" tap, which the dissector feeds one FrameVerdict per labelled frame.
//
// Flows and packets by service, by payload verdict and by note code (without the IANA
// caveat every flow carries).
#pragma once

namespace pclassify::plugin {

// Registers the tap (returns its id, for tap_queue_packet) and the stats tree.
int register_statistics();

}  // namespace pclassify::plugin
