#!/usr/bin/env python3
"""Whole-run benchmark: pclassify against the floor and against other tools, in one run.

Generates a large synthetic capture (pcap and pcapng) with make_bench_capture, then times,
side by side and in rotation (so machine noise hits every tool alike):
  - read():            the file read in 1 MiB blocks, nothing else (the I/O floor)
  - bare libpcap loop: pcap_next_ex and nothing else (the reference of every ratio)
  - pclassify -o json > /dev/null (and with --no-verify: no payload samples)
  - tshark -n -q       (if installed)
  - ndpiReader -q      (if installed)
and prints each one's median wall and CPU time, their ratios to the bare loop, its peak
memory, and pclassify's peak memory per flow. Ratios, not absolute times, are what to
compare: these machines are noisy.

  tests/bench/whole_run_bench.py --build build [--packets 4000000 --flows 400000 --runs 3]
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time


def run_measured(command, stdout=subprocess.DEVNULL):
    """Runs a command; returns (wall seconds, peak RSS in KiB, CPU seconds) of that child.

    CPU (user + system) is reported beside wall time because pclassify reads regular files
    ahead on a second thread: with a free core its wall time drops below its CPU time."""
    # getrusage(RUSAGE_CHILDREN) keeps the maximum over all children so far, so each run
    # happens in a fresh intermediate process that reports its own child's peak.
    probe = (
        "import resource,subprocess,sys,time;"
        "t=time.perf_counter();"
        "r=subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL);"
        "e=time.perf_counter()-t;"
        "u=resource.getrusage(resource.RUSAGE_CHILDREN);"
        "print(e,u.ru_maxrss,r.returncode,u.ru_utime+u.ru_stime)"
    )
    out = subprocess.run([sys.executable, "-c", probe, *command], capture_output=True,
                         text=True, check=True).stdout.split()
    seconds, rss_kib, status, cpu = float(out[0]), int(out[1]), int(out[2]), float(out[3])
    if status != 0:
        raise RuntimeError(f"{' '.join(command)} exited with {status}")
    return seconds, rss_kib, cpu


def read_blocks_command(path):
    # dd, not Python: the floor must not include an interpreter's start-up.
    return ["dd", f"if={path}", "of=/dev/null", "bs=1M", "status=none"]


def tools(build, capture):
    pclassify = os.path.join(build, "classifier/cli/pclassify")
    rows = [
        ("read() 1 MiB blocks", read_blocks_command(capture)),
        ("bare libpcap loop", [os.path.join(build, "tests/bench/bare_pcap_loop"), capture]),
        ("pclassify -o json", [pclassify, "-o", "json", capture]),
        ("pclassify -o json --no-verify", [pclassify, "-o", "json", "--no-verify", capture]),
    ]
    if shutil.which("tshark"):
        rows.append(("tshark -n -q", ["tshark", "-n", "-q", "-r", capture]))
        # Without a tap tshark 4.0 does not dissect at all under -q; a tap makes it dissect
        # every packet, which is the comparable work.
        rows.append(("tshark -n -q -z io,stat,0",
                     ["tshark", "-n", "-q", "-r", capture, "-z", "io,stat,0"]))
    if shutil.which("ndpiReader"):
        rows.append(("ndpiReader -q", ["ndpiReader", "-q", "-i", capture]))
    return rows


def count_flows(build, capture):
    pclassify = os.path.join(build, "classifier/cli/pclassify")
    out = subprocess.run([pclassify, "-o", "json", capture], capture_output=True, check=True)
    return out.stdout.count(b"\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", default="build")
    parser.add_argument("--packets", type=int, default=4_000_000)
    parser.add_argument("--flows", type=int, default=400_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workdir", default="tests/bench/out")
    parser.add_argument("--skip", default="", help="comma-separated tool names to skip")
    args = parser.parse_args()

    os.makedirs(args.workdir, exist_ok=True)
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    print(f"# {time.strftime('%Y-%m-%d')} on {os.uname().nodename}, {os.cpu_count()} cores")
    for fmt in ("pcap", "pcapng"):
        capture = os.path.join(args.workdir, f"bench.{fmt}")
        if not os.path.exists(capture):
            subprocess.run([os.path.join(args.build, "tests/bench/make_bench_capture"),
                            "--out", capture, "--format", fmt, "--packets", str(args.packets),
                            "--flows", str(args.flows)], check=True)
        size_mb = os.path.getsize(capture) / 1e6
        flows = count_flows(args.build, capture)
        rows = [r for r in tools(args.build, capture) if r[0].split()[0] not in skip]
        times = {name: [] for name, _ in rows}
        cpu_times = {name: [] for name, _ in rows}
        peaks = {name: 0 for name, _ in rows}
        for _ in range(args.runs):
            for name, command in rows:  # rotate tools within each round
                seconds, rss, cpu = run_measured(command)
                times[name].append(seconds)
                cpu_times[name].append(cpu)
                peaks[name] = max(peaks[name], rss)
        floor = statistics.median(times["bare libpcap loop"])
        cpu_floor = statistics.median(cpu_times["bare libpcap loop"])
        print(f"\n## {fmt}: {size_mb:.0f} MB, {args.packets} packets, {flows} flows, "
              f"median of {args.runs}")
        print(f"| tool | median wall s | wall x bare loop | median CPU s | CPU x bare loop "
              f"| peak MB |")
        print(f"|---|---:|---:|---:|---:|---:|")
        for name, _ in rows:
            median = statistics.median(times[name])
            cpu = statistics.median(cpu_times[name])
            print(f"| {name} | {median:.2f} | {median / floor:.2f} | {cpu:.2f} | "
                  f"{cpu / cpu_floor:.2f} | {peaks[name] / 1024:.0f} |")
        # Memory per flow: pclassify's peak minus its footprint on an empty capture.
        baseline = run_measured([os.path.join(args.build, "classifier/cli/pclassify"), "-o",
                                 "json", "-c", "1", capture])[1]
        per_flow = (peaks["pclassify -o json"] - baseline) * 1024 / max(flows, 1)
        print(f"\npclassify peak memory per flow: {per_flow:.0f} bytes "
              f"({flows} flows, baseline {baseline / 1024:.0f} MB)")


if __name__ == "__main__":
    main()
