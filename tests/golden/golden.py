#!/usr/bin/env python3
"""Golden outputs for the project's captures (pcaps/*.pcap, *.pcapng).

The comparison is on a *projection* of `pclassify -o json --table TABLE CAPTURE`: for each
flow the facts a reviewer checked against pcaps/README.md (transport, client and server
ends, packets/bytes each way, service, basis, range, status, registration names, note
codes, tunnel, and the payload verdict when pclassify reports one), plus the exit code,
pclassify's error messages and the summary's packet and anomaly counts. Fields pclassify
adds later do not change the projection; a change to any of these facts does.

    golden.py table --gen GEN --registry XML --out TABLE
    golden.py check --pclassify BIN --table TABLE --capture PCAP --expected FILE

`check` with PCLASSIFY_UPDATE_GOLDEN=1 in the environment (or --update) rewrites FILE
instead of comparing, keeping its leading '#' comment lines (the reviewer's notes) and
printing what changed: review that diff against pcaps/README.md before committing it.
Exit 77 = skipped (the registry file is absent), as CTest's SKIP_RETURN_CODE.
"""
import argparse
import difflib
import json
import os
import re
import subprocess
import sys

SKIP = 77


def table_command(args):
    if not os.path.exists(args.registry):
        print(f"SKIP: registry {args.registry} not found (a damaged checkout?)")
        return SKIP
    # The table is built from the registry at test time, so the golden outputs do not
    # depend on which registry the build compiled in.
    run = subprocess.run([args.gen, "--table", args.out, args.registry],
                         capture_output=True, text=True, timeout=300)
    if run.returncode != 0:
        print(run.stdout + run.stderr)
        return 1
    return 0


def endpoint(side):
    ip = side["ip"]
    return (f"[{ip}]" if ":" in ip else ip) + f":{side['port']}"


def project_flow(flow):
    """One reviewed line per flow; only facts, in a fixed order."""
    p = flow["pclassify"]
    src, dst = flow["source"], flow["destination"]
    words = [
        flow["network"]["transport"],
        f"{endpoint(src)} > {endpoint(dst)}",
        f"packets {src['packets']}/{dst['packets']}",
        f"bytes {src['bytes']}/{dst['bytes']}",
        f"service {p['service'] or '-'}",
        f"basis {p['basis']}",
        f"range {p['range']}",
        f"status {p['status']}",
        "registrations " + (",".join(r["name"] for r in p["registrations"]) or "-"),
        "notes " + (",".join(sorted(n["code"] for n in p["notes"])) or "-"),
    ]
    tunnel = p.get("tunnel")
    if tunnel:
        words.append(f"tunnel {tunnel['type']} {tunnel['source_ip']}>{tunnel['destination_ip']}"
                     + (f" id {tunnel['id']}" if "id" in tunnel else ""))
    payload = p.get("payload")
    if isinstance(payload, dict) and "verdict" in payload:
        words.append(f"payload {payload['verdict']}"
                     + (f" {payload['protocol']}" if payload.get("protocol") else ""))
    return " | ".join(words)


PACKETS_LINE = re.compile(r"^Packets: (\d+) read(?:, (\d+) filtered out)?, (\d+) in flows, "
                          r"(\d+) not TCP/UDP/SCTP/DCCP, (\d+) skipped as anomalies")
ANOMALY_LINE = re.compile(r"^  ([a-z0-9_]+): (\d+)$")


def project_summary(stderr, capture):
    """The exit-relevant lines of stderr: error messages and the summary's counts."""
    lines = []
    in_anomalies = False
    for line in stderr.splitlines():
        if line.startswith("pclassify: "):
            # The path differs between build trees; the message after it does not.
            lines.append("error " + line.replace(capture, os.path.basename(capture)))
            continue
        m = PACKETS_LINE.match(line)
        if m:
            read, filtered, in_flows, not_flow, anomalies = m.groups()
            lines.append(f"packets read {read} in_flows {in_flows} not_a_flow {not_flow} "
                         f"anomalies {anomalies}")
            continue
        if line.startswith("Anomalies:"):
            in_anomalies = True
            continue
        m = ANOMALY_LINE.match(line)
        if in_anomalies and m:
            lines.append(f"anomaly {m.group(1)} {m.group(2)}")
        elif not line.startswith("  "):
            in_anomalies = False
    return lines


def projection(pclassify, table, capture):
    run = subprocess.run([pclassify, "-o", "json", "--table", table, capture],
                         capture_output=True, text=True, timeout=120)
    flows = [project_flow(json.loads(line)) for line in run.stdout.splitlines() if line.strip()]
    head = [f"exit {run.returncode}"]
    summary = project_summary(run.stderr, capture)
    anomalies = sorted(l for l in summary if l.startswith("anomaly "))
    others = [l for l in summary if not l.startswith("anomaly ")]
    return head + others + anomalies + ["flow " + f for f in sorted(flows)]


def check_command(args):
    if not os.path.exists(args.table):
        print(f"SKIP: table {args.table} not built (the registry is absent?)")
        return SKIP
    actual = projection(args.pclassify, args.table, args.capture)
    update = args.update or os.environ.get("PCLASSIFY_UPDATE_GOLDEN") == "1"
    comments, expected = [], None
    if os.path.exists(args.expected):
        with open(args.expected, encoding="utf-8") as f:
            text = f.read().splitlines()
        comments = [l for l in text if l.startswith("#")]
        expected = [l for l in text if l and not l.startswith("#")]
    name = os.path.basename(args.expected)
    if update:
        if not comments:
            comments = [f"# {name}: golden output of pclassify for pcaps/"
                        f"{os.path.basename(args.capture)}; written by tests/golden/golden.py "
                        "(PCLASSIFY_UPDATE_GOLDEN=1 ctest -R golden_), reviewed against "
                        "pcaps/README.md."]
        if expected != actual:
            sys.stdout.writelines(difflib.unified_diff(
                [l + "\n" for l in expected or []], [l + "\n" for l in actual],
                f"{name} (old)", f"{name} (new)"))
            with open(args.expected, "w", encoding="utf-8") as f:
                f.write("\n".join(comments + actual) + "\n")
            print(f"updated {args.expected}: review the diff above against pcaps/README.md")
        return 0
    if expected is None:
        print(f"{args.expected} does not exist: run PCLASSIFY_UPDATE_GOLDEN=1 ctest -R golden_ "
              "and review it against pcaps/README.md")
        return 1
    if expected == actual:
        return 0
    for line in comments:
        print(line)  # reviewer's notes (e.g. a known defect) explain an expected failure
    sys.stdout.writelines(difflib.unified_diff(
        [l + "\n" for l in expected], [l + "\n" for l in actual],
        f"{name} (expected)", f"{name} (pclassify now)"))
    return 1


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    t = sub.add_parser("table")
    t.add_argument("--gen", required=True)
    t.add_argument("--registry", required=True)
    t.add_argument("--out", required=True)
    c = sub.add_parser("check")
    c.add_argument("--pclassify", required=True)
    c.add_argument("--table", required=True)
    c.add_argument("--capture", required=True)
    c.add_argument("--expected", required=True)
    c.add_argument("--update", action="store_true")
    args = parser.parse_args()
    return table_command(args) if args.command == "table" else check_command(args)


if __name__ == "__main__":
    sys.exit(main())
