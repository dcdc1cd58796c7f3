#!/usr/bin/env python3
"""Generate pclassify's own small test captures into pcaps/ (or --out-dir).

    python3 pcaps/make_captures.py            # regenerate every capture in place
    python3 pcaps/make_captures.py --check    # exit 1 if a committed capture is stale

Every capture is deterministic: fixed timestamps (from 2024-01-01T00:00:00Z), fixed
addresses from the documentation ranges (192.0.2.0/24 servers, 198.51.100.0/24 clients,
203.0.113.0/24 tunnel endpoints and routers, 2001:db8::/32), fixed payloads. What each
file covers and what a classifier should conclude about it is in pcaps/README.md; edit
both together. The layer builders live in pcaps/pcapgen/.
"""

import argparse
import filecmp
import os
import sys
import tempfile

sys.dont_write_bytecode = True  # keep pcaps/ free of __pycache__

from pcapgen import link as L  # noqa: E402
from pcapgen import network as N  # noqa: E402
from pcapgen import payload as P  # noqa: E402
from pcapgen import transport as T  # noqa: E402
from pcapgen.conversation import (DccpConnection, SctpAssociation,  # noqa: E402
                                  TcpConversation, UdpConversation)
from pcapgen.files import Clock, Frame, Interface, frames, write_pcap, write_pcapng  # noqa: E402
from pcapgen.tunnel import gre, vxlan  # noqa: E402

CAPTURES = {}  # file name -> function(path)


def capture(name):
    def register(function):
        CAPTURES[name] = function
        return function
    return register


# --- link-layer wrappers around IP packets ----------------------------------------------

def eth(ip_packet: bytes, ethertype: int = None, payload: bytes = None) -> bytes:
    """Ethernet frame for one IP packet; MACs derive from its addresses. `ethertype` and
    `payload` replace what follows the MACs (VLAN tags, MPLS, PPPoE)."""
    return L.ethernet(L.mac_for_ip(ip_packet, destination=True), L.mac_for_ip(ip_packet),
                      ethertype if ethertype is not None else L.ethertype_for(ip_packet),
                      payload if payload is not None else ip_packet)


def source_of(ip_packet: bytes) -> bytes:
    return ip_packet[12:16] if ip_packet[0] >> 4 == 4 else ip_packet[8:24]


def is_v4(ip_packet: bytes) -> bool:
    return ip_packet[0] >> 4 == 4


def ppp_protocol_for(ip_packet: bytes) -> int:
    return L.PPP_IPV4 if is_v4(ip_packet) else L.PPP_IPV6


def through_tunnel(inner_packets, inner_client, outer_client, outer_server, encapsulate):
    """Carry each inner packet between two tunnel endpoints: client-side packets go
    outer_client -> outer_server. encapsulate(outer_src, outer_dst, inner, ident)."""
    outer = []
    for index, inner in enumerate(inner_packets):
        from_client = source_of(inner) == N.packed(inner_client)
        src, dst = (outer_client, outer_server) if from_client else (outer_server, outer_client)
        outer.append(encapsulate(src, dst, inner, 0x2000 + index))
    return outer


def ip_in_ip(src, dst, inner, ident):
    """RFC 2003 (4in4), RFC 4213 (6in4), RFC 2473 (4in6, 6in6): protocol 4 or 41."""
    return N.ip_datagram(src, dst, N.IPPROTO_IPIP if is_v4(inner) else N.IPPROTO_IPV6, inner, ident)


# --- payload-carrying conversations reused by several captures -----------------------------

def http_flow(client, server, host="www.example.com", **kw) -> list:
    """TCP handshake, GET, 200 OK, client ack, three-segment close: 9 packets."""
    tcp = TcpConversation(client, server, **kw)
    return (tcp.handshake() + [tcp.send(True, P.http_get(host)), tcp.send(False, P.http_response()),
                               tcp.ack(True)] + tcp.close())


def dns_flow(client, server, name="www.example.com", ident=0x1234, **kw) -> list:
    """One UDP query and its answer (A for IPv4 servers, AAAA for IPv6)."""
    udp = UdpConversation(client, server, **kw)
    if N.is_ipv6(server[0]):
        return [udp.send(True, P.dns_query(ident, name, P.DNS_AAAA)),
                udp.send(False, P.dns_aaaa_response(ident, name, "2001:db8:2::80"))]
    return [udp.send(True, P.dns_query(ident, name)),
            udp.send(False, P.dns_a_response(ident, name, "192.0.2.80"))]


def ssh_flow(client, server, **kw) -> list:
    """Handshake, server banner first (RFC 4253 4.2), client banner, ack: 6 packets."""
    tcp = TcpConversation(client, server, **kw)
    return tcp.handshake() + [tcp.send(False, P.ssh_banner("OpenSSH_9.6p1 Debian-4")),
                              tcp.send(True, P.ssh_banner("pclassify_test_1.0")), tcp.ack(False)]


def tls_flow(client, server, sni="www.example.com", **kw) -> list:
    """Handshake, ClientHello with SNI, ServerHello, client ack: 6 packets."""
    tcp = TcpConversation(client, server, **kw)
    return tcp.handshake() + [tcp.send(True, P.tls_client_hello(sni)),
                              tcp.send(False, P.tls_server_hello()), tcp.ack(True)]


def syn_exchange(client, server, **kw) -> list:
    """Handshake only: enough for a flow whose server port is named by the SYN."""
    return TcpConversation(client, server, **kw).handshake()


# --- link types ------------------------------------------------------------------------

@capture("eth_ipv4_tcp_http.pcap")
def eth_ipv4_tcp_http(path):
    packets = http_flow(("198.51.100.10", 49152), ("192.0.2.80", 80))
    write_pcap(path, L.LINKTYPE_ETHERNET, frames([eth(p) for p in packets]))


@capture("linux_sll_udp_dns.pcap")
def linux_sll_udp_dns(path):
    packets = (dns_flow(("198.51.100.11", 53001), ("192.0.2.53", 53))
               + dns_flow(("2001:db8:1::11", 53002), ("2001:db8:2::53", 53), ident=0x4321))
    client_mac = L.mac("00:00:5e:00:53:11")
    link = [L.linux_sll(L.ethertype_for(p), p, packet_type=4 if i % 2 == 0 else 0, address=client_mac)
            for i, p in enumerate(packets)]  # queries sent by us (4), answers to us (0)
    write_pcap(path, L.LINKTYPE_LINUX_SLL, frames(link))


@capture("linux_sll2_tcp_ssh.pcap")
def linux_sll2_tcp_ssh(path):
    packets = ssh_flow(("198.51.100.12", 50022), ("192.0.2.22", 22))
    link = [L.linux_sll2(L.ethertype_for(p), p, packet_type=4 if source_of(p)[-1] == 12 else 0,
                         address=L.mac_for_ip(p)) for p in packets]
    write_pcap(path, L.LINKTYPE_LINUX_SLL2, frames(link))


@capture("raw_ip_tls_dns.pcap")
def raw_ip_tls_dns(path):
    packets = (tls_flow(("198.51.100.13", 51443), ("192.0.2.43", 443))
               + dns_flow(("2001:db8:1::13", 53013), ("2001:db8:2::53", 53)))
    write_pcap(path, L.LINKTYPE_RAW, frames(packets))


@capture("linktype_ipv4_ntp_nsec.pcap")
def linktype_ipv4_ntp_nsec(path):
    udp = UdpConversation(("198.51.100.14", 50123), ("192.0.2.123", 123))
    ntp_now = 3_913_056_000  # 2024-01-01 in NTP seconds (since 1900)
    packets = [udp.send(True, P.ntp_packet(3, ntp_now)),
               udp.send(False, P.ntp_packet(4, ntp_now, stratum=2, origin_seconds=ntp_now,
                                            reference_id=N.packed("203.0.113.123")))]
    # Steps with sub-microsecond parts: only a nanosecond file keeps them.
    write_pcap(path, L.LINKTYPE_IPV4, frames(packets, Clock(step_ns=1_234_567_891)), nanosecond=True)


@capture("linktype_ipv6_tcp_http.pcap")
def linktype_ipv6_tcp_http(path):
    packets = http_flow(("2001:db8:1::15", 49215), ("2001:db8:2::80", 80))
    write_pcap(path, L.LINKTYPE_IPV6, frames(packets))


def _bsd_loopback_packets():
    return (dns_flow(("198.51.100.16", 53016), ("192.0.2.53", 53))
            + syn_exchange(("2001:db8:1::16", 49216), ("2001:db8:2::88", 8080)))


@capture("null_loopback_le.pcap")
def null_loopback_le(path):
    link = [L.bsd_null(L.AF_INET if is_v4(p) else L.AF_INET6_DARWIN, p, big_endian=False)
            for p in _bsd_loopback_packets()]
    write_pcap(path, L.LINKTYPE_NULL, frames(link))


@capture("null_loopback_be.pcap")
def null_loopback_be(path):
    # A big-endian writer (e.g. SPARC, PowerPC): file header and NULL family both big-endian.
    link = [L.bsd_null(L.AF_INET if is_v4(p) else L.AF_INET6_FREEBSD, p, big_endian=True)
            for p in _bsd_loopback_packets()]
    write_pcap(path, L.LINKTYPE_NULL, frames(link), big_endian=True)


@capture("loop_openbsd.pcap")
def loop_openbsd(path):
    link = [L.bsd_loop(L.AF_INET if is_v4(p) else L.AF_INET6_BSD, p) for p in _bsd_loopback_packets()]
    write_pcap(path, L.LINKTYPE_LOOP, frames(link))


@capture("ppp_hdlc.pcap")
def ppp_hdlc(path):
    packets = (dns_flow(("198.51.100.17", 53017), ("192.0.2.53", 53))
               + syn_exchange(("2001:db8:1::17", 49217), ("2001:db8:2::43", 443)))
    write_pcap(path, L.LINKTYPE_PPP, frames([L.ppp_hdlc(ppp_protocol_for(p), p) for p in packets]))


@capture("eth_vlan_qinq.pcap")
def eth_vlan_qinq(path):
    tagged = [eth(p, L.ETHERTYPE_8021Q, L.vlan(100, L.ethertype_for(p), p))
              for p in syn_exchange(("198.51.100.18", 49218), ("192.0.2.80", 80))]
    double_tagged = [eth(p, L.ETHERTYPE_8021AD,
                         L.vlan(200, L.ETHERTYPE_8021Q, L.vlan(300, L.ethertype_for(p), p)))
                     for p in dns_flow(("198.51.100.19", 53019), ("192.0.2.53", 53))]
    write_pcap(path, L.LINKTYPE_ETHERNET, frames(tagged + double_tagged))


@capture("eth_mpls.pcap")
def eth_mpls(path):
    one_label = [eth(p, L.ETHERTYPE_MPLS, L.mpls([1001], p))
                 for p in dns_flow(("198.51.100.20", 53020), ("192.0.2.53", 53))]
    two_labels = [eth(p, L.ETHERTYPE_MPLS, L.mpls([2001, 2002], p))
                  for p in syn_exchange(("198.51.100.21", 49221), ("192.0.2.43", 443))]
    write_pcap(path, L.LINKTYPE_ETHERNET, frames(one_label + two_labels))


@capture("eth_pppoe_session.pcap")
def eth_pppoe_session(path):
    packets = (http_flow(("198.51.100.22", 49222), ("192.0.2.80", 80))
               + dns_flow(("2001:db8:1::22", 53022), ("2001:db8:2::53", 53)))
    link = [eth(p, L.ETHERTYPE_PPPOE_SESSION, L.pppoe_session(0x0042, ppp_protocol_for(p), p))
            for p in packets]
    write_pcap(path, L.LINKTYPE_ETHERNET, frames(link))


# --- IP features -----------------------------------------------------------------------

@capture("ipv4_options.pcap")
def ipv4_options(path):
    def with_options(src, dst, protocol, payload, ident):
        return N.ipv4(src, dst, protocol, payload, ident=ident,
                      options=N.ipv4_options_router_alert_record_route())
    packets = dns_flow(("198.51.100.23", 53023), ("192.0.2.53", 53), ip_layer=with_options)
    write_pcap(path, L.LINKTYPE_ETHERNET, frames([eth(p) for p in packets]))


def _fragmented_dns(client, server, fragment):
    """A query, then its TXT answer as one UDP datagram cut into three IP fragments
    by `fragment(src, dst, protocol, udp_datagram, ident, size)`."""
    name, ident = "frag.example.com", 0x0F0F
    query = UdpConversation(client, server).send(True, P.dns_query(ident, name, P.DNS_TXT))
    answer = P.dns_txt_response(ident, name, ["v=pclassify fragment test " + "a" * 70,
                                              "second string " + "b" * 80])
    datagram = T.udp(server[0], client[0], server[1], client[1], answer)
    fragments = fragment(server[0], client[0], N.IPPROTO_UDP, datagram, 0xABCD, 96)
    assert len(fragments) == 3, len(fragments)
    return [query] + fragments


@capture("ipv4_fragments.pcap")
def ipv4_fragments(path):
    packets = _fragmented_dns(("198.51.100.24", 53024), ("192.0.2.53", 53), N.fragment_ipv4)
    write_pcap(path, L.LINKTYPE_ETHERNET, frames([eth(p) for p in packets]))


@capture("ipv6_fragments.pcap")
def ipv6_fragments(path):
    packets = _fragmented_dns(("2001:db8:1::25", 53025), ("2001:db8:2::53", 53), N.fragment_ipv6)
    write_pcap(path, L.LINKTYPE_ETHERNET, frames([eth(p) for p in packets]))


@capture("ipv6_extension_chain.pcap")
def ipv6_extension_chain(path):
    def with_chain(src, dst, protocol, payload, ident):
        # Hop-by-Hop -> Destination Options -> Routing (SRH, nothing left to visit) -> TCP.
        routing = N.ipv6_segment_routing(protocol, payload, segments=[dst], segments_left=0)
        destination = N.ipv6_options_header(N.IPPROTO_ROUTING, routing)
        return N.ipv6(src, dst, N.IPPROTO_HOPOPTS, N.ipv6_options_header(N.IPPROTO_DSTOPTS, destination))
    packets = http_flow(("2001:db8:1::26", 49226), ("2001:db8:2::80", 80), ip_layer=with_chain)
    write_pcap(path, L.LINKTYPE_ETHERNET, frames([eth(p) for p in packets]))


# --- tunnels ---------------------------------------------------------------------------

@capture("gre.pcap")
def gre_tunnels(path):
    def plain(src, dst, inner, ident):
        return N.ipv4(src, dst, N.IPPROTO_GRE, gre(L.ethertype_for(inner), inner), ident=ident)

    def keyed(src, dst, inner, ident):
        return N.ipv4(src, dst, N.IPPROTO_GRE, gre(L.ethertype_for(inner), inner, key=0x00000BAD),
                      ident=ident)
    client, server = ("198.51.100.27", 53027), ("192.0.2.53", 53)
    packets = through_tunnel(dns_flow(client, server), client[0], "203.0.113.1", "203.0.113.2", plain)
    client, server = ("198.51.100.28", 50028), ("192.0.2.22", 22)
    packets += through_tunnel(ssh_flow(client, server), client[0], "203.0.113.3", "203.0.113.4", keyed)
    write_pcap(path, L.LINKTYPE_ETHERNET, frames([eth(p) for p in packets]))


@capture("ip_in_ip.pcap")
def ip_in_ip_tunnels(path):
    flows = [  # (make inner flow, inner client, inner server, outer client, outer server)
        (ssh_flow, ("198.51.100.29", 50029), ("192.0.2.22", 22), "203.0.113.5", "203.0.113.6"),  # 4in4
        (dns_flow, ("2001:db8:1::30", 53030), ("2001:db8:2::53", 53), "203.0.113.7", "203.0.113.8"),  # 6in4
        (syn_exchange, ("198.51.100.31", 49231), ("192.0.2.80", 80), "2001:db8:7::1", "2001:db8:7::2"),  # 4in6
        (tls_flow, ("2001:db8:1::32", 49232), ("2001:db8:2::43", 443), "2001:db8:7::3", "2001:db8:7::4"),  # 6in6
    ]
    packets = []
    for make_flow, client, server, outer_client, outer_server in flows:
        packets += through_tunnel(make_flow(client, server), client[0], outer_client, outer_server, ip_in_ip)
    write_pcap(path, L.LINKTYPE_ETHERNET, frames([eth(p) for p in packets]))


@capture("vxlan.pcap")
def vxlan_tunnel(path):
    vtep_ports = {"203.0.113.9": 49321, "203.0.113.10": 52011}  # RFC 7348: source port from a flow hash

    def encapsulate(src, dst, inner, ident):
        datagram = T.udp(src, dst, vtep_ports[src], 4789, vxlan(4242, eth(inner)))
        return N.ipv4(src, dst, N.IPPROTO_UDP, datagram, ident=ident)
    client = ("198.51.100.33", 49233)
    packets = through_tunnel(http_flow(client, ("192.0.2.80", 80)), client[0],
                             "203.0.113.9", "203.0.113.10", encapsulate)
    write_pcap(path, L.LINKTYPE_ETHERNET, frames([eth(p) for p in packets]))


# --- transports ------------------------------------------------------------------------

@capture("sctp_diameter.pcap")
def sctp_diameter(path):
    sctp = SctpAssociation(("198.51.100.34", 49234), ("192.0.2.38", 3868))
    request = P.diameter_watchdog(True, "client.example.org", "example.org", 0x0A0B0C01, 0x55550001)
    answer = P.diameter_watchdog(False, "dra.example.com", "example.com", 0x0A0B0C01, 0x55550001)
    packets = sctp.handshake() + [sctp.send(True, T.SCTP_PPID_DIAMETER, request), sctp.sack(False),
                                  sctp.send(False, T.SCTP_PPID_DIAMETER, answer), sctp.sack(True)]
    write_pcap(path, L.LINKTYPE_ETHERNET, frames([eth(p) for p in packets]))


@capture("dccp_discard.pcap")
def dccp_discard(path):
    # Port 9 is discard for DCCP too, with service code 1145656131 = "DISC" in the registry.
    dccp = DccpConnection(("198.51.100.35", 49235), ("192.0.2.9", 9), T.dccp_service_code("DISC"))
    packets = dccp.handshake() + [dccp.send(True, b"discard me, please\n"),
                                  dccp.send(True, b"and this too\n")] + dccp.close()
    write_pcap(path, L.LINKTYPE_ETHERNET, frames([eth(p) for p in packets]))


# --- server-port rules -----------------------------------------------------------------

@capture("tcp_server_port_by_handshake.pcap")
def tcp_server_port_by_handshake(path):
    # 1) The initiator uses the higher port, itself registered (6000 x11) -> SMTP on 25.
    smtp = TcpConversation(("198.51.100.36", 6000), ("192.0.2.25", 25))
    packets = smtp.handshake() + [smtp.send(False, P.smtp_line("220 mail.example.com ESMTP ready")),
                                  smtp.send(True, P.smtp_line("EHLO client.example.org")),
                                  smtp.send(False, P.smtp_line("250 mail.example.com")),
                                  smtp.send(True, P.smtp_line("QUIT")),
                                  smtp.send(False, P.smtp_line("221 2.0.0 Bye"))] + smtp.close(False)
    # 2) The client binds a low port (1023) and connects to a high server port (8080).
    packets += http_flow(("198.51.100.37", 1023), ("192.0.2.88", 8080), host="www.example.com:8080")
    write_pcap(path, L.LINKTYPE_ETHERNET, frames([eth(p) for p in packets]))


@capture("udp_server_port_inferred.pcap")
def udp_server_port_inferred(path):
    # 1) SIP: the dynamic-port client speaks first, as usual.
    caller, callee = ("198.51.100.38", 56038), ("192.0.2.60", 5060)
    sip = UdpConversation(caller, callee)
    packets = [sip.send(True, P.sip_options(caller[0], callee[0], caller[1])),
               sip.send(False, P.sip_ok(caller[0], callee[0], caller[1]))]
    # 2) SNMP: the capture starts with the agent's Response, so the first packet comes
    #    from the registered port 161; the manager's next GetRequest follows.
    snmp = UdpConversation(("198.51.100.39", 50161), ("192.0.2.161", 161))
    packets += [snmp.send(False, P.snmp_message(0xA2, 7001, b"pclassify test agent")),
                snmp.send(True, P.snmp_message(0xA0, 7002)),
                snmp.send(False, P.snmp_message(0xA2, 7002, b"pclassify test agent"))]
    write_pcap(path, L.LINKTYPE_ETHERNET, frames([eth(p) for p in packets]))


# --- registry notes --------------------------------------------------------------------

@capture("ports_unassigned_reserved.pcap")
def ports_unassigned_reserved(path):
    unassigned = TcpConversation(("198.51.100.40", 49240), ("192.0.2.49", 4907))
    packets = (unassigned.handshake() + [unassigned.send(True, b"hello?\n"), unassigned.ack(False)]
               + unassigned.close())
    packets += TcpConversation(("198.51.100.41", 49241), ("192.0.2.24", 1024)).refuse()
    write_pcap(path, L.LINKTYPE_ETHERNET, frames([eth(p) for p in packets]))


@capture("ports_deassigned.pcap")
def ports_deassigned(path):
    tcp = TcpConversation(("198.51.100.42", 49242), ("192.0.2.50", 5030))
    packets = tcp.handshake() + [tcp.send(True, b"\x00\x01surfpass?\n"), tcp.ack(False)] + tcp.close()
    write_pcap(path, L.LINKTYPE_ETHERNET, frames([eth(p) for p in packets]))


@capture("ports_unauthorized_use.pcap")
def ports_unauthorized_use(path):
    packets = syn_exchange(("198.51.100.43", 49243), ("192.0.2.96", 796))
    finger = TcpConversation(("198.51.100.44", 49244), ("192.0.2.79", 79))
    packets += finger.handshake() + [finger.send(True, P.finger_query("alice")),
                                     finger.send(False, P.finger_reply("alice"))] + finger.close(False)
    write_pcap(path, L.LINKTYPE_ETHERNET, frames([eth(p) for p in packets]))


@capture("payload_contradicts_port.pcap")
def payload_contradicts_port(path):
    # 1) SSH on 443, a common way through firewalls that only let HTTPS out.
    packets = ssh_flow(("198.51.100.53", 49253), ("192.0.2.43", 443))
    # 2) A plain HTTP GET to 53/tcp, which is registered to DNS.
    http = TcpConversation(("198.51.100.54", 49254), ("192.0.2.53", 53))
    packets += http.handshake() + [http.send(True, P.http_get("www.example.com")),
                                   http.send(False, P.http_response()), http.ack(True)]
    write_pcap(path, L.LINKTYPE_ETHERNET, frames([eth(p) for p in packets]))


# --- ICMP and anomalies ----------------------------------------------------------------

@capture("icmp_errors_quoting_udp.pcap")
def icmp_errors_quoting_udp(path):
    # The offending datagrams were not captured: only the errors quoting them were.
    probe = N.ipv4("198.51.100.45", "192.0.2.45", N.IPPROTO_UDP,
                   T.udp("198.51.100.45", "192.0.2.45", 40045, 33434, bytes(12)), ident=0x4545, ttl=1)
    client6, server6 = "2001:db8:1::45", "2001:db8:2::53"
    query = N.ipv6(client6, server6, N.IPPROTO_UDP,
                   T.udp(client6, server6, 53045, 53, P.dns_query(0x4545, "www.example.com")))
    echo_request = T.icmpv4_echo(True, 0x0045, 1, b"ping" * 8)
    echo_reply = T.icmpv4_echo(False, 0x0045, 1, b"ping" * 8)
    packets = [
        N.ipv4("192.0.2.45", "198.51.100.45", N.IPPROTO_ICMP, T.icmpv4_port_unreachable(probe), ident=0x0101),
        N.ipv6(server6, client6, N.IPPROTO_ICMPV6, T.icmpv6_port_unreachable(server6, client6, query)),
        N.ipv4("198.51.100.45", "192.0.2.45", N.IPPROTO_ICMP, echo_request, ident=0x0102),
        N.ipv4("192.0.2.45", "198.51.100.45", N.IPPROTO_ICMP, echo_reply, ident=0x0103),
    ]
    write_pcap(path, L.LINKTYPE_ETHERNET, frames([eth(p) for p in packets]))


@capture("malformed.pcap")
def malformed(path):
    """One anomaly per packet (names from classifier/decode/anomaly.h), then a valid query."""
    c, s = "198.51.100.46", "192.0.2.46"
    syn = T.tcp(c, s, 49246, 80, 1, 0, T.SYN)
    packets = [
        # truncated_transport_header: the IP datagram ends 10 bytes into the TCP header.
        N.ipv4(c, s, N.IPPROTO_TCP, syn[:10], ident=1),
        # bad_ip_header_length: IHL = 4 (16 bytes), below the 20-byte minimum.
        N.ipv4(c, s, N.IPPROTO_UDP, T.udp(c, s, 53046, 53, b"x" * 12), ident=2, ihl=4),
        # bad_udp_length: the UDP length field says 200, the datagram has 20 bytes.
        N.ipv4(c, s, N.IPPROTO_UDP, T.udp(c, s, 53046, 53, b"y" * 12, length=200), ident=3),
        # bad_tcp_header_length: TCP data offset 3 words (12 bytes), below the minimum 5.
        N.ipv4(c, s, N.IPPROTO_TCP, T.tcp(c, s, 49246, 80, 1, 0, T.SYN, data_offset=3), ident=4),
        # bad_ip_total_length: total length 16, smaller than the 20-byte header.
        N.ipv4(c, s, N.IPPROTO_UDP, T.udp(c, s, 53046, 53, b"z" * 12), ident=5, total_length=16),
        # ip_length_beyond_frame: total length 1500, the frame holds 40 bytes of IP.
        N.ipv4(c, s, N.IPPROTO_UDP, T.udp(c, s, 53046, 53, b"w" * 12), ident=6, total_length=1500),
        # fragment_without_first: a last fragment (offset 1480) whose first was never seen.
        N.ipv4(c, s, N.IPPROTO_UDP, b"v" * 24, ident=7, fragment_offset=1480),
    ]
    link = [eth(p) for p in packets]
    # truncated_ip_header: an Ethernet frame with only 12 bytes of IPv4 header.
    link.append(eth(packets[0], payload=packets[0][:12]))
    # truncated_link_header: a 10-byte frame, shorter than an Ethernet header.
    link.append(eth(packets[0])[:10])
    # Not an anomaly: a well-formed DNS query, so decoding visibly carries on.
    link += [eth(p) for p in dns_flow((c, 53047), ("192.0.2.53", 53))[:1]]
    write_pcap(path, L.LINKTYPE_ETHERNET, frames(link))


@capture("snaplen_96.pcap")
def snaplen_96(path):
    # Every frame is cut to 96 bytes: the headers survive, most of the payload does not.
    tcp = TcpConversation(("198.51.100.47", 49247), ("192.0.2.80", 80))
    body = b"".join(b"line %03d of a long body\n" % i for i in range(40))
    packets = tcp.handshake() + [tcp.send(True, P.http_get("www.example.com", "/long")),
                                 tcp.send(False, P.http_response(body)), tcp.ack(True)]
    write_pcap(path, L.LINKTYPE_ETHERNET, frames([eth(p) for p in packets]), snaplen=96)


# --- pcapng ----------------------------------------------------------------------------

@capture("pcapng_two_interfaces.pcapng")
def pcapng_two_interfaces(path):
    """Interface 0 is Ethernet (microseconds), interface 1 raw IP (nanoseconds)."""
    on_ethernet = frames([eth(p) for p in dns_flow(("198.51.100.48", 53048), ("192.0.2.53", 53))],
                         Clock(step_ns=2_000_000), interface=0)
    on_raw = frames(ssh_flow(("198.51.100.49", 50049), ("192.0.2.22", 22)),
                    Clock(offset_ns=500_001, step_ns=1_000_003), interface=1)
    records = sorted(on_ethernet + on_raw, key=lambda frame: frame.timestamp_ns)
    interfaces = [Interface(L.LINKTYPE_ETHERNET, "eth0"), Interface(L.LINKTYPE_RAW, "tun0", tsresol=9)]
    write_pcapng(path, interfaces, records)


@capture("pcapng_two_interfaces_same_linktype.pcapng")
def pcapng_two_interfaces_same_linktype(path):
    """Two Ethernet interfaces with different timestamp resolutions (10^-6 and 10^-9):
    the multi-interface case libpcap can read (it refuses mixed link types)."""
    first = frames([eth(p) for p in dns_flow(("198.51.100.51", 53051), ("192.0.2.53", 53))],
                   Clock(step_ns=2_000_000), interface=0)
    second = frames([eth(p) for p in syn_exchange(("198.51.100.52", 49252), ("192.0.2.80", 80))],
                    Clock(offset_ns=700_001, step_ns=1_000_003), interface=1)
    records = sorted(first + second, key=lambda frame: frame.timestamp_ns)
    interfaces = [Interface(L.LINKTYPE_ETHERNET, "eth0"), Interface(L.LINKTYPE_ETHERNET, "eth1", tsresol=9)]
    write_pcapng(path, interfaces, records)


@capture("pcapng_comment.pcapng")
def pcapng_comment(path):
    packets = tls_flow(("198.51.100.50", 49250), ("192.0.2.43", 443), sni="comment.example.com")
    records = frames([eth(p) for p in packets])
    records[3].comment = "TLS ClientHello, SNI comment.example.com"
    write_pcapng(path, [Interface(L.LINKTYPE_ETHERNET, "eth0")], records)


# --- main ------------------------------------------------------------------------------

def generate(out_dir: str) -> list:
    written = []
    for name, make in CAPTURES.items():
        path = os.path.join(out_dir, name)
        make(path)
        written.append(path)
    return written


def main() -> int:
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out-dir", default=here, help="where to write (default: pcaps/)")
    parser.add_argument("--check", action="store_true",
                        help="generate into a temporary folder and compare with --out-dir")
    args = parser.parse_args()
    if not args.check:
        for path in generate(args.out_dir):
            print(f"{os.path.getsize(path):6d}  {path}")
        return 0
    stale = []
    with tempfile.TemporaryDirectory() as scratch:
        for fresh in generate(scratch):
            committed = os.path.join(args.out_dir, os.path.basename(fresh))
            if not os.path.exists(committed) or not filecmp.cmp(fresh, committed, shallow=False):
                stale.append(os.path.basename(fresh))
    for name in stale:
        print(f"stale or missing: {name} (regenerate: python3 pcaps/make_captures.py)", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
