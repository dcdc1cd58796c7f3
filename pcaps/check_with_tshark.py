#!/usr/bin/env python3
"""Check the generated captures with Wireshark's own dissectors.

    python3 pcaps/check_with_tshark.py [--dir pcaps/]

For every capture make_captures.py writes: capinfos must read it, and `tshark -V` with
IP/TCP/UDP/DCCP/SCTP checksum validation on must report no malformed packet, no bad
checksum and no expert error, except in the files listed in INTENTIONALLY_BROKEN, which
must report at least one. Exit status 0 when all hold, 1 otherwise, 77 (the CTest skip
code) when tshark or capinfos is missing.
"""

import argparse
import os
import shutil
import subprocess
import sys

sys.dont_write_bytecode = True

from make_captures import CAPTURES  # noqa: E402

INTENTIONALLY_BROKEN = {"malformed.pcap"}

TSHARK_PREFERENCES = ["-o", "ip.check_checksum:TRUE", "-o", "tcp.check_checksum:TRUE",
                      "-o", "udp.check_checksum:TRUE", "-o", "dccp.check_checksum:TRUE",
                      "-o", "sctp.checksum:CRC-32C"]

PROBLEM_MARKERS = ("Malformed Packet", "Status: Bad]", "checksum status: Bad]", "[Expert Info (Error/")


def problems_in(path: str) -> list:
    """Lines of `tshark -V` output that name a problem."""
    result = subprocess.run(["tshark", "-n", "-r", path, "-V"] + TSHARK_PREFERENCES,
                            capture_output=True, text=True, check=False)
    if result.returncode != 0:
        return [f"tshark exit {result.returncode}: {result.stderr.strip()}"]
    return [line.strip() for line in result.stdout.splitlines()
            if any(marker in line for marker in PROBLEM_MARKERS)]


def capinfos_reads(path: str) -> bool:
    return subprocess.run(["capinfos", path], capture_output=True, check=False).returncode == 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dir", default=os.path.dirname(os.path.abspath(__file__)))
    args = parser.parse_args()
    if not shutil.which("tshark") or not shutil.which("capinfos"):
        print("tshark/capinfos not installed: skipping")
        return 77
    failures = 0
    for name in CAPTURES:
        path = os.path.join(args.dir, name)
        problems = problems_in(path)
        broken = name in INTENTIONALLY_BROKEN
        ok = capinfos_reads(path) and (bool(problems) if broken else not problems)
        print(f"{'ok  ' if ok else 'FAIL'} {name}: {len(problems)} problem line(s)"
              + (" (intended)" if broken else ""))
        if not ok:
            failures += 1
            for line in problems[:10]:
                print(f"       {line}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
