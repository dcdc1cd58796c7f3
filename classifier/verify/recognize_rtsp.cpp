// RTSP (RFC 2326 section 6 and 7, RFC 7826): "METHOD SP Request-URI SP RTSP/1.0" or
// "RTSP/1.0 SP ddd reason"; RTSP 2.0 uses "RTSP/2.0".
#include "verify/recognizer.h"
#include "verify/start_line.h"
#include "verify/wire_text.h"

namespace pclassify {

Match recognize_rtsp(const Probe& probe) {
  if (probe.bytes.empty() || !wire_text::is_upper(static_cast<char>(probe.bytes[0]))) {
    return no_match();
  }
  const StartLine line = parse_start_line(probe.bytes);
  if (line.version != "RTSP/1.0" && line.version != "RTSP/2.0") return no_match();
  Match m = strong_match(PayloadProtocol::rtsp);
  if (line.kind == StartLine::Kind::status) {
    m.detail.append(line.version);
    m.detail.append(" ");
    m.detail.append(line.code);
  } else {
    m.detail.append(line.method);
    m.detail.append(" ");
    m.detail.append(line.target);
  }
  return m;
}

}  // namespace pclassify
