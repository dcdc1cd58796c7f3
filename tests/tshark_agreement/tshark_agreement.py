#!/usr/bin/env python3
"""pclassify against the outside world, on every capture in the shared folder (nDPI's).

    tshark_agreement.py flows  --pclassify BIN --table TABLE --captures DIR --expect FILE
    tshark_agreement.py names  --pclassify BIN --table TABLE --captures DIR --expect FILE
    tshark_agreement.py robust --pclassify BIN --table TABLE --captures DIR [--timeout S]

flows:  per capture and transport, pclassify's flow count equals the number of
        conversations in tshark's `-z conv,tcp|udp|sctp`, except where FILE lists the
        disagreement with both counts and the reason. An entry that no longer matches
        (counts changed, or they now agree) fails too, so FILE stays true.
names:  for every flow whose server port has a name both in pclassify's label and in
        Wireshark's services file, the names agree, except for the (transport, port) pairs
        FILE lists with both names and the reason.
robust: pclassify ends on every capture within the timeout, by itself (no signal), with
        exit 0 and JSON lines on stdout.

Exit 77 = skipped (no shared captures, no tshark or no services file).
"""
import argparse
import collections
import glob
import json
import os
import re
import shutil
import subprocess
import sys

SKIP = 77
TRANSPORTS = ("tcp", "udp", "sctp")
SERVICES_FILES = ("/usr/share/wireshark/services", "/usr/local/share/wireshark/services")


def captures(directory):
    names = sorted(glob.glob(os.path.join(directory, "*.pcap")) +
                   glob.glob(os.path.join(directory, "*.pcapng")))
    return names


def pclassify_flows(args, capture, timeout=120):
    run = subprocess.run([args.pclassify, "-q", "-o", "json", "--table", args.table, capture],
                         capture_output=True, text=True, timeout=timeout)
    return run, [json.loads(line) for line in run.stdout.splitlines() if line.strip()]


def tshark_conversations(capture):
    """Conversation counts per transport from one tshark run."""
    command = ["tshark", "-n", "-q", "-r", capture] + \
              [a for t in TRANSPORTS for a in ("-z", f"conv,{t}")]
    run = subprocess.run(command, capture_output=True, text=True, timeout=300)
    counts = collections.Counter()
    section = None
    for line in run.stdout.splitlines():
        m = re.match(r"^(TCP|UDP|SCTP) Conversations", line)
        if m:
            section = m.group(1).lower()
        elif section and "<->" in line:
            counts[section] += 1
    return counts


def read_expectations(path, key_columns):
    """Tab-separated rows; '#' starts a comment line. Key = the first key_columns fields."""
    rows = {}
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.rstrip("\n").split("\t")
            if len(fields) < key_columns + 1 or not fields[-1].strip():
                raise SystemExit(f"{path}:{number}: expected {key_columns + 1}+ tab-separated "
                                 f"fields ending with a reason: {line!r}")
            rows[tuple(fields[:key_columns])] = fields
    return rows


def tshark_version():
    """The installed tshark's (major, minor), e.g. (4, 4) from 'TShark (Wireshark) 4.4.19 (...)'."""
    run = subprocess.run(["tshark", "--version"], capture_output=True, text=True, timeout=60)
    m = re.search(r"(\d+)\.(\d+)\.\d+", run.stdout.splitlines()[0] if run.stdout else "")
    if not m:
        raise SystemExit(f"cannot read tshark's version from {run.stdout[:80]!r}")
    return int(m.group(1)), int(m.group(2))


def applies_to(constraint, version):
    """'all', '<4.4' or '>=4.4': whether a listed difference holds for this tshark version."""
    if constraint == "all":
        return True
    m = re.fullmatch(r"(<|>=)(\d+)\.(\d+)", constraint)
    if not m:
        raise SystemExit(f"bad tshark version constraint {constraint!r} (all, <X.Y or >=X.Y)")
    bound = (int(m.group(2)), int(m.group(3)))
    return version < bound if m.group(1) == "<" else version >= bound


def flows_command(args):
    # Rows: capture, transport, tshark count, pclassify count, tshark versions, reason.
    version = tshark_version()
    expected = {key: row for key, row in read_expectations(args.expect, 2).items()
                if applies_to(row[4], version)}
    print(f"tshark {version[0]}.{version[1]}: {len(expected)} listed difference(s) apply")
    failures, seen = [], set()
    for capture in captures(args.captures):
        name = os.path.basename(capture)
        theirs = tshark_conversations(capture)
        _, flows = pclassify_flows(args, capture)
        ours = collections.Counter(f["network"]["transport"] for f in flows)
        for transport in TRANSPORTS:
            key = (name, transport)
            if theirs[transport] == ours[transport]:
                if key in expected:
                    failures.append(f"{name} {transport}: now agree ({ours[transport]}); "
                                    f"remove the entry from {os.path.basename(args.expect)}")
                continue
            seen.add(key)
            row = expected.get(key)
            listed = row and row[2] == str(theirs[transport]) and row[3] == str(ours[transport])
            print(f"{name}\t{transport}\t{theirs[transport]}\t{ours[transport]}\t"
                  + (row[5] if row else "UNEXPLAINED"))
            if not listed:
                failures.append(f"{name} {transport}: tshark {theirs[transport]}, pclassify "
                                f"{ours[transport]}" +
                                (f" (listed as {row[2]}/{row[3]})" if row else " (not listed)"))
    for key in sorted(set(expected) - seen):
        if key not in [tuple(f.split(" ")[:2]) for f in failures]:
            failures.append(f"{key[0]} {key[1]}: listed but not a disagreement (capture gone?)")
    for failure in failures:
        print("FAIL:", failure)
    return 1 if failures else 0


def wireshark_services():
    """(transport, port) -> name, from Wireshark's services file (one name per pair)."""
    path = next((p for p in SERVICES_FILES if os.path.exists(p)), None)
    if path is None:
        return None
    names = {}
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.split("#", 1)[0].split()
            if len(line) < 2 or "/" not in line[1]:
                continue
            port, *protocols = line[1].split("/")
            for protocol in protocols:
                names.setdefault((protocol, port), line[0])
    return names


def names_command(args):
    services = wireshark_services()
    if services is None:
        print("SKIP: Wireshark's services file not found in " + ", ".join(SERVICES_FILES))
        return SKIP
    expected = read_expectations(args.expect, 2)
    differences = {}  # (transport, port) -> (wireshark name, pclassify name, captures)
    compared = 0
    for capture in captures(args.captures):
        _, flows = pclassify_flows(args, capture)
        for flow in flows:
            ours = flow["pclassify"]["service"]
            key = (flow["network"]["transport"], str(flow["destination"]["port"]))
            theirs = services.get(key)
            if not ours or not theirs:
                continue
            compared += 1
            if ours != theirs:
                entry = differences.setdefault(key, (theirs, ours, set()))
                entry[2].add(os.path.basename(capture))
    failures = []
    print(f"{compared} flows had a name on both sides; {len(differences)} port(s) differ")
    for key, (theirs, ours, where) in sorted(differences.items(), key=lambda i: (i[0][0], int(i[0][1]))):
        row = expected.get(key)
        print(f"{key[0]}\t{key[1]}\t{theirs}\t{ours}\t{row[4] if row else 'UNEXPLAINED'}"
              f"\t({', '.join(sorted(where))})")
        if not row or row[2] != theirs or row[3] != ours:
            failures.append(f"{key[0]}/{key[1]}: Wireshark '{theirs}', pclassify '{ours}'" +
                            (f" (listed as '{row[2]}'/'{row[3]}')" if row else " (not listed)"))
    for key in sorted(set(expected) - set(differences)):
        failures.append(f"{key[0]}/{key[1]}: listed but the names agree or no flow uses it")
    for failure in failures:
        print("FAIL:", failure)
    return 1 if failures else 0


def robust_command(args):
    failures = []
    for capture in captures(args.captures):
        name = os.path.basename(capture)
        try:
            run, flows = pclassify_flows(args, capture, timeout=args.timeout)
        except subprocess.TimeoutExpired:
            failures.append(f"{name}: no answer within {args.timeout} s")
            continue
        except json.JSONDecodeError as error:
            failures.append(f"{name}: stdout is not JSON lines ({error})")
            continue
        if run.returncode < 0:
            failures.append(f"{name}: killed by signal {-run.returncode}")
        elif run.returncode != 0:
            failures.append(f"{name}: exit {run.returncode}: {run.stderr.strip()}")
        print(f"{name}: exit {run.returncode}, {len(flows)} flows")
    for failure in failures:
        print("FAIL:", failure)
    return 1 if failures else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=("flows", "names", "robust"))
    parser.add_argument("--pclassify", required=True)
    parser.add_argument("--table", required=True)
    parser.add_argument("--captures", required=True)
    parser.add_argument("--expect")
    parser.add_argument("--timeout", type=float, default=60)
    args = parser.parse_args()
    if not captures(args.captures):
        print(f"SKIP: no shared captures in {args.captures}")
        return SKIP
    if not os.path.exists(args.table):
        print(f"SKIP: service table {args.table} not built (shared registry absent?)")
        return SKIP
    if args.command == "flows":
        if shutil.which("tshark") is None:
            print("SKIP: tshark not installed")
            return SKIP
        return flows_command(args)
    if args.command == "names":
        return names_command(args)
    return robust_command(args)


if __name__ == "__main__":
    sys.exit(main())
