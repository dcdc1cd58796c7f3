"""Link layers: the bytes in front of the IP datagram, one function per header.

Layouts follow https://www.tcpdump.org/linktypes.html unless an RFC is named.
Each builder takes the payload and returns header + payload, so layers nest:
    ethernet(dst, src, ETHERTYPE_8021AD, vlan(200, ETHERTYPE_8021Q, vlan(300, ETHERTYPE_IPV4, ip)))
"""

import struct

# LINKTYPE_* values written in the capture file headers.
LINKTYPE_NULL = 0         # BSD loopback, 4-byte address family in the writer's byte order
LINKTYPE_ETHERNET = 1
LINKTYPE_PPP = 9          # RFC 1661 PPP, optionally in RFC 1662 HDLC-like framing
LINKTYPE_RAW = 101        # raw IPv4 or IPv6, told apart by the version nibble
LINKTYPE_LOOP = 108       # OpenBSD loopback, address family in network byte order
LINKTYPE_LINUX_SLL = 113
LINKTYPE_IPV4 = 228
LINKTYPE_IPV6 = 229
LINKTYPE_LINUX_SLL2 = 276

ETHERTYPE_IPV4 = 0x0800
ETHERTYPE_8021Q = 0x8100
ETHERTYPE_IPV6 = 0x86DD
ETHERTYPE_MPLS = 0x8847
ETHERTYPE_PPPOE_SESSION = 0x8864
ETHERTYPE_8021AD = 0x88A8  # QinQ service tag (outer)
ETHERTYPE_TEB = 0x6558     # transparent Ethernet bridging (GRE)

PPP_IPV4 = 0x0021  # RFC 1332
PPP_IPV6 = 0x0057  # RFC 5072

# Address families as operating systems write them in NULL/LOOP headers.
AF_INET = 2
AF_INET6_BSD = 24      # NetBSD, OpenBSD
AF_INET6_FREEBSD = 28
AF_INET6_DARWIN = 30


def mac(text: str) -> bytes:
    """'00:00:5e:00:53:01' -> 6 bytes."""
    return bytes(int(part, 16) for part in text.split(":"))


def mac_for_ip(ip_packet: bytes, destination: bool = False) -> bytes:
    """A stable MAC for the sender (or receiver) of an IP packet, from the RFC 7042
    documentation range 00-00-5E-00-53-xx, with xx = last byte of the IP address."""
    if ip_packet[0] >> 4 == 4:
        last_byte = ip_packet[19] if destination else ip_packet[15]
    else:
        last_byte = ip_packet[39] if destination else ip_packet[23]
    return bytes([0x00, 0x00, 0x5E, 0x00, 0x53, last_byte])


def ethertype_for(ip_packet: bytes) -> int:
    return ETHERTYPE_IPV4 if ip_packet[0] >> 4 == 4 else ETHERTYPE_IPV6


def ethernet(dst: bytes, src: bytes, ethertype: int, payload: bytes) -> bytes:
    """Ethernet II (IEEE 802.3): dst(6) src(6) ethertype(2). No FCS, no padding."""
    return dst + src + struct.pack("!H", ethertype) + payload


def vlan(vid: int, ethertype: int, payload: bytes, priority: int = 0) -> bytes:
    """IEEE 802.1Q tag after its TPID (the TPID is the enclosing layer's ethertype):
    TCI(2) = PCP(3) DEI(1) VID(12), then the next ethertype(2)."""
    return struct.pack("!HH", (priority << 13) | (vid & 0x0FFF), ethertype) + payload


def mpls(labels: list, payload: bytes, ttl: int = 64) -> bytes:
    """RFC 3032 label stack: label(20) TC(3) S(1) TTL(8) per entry; S set on the last."""
    stack = b""
    for index, label in enumerate(labels):
        bottom = 1 if index == len(labels) - 1 else 0
        stack += struct.pack("!I", (label << 12) | (bottom << 8) | ttl)
    return stack + payload


def pppoe_session(session_id: int, ppp_protocol: int, payload: bytes) -> bytes:
    """RFC 2516 section 4: ver(4)=1 type(4)=1 code(8)=0 session_id(16) length(16),
    then the PPP protocol field (RFC 1661, no address/control bytes) and the datagram.
    The length counts the PPP protocol field and the datagram."""
    ppp = struct.pack("!H", ppp_protocol) + payload
    return struct.pack("!BBHH", 0x11, 0x00, session_id, len(ppp)) + ppp


def ppp_hdlc(ppp_protocol: int, payload: bytes) -> bytes:
    """RFC 1662 HDLC-like framing as LINKTYPE_PPP carries it: address 0xFF, control 0x03,
    then the RFC 1661 protocol field(2). No flag bytes or FCS in captures."""
    return struct.pack("!BBH", 0xFF, 0x03, ppp_protocol) + payload


def linux_sll(protocol: int, payload: bytes, packet_type: int = 0,
              address: bytes = b"") -> bytes:
    """LINKTYPE_LINUX_SLL: packet type(2) ARPHRD type(2)=1 (Ethernet) address length(2)
    address(8, zero padded) protocol(2). Packet type 0 = to us, 4 = sent by us."""
    return (struct.pack("!HHH", packet_type, 1, len(address)) + address.ljust(8, b"\x00")
            + struct.pack("!H", protocol) + payload)


def linux_sll2(protocol: int, payload: bytes, packet_type: int = 0,
               address: bytes = b"", interface_index: int = 2) -> bytes:
    """LINKTYPE_LINUX_SLL2: protocol(2) reserved(2) interface index(4) ARPHRD type(2)
    packet type(1) address length(1) address(8, zero padded)."""
    return (struct.pack("!HHIHBB", protocol, 0, interface_index, 1, packet_type, len(address))
            + address.ljust(8, b"\x00") + payload)


def bsd_null(family: int, payload: bytes, big_endian: bool) -> bytes:
    """LINKTYPE_NULL: the address family as a 4-byte integer in the byte order of the host
    that wrote the capture, which is the byte order of the pcap file itself."""
    return struct.pack(">I" if big_endian else "<I", family) + payload


def bsd_loop(family: int, payload: bytes) -> bytes:
    """LINKTYPE_LOOP: the address family as a 4-byte integer in network byte order."""
    return struct.pack("!I", family) + payload
