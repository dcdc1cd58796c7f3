// The first dispatch: the capture's link type (pcap LINKTYPE_ values, see
// https://www.tcpdump.org/linktypes.html) chooses the link-layer decoder.
#include <array>

#include "decode/layer.h"

namespace pclassify::decode {

namespace {

struct LinkEntry {
  int link_type;
  LayerDecoder decoder;
};

// Ethernet first: it is by far the most common, and the lookup is a short linear scan.
constexpr std::array<LinkEntry, 12> kLinkTable = {{
    {1, decode_ethernet},      // LINKTYPE_ETHERNET
    {113, decode_linux_sll},   // LINKTYPE_LINUX_SLL
    {276, decode_linux_sll2},  // LINKTYPE_LINUX_SLL2
    {101, decode_raw_ip},      // LINKTYPE_RAW
    {12, decode_raw_ip},       // DLT_RAW as most BSDs and Linux number it in files
    {14, decode_raw_ip},       // DLT_RAW on BSD/OS
    {228, decode_ipv4},        // LINKTYPE_IPV4
    {229, decode_ipv6},        // LINKTYPE_IPV6
    {0, decode_bsd_null},      // LINKTYPE_NULL: family in the capturing host's byte order
    {108, decode_bsd_loop},    // LINKTYPE_LOOP: family in network byte order
    {9, decode_ppp},           // LINKTYPE_PPP
    {50, decode_ppp_hdlc},     // LINKTYPE_PPP_HDLC
}};

}  // namespace

void decode_link(DecodeContext& ctx, int link_type, Slice slice) {
  for (const LinkEntry& entry : kLinkTable) {
    if (entry.link_type == link_type) {
      if (enter_layer(ctx)) entry.decoder(ctx, slice);
      return;
    }
  }
  finish_anomaly(ctx, Anomaly::unsupported_link_type);
}

}  // namespace pclassify::decode
