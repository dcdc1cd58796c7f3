"""Capture file writers: classic pcap (draft-ietf-opsawg-pcap) and pcapng
(draft-ietf-opsawg-pcapng). Frames carry nanosecond timestamps; each writer rounds them
to its own resolution."""

import dataclasses
import struct

# 2024-01-01T00:00:00Z: every capture starts here, so files do not depend on the clock.
EPOCH_NS = 1_704_067_200 * 1_000_000_000


@dataclasses.dataclass
class Frame:
    timestamp_ns: int
    data: bytes
    interface: int = 0        # pcapng interface index
    comment: str = None       # pcapng opt_comment


class Clock:
    """Deterministic timestamps: `step_ns` apart from EPOCH_NS + offset_ns."""

    def __init__(self, offset_ns: int = 0, step_ns: int = 1_000_000):
        self._now = EPOCH_NS + offset_ns
        self._step = step_ns

    def tick(self) -> int:
        self._now += self._step
        return self._now


def frames(link_frames: list, clock: Clock = None, interface: int = 0) -> list:
    """Timestamp a list of link-layer frames."""
    clock = clock or Clock()
    return [Frame(clock.tick(), data, interface) for data in link_frames]


# --- classic pcap ----------------------------------------------------------------------

def write_pcap(path: str, linktype: int, records: list, big_endian: bool = False,
               nanosecond: bool = False, snaplen: int = 65535) -> None:
    """File header (draft-ietf-opsawg-pcap section 4): magic(32) = 0xA1B2C3D4 (microsecond)
    or 0xA1B23C4D (nanosecond) in the writer's byte order | major(16)=2 | minor(16)=4 |
    reserved(32) | reserved(32) | snaplen(32) | link type(32).
    Record header (section 5): seconds(32) | micro/nanoseconds(32) | captured length(32) |
    original length(32), then the captured bytes, cut to `snaplen`."""
    order = ">" if big_endian else "<"
    magic = 0xA1B23C4D if nanosecond else 0xA1B2C3D4
    units_per_second = 1_000_000_000 if nanosecond else 1_000_000
    with open(path, "wb") as out:
        out.write(struct.pack(order + "IHHIIII", magic, 2, 4, 0, 0, snaplen, linktype))
        for record in records:
            units = record.timestamp_ns * units_per_second // 1_000_000_000
            captured = record.data[:snaplen]
            out.write(struct.pack(order + "IIII", units // units_per_second,
                                  units % units_per_second, len(captured), len(record.data)))
            out.write(captured)


# --- pcapng ----------------------------------------------------------------------------

def _option(code: int, value: bytes) -> bytes:
    """Option (section 3.5): code(16) | length(16) | value padded to 32 bits."""
    return struct.pack("<HH", code, len(value)) + value + bytes(-len(value) % 4)


def _options(options: list) -> bytes:
    if not options:
        return b""
    return b"".join(_option(code, value) for code, value in options) + _option(0, b"")  # opt_endofopt


def _block(block_type: int, body: bytes) -> bytes:
    """Block (section 3.1): type(32) | total length(32) | body | total length(32)."""
    total = 12 + len(body)
    return struct.pack("<II", block_type, total) + body + struct.pack("<I", total)


def _section_header(application: str) -> bytes:
    """SHB (section 4.1): type 0x0A0D0D0A | byte-order magic 0x1A2B3C4D | major(16)=1 |
    minor(16)=0 | section length(64) = -1 (unknown) | options: shb_userappl (4)."""
    body = struct.pack("<IHHq", 0x1A2B3C4D, 1, 0, -1)
    return _block(0x0A0D0D0A, body + _options([(4, application.encode("utf-8"))]))


def _interface_description(linktype: int, name: str, tsresol: int, snaplen: int) -> bytes:
    """IDB (section 4.2): link type(16) | reserved(16) | snaplen(32) | options:
    if_name (2) and if_tsresol (9, power of ten when the high bit is clear)."""
    options = [(2, name.encode("utf-8")), (9, bytes([tsresol]))]
    return _block(1, struct.pack("<HHI", linktype, 0, snaplen) + _options(options))


def _enhanced_packet(record: Frame, tsresol: int) -> bytes:
    """EPB (section 4.3): interface id(32) | timestamp high(32) | timestamp low(32) |
    captured length(32) | original length(32) | data padded to 32 bits | options:
    opt_comment (1)."""
    units = record.timestamp_ns // 10 ** (9 - tsresol)
    body = struct.pack("<IIIII", record.interface, units >> 32, units & 0xFFFFFFFF,
                       len(record.data), len(record.data))
    body += record.data + bytes(-len(record.data) % 4)
    if record.comment:
        body += _options([(1, record.comment.encode("utf-8"))])
    return _block(6, body)


@dataclasses.dataclass
class Interface:
    linktype: int
    name: str
    tsresol: int = 6  # timestamps in 10^-tsresol seconds


def write_pcapng(path: str, interfaces: list, records: list,
                 application: str = "pclassify pcaps/make_captures.py") -> None:
    """One little-endian section: SHB, one IDB per interface, one EPB per frame."""
    with open(path, "wb") as out:
        out.write(_section_header(application))
        for interface in interfaces:
            out.write(_interface_description(interface.linktype, interface.name,
                                             interface.tsresol, 65535))
        for record in records:
            out.write(_enhanced_packet(record, interfaces[record.interface].tsresol))
