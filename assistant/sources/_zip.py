"""Reading untrusted zip archives within fixed bounds: entries, bytes, overlaps.

A zip bomb inflates a small file to gigabytes in three ways, and each has a check here
that runs before anything is inflated: a member that claims a huge size (refused from
the central directory), many directory entries pointing at the same compressed data
(overlapping entries refused), and millions of entries (counted from the end record,
before `zipfile` builds an object per entry). Reads then stream in chunks and stop at
the declared size and at the archive's total budget, whatever the data says.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Callable

from assistant.errors import InputError

MAX_ENTRIES = 100_000  # a full X archive lists one file per media item: tens of thousands
# What one archive may inflate to in total: about 180,000 tweets of an X archive (1.4 KB
# each), parsed in about 2 GB. Bigger archives: extract data/tweets.js and import that.
MAX_TOTAL_BYTES = 256 * 1024 * 1024
_CHUNK = 1 << 20
_END = b"PK\x05\x06"
_END64_LOCATOR = b"PK\x06\x07"
_END64 = b"PK\x06\x06"
# Errors zipfile raises on corrupt, encrypted (RuntimeError) or exotic archives.
ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError,
              RuntimeError, zlib.error, OSError, ValueError)


def entry_count(data: bytes) -> int | None:
    """The number of entries the end-of-central-directory record declares (zip64 too)."""
    at = data.rfind(_END, max(0, len(data) - 65_557))
    if at < 0 or len(data) < at + 22:
        return None
    entries = struct.unpack_from("<H", data, at + 10)[0]
    locator = at - 20
    if entries == 0xFFFF and locator >= 0 and data[locator:locator + 4] == _END64_LOCATOR:
        offset = struct.unpack_from("<Q", data, locator + 8)[0]
        if offset + 56 <= len(data) and data[offset:offset + 4] == _END64:
            return int(struct.unpack_from("<Q", data, offset + 32)[0])
    return int(entries)


class BoundedZip:
    """A zip archive in memory whose reads together never exceed `budget` bytes."""

    def __init__(self, data: bytes, name: str, *, budget: int = MAX_TOTAL_BYTES,
                 max_entries: int = MAX_ENTRIES) -> None:
        self.name = name
        self.budget = budget
        count = entry_count(data)
        if count is not None and count > max_entries:
            raise InputError(f"zip archive lists {count:,} entries (limit {max_entries:,})",
                             path=name)
        try:
            self.archive = zipfile.ZipFile(io.BytesIO(data))
            self.infos = self.archive.infolist()
        except ZIP_ERRORS as exc:
            raise InputError(f"not a readable zip archive ({exc})", path=name) from None
        if len(self.infos) > max_entries:
            raise InputError(f"zip archive lists {len(self.infos):,} entries "
                             f"(limit {max_entries:,})", path=name)
        _refuse_overlaps(self.infos, name)

    def find(self, wanted: Callable[[str], bool]) -> list[zipfile.ZipInfo]:
        """The entries whose names match, refused at once when their declared sizes
        together exceed what is left of the budget."""
        found = [info for info in self.infos if not info.is_dir() and wanted(info.filename)]
        declared = sum(info.file_size for info in found)
        if declared > self.budget:
            biggest = max(found, key=lambda info: info.file_size)
            raise InputError(f"{biggest.filename} inflates to {biggest.file_size:,} bytes "
                             f"({declared:,} in all; limit {self.budget:,}): not read",
                             path=self.name)
        return found

    def read(self, info: zipfile.ZipInfo, limit: int | None = None) -> bytes:
        """A member's bytes, inflated in chunks and stopped at `limit` and the budget."""
        cap = min(self.budget, info.file_size if limit is None else limit)
        if info.flag_bits & 0x1:
            raise InputError(f"{info.filename} is encrypted: export the archive without a "
                             "password", path=self.name)
        if info.file_size > cap:
            raise InputError(f"{info.filename} inflates to {info.file_size:,} bytes "
                             f"(limit {cap:,}): not read", path=self.name)
        parts: list[bytes] = []
        got = 0
        try:
            with self.archive.open(info) as stream:
                while chunk := stream.read(_CHUNK):
                    got += len(chunk)
                    if got > cap:  # zipfile stops at file_size; this holds even if it did not
                        raise InputError(f"{info.filename} inflates past {cap:,} bytes: not read",
                                         path=self.name)
                    parts.append(chunk)
        except ZIP_ERRORS as exc:
            raise InputError(f"{info.filename}: not readable ({exc})", path=self.name) from None
        self.budget -= got
        return b"".join(parts)


def _refuse_overlaps(infos: list[zipfile.ZipInfo], name: str) -> None:
    """Each entry's local header and data must end before the next one starts: entries
    sharing compressed data are how a 1 MB zip lists the same gigabyte many times."""
    previous: zipfile.ZipInfo | None = None
    end = 0
    for info in sorted(infos, key=lambda item: item.header_offset):
        if previous is not None and info.header_offset < end:
            raise InputError(f"zip entries overlap ({previous.filename} and {info.filename}): "
                             "a zip bomb or a corrupt archive", path=name)
        end = info.header_offset + 30 + _name_length(info) + info.compress_size
        previous = info


def _name_length(info: zipfile.ZipInfo) -> int:
    """The length of the name as stored (UTF-8 when flagged, else cp437)."""
    try:
        return len(info.orig_filename.encode("utf-8" if info.flag_bits & 0x800 else "cp437"))
    except UnicodeEncodeError:
        return 0  # a lower bound keeps the check sound
