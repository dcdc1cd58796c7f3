"""Checksums: the Internet checksum (RFC 1071) with its pseudo-headers, and CRC32c for SCTP."""

import struct


def internet_checksum(data: bytes) -> int:
    """RFC 1071: ones' complement of the ones' complement sum of 16-bit big-endian words."""
    if len(data) % 2:
        data += b"\x00"
    total = sum(struct.unpack(f"!{len(data) // 2}H", data))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return ~total & 0xFFFF


def pseudo_header(src: bytes, dst: bytes, protocol: int, length: int) -> bytes:
    """The pseudo-header TCP, UDP and DCCP checksums cover.

    IPv4 (RFC 793 3.1 / RFC 768): src(4) dst(4) zero(1) protocol(1) length(2).
    IPv6 (RFC 8200 8.1): src(16) dst(16) length(4) zero(3) next-header(1).
    """
    if len(src) == 4:
        return src + dst + struct.pack("!BBH", 0, protocol, length)
    return src + dst + struct.pack("!I3xB", length, protocol)


def transport_checksum(src: bytes, dst: bytes, protocol: int, segment: bytes) -> int:
    """Checksum of a transport segment whose checksum field is zero, over the pseudo-header."""
    return internet_checksum(pseudo_header(src, dst, protocol, len(segment)) + segment)


def _crc32c_table() -> list:
    # Castagnoli polynomial 0x1EDC6F41, bit-reflected: 0x82F63B78 (RFC 9260 Appendix A).
    table = []
    for byte in range(256):
        crc = byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0x82F63B78 if crc & 1 else crc >> 1
        table.append(crc)
    return table


_CRC32C_TABLE = _crc32c_table()


def crc32c(data: bytes) -> int:
    """CRC32c as SCTP uses it: reflected, initial value and final XOR 0xFFFFFFFF."""
    crc = 0xFFFFFFFF
    for byte in data:
        crc = _CRC32C_TABLE[(crc ^ byte) & 0xFF] ^ (crc >> 8)
    return crc ^ 0xFFFFFFFF
