"""Reading a scheduler's file into the queue: every row that cannot be queued, or nothing.

The importers stop at the first broken row. To report them all, a broken record is blanked
out (line numbers kept) and the file is read again, up to `MAX_UNREADABLE` times (then the
summary says how far the file was checked). Then each
post is checked for what makes it impossible to schedule: no time, a time in the past, or
over the platform's hard limit (the `too-long` rule's error, with its default thresholds so
a workspace's regrading cannot let an over-limit post through or block a long one), and
for a row that repeats an earlier one (the queue would ask for the same approval twice).
Every such row is counted; the first `LISTED` rows are listed with all their problems, and
the rest are counted in one line.
"""

from __future__ import annotations

import csv
import io
import re
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from assistant.approvals.store import fingerprint
from assistant.errors import InputError
from assistant.models import Post
from assistant.text import count

MAX_UNREADABLE = 100  # broken records read past: each costs a fresh read of the file
LISTED = 100  # rows listed one by one; the rest are counted
_HEADED = ("buffer", "csv", "twcs")  # formats whose first record is a header


@dataclass(frozen=True)
class Problem:
    """One row that cannot be queued."""

    line: int | None
    message: str
    post_id: str | None = None

    def describe(self, path: str) -> str:
        where = f"{path}:{self.line}" if self.line is not None else path
        return f"{where}: {self.message}"


class ImportRejected(InputError):
    """Rows that cannot be queued; nothing was imported. `problems` lists them all (a row may
    have several); `lines()` the first `LISTED` rows' and a count of the rest. `checked_to`:
    the line where reading stopped after `MAX_UNREADABLE` broken rows (None: all was read)."""

    def __init__(self, path: str, problems: list[Problem], *,
                 checked_to: int | None = None) -> None:
        self.problems = problems
        self.checked_to = checked_to
        rows = self._rows()
        if len(problems) == 1:  # one problem is one line: FILE:LINE: what, and that nothing was queued
            super().__init__(f"{problems[0].message}; nothing was imported", path=path,
                             line=problems[0].line)
        elif checked_to is not None:
            super().__init__(f"{count(len(rows), 'row')} cannot be read, and the file was checked "
                             f"no further than line {checked_to}; nothing was imported", path=path)
        else:  # a row may have several problems (in the past, and a copy of an earlier row)
            super().__init__(f"{count(len(rows), 'row')} cannot be queued; nothing was imported",
                             path=path)

    def _rows(self) -> list[object]:
        """Each row with a problem, once, in the order of `problems`."""
        return list(dict.fromkeys(p.line if p.line is not None else p.post_id or id(p)
                                  for p in self.problems))

    def lines(self) -> list[str]:
        rows = self._rows()
        listed = set(rows[:LISTED])
        out = [p.describe(self.path or "") for p in self.problems
               if (p.line if p.line is not None else p.post_id or id(p)) in listed]
        if len(rows) > LISTED:
            out.append(f"… and {count(len(rows) - LISTED, 'more row')}")
        return out


@dataclass(frozen=True)
class Row:
    """A post ready for the queue and where it came from (file:line)."""

    post: Post
    line: int | None
    origin: str


def read_for_queue(path: str, *, source: str | None = None, platform: str | None = None,
                   tz: str | None = None, now: datetime | None = None) -> list[Row]:
    """Every post of `path`, checked for scheduling; raises ImportRejected listing all problems."""
    from assistant.sources import HEAD_BYTES, detect_format, load_posts

    now = now or datetime.now(UTC)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError("file not found", path=path) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=path) from None
    fmt = source or detect_format(Path(path), data[:HEAD_BYTES])
    problems: list[Problem] = []
    posts, read = _parse_all(path, data, fmt, problems,
                             lambda p: load_posts(p, source=fmt, platform=platform, tz=tz))
    lines = _lines_by_id(read, fmt, Path(path).name) if posts else {}
    stem = Path(path).stem
    rows: list[Row] = []
    first_of: dict[str, int | None] = {}  # the line of each post's first row, by fingerprint
    for post in posts:
        line = _line_of(post.id, stem, lines)
        for message in schedule_problems(post, now):
            problems.append(Problem(line, message, post.id))
        same = fingerprint("", post)
        if same in first_of:
            earlier = first_of[same]
            problems.append(Problem(line, "the same post (platform, time and text) as "
                                    + (f"line {earlier}" if earlier else "an earlier row"), post.id))
        else:
            first_of[same] = line
        rows.append(Row(post, line, f"{Path(path).name}:{line}" if line else Path(path).name))
    if problems:
        problems.sort(key=lambda p: (p.line is None, p.line or 0))
        raise ImportRejected(path, problems)
    if not rows:
        raise InputError("no posts in the file", path=path)
    return rows


def schedule_problems(post: Post, now: datetime) -> list[str]:
    """Why a post cannot be queued for approval (empty when it can)."""
    from assistant.sources import UNDATED

    found = []
    if post.created_at == UNDATED:
        found.append("no scheduled time (a draft): approvals need one, since an unapproved "
                     "post expires at its scheduled time")
    elif post.created_at <= now:
        found.append(f"scheduled time {post.created_at:%Y-%m-%d %H:%M} UTC is in the past")
    if not post.text.strip():
        found.append("the post has no text")
    found.extend(hard_limit_problems(post, now))
    return found


def hard_limit_problems(post: Post, now: datetime) -> list[str]:
    """The `too-long` rule's errors: over the platform's limit, the post would be refused."""
    from assistant.context import hard_limit_rules

    return [f"{f.message} ({f.evidence})" for f in hard_limit_rules().check_post(post, as_of=now)
            if f.severity == "error"]


def _parse_all(path: str, data: bytes, fmt: str, problems: list[Problem], load
               ) -> tuple[list[Post], bytes]:
    """Posts of the file after blanking out every broken record (each one a Problem), and
    the bytes they were read from (the file's, broken records blanked)."""
    name = Path(path).name
    current = data
    with tempfile.TemporaryDirectory(prefix="queue-import-") as folder:
        copy = Path(folder) / name  # same name, so ids (<stem>:<line>) stay the user's
        while True:
            target = path if current is data else str(copy)
            try:
                return load(target), current
            except InputError as exc:
                problems.append(Problem(exc.line, exc.message))
                if exc.line is None or (fmt in _HEADED and exc.line <= 1):
                    raise ImportRejected(path, problems) from None
                if len(problems) >= MAX_UNREADABLE:
                    raise ImportRejected(path, problems, checked_to=exc.line) from None
                blanked = _blank_record(current, exc.line, csv_like=fmt != "jsonl")
                if blanked == current:
                    raise ImportRejected(path, problems) from None
                current = blanked
                copy.write_bytes(current)


def _blank_record(data: bytes, line: int, *, csv_like: bool) -> bytes:
    """`data` with the record starting at `line` emptied, keeping every line number."""
    lines = data.split(b"\n")
    end = line
    if csv_like:
        end = _record_end(data, line)
    for number in range(line, min(end, len(lines)) + 1):
        lines[number - 1] = b"\r" if lines[number - 1].endswith(b"\r") else b""
    return b"\n".join(lines)


def _record_end(data: bytes, start: int) -> int:
    """The last line of the CSV record that starts on `start` (quoted fields span lines)."""
    text = data.decode("utf-8", "replace")
    reader = csv.reader(io.StringIO(text, newline=""), strict=False)
    line = 1
    try:
        for _ in reader:
            first, line = line, reader.line_num + 1
            if first == start:
                return line - 1
            if first > start:
                break
    except csv.Error:
        pass
    return start


def _lines_by_id(data: bytes, fmt: str, name: str) -> dict[str, int]:
    """Post id -> line, where a file's ids come from its data, not from the line (JSON Lines,
    a CSV with an id column); other posts are named `<stem>:<line>`."""
    if fmt in ("csv", "twcs"):
        from assistant.sources.csv_generic import row_lines

        return row_lines(data, name)
    if fmt != "jsonl":
        return {}
    import json

    out: dict[str, int] = {}
    for number, raw in enumerate(data.splitlines(), start=1):
        try:
            value = json.loads(raw)
        except ValueError:
            continue
        if isinstance(value, dict) and isinstance(value.get("id"), str):
            out.setdefault(value["id"], number)
    return out


def _line_of(post_id: str, stem: str, by_id: dict[str, int]) -> int | None:
    match = re.fullmatch(re.escape(stem) + r":(\d+)", post_id)
    if match:
        return int(match.group(1))
    return by_id.get(post_id)
