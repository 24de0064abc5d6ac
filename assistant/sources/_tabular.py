"""CSV helpers the scheduler exports share: records with their line numbers, and times.

Scheduler exports write local times without a zone; `Options.tz` (UTC by default) says
which zone they were written in.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import datetime, tzinfo

from assistant.errors import InputError

from ._common import UTC, decode, require_content

# Tried in order after ISO 8601. US month-first like Buffer's own template; a day-first
# file must pass ISO dates or a mapping to a column in ISO form.
_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%m/%d/%Y %H:%M",
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y %I:%M %p",
    "%m/%d/%Y",
    "%a %b %d %H:%M:%S %z %Y",  # X and the support-tweets data set
)

# How exports name networks (Buffer's Profile column, a "platform" column of a CSV).
_PLATFORM_NAMES = {
    "x": "x", "twitter": "x", "twitter/x": "x", "x/twitter": "x", "x (twitter)": "x",
    "linkedin": "linkedin", "linkedin page": "linkedin", "linkedin profile": "linkedin",
    "facebook": "facebook", "facebook page": "facebook", "instagram": "instagram",
    "threads": "threads", "bluesky": "bluesky", "mastodon": "mastodon", "blog": "blog",
}


def platform_named(value: str) -> str | None:
    """The platform an export's network name means, or None when it names none we know."""
    return _PLATFORM_NAMES.get(value.strip().casefold())


def records(data: bytes | str, name: str) -> Iterator[tuple[int, list[str]]]:
    """Non-blank CSV records of `data`, each with the line it starts on."""
    text = decode(data, name)
    require_content(text, name)
    reader = csv.reader(io.StringIO(text, newline=""), strict=False)
    line = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            reason = str(exc)
            if "field larger than field limit" in reason:
                reason = f"a field is longer than {csv.field_size_limit():,} characters"
            raise InputError(f"unreadable CSV: {reason}", path=name, line=line) from None
        start, line = line, reader.line_num + 1
        if any(cell.strip() for cell in row):
            yield start, row


def table(data: bytes | str, name: str
          ) -> tuple[int, list[str], Iterator[tuple[int, list[str]]]]:
    """A CSV with a header row: the header's line, the header, and its records (as
    `records`), each checked to fit under the header.

    A record with more non-empty fields than the header has columns is refused, naming
    its line: an unquoted comma in a text splits it, and the part past the last column
    would otherwise be lost without a word. Empty fields past the last column (a trailing
    comma, a spreadsheet's padding) are harmless and read as before.
    """
    rows = records(data, name)
    first = next(rows, None)
    if first is None:
        raise InputError("no header row", path=name, line=1)
    header_line, header = first
    return header_line, header, _fitting(rows, len(header), name)


def _fitting(rows: Iterator[tuple[int, list[str]]], width: int, name: str
             ) -> Iterator[tuple[int, list[str]]]:
    for line, row in rows:
        if len(row) > width and any(value.strip() for value in row[width:]):
            used = max(i for i, value in enumerate(row) if value.strip()) + 1
            raise InputError(f"{used} fields but the header has {width} columns; a text "
                             'that holds commas must be quoted ("like, this")',
                             path=name, line=line)
        yield line, row


def parse_time(value: str, tz: tzinfo = UTC) -> datetime:
    """An aware UTC datetime from the date forms exports use; naive times are in `tz`."""
    value = value.strip()
    if not value:
        raise ValueError("empty date")
    moment: datetime | None = None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        for pattern in _FORMATS:
            try:
                moment = datetime.strptime(value, pattern)
                break
            except ValueError:
                continue
    if moment is None:
        raise ValueError(f"unrecognised date {value!r} (use e.g. 2026-01-27 09:40)")
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=tz)
    return moment.astimezone(UTC)


def header_index(header: list[str]) -> dict[str, int]:
    """Column positions by case-folded, trimmed name (first wins on duplicates)."""
    index: dict[str, int] = {}
    for position, column in enumerate(header):
        index.setdefault(column.strip().casefold(), position)
    return index


def cell(row: list[str], position: int | None) -> str:
    """The trimmed value at `position`, or "" when the row is short or there is no column."""
    if position is None or position >= len(row):
        return ""
    return row[position].strip()
