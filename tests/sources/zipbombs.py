"""Zip archives built byte by byte, as an attacker would: members that inflate to hundreds
of megabytes from a few hundred kilobytes, entries that share one member's data, and
headers that lie about sizes. Built in well under a second (the deflate stream of zeros
is one flushed block repeated), so tests can afford the real sizes."""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass

MB = 1 << 20


@dataclass
class Member:
    name: str
    data: bytes  # raw deflate stream
    crc: int
    size: int  # the true inflated size
    declared: int | None = None  # the size the headers claim (a liar), default the true one


def zeros(megabytes: int) -> Member:
    """`megabytes` MiB of zero bytes, deflated (about 1 KB per MiB)."""
    chunk = bytes(MB)
    squeeze = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = squeeze.compress(chunk) + squeeze.flush(zlib.Z_FULL_FLUSH)  # a self-contained block
    crc = 0
    for _ in range(megabytes):
        crc = zlib.crc32(chunk, crc)
    return Member("data/tweets.js", block * megabytes + squeeze.flush(), crc, megabytes * MB)


def deflated(name: str, content: bytes) -> Member:
    squeeze = zlib.compressobj(9, zlib.DEFLATED, -15)
    return Member(name, squeeze.compress(content) + squeeze.flush(), zlib.crc32(content),
                  len(content))


def build(members: list[Member], *, listed: list[tuple[str, int]] | None = None) -> bytes:
    """A zip of `members`; `listed` (name, index of the member whose data it points at)
    overrides the central directory, e.g. one member listed twelve times."""
    out = bytearray()
    offsets: list[int] = []
    for member in members:
        offsets.append(len(out))
        name = member.name.encode()
        size = member.size if member.declared is None else member.declared
        out += struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0x21, member.crc,
                           len(member.data), size, len(name), 0)
        out += name + member.data
    directory = bytearray()
    entries = listed if listed is not None else [(m.name, i) for i, m in enumerate(members)]
    for name_text, index in entries:
        member = members[index]
        name = name_text.encode()
        size = member.size if member.declared is None else member.declared
        directory += struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 8, 0, 0x21, member.crc,
                                 len(member.data), size, len(name), 0, 0, 0, 0, 0,
                                 offsets[index])
        directory += name
    start = len(out)
    out += directory
    out += struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(entries), len(entries),
                       len(directory), start, 0)
    return bytes(out)


TWEET = (b'window.YTD.tweets.part0 = [{"tweet": {"id_str": "1", "full_text": "Hello there", '
         b'"created_at": "Wed Oct 10 20:19:24 +0000 2018"}}]')
