// The first line of the HTTP family of protocols (HTTP/1.x, RTSP, SIP, SSDP): a request
// line "METHOD SP target SP PROTO/x.y" or a status line "PROTO/x.y SP ddd ...".
// Shared so that each protocol's recogniser only decides which version token is its own.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace pclassify {

struct StartLine {
  enum class Kind : uint8_t { none, request, status };
  Kind kind = Kind::none;
  std::string_view method;   // request: "GET", "INVITE", ...
  std::string_view target;   // request: "/index.html", "sip:bob@example.com", "*"
  std::string_view version;  // "HTTP/1.1", "SIP/2.0", "RTSP/1.0"; empty if the line was cut
  std::string_view cut_version;  // request cut inside its version: what there is ("HTT")
  std::string_view code;     // status: "200"
  bool complete = false;     // the line's CR/LF was seen
};

// Parses the first line of `bytes`. A request line cut before its version still reports
// `request` with an empty version, so a recogniser can weigh a truncated prefix.
StartLine parse_start_line(std::span<const uint8_t> bytes);

}  // namespace pclassify
