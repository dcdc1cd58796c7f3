// Reads Wireshark's `services` file (/usr/share/wireshark/services): IANA's registry cut
// down to services(5) lines, the fallback input when no registry file is at hand.
//
//   # comment lines
//   http		80/tcp/udp/sctp	# World Wide Web HTTP
//   x11		6000-6063/tcp/udp	# X Window System
//   name		PORT[-PORT]/PROTO[/PROTO...]	[# description]
//
// Each line yields one record per protocol, with the name, the port range and the
// description; everything else the registry holds (assignees, dates, notes, Reserved and
// Unassigned rows, DNS-SD names) is absent from this file. The file has no "Last Updated"
// date, so last_updated stays empty (merged as the oldest input), and it does not claim to
// be the full registry.
#pragma once

#include <string_view>

#include "readers.h"

namespace pclassify::gen {

ReadOutcome read_wireshark_services(std::string_view text, std::string_view file);

}  // namespace pclassify::gen
