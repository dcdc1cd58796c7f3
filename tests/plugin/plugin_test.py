#!/usr/bin/env python3
"""The pclassify Wireshark plugin, tested through tshark on the shared captures.

Usage: plugin_test.py CASE --plugin pclassify.so --abi 4.0 --tshark tshark --shared DIR
                      --gen pclassify-gen --cli pclassify

Each CASE is one ctest. Exit status: 0 pass, 1 fail, 77 skip (with the reason printed).

Wireshark ignores WIRESHARK_PLUGIN_DIR (and the personal plugin folder) for root, so when
run as root the tests create the unprivileged user `pclassify-test` if it is missing and
run tshark as that user. The plugin is staged in a fresh temporary folder as
<tmp>/plugins/<major.minor>/epan/pclassify.so, readable by that user.
"""

import argparse
import collections
import json
import os
import pty
import pwd
import re
import shutil
import subprocess
import sys
import tempfile

SKIP = 77
TEST_USER = "pclassify-test"

# Flows whose IANA service is known: capture, a display filter (Wireshark's own fields)
# that selects the flow's packets, the service the registry lists for its server port.
KNOWN_FLOWS = [
    ("443-chrome.pcap", "tcp.port == 443", "https"),
    ("dns.pcap", "udp.port == 53", "domain"),
    ("ssh.pcap", "tcp.port == 22", "ssh"),
    ("smtp.pcap", "tcp.port == 25", "smtp"),
    ("ftp.pcap", "tcp.port == 21", "ftp"),
    ("NTPv4.pcap", "udp.port == 123", "ntp"),
    ("pop3.pcap", "tcp.port == 110", "pop3"),
    ("imaps.pcap", "tcp.port == 993", "imaps"),
    ("mysql.pcapng", "tcp.port == 3306", "mysql"),
    ("pgsql.pcap", "tcp.port == 5432", "postgresql"),
    ("telnet.pcap", "tcp.port == 23", "telnet"),
    ("sctp.cap", "sctp.port == 2905", "m3ua"),
    ("syslog.pcap", "udp.port == 514", "syslog"),
    ("modbus.pcap", "tcp.port == 502", "mbap"),
    ("rdp.pcap", "tcp.port == 3389", "ms-wbt-server"),
]

REQUIRED_FIELDS = {
    "pclassify.service": "FT_STRING",
    "pclassify.description": "FT_STRING",
    "pclassify.port": "FT_UINT16",
    "pclassify.summary": "FT_STRING",
    "pclassify.service_or_status": "FT_STRING",
    "pclassify.transport": "FT_UINT8",
    "pclassify.range": "FT_UINT8",
    "pclassify.status": "FT_UINT8",
    "pclassify.note": "FT_STRING",
    "pclassify.note.code": "FT_STRING",
    "pclassify.basis": "FT_UINT8",
    "pclassify.registration": "FT_STRING",
    "pclassify.direction": "FT_UINT8",
    "pclassify.payload.verdict": "FT_UINT8",
    "pclassify.payload.protocol": "FT_STRING",
    "pclassify.table": "FT_STRING",
}

# The enumerated fields: integers whose words come from value lists (tshark -G values).
# -T fields prints their numbers; Tshark.fields() turns them back into words through the
# plugin's own value lists, so a missing or wrong list fails the cases that read them.
ENUM_VALUES = {
    "pclassify.transport": {"tcp", "udp", "sctp", "dccp"},
    "pclassify.direction": {"to_server", "to_client"},
    "pclassify.basis": {"handshake", "registered_port", "port_range", "lower_port", "responder"},
    "pclassify.range": {"system", "user", "dynamic"},
    "pclassify.status": {"assigned", "reserved", "unassigned", "deassigned"},
    "pclassify.payload.verdict": {"confirmed", "contradicted", "unknown", "not_checked"},
}

# What two dissection passes must agree on, frame by frame.
LABEL_FIELDS = ["frame.number", "pclassify.service", "pclassify.port", "pclassify.transport",
                "pclassify.basis", "pclassify.direction", "pclassify.range", "pclassify.status",
                "pclassify.registration", "pclassify.note.code", "pclassify.payload.verdict",
                "pclassify.payload.protocol", "_ws.expert.message"]


class Skip(Exception):
    pass


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


class Tshark:
    """Runs tshark with the staged plugin, as an unprivileged user when we are root."""

    def __init__(self, args):
        self.args = args
        self.stage = tempfile.mkdtemp(prefix="pclassify-plugin-test-")
        os.chmod(self.stage, 0o755)
        plugin_dir = os.path.join(self.stage, "plugins", args.abi, "epan")
        os.makedirs(plugin_dir)
        for folder in (os.path.join(self.stage, "plugins"),
                       os.path.join(self.stage, "plugins", args.abi), plugin_dir):
            os.chmod(folder, 0o755)
        shutil.copy(args.plugin, os.path.join(plugin_dir, "pclassify.so"))
        os.chmod(os.path.join(plugin_dir, "pclassify.so"), 0o755)
        self.home = os.path.join(self.stage, "home")
        os.makedirs(self.home)
        self.user = None
        if os.geteuid() == 0:
            self.user = ensure_test_user()
            os.chown(self.home, self.user.pw_uid, self.user.pw_gid)
        self._values = None
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": self.home,
            "XDG_CONFIG_HOME": os.path.join(self.home, ".config"),
            "LANG": "C.UTF-8",
            "WIRESHARK_PLUGIN_DIR": os.path.join(self.stage, "plugins"),
        }

    def close(self):
        shutil.rmtree(self.stage, ignore_errors=True)

    def file(self, name, content):
        """A file in the stage that the tshark user can read."""
        path = os.path.join(self.stage, name)
        with open(path, "w", encoding="utf-8") as out:
            out.write(content)
        os.chmod(path, 0o644)
        return path

    def run(self, arguments, expect_ok=True):
        extra = {}
        if self.user is not None:
            extra = {"user": self.user.pw_uid, "group": self.user.pw_gid, "extra_groups": []}
        result = subprocess.run([self.args.tshark] + arguments, env=self.env, cwd=self.stage,
                                capture_output=True, text=True, errors="replace", timeout=300,
                                **extra)
        if result.returncode < 0:
            raise Failure(f"tshark {' '.join(arguments)} died by signal {-result.returncode}:\n"
                          f"{result.stderr[-2000:]}")
        if expect_ok and result.returncode != 0:
            raise Failure(f"tshark {' '.join(arguments)} exited {result.returncode}:\n"
                          f"{result.stderr[-2000:]}")
        return result

    def run_on_terminal(self, arguments):
        """tshark's output when its stdout is a terminal: --color colours only a terminal
        (24-bit colour when COLORTERM says so)."""
        main, secondary = pty.openpty()
        extra = {}
        if self.user is not None:
            extra = {"user": self.user.pw_uid, "group": self.user.pw_gid, "extra_groups": []}
        process = subprocess.Popen([self.args.tshark] + arguments,
                                   env=dict(self.env, COLORTERM="truecolor"), cwd=self.stage,
                                   stdin=subprocess.DEVNULL, stdout=secondary,
                                   stderr=subprocess.PIPE, **extra)
        os.close(secondary)
        chunks = []
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:  # EIO: the terminal's other end closed
                break
            if not chunk:
                break
            chunks.append(chunk)
        os.close(main)
        stderr = process.stderr.read().decode("utf-8", "replace")
        process.wait(timeout=300)
        check(process.returncode == 0,
              f"tshark {' '.join(arguments)} exited {process.returncode}:\n{stderr[-2000:]}")
        return b"".join(chunks).decode("utf-8", "replace")

    def values(self):
        """{field: {number: word}} for the pclassify fields of tshark -G values."""
        if self._values is None:
            self._values = collections.defaultdict(dict)
            for line in self.run(["-G", "values"]).stdout.splitlines():
                parts = line.split("\t")
                if len(parts) == 4 and parts[0] == "V" and parts[1].startswith("pclassify."):
                    self._values[parts[1]][parts[2]] = parts[3]
        return self._values

    def named(self, field, text):
        """The words of an enumerated field's -T fields output ("6|17" -> "tcp|udp")."""
        if field not in ENUM_VALUES or not text:
            return text
        names = self.values().get(field, {})
        words = []
        for number in text.split("|"):
            check(number in names, f"{field} value {number} is not in tshark -G values")
            words.append(names[number])
        return "|".join(words)

    def fields(self, capture, fields, display_filter=None, extra=()):
        """-T fields rows (lists of strings, one per field) for the capture's packets;
        enumerated pclassify fields as words."""
        arguments = ["-n", "-r", capture, "-T", "fields", "-E", "separator=/t",
                     "-E", "occurrence=a", "-E", "aggregator=|"]
        for field in fields:
            arguments += ["-e", field]
        if display_filter:
            arguments += ["-Y", display_filter]
        arguments += list(extra)
        out = self.run(arguments).stdout
        rows = []
        for line in out.splitlines():
            row = line.split("\t")
            rows.append([self.named(field, value) for field, value in zip(fields, row)]
                        + row[len(fields):])
        return rows


def ensure_test_user():
    try:
        return pwd.getpwnam(TEST_USER)
    except KeyError:
        pass
    # Two ctest jobs may race here: whoever loses finds the user made by the other.
    subprocess.run(["useradd", "--system", "-M", "-s", "/usr/sbin/nologin", TEST_USER],
                   capture_output=True, check=False)
    try:
        return pwd.getpwnam(TEST_USER)
    except KeyError as error:
        raise Skip(f"running as root and cannot create the user {TEST_USER} "
                   "(Wireshark ignores WIRESHARK_PLUGIN_DIR for root)") from error


def capture(args, name):
    path = os.path.join(args.shared, "pcaps", name)
    if not os.path.isfile(path):
        raise Skip(f"{path} is absent (the shared captures are needed)")
    return path


def all_captures(args):
    folder = os.path.join(args.shared, "pcaps")
    if not os.path.isdir(folder):
        raise Skip(f"{folder} is absent (the shared captures are needed)")
    names = sorted(n for n in os.listdir(folder) if n.endswith((".pcap", ".pcapng", ".cap")))
    check(names, f"no captures in {folder}")
    return [os.path.join(folder, n) for n in names]


def column(rows, index):
    return [row[index] if index < len(row) else "" for row in rows]


# ---------------------------------------------------------------------------------- cases

def case_loads(args, tshark):
    out = tshark.run(["-G", "plugins"]).stdout
    lines = [line for line in out.splitlines() if line.startswith("pclassify.so")]
    check(lines, f"tshark -G plugins does not list pclassify.so:\n{out}")
    check("dissector" in lines[0], f"pclassify.so is not a dissector plugin: {lines[0]}")


def case_exports(args, tshark):
    nm = subprocess.run(["nm", "-D", "--defined-only", args.plugin], capture_output=True,
                        text=True, check=True).stdout
    exported = {line.split()[-1] for line in nm.splitlines() if line.strip()}
    wanted = {"plugin_version", "plugin_want_major", "plugin_want_minor", "plugin_register"}
    # 4.2 and later (4.4, 4.6) also ask the plugin what it is; 4.0 has no such entry point.
    abi = tuple(int(part) for part in args.abi.split("."))
    if abi >= (4, 2):
        wanted.add("plugin_describe")
    optional = set()
    check(wanted <= exported, f"missing exports: {sorted(wanted - exported)}")
    check(exported <= wanted | optional,
          f"unexpected exports (should be hidden): {sorted(exported - wanted - optional)}")
    # Every undefined symbol must resolve in the libraries the module links: 4.0 declares
    # some functions in its headers that libwireshark does not export.
    ldd = subprocess.run(["ldd", "-r", args.plugin], capture_output=True, text=True)
    unresolved = [line for line in (ldd.stdout + ldd.stderr).splitlines()
                  if "undefined symbol" in line]
    check(not unresolved, "unresolved symbols:\n" + "\n".join(unresolved))


def case_fields(args, tshark):
    out = tshark.run(["-G", "fields"]).stdout
    declared = {}
    for line in out.splitlines():
        parts = line.split("\t")
        if len(parts) > 3 and parts[0] == "F":
            declared[parts[2]] = parts[3]
    for name, ftype in REQUIRED_FIELDS.items():
        check(name in declared, f"field {name} is not registered")
        check(declared[name] == ftype, f"{name} is {declared[name]}, expected {ftype}")
    prefs = tshark.run(["-G", "defaultprefs"]).stdout
    check(re.search(r"^#\s*pclassify\.table:", prefs, re.M),
          "the pclassify.table preference is not registered")


def case_services(args, tshark):
    for name, flow_filter, service in KNOWN_FLOWS:
        rows = tshark.fields(capture(args, name), ["pclassify.service"], flow_filter)
        check(rows, f"{name}: no packet matches {flow_filter}")
        seen = collections.Counter(column(rows, 0))
        check(set(seen) == {service},
              f"{name} [{flow_filter}]: pclassify.service {dict(seen)}, expected only {service}")


def case_handshake(args, tshark):
    # The first frame is the client's SYN: the server port comes from the handshake, the
    # SYN travels to the server, the SYN+ACK back.
    rows = tshark.fields(capture(args, "443-firefox.pcap"),
                         ["frame.number", "tcp.flags.syn", "tcp.flags.ack", "pclassify.port",
                          "pclassify.basis", "pclassify.direction"],
                         "tcp.flags.syn == 1 && tcp.port == 443")
    check(rows, "443-firefox.pcap has no SYN on 443")
    for frame, syn, ack, port, basis, direction in rows:
        check(port == "443" and basis == "handshake",
              f"frame {frame}: port {port} basis {basis}, expected 443 by handshake")
        expected = "to_client" if ack in ("1", "True") else "to_server"
        check(direction == expected, f"frame {frame} (ack={ack}): direction {direction}")
    # A capture that starts mid-flow has no handshake: the registered port decides.
    rows = tshark.fields(capture(args, "443-chrome.pcap"), ["pclassify.port", "pclassify.basis"])
    check(rows and all(r == ["443", "registered_port"] for r in rows),
          f"443-chrome.pcap (no handshake): {rows[:3]}")


def case_filters(args, tshark):
    path = capture(args, "443-firefox.pcap")
    by_plugin = column(tshark.fields(path, ["frame.number"], 'pclassify.service == "https"'), 0)
    by_port = column(tshark.fields(path, ["frame.number"], "tcp.port == 443 && !icmp"), 0)
    check(by_plugin, "pclassify.service == \"https\" selects nothing in 443-firefox.pcap")
    check(by_plugin == by_port,
          f"https frames {len(by_plugin)} differ from tcp.port==443 frames {len(by_port)}")
    # The protocol filter selects labelled packets (the protocol item is hidden in the
    # subtree); unlabelled packets have no subtree.
    labelled = column(tshark.fields(path, ["frame.number"], "pclassify"), 0)
    summarised = column(tshark.fields(path, ["frame.number"], "pclassify.summary"), 0)
    check(labelled and labelled == summarised, "`pclassify` and pclassify.summary differ")
    ports = column(tshark.fields(path, ["frame.number"], "tcp || udp || sctp || dccp"), 0)
    check(set(labelled) <= set(ports), "pclassify labelled a frame without transport ports")
    # Repeated fields: several registrations on 80/tcp (http, www, www-http).
    rows = tshark.fields(capture(args, "tls_port_80.pcapng"), ["pclassify.registration"],
                         "pclassify.port == 80 && pclassify.transport == \"tcp\"")
    check(rows, "tls_port_80.pcapng: no flow labelled on 80/tcp")
    check("www" in rows[0][0].split("|"), f"80/tcp registrations: {rows[0][0]}")


def case_caveat(args, tshark):
    # The IANA caveat is on each flow's first labelled frame, not on every packet; the
    # preference brings it back on every packet.
    path = capture(args, "443-firefox.pcap")
    rows = tshark.fields(path, ["tcp.stream", "frame.number", "pclassify.note.code"],
                         "pclassify && tcp")
    check(rows, "443-firefox.pcap: no labelled TCP frame")
    first = {}
    for stream, frame, _ in rows:
        first.setdefault(stream, frame)
    with_caveat = {frame for _, frame, codes in rows if "registry_caveat" in codes.split("|")}
    check(with_caveat == set(first.values()),
          f"caveat on frames {sorted(with_caveat)[:10]}, flows start at "
          f"{sorted(first.values())[:10]}")
    every = tshark.fields(path, ["frame.number"], 'pclassify.note.code == "registry_caveat"',
                          extra=["-o", "pclassify.caveat_every_packet:TRUE"])
    check(len(every) == len(rows),
          f"caveat_every_packet:TRUE: caveat on {len(every)} of {len(rows)} labelled frames")


def case_named_values(args, tshark):
    # Enumerated fields list their values; a filter may name them; a typo is refused.
    values = tshark.values()
    listed = [field for field, words in ENUM_VALUES.items()
              if words <= set(values.get(field, {}).values())]
    check(len(listed) == len(ENUM_VALUES),
          f"tshark -G values lists all words only for {listed}: {dict(values)}")
    path = capture(args, "tls_port_80.pcapng")
    by_word = tshark.fields(path, ["frame.number"], 'pclassify.payload.verdict == "contradicted"')
    number = [n for n, w in values["pclassify.payload.verdict"].items() if w == "contradicted"][0]
    by_number = tshark.fields(path, ["frame.number"], f"pclassify.payload.verdict == {number}")
    check(by_word and by_word == by_number,
          f"verdict by word {len(by_word)} frames, by number {len(by_number)}")
    bare = tshark.fields(path, ["frame.number"], "pclassify.payload.verdict == contradicted")
    check(bare == by_word, "an unquoted value word selects other frames than the quoted one")
    for typo in ('pclassify.payload.verdict == "contradicetd"', 'pclassify.transport == "tpc"',
                 'pclassify.basis == "handshaek"'):
        result = tshark.run(["-n", "-r", path, "-Y", typo], expect_ok=False)
        check(result.returncode != 0 and "cannot be found among the possible values"
              in result.stderr, f"{typo}: exit {result.returncode}, {result.stderr!r}")
    # The tree keeps the words (no "(2)" after them).
    out = tshark.run(["-n", "-r", path, "-V", "-Y", "pclassify.port == 80"]).stdout
    check(re.search(r"^\s+\[Transport: tcp\]$", out, re.M),
          "the tree does not say `[Transport: tcp]`")
    check(re.search(r"^\s+\[Payload verdict: contradicted \(", out, re.M),
          "the tree does not say `[Payload verdict: contradicted (...)]`")


def case_header(args, tshark):
    # The subtree's first line says the finding.
    out = tshark.run(["-n", "-r", capture(args, "tls_port_80.pcapng"), "-V"]).stdout
    headers = [line for line in out.splitlines() if line.startswith("pclassify: ")]
    check(headers, "tshark -V shows no `pclassify: ` header line")
    check(any(line.startswith("pclassify: http (80/tcp), payload is TLS: contradicted")
              for line in headers), f"no contradicted header line: {sorted(set(headers))}")
    out = tshark.run(["-n", "-r", capture(args, "synscan.pcap"), "-V",
                      "-Y", 'pclassify.note.code == "unauthorized_use"']).stdout
    headers = {line for line in out.splitlines() if line.startswith("pclassify: ")}
    check(headers and all(line.endswith(", unauthorized use reported to IANA")
                          for line in headers), f"unauthorized-use headers: {sorted(headers)[:5]}")
    # The summary field is filterable and holds the line without the "pclassify: " prefix.
    rows = tshark.fields(capture(args, "tls_port_80.pcapng"), ["pclassify.summary"],
                         'pclassify.summary contains "contradicted"')
    check(rows and rows[0][0].startswith("http (80/tcp)"), f"pclassify.summary: {rows[:2]}")


def case_service_column(args, tshark):
    # Like the CLI's service column: the name, or the registry status in parentheses.
    shown = {"reserved": "(reserved)", "unassigned": "(unassigned)",
             "deassigned": "(de-assigned)"}
    seen = collections.Counter()
    for name in ("synscan.pcap", "tcp_scan.pcapng", "443-firefox.pcap"):
        rows = tshark.fields(capture(args, name), ["pclassify.service", "pclassify.status",
                                                   "pclassify.service_or_status"], "pclassify")
        for service, status, text in rows:
            expected = service if service else shown.get(status, "(unnamed)")
            check(text == expected, f"{name}: service {service!r} status {status}: {text!r}")
            seen[text if text.startswith("(") else "named"] += 1
    check(seen["named"] and seen["(unassigned)"], f"not both kinds seen: {dict(seen)}")


def case_protocol_hierarchy(args, tshark):
    # The pclassify protocol is not a layer of Protocol Hierarchy Statistics, nor of
    # frame.protocols. (The GUI's statistics skip top-level fields such as the subtree's
    # pclassify.summary, so the transport keeps its "End Packets"; tshark's -z io,phs lists
    # every top-level item, as it does tcp.segments.)
    path = capture(args, "tls_port_80.pcapng")
    out = tshark.run(["-n", "-r", path, "-q", "-z", "io,phs"]).stdout
    check(re.search(r"^\s*tcp\s+frames:", out, re.M), f"-z io,phs shows no tcp:\n{out}")
    check(not re.search(r"^\s*pclassify\s+frames:", out, re.M),
          f"the pclassify protocol is a layer in -z io,phs:\n{out}")
    layers = column(tshark.fields(path, ["frame.protocols"], "pclassify"), 0)
    check(layers and not any("pclassify" in value for value in layers),
          f"frame.protocols names pclassify: {layers[:3]}")


def stats_tree(text):
    """{(section, path...): count} from tshark -z pclassify,tree output."""
    counts = {}
    stack = []
    for line in text.splitlines():
        match = re.match(r"^( *)(\S.*?)\s{2,}(\d+)\s", line)
        if not match or line.startswith("="):
            continue
        depth = len(match.group(1))  # one space per level
        stack = stack[:depth] + [match.group(2).strip()]
        counts[tuple(stack)] = int(match.group(3))
    return counts


def case_statistics(args, tshark):
    # tshark -z pclassify,tree: flows and packets by service, verdict and note code,
    # checked against the per-packet fields of the same capture.
    path = capture(args, "tls_port_80.pcapng")
    result = tshark.run(["-n", "-r", path, "-q", "-z", "pclassify,tree"])
    counts = stats_tree(result.stdout)
    check(counts, f"no statistics tree in:\n{result.stdout}")
    rows = tshark.fields(path, ["tcp.stream", "udp.stream", "pclassify.service_or_status",
                                "pclassify.payload.verdict"], "pclassify")
    flows = {}
    for tcp_stream, udp_stream, service, verdict in rows:
        flows[(tcp_stream, udp_stream)] = (service, verdict)  # the flow's last verdict
    check(counts.get(("Packets by service",)) == len(rows),
          f"packets by service {counts.get(('Packets by service',))}, labelled {len(rows)}")
    check(counts.get(("Flows by service",)) == len(flows),
          f"flows by service {counts.get(('Flows by service',))}, flows {len(flows)}")
    for service, number in collections.Counter(s for s, _ in flows.values()).items():
        check(counts.get(("Flows by service", service)) == number,
              f"flows of {service}: tree {counts.get(('Flows by service', service))}, "
              f"fields {number}")
    for verdict, number in collections.Counter(v for _, v in flows.values()).items():
        check(counts.get(("Flows by payload verdict", verdict)) == number,
              f"flows {verdict}: tree {counts.get(('Flows by payload verdict', verdict))}, "
              f"fields {number}")
    check(counts.get(("Flows by payload verdict", "contradicted"), 0) >= 1,
          f"no contradicted flow in the tree:\n{result.stdout}")
    check(counts.get(("Flows by service", "http", "80/tcp"), 0) >= 1,
          f"no http 80/tcp flow in the tree:\n{result.stdout}")
    for verdict, number in collections.Counter(v for _, _, _, v in rows).items():
        check(counts.get(("Packets by payload verdict", verdict)) == number,
              f"packets {verdict}: tree {counts.get(('Packets by payload verdict', verdict))}"
              f", fields {number}")
    # Note codes, on a capture with unauthorized use.
    path = capture(args, "synscan.pcap")
    counts = stats_tree(tshark.run(["-n", "-r", path, "-q", "-z", "pclassify,tree"]).stdout)
    packets = tshark.fields(path, ["frame.number"], 'pclassify.note.code == "unauthorized_use"')
    check(counts.get(("Packets by note code", "unauthorized_use")) == len(packets),
          f"unauthorized_use packets: tree "
          f"{counts.get(('Packets by note code', 'unauthorized_use'))}, fields {len(packets)}")
    check(("Flows by note code", "registry_caveat") not in counts,
          "the caveat every flow carries is counted")


def install_profile(args, tshark):
    """The profile as the documented command installs it (`cmake --install BUILD
    --component pclassify_profile`, into a DESTDIR here), copied into the tshark user's
    personal configuration folder, where a personal install puts it."""
    dest = os.path.join(tshark.stage, "dest")
    result = subprocess.run([args.cmake, "--install", args.build, "--component",
                             "pclassify_profile"], env=dict(os.environ, DESTDIR=dest),
                            capture_output=True, text=True)
    check(result.returncode == 0, f"cmake --install --component pclassify_profile failed:\n"
          f"{result.stdout}{result.stderr}")
    installed = [folder for folder, _, _ in os.walk(dest)
                 if folder.endswith(os.path.join("wireshark", "profiles", "pclassify"))]
    check(len(installed) == 1, f"the install made no one profiles/pclassify folder: {installed}")
    for name in ("preferences", "colorfilters", "recent"):
        with open(os.path.join(installed[0], name), encoding="utf-8") as copy, \
                open(os.path.join(args.profile, name), encoding="utf-8") as source:
            check(copy.read() == source.read(), f"the installed {name} differs from the source")
    profiles = os.path.join(tshark.env["XDG_CONFIG_HOME"], "wireshark", "profiles")
    shutil.copytree(installed[0], os.path.join(profiles, "pclassify"))
    if tshark.user is not None:
        for folder, _, files in os.walk(tshark.env["XDG_CONFIG_HOME"]):
            os.chown(folder, tshark.user.pw_uid, tshark.user.pw_gid)
            for name in files:
                os.chown(os.path.join(folder, name), tshark.user.pw_uid, tshark.user.pw_gid)


def case_profile(args, tshark):
    # tshark accepts the profile without a complaint, prints its columns, and colours the
    # flows its rules single out.
    install_profile(args, tshark)
    path = capture(args, "tls_port_80.pcapng")
    result = tshark.run(["-C", "pclassify", "-n", "-r", path, "-Y", "pclassify.port == 80"])
    check(not result.stderr.strip(), f"tshark -C pclassify complained:\n{result.stderr}")
    lines = result.stdout.splitlines()
    check(lines and all(re.search(r"\bhttp\b", line) for line in lines),
          f"the Service column does not say http:\n{result.stdout[:1000]}")
    check(any(re.search(r"\bhttp\s+contradicted\s+ClientHello", line) for line in lines),
          f"no Service/Verdict/Detail columns (http contradicted ClientHello...):\n"
          f"{result.stdout[:1000]}")
    plain = tshark.run(["-n", "-r", path, "-Y", "pclassify.port == 80"]).stdout
    check("contradicted" not in plain, "the default profile already shows the verdict")
    # --color: the contradicted rule's background (255, 148, 148) on exactly those frames.
    coloured = tshark.run_on_terminal(["-C", "pclassify", "--color", "-n", "-r", path])
    coloured = coloured.splitlines()
    red = "\x1b[48;2;255;148;148m"
    marked = [line for line in coloured if red in line]
    contradicted = tshark.fields(path, ["frame.number"],
                                 'pclassify.payload.verdict == "contradicted"')
    check(marked and len(marked) == len(contradicted),
          f"{len(marked)} frames coloured as contradicted, {len(contradicted)} contradicted")
    # Unauthorized use has its own rule.
    synscan = capture(args, "synscan.pcap")
    coloured = tshark.run_on_terminal(["-C", "pclassify", "--color", "-n", "-r", synscan,
                                       "-Y", 'pclassify.note.code == "unauthorized_use"'])
    check("\x1b[48;2;255;238;117m" in coloured, "unauthorized use is not coloured")


def case_icmp_errors(args, tshark):
    # An ICMP error quotes another packet's header; pinfo then holds the quoted ports.
    path = capture(args, "6in4tunnel.pcap")
    errors = "icmp.type == 3 || icmp.type == 11 || icmpv6.type == 1 || icmpv6.type == 3"
    rows = tshark.fields(path, ["frame.number", "pclassify.service", "pclassify.port"], errors)
    check(rows, "6in4tunnel.pcap has no ICMP error frame any more")
    for frame, service, port in rows:
        check(service == "" and port == "", f"ICMP error frame {frame} was labelled {port}")


def case_expert(args, tshark):
    # A SYN scan touches ports with unauthorized use reported to IANA: Security expert
    # infos, on the flow's first frame only.
    path = capture(args, "synscan.pcap")
    out = tshark.run(["-n", "-r", path, "-q", "-z", "expert,note"]).stdout
    check(re.search(r"Security", out), f"-z expert shows no Security group:\n{out[:2000]}")
    rows = tshark.fields(path, ["tcp.stream", "frame.number", "_ws.expert.message"],
                         'pclassify && _ws.expert.group == "Security"')
    check(rows, "no frame carries a Security expert info")
    first_frame = {}
    for stream, frame in tshark.fields(path, ["tcp.stream", "frame.number"], "pclassify"):
        first_frame.setdefault(stream, frame)
    per_flow = collections.Counter(column(rows, 0))
    check(max(per_flow.values()) == 1,
          f"a flow raised expert infos on several frames: {per_flow.most_common(3)}")
    for stream, frame, _ in rows:
        check(first_frame[stream] == frame,
              f"stream {stream}: expert info on frame {frame}, flow starts at {first_frame[stream]}")
    # The preference turns them off.
    quiet = tshark.fields(path, ["frame.number"], 'pclassify && _ws.expert.group == "Security"',
                          extra=["-o", "pclassify.expert_info:FALSE"])
    check(not quiet, "pclassify.expert_info:FALSE still raises expert infos")


def case_payload_verdict(args, tshark):
    # TLS on 80/tcp: the payload contradicts http, and says so once, in Security.
    path = capture(args, "tls_port_80.pcapng")
    rows = tshark.fields(path, ["pclassify.payload.verdict", "pclassify.payload.protocol"],
                         'pclassify.port == 80 && pclassify.payload.verdict != "not_checked"')
    check(rows, "tls_port_80.pcapng: no payload verdict on 80/tcp")
    check(rows[-1] == ["contradicted", "tls"], f"final verdict on 80/tcp: {rows[-1]}")
    flagged = tshark.fields(path, ["frame.number"], "pclassify.expert.payload_contradicts")
    check(len(flagged) >= 1, "no payload_contradicts expert info")
    # HTTPS on 443 is confirmed.
    rows = tshark.fields(capture(args, "443-firefox.pcap"),
                         ["pclassify.payload.verdict", "pclassify.payload.protocol"],
                         'pclassify.port == 443 && pclassify.payload.verdict != "not_checked"')
    check(rows and all(r == ["confirmed", "tls"] for r in rows), f"443-firefox verdicts: {rows[:3]}")
    # Frames before the first payload have no verdict yet; the SYN is such a frame.
    rows = tshark.fields(capture(args, "443-firefox.pcap"), ["pclassify.payload.verdict"],
                         "tcp.flags.syn == 1 && tcp.flags.ack == 0 && tcp.port == 443")
    check(rows and set(column(rows, 0)) == {"not_checked"}, f"SYN verdicts: {rows[:3]}")


# The official registry committed in the source tree (every clone has it).
EMBEDDED_REGISTRY = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, os.pardir,
                                 "registry", "service-names-port-numbers.xml")


def generated_table(args, tshark, registry):
    if not os.path.isfile(args.gen) or not os.access(args.gen, os.X_OK):
        raise Skip(f"{args.gen} is not built yet")
    registry_name = os.path.basename(registry)
    if not os.path.isfile(registry):
        raise Skip(f"{registry} is absent")
    table = os.path.join(tshark.stage, registry_name + ".table")
    result = subprocess.run([args.gen, "--table", table, registry], capture_output=True,
                            text=True)
    check(result.returncode == 0, f"pclassify-gen failed:\n{result.stderr}")
    os.chmod(table, 0o644)
    return table


def case_table_preference(args, tshark):
    table = generated_table(args, tshark, EMBEDDED_REGISTRY)
    path = capture(args, "443-chrome.pcap")
    rows = tshark.fields(path, ["pclassify.table", "pclassify.service"], "tcp.port == 443",
                         extra=["-o", f"pclassify.table:{table}"])
    check(rows and all(r == [table, "https"] for r in rows),
          f"with -o pclassify.table:{table}: {rows[:3]}")
    # The table really drives the label: the same table with 443/tcp renamed.
    with open(table, encoding="utf-8") as source:
        lines = source.read().split("\n")
    renamed = 0
    for i, line in enumerate(lines):
        fields = line.split("\t")
        if (len(fields) > 6 and fields[0] == "record" and fields[2] == "https"
                and fields[3] == "443" and fields[6] == "tcp"):
            fields[2] = "pclassify-renamed"
            lines[i] = "\t".join(fields)
            renamed += 1
    check(renamed == 1, f"expected one https 443/tcp record in the generated table, saw {renamed}")
    edited = tshark.file("renamed.table", "\n".join(lines))
    rows = tshark.fields(path, ["pclassify.service"], "tcp.port == 443",
                         extra=["-o", f"pclassify.table:{edited}"])
    check(rows and set(column(rows, 0)) == {"pclassify-renamed"},
          f"the edited table did not label 443/tcp: {rows[:3]}")


def case_bad_table(args, tshark):
    path = capture(args, "443-chrome.pcap")
    broken = tshark.file("broken.table", "pclassify-service-table\t1\nrecord\tnot enough fields\n")
    for table in (broken, os.path.join(tshark.stage, "missing.table")):
        result = tshark.run(["-n", "-r", path, "-T", "fields", "-e", "pclassify.table", "-e",
                             "pclassify.service", "-Y", "tcp.port == 443",
                             "-o", f"pclassify.table:{table}"], expect_ok=False)
        check(result.returncode in (0, 2), f"tshark exited {result.returncode}: {result.stderr}")
        check("pclassify" in result.stderr and table in result.stderr
              and "compiled-in" in result.stderr,
              f"no clear message for the bad table {table}: {result.stderr!r}")
        rows = [line.split("\t") for line in result.stdout.splitlines()]
        check(rows and all(r == ["compiled-in", "https"] for r in rows),
              f"the compiled-in table was not kept: {rows[:3]}")


def case_two_pass(args, tshark):
    for name in ("443-firefox.pcap", "tls_port_80.pcapng", "tcp_scan.pcapng", "sctp.cap",
                 "dns.pcap", "6in4tunnel.pcap", "bittorrent.pcap"):
        path = capture(args, name)
        one = tshark.fields(path, LABEL_FIELDS)
        two = tshark.fields(path, LABEL_FIELDS, extra=["-2"])
        check(len(one) == len(two), f"{name}: {len(one)} frames in one pass, {len(two)} in two")
        for a, b in zip(one, two):
            check(a == b, f"{name}: one pass {a} != two passes {b}")
        check(any(len(r) > 1 and r[1] for r in one), f"{name}: no frame labelled")


def case_no_crash(args, tshark):
    problems = []
    for path in all_captures(args):
        for extra in (["-V"], ["-2", "-V"]):
            result = tshark.run(["-n", "-r", path] + extra, expect_ok=False)
            # 2 is a capture file cut short; a dissector bug shows as a message.
            text = result.stdout + result.stderr
            if result.returncode not in (0, 2):
                problems.append(f"{os.path.basename(path)} {extra}: exit {result.returncode}")
            if "pclassify" in text and re.search(r"Dissector bug|Malformed Packet: pclassify",
                                                 text):
                problems.append(f"{os.path.basename(path)} {extra}: dissector bug in pclassify")
    check(not problems, "\n".join(problems))


def case_fuzz_corpus(args, tshark):
    """Every capture of the capture-reader fuzz corpus (hostile, cut and corrupt files,
    and every crash ever found) through tshark with the plugin loaded: tshark may refuse
    a file, but neither it nor the plugin may crash."""
    corpus = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fuzz", "corpus",
                          "capture_reader")
    names = sorted(os.listdir(corpus)) if os.path.isdir(corpus) else []
    check(names, f"no fuzz corpus captures in {corpus}")
    problems = []
    for name in names:
        staged = os.path.join(tshark.stage, "fuzz-input")
        shutil.copyfile(os.path.join(corpus, name), staged)
        os.chmod(staged, 0o644)
        result = tshark.run(["-n", "-r", staged, "-V", "-2"], expect_ok=False)  # raises on a signal
        if re.search(r"Dissector bug|Malformed Packet: pclassify", result.stdout + result.stderr):
            problems.append(f"{name}: dissector bug in pclassify")
    check(not problems, "\n".join(problems))


def case_cli_agreement(args, tshark):
    if not os.path.isfile(args.cli) or not os.access(args.cli, os.X_OK):
        raise Skip(f"the CLI {args.cli} is not built yet")
    compared = 0
    for name in ("443-chrome.pcap", "dns.pcap", "ssh.pcap", "smtp.pcap", "NTPv4.pcap",
                 "sctp.cap", "mysql.pcapng", "tcp_scan.pcapng", "bittorrent.pcap"):
        path = capture(args, name)
        cli = subprocess.run([args.cli, "-r", path, "-o", "json"], capture_output=True,
                             text=True)
        check(cli.returncode == 0, f"pclassify -r {name} -o json failed:\n{cli.stderr}")
        cli_flows = {}
        for line in cli.stdout.splitlines():
            if not line.strip():
                continue
            record = json.loads(line)
            ends = frozenset({(record["source"]["ip"], record["source"]["port"]),
                              (record["destination"]["ip"], record["destination"]["port"])})
            key = (record["network"]["transport"], ends)
            label = record.get("pclassify", {})
            cli_flows[key] = (label.get("service") or "", record["destination"]["port"])
        rows = tshark.fields(path, ["pclassify.transport", "ip.src", "ipv6.src", "ip.dst",
                                    "ipv6.dst", "tcp.srcport", "udp.srcport", "sctp.srcport",
                                    "tcp.dstport", "udp.dstport", "sctp.dstport",
                                    "pclassify.service", "pclassify.port"], "pclassify")
        plugin_flows = {}
        for row in rows:
            row += [""] * (13 - len(row))
            last = lambda value: value.split("|")[-1] if value else ""
            src = last(row[2]) or last(row[1])
            dst = last(row[4]) or last(row[3])
            sport = last(row[5]) or last(row[6]) or last(row[7])
            dport = last(row[8]) or last(row[9]) or last(row[10])
            if not (src and dst and sport and dport):
                continue
            key = (row[0], frozenset({(src, int(sport)), (dst, int(dport))}))
            plugin_flows.setdefault(key, (row[11], int(row[12])))
        common = set(cli_flows) & set(plugin_flows)
        mismatches = [(k, cli_flows[k], plugin_flows[k]) for k in common
                      if cli_flows[k] != plugin_flows[k]]
        check(not mismatches, f"{name}: CLI and plugin disagree (cli, plugin): {mismatches[:5]}")
        compared += len(common)
    check(compared > 0, "no flow found by both the CLI and the plugin")


CASES = {name[len("case_"):]: function for name, function in globals().items()
         if name.startswith("case_")}


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("case", choices=sorted(CASES))
    parser.add_argument("--plugin", required=True)
    parser.add_argument("--abi", required=True, help="Wireshark major.minor, e.g. 4.0")
    parser.add_argument("--tshark", default="tshark")
    parser.add_argument("--shared", required=True, help="the shared folder (pcaps/, registry/)")
    parser.add_argument("--gen", default="", help="pclassify-gen")
    parser.add_argument("--cli", default="", help="the pclassify CLI")
    parser.add_argument("--profile", default=os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "..", "plugin", "profile", "pclassify"),
        help="the configuration profile folder (source)")
    parser.add_argument("--build", default="", help="the build folder (for cmake --install)")
    parser.add_argument("--cmake", default="cmake", help="cmake")
    args = parser.parse_args()
    tshark = None
    try:
        tshark = Tshark(args)
        CASES[args.case](args, tshark)
    except Skip as reason:
        print(f"SKIP: {reason}")
        return SKIP
    except Failure as failure:
        print(f"FAIL: {failure}")
        return 1
    finally:
        if tshark is not None:
            tshark.close()
    print("PASS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
