#!/usr/bin/env python3
"""Write the generated seeds of the fuzz corpora (tests/fuzz/corpus/<target>/seed-*).

    python3 tests/fuzz/make_seed_corpus.py [--table FILE]

Seeds come from the project's own material only:
  capture_reader       every capture in pcaps/, whole;
  decode_packet        every distinct packet of those captures, prefixed with the selector
                       byte decode_packet_fuzzer.cpp expects (link type index, high bit
                       when the frame was cut by a snaplen);
  flow_path            every capture as one sequence of packet records (flow_path_fuzzer.cpp);
  payload_recognizers  the application payloads pcaps/pcapgen builds, and hand-made first
  payload_verdict      messages for the protocols it does not build;
  service_table        the table file given with --table (a small table pclassify-gen
                       wrote from a registry excerpt), whole and cut at a few points.
The registry-reader seeds are hand-made excerpts committed as they are, and everything a
fuzzer found (merged with -merge=1, or a crash-* reproducer) is committed too: this
script only (re)writes seed-* files it generates and leaves the rest alone.
"""

import argparse
import hashlib
import os
import struct
import sys

sys.dont_write_bytecode = True

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CORPUS = os.path.join(HERE, "corpus")
sys.path.insert(0, os.path.join(ROOT, "pcaps"))

from pcapgen import payload as P  # noqa: E402

# Must match kLinkTypes in fuzz_input.h, in the same order.
LINK_TYPES = [1, 113, 276, 101, 12, 14, 228, 229, 0, 108, 9, 50, 147]

TCP, UDP = 0, 1  # pclassify::Transport values, the selector of the payload targets


# --- reading the project's captures --------------------------------------------------------

def read_pcap(data: bytes):
    """Classic pcap: yields (link type, captured bytes, wire length)."""
    magic = data[:4]
    endian = "<" if magic in (b"\xd4\xc3\xb2\xa1", b"\x4d\x3c\xb2\xa1") else ">"
    link_type = struct.unpack(endian + "I", data[20:24])[0] & 0x0FFFFFFF
    offset = 24
    while offset + 16 <= len(data):
        _, _, caplen, wire = struct.unpack(endian + "IIII", data[offset:offset + 16])
        offset += 16
        yield link_type, data[offset:offset + caplen], wire
        offset += caplen


def read_pcapng(data: bytes):
    """pcapng: Interface Description and Enhanced/Simple Packet Blocks."""
    endian = "<"
    interfaces = []
    offset = 0
    while offset + 12 <= len(data):
        block_type = struct.unpack(endian + "I", data[offset:offset + 4])[0]
        if block_type == 0x0A0D0D0A:
            endian = "<" if data[offset + 8:offset + 12] == b"\x4d\x3c\x2b\x1a" else ">"
            interfaces = []
        length = struct.unpack(endian + "I", data[offset + 4:offset + 8])[0]
        body = data[offset + 8:offset + length - 4]
        if block_type == 1:
            interfaces.append(struct.unpack(endian + "H", body[:2])[0])
        elif block_type == 6:
            interface, _, _, caplen, wire = struct.unpack(endian + "IIIII", body[:20])
            yield interfaces[interface], body[20:20 + caplen], wire
        if length < 12:
            break
        offset += length


def captures():
    pcaps = os.path.join(ROOT, "pcaps")
    for name in sorted(os.listdir(pcaps)):
        if name.endswith(".pcap") or name.endswith(".pcapng"):
            with open(os.path.join(pcaps, name), "rb") as f:
                data = f.read()
            reader = read_pcapng if name.endswith(".pcapng") else read_pcap
            yield name, data, list(reader(data))


def selector(link_type: int, captured: bytes, wire: int) -> int:
    return LINK_TYPES.index(link_type) | (0x80 if wire > len(captured) else 0)


# --- application payloads ------------------------------------------------------------------

def payloads():
    """(name, transport, bytes): one direction's first message each."""
    yield "tls-client-hello", TCP, P.tls_client_hello("www.example.com")
    yield "tls-server-hello", TCP, P.tls_server_hello()
    yield "http-get", TCP, P.http_get("www.example.com")
    yield "http-response", TCP, P.http_response()
    yield "dns-query", UDP, P.dns_query(0x1234, "www.example.com")
    yield "dns-response", UDP, P.dns_a_response(0x1234, "www.example.com", "192.0.2.1")
    dns = P.dns_query(0x4321, "example.org")
    yield "dns-over-tcp", TCP, struct.pack("!H", len(dns)) + dns
    yield "ssh-banner", TCP, P.ssh_banner("OpenSSH_9.6")
    yield "smtp-greeting", TCP, P.smtp_line("220 mail.example.com ESMTP ready")
    yield "sip-options", UDP, P.sip_options("alice", "bob", 5060)
    yield "sip-ok", UDP, P.sip_ok("alice", "bob", 5060)
    yield "ntp-client", UDP, P.ntp_packet(3, 3_913_056_000)
    yield "ntp-server", UDP, P.ntp_packet(4, 3_913_056_000, stratum=2, reference_id=b"GPS\0")
    yield "snmp-get", UDP, P.snmp_message(0xA0, 7)
    # Hand-made first messages of the protocols pcapgen does not build.
    yield "http2-preface", TCP, b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n" + bytes.fromhex("000000040000000000")
    yield "rtsp-options", TCP, b"OPTIONS rtsp://example.com/media RTSP/1.0\r\nCSeq: 1\r\n\r\n"
    yield "ftp-greeting", TCP, b"220 ProFTPD Server ready.\r\n"
    yield "pop3-greeting", TCP, b"+OK POP3 server ready <1896.697170952@example.com>\r\n"
    yield "imap-greeting", TCP, b"* OK [CAPABILITY IMAP4rev1 STARTTLS] ready\r\n"
    yield "irc-nick", TCP, b"NICK guest\r\nUSER guest 0 * :Guest\r\n"
    yield "telnet-options", TCP, bytes([0xFF, 0xFD, 0x18, 0xFF, 0xFD, 0x20, 0xFF, 0xFB, 0x01])
    yield "syslog", UDP, b"<34>1 2024-01-01T00:00:00Z host app - - - message\n"
    yield "rdp-connection-request", TCP, bytes.fromhex(
        "0300002b26e00000000000436f6f6b69653a206d737473686173683d75736572300d0a0100080003000000")
    yield "smb2-negotiate", TCP, bytes.fromhex("000000a4fe534d4240000000000000000000") + bytes(46)
    yield "mysql-greeting", TCP, (bytes.fromhex("4a0000000a") + b"8.0.36\0"
                                  + bytes.fromhex("0a000000") + b"abcdefgh\0" + bytes(32))
    yield "postgresql-startup", TCP, (struct.pack("!II", 41, 196608)
                                      + b"user\0postgres\0database\0db\0\0")
    yield "bittorrent-handshake", TCP, (b"\x13BitTorrent protocol" + bytes(8) + bytes(range(40)))
    yield "wireguard-initiation", UDP, b"\x01\x00\x00\x00" + bytes(range(144))
    yield "openvpn-reset", UDP, b"\x38" + bytes(range(8)) + b"\x00\x00\x00\x00\x00"
    yield "stun-binding", UDP, (struct.pack("!HHI", 0x0001, 0, 0x2112A442) + bytes(range(12)))
    yield "dtls-client-hello", UDP, (bytes.fromhex("16fefd000000000000000000") + struct.pack("!H", 24)
                                     + bytes.fromhex("010000180000000000000018fefd") + bytes(10))
    yield "quic-initial", UDP, (bytes.fromhex("c300000001") + b"\x08" + bytes(range(8))
                                + b"\x00\x00\x44\xd0" + bytes(range(64)))
    yield "kerberos-as-req", UDP, bytes.fromhex("6a2f302da103020105a20302010aa4213011a00703050000000000a10a30") + bytes(8)
    yield "ldap-bind", TCP, bytes.fromhex("300c020101600702010304008000")


def payload_verdict_seed(transport: int, services_bits: int, client: bytes, server: bytes) -> bytes:
    return bytes([transport | (services_bits << 2)]) + struct.pack("!H", len(client)) + client + server


# --- writing -------------------------------------------------------------------------------

def write_seeds(target: str, seeds: dict):
    """Replaces the target's generated seed-* files with `seeds` (name -> bytes)."""
    folder = os.path.join(CORPUS, target)
    os.makedirs(folder, exist_ok=True)
    for name in os.listdir(folder):
        if name.startswith("seed-gen-"):
            os.remove(os.path.join(folder, name))
    for name, data in seeds.items():
        with open(os.path.join(folder, "seed-gen-" + name), "wb") as f:
            f.write(data)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--table", help="a small service table file (pclassify-gen --table)")
    args = parser.parse_args()

    capture_seeds, packet_seeds, flow_seeds = {}, {}, {}
    seen_packets = set()
    for name, data, packets in captures():
        stem = os.path.splitext(name)[0]
        capture_seeds[name] = data
        records = b""
        for index, (link_type, captured, wire) in enumerate(packets):
            sel = selector(link_type, captured, wire)
            records += bytes([sel, 1]) + struct.pack("!H", len(captured)) + captured
            seed = bytes([sel]) + captured
            digest = hashlib.sha1(seed).digest()
            if digest not in seen_packets:
                seen_packets.add(digest)
                packet_seeds[f"{stem}-{index:02d}"] = seed
        flow_seeds[stem] = records
    write_seeds("capture_reader", capture_seeds)
    write_seeds("decode_packet", packet_seeds)
    write_seeds("flow_path", flow_seeds)

    recognizer_seeds, verdict_seeds = {}, {}
    all_payloads = list(payloads())
    for name, transport, data in all_payloads:
        recognizer_seeds[name] = bytes([transport]) + data
    by_name = {name: (transport, data) for name, transport, data in all_payloads}
    # Client/server pairs, with service sets that confirm (https: bit 0), contradict
    # (http: bit 1 with TLS) and leave unknown (no service).
    pairs = {
        "tls-on-https": ("tls-client-hello", "tls-server-hello", 0b000001),
        "tls-on-http": ("tls-client-hello", "tls-server-hello", 0b000010),
        "http-on-http": ("http-get", "http-response", 0b000010),
        "ssh-on-https": ("ssh-banner", "ssh-banner", 0b000001),
        "dns-on-domain": ("dns-query", "dns-response", 0b000100),
        "smtp-on-smtp": ("tls-client-hello", "smtp-greeting", 0b001000),
        "tls-on-http-alt": ("tls-client-hello", "tls-server-hello", 0b010000),
        "http-unassigned": ("http-get", "http-response", 0),
    }
    for name, (client, server, services) in pairs.items():
        transport = by_name[client][0]
        verdict_seeds[name] = payload_verdict_seed(transport, services, by_name[client][1],
                                                   by_name[server][1])
    write_seeds("payload_recognizers", recognizer_seeds)
    write_seeds("payload_verdict", verdict_seeds)

    if args.table:
        with open(args.table, "rb") as f:
            table = f.read()
        lines = table.split(b"\n")
        write_seeds("service_table", {
            "table": table,
            "table-without-end": b"\n".join(line for line in lines if not line.startswith(b"end\t")),
            "table-header-only": lines[0] + b"\nend\t0\n",
        })
    return 0


if __name__ == "__main__":
    sys.exit(main())
