// The ethertype dispatch (IEEE 802 numbers, https://www.iana.org/assignments/ieee-802-numbers),
// shared by Ethernet, 802.1Q tags, Linux SLL, GRE and SNAP: one table, every carrier.
#include <array>

#include "decode/layer.h"

namespace pclassify::decode {

namespace {

struct EthertypeEntry {
  uint16_t ethertype;
  LayerDecoder decoder;
};

// Most common first; the lookup is a short linear scan.
constexpr std::array<EthertypeEntry, 10> kEthertypeTable = {{
    {0x0800, decode_ipv4},
    {0x86DD, decode_ipv6},
    {0x8100, decode_vlan},           // IEEE 802.1Q customer tag
    {0x88A8, decode_vlan},           // IEEE 802.1ad service tag (QinQ)
    {0x9100, decode_vlan},           // pre-standard QinQ
    {0x8847, decode_mpls},           // MPLS unicast (RFC 3032)
    {0x8848, decode_mpls},           // MPLS multicast
    {0x8864, decode_pppoe_session},  // PPPoE session stage (RFC 2516)
    {0x6558, decode_ethernet},       // transparent Ethernet bridging (GRE, RFC 1701)
    {0x9200, decode_vlan},           // another pre-standard QinQ tag
}};

}  // namespace

void decode_ethertype(DecodeContext& ctx, uint16_t ethertype, Slice slice) {
  for (const EthertypeEntry& entry : kEthertypeTable) {
    if (entry.ethertype == ethertype) {
      if (enter_layer(ctx)) entry.decoder(ctx, slice);
      return;
    }
  }
  finish_not_a_flow(ctx);  // ARP, LLDP, PPPoE discovery, ...: valid, not ours
}

}  // namespace pclassify::decode
