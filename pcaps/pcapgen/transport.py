"""Transport layers: TCP, UDP, SCTP, DCCP, and the ICMP messages that quote them.

Every builder takes the IP source and destination so it can fill in its checksum.
"""

import struct

from .checksum import crc32c, internet_checksum, transport_checksum
from .network import IPPROTO_DCCP, IPPROTO_ICMPV6, IPPROTO_TCP, IPPROTO_UDP, packed

# TCP flag bits (RFC 9293 3.1).
FIN, SYN, RST, PSH, ACK = 0x01, 0x02, 0x04, 0x08, 0x10


def _with_checksum(header_and_data: bytes, offset: int, checksum: int) -> bytes:
    return header_and_data[:offset] + struct.pack("!H", checksum) + header_and_data[offset + 2:]


def tcp_syn_options(mss: int = 1460) -> bytes:
    """MSS (kind 2, RFC 9293 3.2), NOP, Window Scale 7 (kind 3, RFC 7323),
    NOP, NOP, SACK permitted (kind 4, RFC 2018): 12 bytes."""
    return struct.pack("!BBH", 2, 4, mss) + b"\x01" + bytes([3, 3, 7]) + b"\x01\x01" + bytes([4, 2])


def tcp(src, dst, sport: int, dport: int, seq: int, ack: int, flags: int,
        payload: bytes = b"", options: bytes = b"", window: int = 64240,
        data_offset: int = None) -> bytes:
    """RFC 9293 section 3.1:
        source port(16) | destination port(16) | sequence number(32) | ack number(32)
        data offset(4) reserved(4) | flags(8) | window(16) | checksum(16) | urgent(16)
        options, padded to 32 bits
    `data_offset` overrides the computed header length in 32-bit words (malformed)."""
    assert len(options) % 4 == 0
    offset_words = data_offset if data_offset is not None else (20 + len(options)) // 4
    segment = struct.pack("!HHIIBBHHH", sport, dport, seq & 0xFFFFFFFF, ack & 0xFFFFFFFF,
                          offset_words << 4, flags, window, 0, 0) + options + payload
    return _with_checksum(segment, 16, transport_checksum(packed(src), packed(dst),
                                                          IPPROTO_TCP, segment))


def udp(src, dst, sport: int, dport: int, payload: bytes, length: int = None) -> bytes:
    """RFC 768: source port(16) | destination port(16) | length(16) | checksum(16).
    A computed checksum of 0 is sent as 0xFFFF. `length` overrides the length field."""
    datagram = struct.pack("!HHHH", sport, dport,
                           length if length is not None else 8 + len(payload), 0) + payload
    checksum = transport_checksum(packed(src), packed(dst), IPPROTO_UDP, datagram)
    return _with_checksum(datagram, 6, checksum or 0xFFFF)


# --- SCTP (RFC 9260) -------------------------------------------------------------------

SCTP_DATA, SCTP_INIT, SCTP_INIT_ACK, SCTP_SACK = 0, 1, 2, 3
SCTP_COOKIE_ECHO, SCTP_COOKIE_ACK = 10, 11
SCTP_PPID_DIAMETER = 46  # RFC 6733 (IANA SCTP Payload Protocol Identifiers)


def sctp_chunk(chunk_type: int, flags: int, value: bytes) -> bytes:
    """RFC 9260 3.2: type(8) | flags(8) | length(16, without padding) | value, padded to 4."""
    chunk = struct.pack("!BBH", chunk_type, flags, 4 + len(value)) + value
    return chunk + bytes(-len(chunk) % 4)


def sctp_init(chunk_type: int, initiate_tag: int, initial_tsn: int, parameters: bytes = b"",
              a_rwnd: int = 65536, streams: int = 10) -> bytes:
    """INIT (3.3.2) and INIT ACK (3.3.3): initiate tag(32) | a_rwnd(32) |
    outbound streams(16) | inbound streams(16) | initial TSN(32) | parameters."""
    return sctp_chunk(chunk_type, 0, struct.pack("!IIHHI", initiate_tag, a_rwnd, streams,
                                                 streams, initial_tsn) + parameters)


def sctp_parameter(parameter_type: int, value: bytes) -> bytes:
    """RFC 9260 3.2.1: type(16) | length(16) | value, padded to 4."""
    parameter = struct.pack("!HH", parameter_type, 4 + len(value)) + value
    return parameter + bytes(-len(parameter) % 4)


def sctp_data(tsn: int, stream: int, stream_sequence: int, ppid: int, user_data: bytes) -> bytes:
    """DATA (3.3.1), flags B|E (a whole message): TSN(32) | stream id(16) |
    stream sequence(16) | payload protocol identifier(32) | user data."""
    return sctp_chunk(SCTP_DATA, 0x03, struct.pack("!IHHI", tsn, stream, stream_sequence, ppid)
                      + user_data)


def sctp_sack(cumulative_tsn: int, a_rwnd: int = 65536) -> bytes:
    """SACK (3.3.4) without gap or duplicate reports: cumulative TSN ack(32) | a_rwnd(32) |
    gap blocks(16)=0 | duplicate TSNs(16)=0."""
    return sctp_chunk(SCTP_SACK, 0, struct.pack("!IIHH", cumulative_tsn, a_rwnd, 0, 0))


def sctp(sport: int, dport: int, verification_tag: int, chunks: list) -> bytes:
    """RFC 9260 3.1 common header: source port(16) | destination port(16) |
    verification tag(32) | checksum(32), then the chunks. The checksum is CRC32c over the
    whole packet with the field zeroed (Appendix A), stored least significant byte first
    as the reference implementation does."""
    packet = struct.pack("!HHII", sport, dport, verification_tag, 0) + b"".join(chunks)
    return packet[:8] + struct.pack("<I", crc32c(packet)) + packet[12:]


# --- DCCP (RFC 4340) -------------------------------------------------------------------

DCCP_REQUEST, DCCP_RESPONSE, DCCP_DATA, DCCP_ACK = 0, 1, 2, 3
DCCP_DATAACK, DCCP_CLOSEREQ, DCCP_CLOSE, DCCP_RESET = 4, 5, 6, 7
_DCCP_HAS_ACK = {DCCP_RESPONSE, DCCP_ACK, DCCP_DATAACK, DCCP_CLOSEREQ, DCCP_CLOSE, DCCP_RESET}


def dccp(src, dst, sport: int, dport: int, packet_type: int, seq: int, ack: int = None,
         service_code: int = None, payload: bytes = b"", reset_code: int = 0) -> bytes:
    """RFC 4340 5.1 generic header with X=1 (48-bit sequence numbers):
        source port(16) | destination port(16) | data offset(8, 32-bit words) |
        CCVal(4) CsCov(4) | checksum(16) | res(3) type(4) X(1) | reserved(8) | seq(48)
    then the acknowledgement subheader (5.3: reserved(16) | ack number(48)) for every
    type but Request and Data, the service code(32) for Request (5.2) and Response (5.3),
    and the reset code + data 1..3 (5.6) for Reset. CsCov=0: the checksum covers the
    whole packet and the pseudo-header (9.1)."""
    assert (ack is not None) == (packet_type in _DCCP_HAS_ACK)
    subheaders = b""
    if ack is not None:
        subheaders += struct.pack("!HHI", 0, ack >> 32, ack & 0xFFFFFFFF)
    if packet_type in (DCCP_REQUEST, DCCP_RESPONSE):
        subheaders += struct.pack("!I", service_code)
    if packet_type == DCCP_RESET:
        subheaders += struct.pack("!BBBB", reset_code, 0, 0, 0)
    header_words = (16 + len(subheaders)) // 4
    packet = struct.pack("!HHBBHBBHI", sport, dport, header_words, 0, 0,
                         (packet_type << 1) | 1, 0, seq >> 32, seq & 0xFFFFFFFF)
    packet += subheaders + payload
    return _with_checksum(packet, 6, transport_checksum(packed(src), packed(dst),
                                                        IPPROTO_DCCP, packet))


def dccp_service_code(text: str) -> int:
    """RFC 4340 8.1.2: a service code is often four ASCII characters read as a 32-bit integer."""
    return int.from_bytes(text.encode("ascii"), "big")


# --- ICMP ------------------------------------------------------------------------------

def icmpv4(icmp_type: int, code: int, rest_of_header: bytes, body: bytes) -> bytes:
    """RFC 792: type(8) | code(8) | checksum(16) | 4 type-specific bytes | body.
    The checksum covers the ICMP message only (no pseudo-header)."""
    message = struct.pack("!BBH", icmp_type, code, 0) + rest_of_header + body
    return _with_checksum(message, 2, internet_checksum(message))


def icmpv4_port_unreachable(quoted_ip_packet: bytes) -> bytes:
    """Destination Unreachable (type 3), code 3 = port unreachable, quoting the offending
    datagram's IP header and at least its first 8 bytes (RFC 792, RFC 1812 4.3.2.3)."""
    return icmpv4(3, 3, bytes(4), quoted_ip_packet)


def icmpv4_echo(request: bool, ident: int, sequence: int, data: bytes) -> bytes:
    """Echo (type 8) / Echo Reply (type 0): identifier(16) | sequence(16) | data."""
    return icmpv4(8 if request else 0, 0, struct.pack("!HH", ident, sequence), data)


def icmpv6_port_unreachable(src, dst, quoted_ip_packet: bytes) -> bytes:
    """RFC 4443 3.1: Destination Unreachable (type 1), code 4 = port unreachable:
    type(8) | code(8) | checksum(16) | unused(32) | as much of the invoking packet as fits.
    The checksum includes the IPv6 pseudo-header (RFC 4443 2.3)."""
    message = struct.pack("!BBHI", 1, 4, 0, 0) + quoted_ip_packet
    return _with_checksum(message, 2, transport_checksum(packed(src), packed(dst),
                                                         IPPROTO_ICMPV6, message))
