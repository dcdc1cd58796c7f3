// The IP protocol dispatch (IANA Assigned Internet Protocol Numbers): one slot per value,
// shared by IPv4, the end of the IPv6 extension chain, AH and the IP-in-IP tunnels.
#include <array>

#include "decode/layer.h"

namespace pclassify::decode {

namespace {

constexpr std::array<LayerDecoder, 256> make_ip_protocol_table() {
  std::array<LayerDecoder, 256> table{};
  table[1] = decode_icmp;        // ICMP
  table[4] = decode_ipv4_in_ip;  // IPv4 encapsulation (RFC 2003)
  table[6] = decode_tcp;
  table[17] = decode_udp;
  table[33] = decode_dccp;
  table[41] = decode_ipv6_in_ip;  // IPv6 encapsulation (RFC 4213 / RFC 2473)
  table[47] = decode_gre;
  table[51] = decode_ip_auth_header;  // AH (RFC 4302), IPv4; IPv6 walks it in its chain
  table[58] = decode_icmp;            // ICMPv6
  table[132] = decode_sctp;
  return table;
}

constexpr std::array<LayerDecoder, 256> kIpProtocolTable = make_ip_protocol_table();

}  // namespace

void decode_ip_protocol(DecodeContext& ctx, uint8_t protocol, Slice slice) {
  ctx.out.ip_protocol = protocol;
  const LayerDecoder decoder = kIpProtocolTable[protocol];
  if (decoder == nullptr) {
    finish_not_a_flow(ctx);  // OSPF, ESP, IGMP, ...: valid, not one of our transports
    return;
  }
  if (enter_layer(ctx)) decoder(ctx, slice);
}

}  // namespace pclassify::decode
