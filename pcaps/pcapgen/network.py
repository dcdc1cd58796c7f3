"""Network layers: IPv4 (RFC 791), IPv6 (RFC 8200) and its extension headers."""

import ipaddress
import struct

from .checksum import internet_checksum

IPPROTO_HOPOPTS = 0
IPPROTO_ICMP = 1
IPPROTO_IPIP = 4
IPPROTO_TCP = 6
IPPROTO_UDP = 17
IPPROTO_DCCP = 33
IPPROTO_IPV6 = 41
IPPROTO_ROUTING = 43
IPPROTO_FRAGMENT = 44
IPPROTO_GRE = 47
IPPROTO_ICMPV6 = 58
IPPROTO_DSTOPTS = 60
IPPROTO_SCTP = 132


def packed(address) -> bytes:
    """'192.0.2.1' or '2001:db8::1' (or already packed bytes) -> 4 or 16 bytes."""
    if isinstance(address, bytes):
        return address
    return ipaddress.ip_address(address).packed


def is_ipv6(address) -> bool:
    return len(packed(address)) == 16


def ipv4(src, dst, protocol: int, payload: bytes, ident: int = 0, ttl: int = 64,
         options: bytes = b"", dont_fragment: bool = False, more_fragments: bool = False,
         fragment_offset: int = 0, total_length: int = None, ihl: int = None) -> bytes:
    """RFC 791 section 3.1:
        version(4) IHL(4) | TOS(8) | total length(16)
        identification(16) | flags(3) fragment offset(13, in 8-byte units)
        TTL(8) | protocol(8) | header checksum(16)
        source(32) | destination(32) | options, padded to 32 bits
    `total_length` and `ihl` override the computed values (for malformed packets)."""
    assert len(options) % 4 == 0, "pad IPv4 options to a multiple of 4 bytes"
    assert fragment_offset % 8 == 0, "fragment offsets are in 8-byte units"
    header_length = 20 + len(options)
    flags = (0x2 if dont_fragment else 0) | (0x1 if more_fragments else 0)
    header = struct.pack(
        "!BBHHHBBH4s4s",
        (4 << 4) | (ihl if ihl is not None else header_length // 4), 0,
        total_length if total_length is not None else header_length + len(payload),
        ident, (flags << 13) | (fragment_offset // 8), ttl, protocol, 0,
        packed(src), packed(dst)) + options
    checksum = internet_checksum(header)
    return header[:10] + struct.pack("!H", checksum) + header[12:] + payload


def ipv4_options_router_alert_record_route() -> bytes:
    """Two IPv4 options: Router Alert (RFC 2113: type 148, length 4, value 0) and Record
    Route (RFC 791: type 7, length 11, pointer 4, two empty slots), then End of Options."""
    router_alert = struct.pack("!BBH", 148, 4, 0)
    record_route = struct.pack("!BBB", 7, 11, 4) + bytes(8)
    return router_alert + record_route + b"\x00"  # 4 + 11 + 1 = 16 bytes


def ipv6(src, dst, next_header: int, payload: bytes, hop_limit: int = 64,
         flow_label: int = 0) -> bytes:
    """RFC 8200 section 3:
        version(4) traffic class(8) flow label(20)
        payload length(16) | next header(8) | hop limit(8)
        source(128) | destination(128)"""
    return struct.pack("!IHBB16s16s", (6 << 28) | flow_label, len(payload), next_header,
                       hop_limit, packed(src), packed(dst)) + payload


def _pad_options(options: bytes) -> bytes:
    """Pad a TLV option area so that 2 + len is a multiple of 8 (RFC 8200 4.2):
    Pad1 (a single zero byte) or PadN (type 1, length, zeros)."""
    missing = (-(2 + len(options))) % 8
    if missing == 1:
        return options + b"\x00"
    if missing >= 2:
        return options + bytes([1, missing - 2]) + bytes(missing - 2)
    return options


def ipv6_options_header(next_header: int, payload: bytes, options: bytes = b"") -> bytes:
    """Hop-by-Hop (RFC 8200 4.3) and Destination Options (4.6) share one layout:
    next header(8) | header extension length(8, in 8-byte units beyond the first) | options."""
    body = _pad_options(options)
    return struct.pack("!BB", next_header, (2 + len(body)) // 8 - 1) + body + payload


def ipv6_segment_routing(next_header: int, payload: bytes, segments: list,
                         segments_left: int = 0) -> bytes:
    """Segment Routing Header, routing type 4 (RFC 8754 section 2):
        next header(8) | hdr ext len(8) | routing type(8)=4 | segments left(8)
        last entry(8) | flags(8) | tag(16) | segment list[0..n-1] (128 bits each)
    Segment list[0] is the final destination."""
    segment_bytes = b"".join(packed(segment) for segment in segments)
    return struct.pack("!BBBBBBH", next_header, len(segment_bytes) // 8, 4, segments_left,
                       len(segments) - 1, 0, 0) + segment_bytes + payload


def ipv6_fragment_header(next_header: int, payload: bytes, offset: int, more: bool,
                         ident: int) -> bytes:
    """RFC 8200 section 4.5: next header(8) reserved(8) fragment offset(13, 8-byte units)
    res(2) M(1) identification(32)."""
    assert offset % 8 == 0
    return struct.pack("!BBHI", next_header, 0, offset | (1 if more else 0), ident) + payload


def ip_datagram(src, dst, protocol: int, payload: bytes, ident: int = 0) -> bytes:
    """IPv4 or IPv6 by address family; the default network layer of the conversations."""
    if is_ipv6(src):
        return ipv6(src, dst, protocol, payload)
    return ipv4(src, dst, protocol, payload, ident=ident)


def fragment_ipv4(src, dst, protocol: int, payload: bytes, ident: int, size: int) -> list:
    """Split one upper-layer payload into IPv4 fragments of `size` bytes (RFC 791 2.3)."""
    return [ipv4(src, dst, protocol, payload[offset:offset + size], ident=ident,
                 fragment_offset=offset, more_fragments=offset + size < len(payload))
            for offset in range(0, len(payload), size)]


def fragment_ipv6(src, dst, protocol: int, payload: bytes, ident: int, size: int) -> list:
    """Split one upper-layer payload into IPv6 fragments (RFC 8200 4.5), each carrying a
    Fragment header whose next header is the upper-layer protocol."""
    return [ipv6(src, dst, IPPROTO_FRAGMENT,
                 ipv6_fragment_header(protocol, payload[offset:offset + size], offset,
                                      offset + size < len(payload), ident))
            for offset in range(0, len(payload), size)]
