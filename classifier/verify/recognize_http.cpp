// HTTP/1.x (RFC 9112 section 3 and 4): a request line "METHOD SP target SP HTTP/1.x" or a
// status line "HTTP/1.x SP ddd". Also SSDP (HTTP over UDP: M-SEARCH, NOTIFY).
//
// A complete start line with the version is strong. A request cut before its version is
// only a hint, and only for a method HTTP defines: RTSP and SIP share the shape and some methods.
#include <array>

#include "verify/recognizer.h"
#include "verify/start_line.h"
#include "verify/wire_text.h"

namespace pclassify {
namespace {

using namespace wire_text;

// RFC 9110 methods plus WebDAV and SSDP ones seen in the wild.
constexpr std::array<std::string_view, 20> kMethods = {
    "GET",      "POST",      "HEAD",  "PUT",    "DELETE", "OPTIONS",   "CONNECT",
    "PATCH",    "TRACE",     "PROPFIND", "PROPPATCH", "MKCOL", "COPY", "MOVE",
    "LOCK",     "UNLOCK",    "REPORT", "SEARCH", "M-SEARCH", "NOTIFY"};

bool is_http_method(std::string_view method) {
  for (const auto m : kMethods) {
    if (m == method) return true;
  }
  return false;
}

bool is_http1_version(std::string_view version) {
  return version == "HTTP/1.0" || version == "HTTP/1.1";
}

// "GET example.org" (method and Host), or "GET /path" when the Host header is not there.
void describe_request(const StartLine& line, std::span<const uint8_t> bytes, DetailText& detail) {
  detail.append(line.method);
  detail.append(" ");
  const std::string_view host = header_value(as_chars(bytes), "Host");
  detail.append(host.empty() || line.method == "CONNECT" ? line.target : host);
}

}  // namespace

Match recognize_http(const Probe& probe) {
  if (probe.bytes.empty() || !is_upper(static_cast<char>(probe.bytes[0]))) return no_match();
  const StartLine line = parse_start_line(probe.bytes);
  if (line.kind == StartLine::Kind::status) {
    if (!is_http1_version(line.version)) return no_match();
    Match m = strong_match(PayloadProtocol::http);
    m.detail.append(line.version);
    m.detail.append(" ");
    m.detail.append(line.code);
    return m;
  }
  if (line.kind != StartLine::Kind::request || !is_http_method(line.method)) return no_match();
  if (!line.version.empty()) {
    if (!is_http1_version(line.version)) return no_match();
    Match m = strong_match(PayloadProtocol::http);
    describe_request(line, probe.bytes, m.detail);
    return m;
  }
  // Cut before the version: what is there of it must still read as HTTP's.
  if (!line.cut_version.empty() && match_prefix(line.cut_version, "HTTP/1.") == Prefix::no) {
    return no_match();
  }
  Match m = hint_match(PayloadProtocol::http);
  describe_request(line, probe.bytes, m.detail);
  return m;
}

}  // namespace pclassify
