"""Application payloads, real enough for Wireshark and for pclassify's payload checks.
All fields are fixed so the captures are byte-for-byte reproducible."""

import struct

from .network import packed


# --- HTTP/1.1 (RFC 9112) ---------------------------------------------------------------

def http_get(host: str, path: str = "/") -> bytes:
    return (f"GET {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: pclassify-test/1.0\r\n"
            "Accept: */*\r\n\r\n").encode("ascii")


def http_response(body: bytes = b"hello\n") -> bytes:
    return (b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: "
            + str(len(body)).encode("ascii") + b"\r\n\r\n" + body)


# --- TLS 1.3 (RFC 8446) ----------------------------------------------------------------

def _u8_prefixed(data: bytes) -> bytes:
    return struct.pack("!B", len(data)) + data


def _u16_prefixed(data: bytes) -> bytes:
    return struct.pack("!H", len(data)) + data


def _tls_extension(extension_type: int, data: bytes) -> bytes:
    """RFC 8446 4.2: extension type(16) | extension data<0..2^16-1>."""
    return struct.pack("!H", extension_type) + _u16_prefixed(data)


def _tls_handshake_record(handshake_type: int, body: bytes) -> bytes:
    """Record (RFC 8446 5.1): type(8)=22 handshake | legacy version(16)=0x0301 | length(16),
    holding one handshake message (4): type(8) | length(24) | body."""
    message = struct.pack("!B", handshake_type) + len(body).to_bytes(3, "big") + body
    return struct.pack("!BH", 22, 0x0301) + _u16_prefixed(message)


def tls_client_hello(server_name: str) -> bytes:
    """A TLS 1.3 ClientHello (RFC 8446 4.1.2) with server_name (RFC 6066 3), ALPN
    (RFC 7301), supported_groups, signature_algorithms, supported_versions and key_share."""
    name = server_name.encode("ascii")
    extensions = b"".join([
        # server_name: list<2> of {name type(8)=0 host_name, host name<2>}
        _tls_extension(0, _u16_prefixed(b"\x00" + _u16_prefixed(name))),
        _tls_extension(10, _u16_prefixed(struct.pack("!HH", 0x001D, 0x0017))),  # x25519, P-256
        _tls_extension(13, _u16_prefixed(struct.pack("!HHH", 0x0403, 0x0804, 0x0401))),
        _tls_extension(16, _u16_prefixed(_u8_prefixed(b"h2") + _u8_prefixed(b"http/1.1"))),
        _tls_extension(43, _u8_prefixed(struct.pack("!HH", 0x0304, 0x0303))),
        _tls_extension(51, _u16_prefixed(struct.pack("!H", 0x001D) + _u16_prefixed(bytes(range(32, 64))))),
    ])
    body = (struct.pack("!H", 0x0303) + bytes(range(32))        # legacy version, random
            + _u8_prefixed(bytes(range(64, 96)))                # legacy session id
            + _u16_prefixed(struct.pack("!HHH", 0x1301, 0x1302, 0x1303))
            + _u8_prefixed(b"\x00")                             # compression: null
            + _u16_prefixed(extensions))
    return _tls_handshake_record(1, body)


def tls_server_hello() -> bytes:
    """A TLS 1.3 ServerHello (RFC 8446 4.1.3) choosing TLS_AES_128_GCM_SHA256 and x25519."""
    extensions = (_tls_extension(43, struct.pack("!H", 0x0304))
                  + _tls_extension(51, struct.pack("!H", 0x001D) + _u16_prefixed(bytes(range(96, 128)))))
    body = (struct.pack("!H", 0x0303) + bytes(range(128, 160))
            + _u8_prefixed(bytes(range(64, 96)))  # echo of the client's session id
            + struct.pack("!HB", 0x1301, 0) + _u16_prefixed(extensions))
    return _tls_handshake_record(2, body)


# --- DNS (RFC 1035 4.1) ----------------------------------------------------------------

def _dns_name(name: str) -> bytes:
    return b"".join(_u8_prefixed(label.encode("ascii")) for label in name.split(".")) + b"\x00"


DNS_A, DNS_TXT, DNS_AAAA = 1, 16, 28


def dns_query(ident: int, name: str, qtype: int = DNS_A) -> bytes:
    """Header: id(16) | flags(16)=RD | qdcount | ancount | nscount | arcount, then one
    question: qname | qtype(16) | qclass(16)=IN."""
    return (struct.pack("!HHHHHH", ident, 0x0100, 1, 0, 0, 0) + _dns_name(name)
            + struct.pack("!HH", qtype, 1))


def dns_response(ident: int, name: str, qtype: int, answers: list) -> bytes:
    """A response (QR, RD, RA) repeating the question, with answers (rdata bytes) of the
    same type, each: name pointer 0xC00C to the question | type | class IN | TTL(32) |
    rdlength(16) | rdata."""
    records = b"".join(struct.pack("!HHHIH", 0xC00C, qtype, 1, 300, len(rdata)) + rdata
                       for rdata in answers)
    return (struct.pack("!HHHHHH", ident, 0x8180, 1, len(answers), 0, 0) + _dns_name(name)
            + struct.pack("!HH", qtype, 1) + records)


def dns_a_response(ident: int, name: str, address: str) -> bytes:
    return dns_response(ident, name, DNS_A, [packed(address)])


def dns_aaaa_response(ident: int, name: str, address: str) -> bytes:
    return dns_response(ident, name, DNS_AAAA, [packed(address)])


def dns_txt_response(ident: int, name: str, texts: list) -> bytes:
    """TXT rdata (RFC 1035 3.3.14): one or more <character-string>s (length byte + text)."""
    return dns_response(ident, name, DNS_TXT,
                        [b"".join(_u8_prefixed(text.encode("ascii")) for text in texts)])


# --- Line protocols --------------------------------------------------------------------

def ssh_banner(software: str) -> bytes:
    """RFC 4253 4.2: 'SSH-protoversion-softwareversion SP comments CR LF'."""
    return f"SSH-2.0-{software}\r\n".encode("ascii")


def smtp_line(text: str) -> bytes:
    return f"{text}\r\n".encode("ascii")


def finger_query(user: str) -> bytes:
    """RFC 1288 2.3: {Q1} ::= [{W}|{W}{S}{U}]{C}, i.e. a user name ended by CRLF."""
    return f"{user}\r\n".encode("ascii")


def finger_reply(user: str) -> bytes:
    return (f"Login: {user}\t\t\tName: Alice Example\r\n"
            "Directory: /home/alice\t\tShell: /bin/sh\r\nNo mail.\r\nNo Plan.\r\n").encode("ascii")


def sip_options(caller: str, callee: str, caller_port: int) -> bytes:
    """An RFC 3261 OPTIONS request with the mandatory headers (8.1.1)."""
    return (f"OPTIONS sip:{callee} SIP/2.0\r\n"
            f"Via: SIP/2.0/UDP {caller}:{caller_port};branch=z9hG4bK776asdhds\r\n"
            "Max-Forwards: 70\r\n"
            f"From: <sip:probe@{caller}>;tag=1928301774\r\n"
            f"To: <sip:{callee}>\r\n"
            f"Call-ID: a84b4c76e66710@{caller}\r\n"
            "CSeq: 63104 OPTIONS\r\n"
            "Content-Length: 0\r\n\r\n").encode("ascii")


def sip_ok(caller: str, callee: str, caller_port: int) -> bytes:
    """The 200 OK answering sip_options (RFC 3261 8.2.6: Via, From, To, Call-ID, CSeq copied)."""
    return ("SIP/2.0 200 OK\r\n"
            f"Via: SIP/2.0/UDP {caller}:{caller_port};branch=z9hG4bK776asdhds\r\n"
            f"From: <sip:probe@{caller}>;tag=1928301774\r\n"
            f"To: <sip:{callee}>;tag=a6c85cf\r\n"
            f"Call-ID: a84b4c76e66710@{caller}\r\n"
            "CSeq: 63104 OPTIONS\r\n"
            "Allow: INVITE, ACK, CANCEL, OPTIONS, BYE\r\n"
            "Content-Length: 0\r\n\r\n").encode("ascii")


# --- NTP (RFC 5905 7.3) ----------------------------------------------------------------

def ntp_packet(mode: int, transmit_seconds: int, stratum: int = 0, reference_id: bytes = bytes(4),
               origin_seconds: int = 0) -> bytes:
    """LI(2)=0 VN(3)=4 mode(3) | stratum | poll | precision | root delay(32) |
    root dispersion(32) | reference id(32) | reference, origin, receive, transmit
    timestamps (64 bits each: seconds since 1900, fraction)."""
    def timestamp(seconds):
        return struct.pack("!II", seconds, 0x80000000 if seconds else 0)
    receive = transmit_seconds if mode == 4 else 0
    return (struct.pack("!BBbbII4s", (4 << 3) | mode, stratum, 6, -20, 0, 0, reference_id)
            + timestamp(transmit_seconds - 60 if mode == 4 else 0) + timestamp(origin_seconds)
            + timestamp(receive) + timestamp(transmit_seconds))


# --- SNMPv2c (RFC 3416 PDUs in the RFC 1901 message, BER encoded) ------------------------

def _ber(tag: int, content: bytes) -> bytes:
    """BER TLV with a short or one-byte long-form length (X.690 8.1.3)."""
    if len(content) < 0x80:
        return bytes([tag, len(content)]) + content
    return bytes([tag, 0x81, len(content)]) + content


def _ber_integer(value: int) -> bytes:
    return _ber(0x02, value.to_bytes(max(1, (value.bit_length() + 8) // 8), "big", signed=True))


def snmp_message(pdu_tag: int, request_id: int, value: bytes = None,
                 community: str = "public") -> bytes:
    """Message ::= SEQUENCE { version INTEGER (1 = v2c), community OCTET STRING, PDU },
    PDU ::= [tag] { request-id, error-status, error-index, SEQUENCE OF VarBind },
    with one VarBind for sysDescr.0 (1.3.6.1.2.1.1.1.0); NULL value in a request.
    Tags: 0xA0 GetRequest, 0xA2 Response."""
    sys_descr_oid = _ber(0x06, bytes([0x2B, 6, 1, 2, 1, 1, 1, 0]))
    bound_value = _ber(0x04, value) if value is not None else _ber(0x05, b"")
    varbinds = _ber(0x30, _ber(0x30, sys_descr_oid + bound_value))
    pdu = _ber(pdu_tag, _ber_integer(request_id) + _ber_integer(0) + _ber_integer(0) + varbinds)
    return _ber(0x30, _ber_integer(1) + _ber(0x04, community.encode("ascii")) + pdu)


# --- Diameter (RFC 6733) ---------------------------------------------------------------

def _diameter_avp(code: int, data: bytes) -> bytes:
    """RFC 6733 4.1: code(32) | flags(8)=M | length(24, without padding) | data, padded to 4."""
    avp = struct.pack("!IB", code, 0x40) + (8 + len(data)).to_bytes(3, "big") + data
    return avp + bytes(-len(avp) % 4)


def diameter_watchdog(request: bool, origin_host: str, origin_realm: str,
                      hop_by_hop: int, end_to_end: int) -> bytes:
    """Device-Watchdog-Request/Answer (command 280, RFC 6733 5.5). Header (3):
    version(8)=1 | length(24) | flags(8) (R=0x80) | command code(24) | application id(32)=0 |
    hop-by-hop id(32) | end-to-end id(32). AVPs: Result-Code (268) = 2001 in the answer,
    Origin-Host (264), Origin-Realm (296)."""
    avps = b""
    if not request:
        avps += _diameter_avp(268, struct.pack("!I", 2001))
    avps += (_diameter_avp(264, origin_host.encode("ascii"))
             + _diameter_avp(296, origin_realm.encode("ascii")))
    length = 20 + len(avps)
    return (struct.pack("!B", 1) + length.to_bytes(3, "big")
            + struct.pack("!B", 0x80 if request else 0x00) + (280).to_bytes(3, "big")
            + struct.pack("!III", 0, hop_by_hop, end_to_end) + avps)
