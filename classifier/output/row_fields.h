// Internal to output/: the flat fields the writers share, in one place.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>

#include "output/flow_report.h"
#include "output/text_encoding.h"

namespace pclassify::output {

constexpr std::string_view tunnel_kind_text(TunnelKind kind) {  // "" for none
  switch (kind) {
    case TunnelKind::none: return "";
    case TunnelKind::gre: return "gre";
    case TunnelKind::ip_in_ip: return "ip_in_ip";
    case TunnelKind::vxlan: return "vxlan";
  }
  return "";
}

// Bounds of the names above and of transport_name(), for writers that format into a
// fixed buffer.
inline constexpr size_t kMaxTunnelKindText = std::max(
    {tunnel_kind_text(TunnelKind::gre).size(), tunnel_kind_text(TunnelKind::ip_in_ip).size(),
     tunnel_kind_text(TunnelKind::vxlan).size()});
inline constexpr size_t kMaxTransportText =
    std::max({transport_name(Transport::tcp).size(), transport_name(Transport::udp).size(),
              transport_name(Transport::sctp).size(), transport_name(Transport::dccp).size()});

// The CSV and Zeek tunnel columns: kind, outer source, outer destination, each after
// `separator`, written at `out` (at most kTunnelColumnsSize bytes); returns the end.
inline constexpr size_t kTunnelColumnsSize = 3 + kMaxTunnelKindText + 2 * kMaxIpText;
inline char* write_tunnel_columns(char* out, char separator, const TunnelInfo& tunnel) {
  *out++ = separator;
  out = write_chars(out, tunnel_kind_text(tunnel.kind));
  *out++ = separator;
  out = write_ip(out, tunnel.outer_src);
  *out++ = separator;
  return write_ip(out, tunnel.outer_dst);
}

// Names of the label's registrations, in table order (empty names skipped).
std::string registration_names(const Label& label, char separator);
// Codes of the label's notes.
std::string note_codes(const Label& label, char separator);

}  // namespace pclassify::output
