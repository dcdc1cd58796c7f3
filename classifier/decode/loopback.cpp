// BSD loopback encapsulation (https://www.tcpdump.org/linktypes/LINKTYPE_NULL.html):
//
//   +-----------------------------+----------------
//   | address family (4 bytes)    | IPv4 / IPv6 packet
//   +-----------------------------+----------------
//
// LINKTYPE_NULL (0) writes the family in the capturing host's byte order, which the file
// does not record: the family is a small number, so whichever order gives a value below
// 256 is the right one. LINKTYPE_LOOP (108, OpenBSD) always uses network byte order.
// AF_INET6 differs between systems: 24 (NetBSD, OpenBSD, BSD/OS), 28 (FreeBSD, DragonFly),
// 30 (macOS, iOS), 10 (Linux).
#include <array>

#include "decode/layer.h"

namespace pclassify::decode {

namespace {

struct FamilyEntry {
  uint32_t family;
  uint16_t ethertype;
};

constexpr std::array<FamilyEntry, 5> kFamilyTable = {{
    {2, 0x0800},   // AF_INET everywhere
    {24, 0x86DD},  // AF_INET6, NetBSD/OpenBSD/BSD/OS
    {28, 0x86DD},  // AF_INET6, FreeBSD
    {30, 0x86DD},  // AF_INET6, Darwin
    {10, 0x86DD},  // AF_INET6, Linux
}};

void dispatch_family(DecodeContext& ctx, uint32_t family, Slice slice) {
  for (const FamilyEntry& entry : kFamilyTable) {
    if (entry.family == family) {
      decode_ethertype(ctx, entry.ethertype, slice.after(4));
      return;
    }
  }
  finish_not_a_flow(ctx);  // OSI, IPX, AppleTalk families
}

}  // namespace

void decode_bsd_null(DecodeContext& ctx, Slice slice) {
  ByteReader r(slice.captured());
  const uint32_t little = r.le32();
  if (r.overrun()) {
    finish_anomaly(ctx, Anomaly::truncated_link_header);
    return;
  }
  ByteReader again(slice.captured());
  const uint32_t big = again.be32();
  dispatch_family(ctx, little < 256 ? little : big, slice);
}

void decode_bsd_loop(DecodeContext& ctx, Slice slice) {
  ByteReader r(slice.captured());
  const uint32_t family = r.be32();
  if (r.overrun()) {
    finish_anomaly(ctx, Anomaly::truncated_link_header);
    return;
  }
  dispatch_family(ctx, family, slice);
}

}  // namespace pclassify::decode
