"""Conversations: the state (sequence numbers, tags) that successive packets of one flow
share. Each method returns one IP datagram; the capture wraps it in its link layer.

An endpoint is (address, port). `ip_layer(src, dst, protocol, payload, ident)` builds
the network layer, so a conversation can run over IPv4 options, an IPv6 extension
chain or anything else; IPv4 identifications count up from `first_ident`.
"""

from . import transport as t
from .network import IPPROTO_DCCP, IPPROTO_SCTP, IPPROTO_TCP, IPPROTO_UDP, ip_datagram


class _Conversation:
    def __init__(self, client, server, ip_layer=ip_datagram, first_ident=0x1000):
        self.client, self.server = client, server
        self._ip_layer = ip_layer
        self._ident = first_ident

    def _ip(self, from_client: bool, protocol: int, segment: bytes) -> bytes:
        src, dst = (self.client, self.server) if from_client else (self.server, self.client)
        self._ident += 1
        return self._ip_layer(src[0], dst[0], protocol, segment, self._ident)

    def _ends(self, from_client: bool):
        return (self.client, self.server) if from_client else (self.server, self.client)


class TcpConversation(_Conversation):
    """A TCP connection (RFC 9293 3.5 handshake, 3.6 close) with byte-exact seq/ack."""

    def __init__(self, client, server, client_isn=0x10000000, server_isn=0x20000000, **kw):
        super().__init__(client, server, **kw)
        self._next_seq = {True: client_isn, False: server_isn}
        self._next_ack = {True: 0, False: 0}

    def segment(self, from_client: bool, flags: int, payload: bytes = b"", options: bytes = b"") -> bytes:
        (src, sport), (dst, dport) = self._ends(from_client)
        ack = self._next_ack[from_client] if flags & t.ACK else 0
        seq = self._next_seq[from_client]
        # After the SYNs the window is scaled by the negotiated shift 7: 502 << 7 = 64256.
        window = 64240 if flags & t.SYN else 502
        segment = t.tcp(src, dst, sport, dport, seq, ack, flags, payload, options, window)
        consumed = len(payload) + (1 if flags & (t.SYN | t.FIN) else 0)
        self._next_seq[from_client] = seq + consumed
        self._next_ack[not from_client] = seq + consumed
        return self._ip(from_client, IPPROTO_TCP, segment)

    def handshake(self) -> list:
        return [self.segment(True, t.SYN, options=t.tcp_syn_options()),
                self.segment(False, t.SYN | t.ACK, options=t.tcp_syn_options()),
                self.segment(True, t.ACK)]

    def send(self, from_client: bool, payload: bytes) -> bytes:
        return self.segment(from_client, t.PSH | t.ACK, payload)

    def ack(self, from_client: bool) -> bytes:
        return self.segment(from_client, t.ACK)

    def close(self, client_first: bool = True) -> list:
        """FIN, FIN+ACK, ACK: the three-segment close."""
        return [self.segment(client_first, t.FIN | t.ACK),
                self.segment(not client_first, t.FIN | t.ACK),
                self.segment(client_first, t.ACK)]

    def refuse(self) -> list:
        """SYN answered by RST+ACK: nothing listens on the server port (RFC 9293 3.10.7.1)."""
        return [self.segment(True, t.SYN, options=t.tcp_syn_options()),
                self.segment(False, t.RST | t.ACK)]


class UdpConversation(_Conversation):
    def send(self, from_client: bool, payload: bytes) -> bytes:
        (src, sport), (dst, dport) = self._ends(from_client)
        return self._ip(from_client, IPPROTO_UDP, t.udp(src, dst, sport, dport, payload))


class SctpAssociation(_Conversation):
    """An SCTP association (RFC 9260 5.1 four-way handshake) carrying DATA and SACKs."""

    def __init__(self, client, server, client_tag=0x11223344, server_tag=0x55667788,
                 client_tsn=1000, server_tsn=5000, **kw):
        super().__init__(client, server, **kw)
        self._tag = {True: client_tag, False: server_tag}
        self._next_tsn = {True: client_tsn, False: server_tsn}
        self._stream_sequence = {True: 0, False: 0}

    def packet(self, from_client: bool, chunks: list, verification_tag: int = None) -> bytes:
        (_, sport), (_, dport) = self._ends(from_client)
        # A packet carries the *peer's* tag (8.5); an INIT carries 0 (8.5.1).
        tag = self._tag[not from_client] if verification_tag is None else verification_tag
        return self._ip(from_client, IPPROTO_SCTP, t.sctp(sport, dport, tag, chunks))

    def handshake(self) -> list:
        cookie = bytes(range(1, 33))  # opaque to the client, echoed back (5.1.3)
        return [
            self.packet(True, [t.sctp_init(t.SCTP_INIT, self._tag[True], self._next_tsn[True])],
                        verification_tag=0),
            self.packet(False, [t.sctp_init(t.SCTP_INIT_ACK, self._tag[False], self._next_tsn[False],
                                            t.sctp_parameter(7, cookie))]),  # 7 = State Cookie
            self.packet(True, [t.sctp_chunk(t.SCTP_COOKIE_ECHO, 0, cookie)]),
            self.packet(False, [t.sctp_chunk(t.SCTP_COOKIE_ACK, 0, b"")]),
        ]

    def send(self, from_client: bool, ppid: int, user_data: bytes) -> bytes:
        tsn = self._next_tsn[from_client]
        self._next_tsn[from_client] += 1
        sequence = self._stream_sequence[from_client]
        self._stream_sequence[from_client] += 1
        return self.packet(from_client, [t.sctp_data(tsn, 0, sequence, ppid, user_data)])

    def sack(self, from_client: bool) -> bytes:
        return self.packet(from_client, [t.sctp_sack(self._next_tsn[not from_client] - 1)])


class DccpConnection(_Conversation):
    """A DCCP connection (RFC 4340 8.1 handshake: Request, Response, Ack)."""

    def __init__(self, client, server, service_code: int, client_iss=0x100, server_iss=0x900, **kw):
        super().__init__(client, server, **kw)
        self.service_code = service_code
        self._seq = {True: client_iss, False: server_iss}

    def packet(self, from_client: bool, packet_type: int, payload: bytes = b"", with_ack=True) -> bytes:
        (src, sport), (dst, dport) = self._ends(from_client)
        seq = self._seq[from_client]
        self._seq[from_client] += 1  # every DCCP packet, even a pure ack, takes a number (7.1)
        ack = self._seq[not from_client] - 1 if with_ack else None
        service = self.service_code if packet_type in (t.DCCP_REQUEST, t.DCCP_RESPONSE) else None
        reset_code = 1 if packet_type == t.DCCP_RESET else 0  # 1 = Closed (5.6)
        return self._ip(from_client, IPPROTO_DCCP,
                        t.dccp(src, dst, sport, dport, packet_type, seq, ack, service, payload,
                               reset_code))

    def handshake(self) -> list:
        return [self.packet(True, t.DCCP_REQUEST, with_ack=False),
                self.packet(False, t.DCCP_RESPONSE),
                self.packet(True, t.DCCP_ACK)]

    def send(self, from_client: bool, payload: bytes) -> bytes:
        return self.packet(from_client, t.DCCP_DATA, payload, with_ack=False)

    def close(self) -> list:
        """The client closes: Close, answered by Reset with code Closed (8.3)."""
        return [self.packet(True, t.DCCP_CLOSE), self.packet(False, t.DCCP_RESET)]
