// SIP (RFC 3261 section 7.1 and 7.2): "METHOD SP Request-URI SP SIP/2.0" or
// "SIP/2.0 SP ddd reason". The version token is what tells SIP from HTTP and RTSP.
#include "verify/recognizer.h"
#include "verify/start_line.h"
#include "verify/wire_text.h"

namespace pclassify {

Match recognize_sip(const Probe& probe) {
  if (probe.bytes.empty() || !wire_text::is_upper(static_cast<char>(probe.bytes[0]))) {
    return no_match();
  }
  const StartLine line = parse_start_line(probe.bytes);
  if (line.version != "SIP/2.0") return no_match();
  Match m = strong_match(PayloadProtocol::sip);
  if (line.kind == StartLine::Kind::status) {
    m.detail.append("SIP/2.0 ");
    m.detail.append(line.code);
  } else {
    m.detail.append(line.method);
    m.detail.append(" ");
    m.detail.append(line.target);
  }
  return m;
}

}  // namespace pclassify
