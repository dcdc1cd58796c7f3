// IP in IP tunnels: IPv4 in IPv4 (protocol 4, RFC 2003), IPv6 in IPv4 (protocol 41,
// RFC 4213 "6in4"), and both inside IPv6 (RFC 2473). The outer header has already been
// decoded; the inner packet starts right after it, with no tunnel header of its own.
#include "decode/layer.h"

namespace pclassify::decode {

void decode_ipv4_in_ip(DecodeContext& ctx, Slice slice) {
  if (enter_tunnel(ctx, TunnelKind::ip_in_ip, 0)) decode_ipv4(ctx, slice);
}

void decode_ipv6_in_ip(DecodeContext& ctx, Slice slice) {
  if (enter_tunnel(ctx, TunnelKind::ip_in_ip, 0)) decode_ipv6(ctx, slice);
}

}  // namespace pclassify::decode
