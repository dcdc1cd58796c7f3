// SSH protocol version exchange (RFC 4253 section 4.2): "SSH-protoversion-softwareversion"
// followed by CR LF; protoversion is "2.0", or "1.99" for servers that also speak SSH-1.
#include "verify/recognizer.h"
#include "verify/wire_text.h"

namespace pclassify {

Match recognize_ssh(const Probe& probe) {
  using namespace wire_text;
  const std::string_view text = as_chars(probe.bytes);
  if (text.size() < 5 || text.substr(0, 4) != "SSH-" || !is_digit(text[4])) return no_match();
  const Line line = first_line(text);
  const bool known_version = line.text.starts_with("SSH-2.0-") ||
                             line.text.starts_with("SSH-1.99-") ||
                             line.text.starts_with("SSH-1.5-");
  Match m = known_version ? strong_match(PayloadProtocol::ssh) : hint_match(PayloadProtocol::ssh);
  m.detail.append(line.text);
  return m;
}

}  // namespace pclassify
