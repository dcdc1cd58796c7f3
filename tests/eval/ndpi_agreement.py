#!/usr/bin/env python3
"""Agreement between pclassify's payload verdicts and nDPI's deep packet inspection.

For every capture in PCAPS (default ../shared/pcaps) that has nDPI's result next to it
(CAPTURE.ndpi.out), runs `pclassify -q -o json CAPTURE` and matches flows by 5-tuple
(transport and the two address:port ends, in either order). For each flow nDPI decided
by DPI ("[Confidence: DPI]"), nDPI's view of the port claim is:
    match     nDPI's protocol is one the server port's IANA service speaks
              (NDPI_TO_IANA below, or the protocol's name is the service name);
    mismatch  it is not.
pclassify's view is its verdict: confirmed, contradicted or unknown. They agree when
confirmed meets match or contradicted meets mismatch.

Targets (--check exits 1 when missed):
  * more than 90% agreement on the flows where both decide;
  * no flow where pclassify says contradicted and nDPI's DPI confirms the port's service.

Usage: ndpi_agreement.py --pclassify BIN [--pcaps DIR] [--markdown FILE] [--check]
Exit codes: 0 ok, 1 a target missed (--check), 77 the captures are absent (ctest: skipped).
"""

import argparse
import ipaddress
import json
import os
import re
import subprocess
import sys

# nDPI protocol (the master protocol: "TLS" of "TLS.Facebook") -> the IANA service names
# whose traffic that protocol is. Names are as the IANA registry spells them; aliases on
# the same port count too (pclassify reports every registration of the port). A protocol
# absent here, or mapped to an empty set, is one no IANA service on the port speaks
# (BitTorrent, WireGuard, TeamViewer, RTP...: IANA registers no port for them), so nDPI
# finding it on a registered port is a mismatch.
TLS_SERVICES = {"https", "imaps", "pop3s", "ldaps", "ftps", "ftps-data", "submissions",
                "nntps", "ircs-u", "domain-s", "telnets", "sip-tls", "xmpp-client",
                "xmpp-server", "syslog-tls", "snews", "ssl-https"}
NDPI_TO_IANA = {
    "TLS": TLS_SERVICES,
    "DTLS": TLS_SERVICES,
    "IMAPS": {"imaps"},
    "QUIC": {"https"},             # QUIC runs HTTP/3 on 443/udp, registered as https
    "HTTP": {"http", "www", "www-http", "http-alt", "http-mgmt", "httpx"},
    "HTTP_Connect": {"http", "www", "www-http", "http-alt", "squid-http"},
    "HTTP_Proxy": {"http-alt", "squid-http", "socks"},
    "DNS": {"domain", "mdns", "llmnr"},
    "SSH": {"ssh"},
    "SMTP": {"smtp", "submission"},
    "POP3": {"pop3"},
    "IMAP": {"imap", "imap3"},
    "FTP_CONTROL": {"ftp"},
    "FTP_DATA": {"ftp-data"},
    "NTP": {"ntp"},
    "SIP": {"sip"},
    "RTSP": {"rtsp"},
    "RDP": {"ms-wbt-server"},
    "SMBv1": {"microsoft-ds", "netbios-ssn"},
    "SMBv23": {"microsoft-ds", "netbios-ssn"},
    "NetBIOS": {"netbios-ns", "netbios-dgm", "netbios-ssn"},
    "SNMP": {"snmp", "snmptrap"},
    "MySQL": {"mysql"},
    "PostgreSQL": {"postgresql"},
    "MongoDB": {"mongodb"},
    "Telnet": {"telnet"},
    "IRC": {"irc", "ircu"},
    "Kerberos": {"kerberos", "kerberos-adm", "kpasswd", "kerberos-iv"},
    "LDAP": {"ldap"},
    "Syslog": {"syslog", "syslog-conn"},
    "OpenVPN": {"openvpn"},
    "STUN": {"stun", "turn", "stuns", "turns"},
    "IPSec": {"isakmp", "ipsec-nat-t"},
    "NFS": {"nfs", "sunrpc"},
    "DNP3": {"dnp", "dnp-sec"},
    "Modbus": {"mbap"},
    "SOCKS": {"socks"},
    "Dropbox": {"db-lsp", "db-lsp-disc"},
    "DHCPV6": {"dhcpv6-client", "dhcpv6-server"},
    "DHCP": {"bootps", "bootpc"},
    "BitTorrent": set(),
    "WireGuard": set(),
    "TeamViewer": set(),
    "RTP": set(),
    "Discord": set(),
}
# Not application protocols over a port: nothing to compare.
NOT_COMPARABLE = {"ICMP", "ICMPV6", "SCTP", "Unknown", "IGMP", "GRE", "ESP"}

FLOW_LINE = re.compile(
    r"^\s*\d+\s+([A-Z][A-Z0-9]*)\s+(\S+)\s+<?->\s+(\S+)\s+(?:\[VLAN:[^\]]*\]\s*)?"
    r"\[proto:\s*([^\]]+)\]"
    r".*?\[Confidence:\s*([^\]]+)\]")
CAPTURE_SUFFIXES = (".pcap", ".pcapng", ".cap")
TRANSPORTS = {"tcp", "udp", "sctp", "dccp"}


def endpoint(text):
    """'1.2.3.4:80' or '[2001:db8::1]:80' -> (ip_address, port)."""
    host, _, port = text.rpartition(":")
    return ipaddress.ip_address(host.strip("[]")), int(port)


def flow_key(transport, a, b):
    return transport.lower(), frozenset((a, b))


def master_protocol(proto):
    """'7/HTTP' -> 'HTTP'; '91.126/TLS.Google' -> 'TLS'; 'VXLAN:5.119/DNS.Facebook' ->
    'DNS'; 'NetBIOS.SMBv1' keeps the more specific 'SMBv1' when the master is NetBIOS."""
    names = proto.rsplit("/", 1)[-1].split(".")
    if names[0] == "NetBIOS" and len(names) > 1:
        return names[1]
    return names[0]


def read_ndpi(path):
    flows = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = FLOW_LINE.match(line)
            if not m:
                continue
            transport, a, b, proto, confidence = m.groups()
            try:
                key = flow_key(transport, endpoint(a), endpoint(b))
            except ValueError:
                continue
            flows.append({"key": key, "proto": master_protocol(proto), "raw_proto": proto,
                          "confidence": confidence.strip(), "text": f"{transport} {a} <-> {b}"})
    return flows


def read_pclassify(binary, capture):
    run = subprocess.run([binary, "-q", "-o", "json", capture], capture_output=True,
                         text=True, check=False)
    if run.returncode not in (0, 3):
        raise RuntimeError(f"{capture}: pclassify exited {run.returncode}: {run.stderr}")
    flows = {}
    for line in run.stdout.splitlines():
        doc = json.loads(line)
        src, dst = doc["source"], doc["destination"]
        key = flow_key(doc["network"]["transport"],
                       (ipaddress.ip_address(src["ip"]), src["port"]),
                       (ipaddress.ip_address(dst["ip"]), dst["port"]))
        label = doc["pclassify"]
        names = {r["name"] for r in label.get("registrations", []) if r.get("name")}
        payload = label.get("payload", {})
        flows[key] = {"server_port": dst["port"], "services": names,
                      "verdict": payload.get("verdict", "off"),
                      "protocol": payload.get("protocol", ""),
                      "detail": payload.get("detail", ""),
                      "reason": payload.get("reason", "")}
    return flows


def ndpi_matches_port(proto, services):
    speaks = NDPI_TO_IANA.get(proto, set())
    lowered = {s.lower() for s in services}
    return bool(lowered & speaks) or proto.lower() in lowered


COLUMNS = ["dpi_flows", "agree", "disagree", "unknown_ndpi_match", "unknown_ndpi_mismatch",
           "not_comparable", "unmatched"]


def evaluate(binary, pcaps):
    rows, disagreements, false_contradictions, unknowns = {}, [], [], []
    for name in sorted(os.listdir(pcaps)):
        if not name.endswith(CAPTURE_SUFFIXES):
            continue
        capture = os.path.join(pcaps, name)
        ndpi_out = capture + ".ndpi.out"
        if not os.path.exists(ndpi_out):
            continue
        ours = read_pclassify(binary, capture)
        row = dict.fromkeys(COLUMNS, 0)
        for flow in read_ndpi(ndpi_out):
            if flow["confidence"] != "DPI":
                continue
            row["dpi_flows"] += 1
            if flow["proto"] in NOT_COMPARABLE or flow["key"][0] not in TRANSPORTS:
                row["not_comparable"] += 1
                continue
            mine = ours.get(flow["key"])
            if mine is None:
                row["unmatched"] += 1
                continue
            match = ndpi_matches_port(flow["proto"], mine["services"])
            verdict = mine["verdict"]
            if verdict in ("unknown", "off"):
                row["unknown_ndpi_match" if match else "unknown_ndpi_mismatch"] += 1
                unknowns.append(f"{name}: {flow['text']} port {mine['server_port']} "
                                f"({', '.join(sorted(mine['services'])) or 'unassigned'}): "
                                f"nDPI {flow['raw_proto']}, pclassify sees "
                                f"{mine['protocol'] or 'nothing'}: {mine['reason']}")
                continue
            agree = (verdict == "confirmed") == match
            row["agree" if agree else "disagree"] += 1
            if not agree:
                entry = (f"{name}: {flow['text']} port {mine['server_port']} "
                         f"({', '.join(sorted(mine['services'])) or 'unassigned'}): nDPI "
                         f"{flow['raw_proto']} ({'matches' if match else 'does not match'} "
                         f"the port), pclassify {verdict} ({mine['protocol']} "
                         f"{mine['detail']})".rstrip())
                disagreements.append(entry)
                if verdict == "contradicted" and match:
                    false_contradictions.append(entry)
        rows[name] = row
    return rows, disagreements, false_contradictions, unknowns


def markdown(rows, disagreements):
    total = dict.fromkeys(COLUMNS, 0)
    for row in rows.values():
        for c in COLUMNS:
            total[c] += row[c]
    lines = ["| capture | " + " | ".join(COLUMNS) + " |",
             "|---|" + "---:|" * len(COLUMNS)]
    for name, row in rows.items():
        if row["dpi_flows"] == 0:
            continue
        lines.append(f"| {name} | " + " | ".join(str(row[c]) for c in COLUMNS) + " |")
    lines.append("| **total** | " + " | ".join(f"**{total[c]}**" for c in COLUMNS) + " |")
    decided = total["agree"] + total["disagree"]
    share = 100.0 * total["agree"] / decided if decided else 100.0
    lines.append("")
    lines.append(f"Agreement where both decide: {total['agree']}/{decided} = {share:.1f}%.")
    lines.append("")
    lines.append("Disagreements:" if disagreements else "Disagreements: none.")
    lines.extend(f"- {d}" for d in disagreements)
    return "\n".join(lines) + "\n", share


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pclassify", required=True)
    parser.add_argument("--pcaps", default=os.path.join(os.path.dirname(__file__), "..", "..",
                                                        "..", "shared", "pcaps"))
    parser.add_argument("--markdown", help="also write the table to this file")
    parser.add_argument("--verbose", action="store_true",
                        help="also list the DPI flows where pclassify says unknown")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args()
    if not os.path.isdir(args.pcaps):
        print(f"skipped: {args.pcaps} is absent", file=sys.stderr)
        return 77
    rows, disagreements, false_contradictions, unknowns = evaluate(args.pclassify, args.pcaps)
    text, share = markdown(rows, disagreements)
    sys.stdout.write(text)
    if args.verbose:
        print("\npclassify unknown:")
        for u in unknowns:
            print(f"- {u}")
    if args.markdown:
        with open(args.markdown, "w", encoding="utf-8") as f:
            f.write(text)
    if not args.check:
        return 0
    failed = False
    if share <= 90.0:
        print(f"FAIL: agreement {share:.1f}% is not over 90%", file=sys.stderr)
        failed = True
    if false_contradictions:
        print(f"FAIL: {len(false_contradictions)} contradictions where nDPI's DPI confirms "
              "the port's service", file=sys.stderr)
        failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
