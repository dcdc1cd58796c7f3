"""Tunnel headers: GRE and VXLAN. IP-in-IP needs no header of its own: it is an IPv4 or
IPv6 packet whose protocol/next header is 4 (IPv4) or 41 (IPv6) (RFC 2003, RFC 2473,
RFC 4213)."""

import struct


def gre(protocol_type: int, payload: bytes, key: int = None) -> bytes:
    """RFC 2784 section 2.1, with the Key extension of RFC 2890 section 2:
        C(1) R(1) K(1) S(1) reserved0(9) version(3)=0 | protocol type(16) | [key(32)]
    The checksum and sequence number fields are left out (C=0, S=0)."""
    flags = 0x2000 if key is not None else 0
    header = struct.pack("!HH", flags, protocol_type)
    if key is not None:
        header += struct.pack("!I", key)
    return header + payload


def vxlan(vni: int, inner_frame: bytes) -> bytes:
    """RFC 7348 section 5: flags(8) with I=0x08 | reserved(24) | VNI(24) | reserved(8),
    followed by the inner Ethernet frame. Carried in UDP to port 4789."""
    return struct.pack("!II", 0x08 << 24, vni << 8) + inner_frame
