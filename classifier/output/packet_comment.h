// The packet comments pclassify writes into annotated pcapng files (`-w`): the label of
// the packet's flow, as Wireshark shows it in `frame.comment`.
//
//   first packet of a flow:
//     pclassify: tcp/443 https "http protocol over TLS/SSL" (basis handshake, system port,
//     assigned); notes: registry_caveat: ...; ...
//   later packets of a flow whose label warrants attention:
//     pclassify warning: tcp/6667 ircu; unauthorized_use: ...
#pragma once

#include <string>

#include "label/label.h"

namespace pclassify::output {

// The comment for the first packet of a flow: service, description, how the server was
// chosen, and every note with its text.
std::string first_packet_comment(const Label& label);

// The comment for a later packet: only the notes that warrant attention; empty when the
// label has none.
std::string warning_comment(const Label& label);

// True when any of the label's notes warrants attention (note_warrants_attention).
bool label_warrants_attention(const Label& label);

}  // namespace pclassify::output
