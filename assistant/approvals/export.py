"""Release: claim the approved posts atomically, then write them; undo the claim on failure.

Two exports racing each claim a disjoint set inside one Lua script, so every approved post
lands in exactly one file. What can be known about the file beforehand (it exists already,
its folder does not, or is not one, or cannot be written in) is refused before anything is
claimed. If the file still cannot be written, the claim is undone (with an audit entry), so
a post is never marked released without being in a file.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, tzinfo
from pathlib import Path

from assistant.approvals.model import QueuedPost
from assistant.approvals.store import ApprovalStore
from assistant.approvals.writers import BULK, unfit, write
from assistant.errors import InputError
from assistant.text import count


@dataclass
class Export:
    batch: str
    posts: list[QueuedPost]
    text: str


class ExportRefused(InputError):
    """Approved posts that cannot go in the file asked for; nothing was released. `lines`
    names each post and why (one line when there is one)."""

    def __init__(self, lines: list[str], summary: str) -> None:
        message = f"{lines[0]}; nothing was released" if len(lines) == 1 else \
            f"{summary}; nothing was released"
        super().__init__(message)
        self.problems = lines

    def lines(self) -> list[str]:
        return list(self.problems)


def export_approved(store: ApprovalStore, fmt: str, *, actor: str, client: str | None = None,
                    platform: str | None = None, kinds: Sequence[str] = (),
                    output: str | None = None, tz: tzinfo = UTC,
                    sink: Callable[[str], object] | None = None) -> Export:
    """Release every approved future post (of `client`, on `platform`, of one of `kinds`)
    into `output` (atomic rename) or `sink`. Posts the format cannot hold (a DM in a bulk
    schedule, two platforms in a file uploaded to one profile) refuse the whole export
    (ExportRefused) before anything is released."""
    if output:
        check_output(Path(output))
    chosen = [p for p in store.releasable(client=client)
              if (platform is None or p.post.platform == platform)
              and (not kinds or p.post.kind in kinds)]
    refuse(fmt, chosen, client)
    batch, posts = store.release(fmt, actor=actor, client=client, only=chosen)
    posts.sort(key=lambda p: (p.scheduled_at, p.id))
    if not posts:
        return Export(batch, [], "")  # nothing released: leave any file alone
    try:
        text = write(fmt, [p.post for p in posts], tz)
        if output:
            _write_atomically(Path(output), text)
        elif sink is not None:
            sink(text)
    except BaseException as exc:
        store.unrelease(batch, [p.id for p in posts], actor=actor,
                        reason=f"export file not written: {type(exc).__name__}")
        if output and isinstance(exc, OSError):  # a full disk, a folder gone meanwhile
            raise InputError(f"cannot write the file ({exc.strerror or exc}); nothing was "
                             "released", path=output) from None
        raise
    return Export(batch, posts, text)


def refuse(fmt: str, posts: Sequence[QueuedPost], client: str | None) -> None:
    """Raise ExportRefused naming every post a `fmt` file cannot hold and why, and the
    platforms when a file uploaded to one profile would hold several."""
    lines, fit = [], []
    for record in posts:
        found = unfit(fmt, record.post)
        if found is None:
            fit.append(record)
            continue
        one, several, why = found
        lines.append(f"{record.id} is {one}: {why} (export {several} with --format jsonl "
                     f"--kind {record.post.kind})")
    of = f" of {client}" if client else ""
    summary = [f"{count(len(lines), 'approved post')}{of} cannot go in a {fmt} file"] if lines else []
    by_platform: dict[str, list[str]] = {}
    for record in fit:
        by_platform.setdefault(record.post.platform, []).append(record.id)
    if fmt in BULK and len(by_platform) > 1:
        names = sorted(by_platform)
        listed = [f"{name} ({_ids(by_platform[name])})" for name in names]
        options = [f"--platform {name}" for name in names]
        platforms = f"are for {count(len(names), 'platform')}"
        lines.append(f"the {'other ' if lines else ''}approved posts{of} {platforms}, "
                     f"{_and(listed)}, and a {fmt} file is uploaded to one profile: export one "
                     f"platform at a time with {_and(options, 'or')}")
        summary.append(f"the others {platforms}" if summary else f"the approved posts{of} {platforms}")
    if lines:
        raise ExportRefused(lines, ", and ".join(summary))


def _ids(ids: Sequence[str], shown: int = 5) -> str:
    more = f" and {len(ids) - shown} more" if len(ids) > shown else ""
    return ", ".join(ids[:shown]) + more


def _and(items: Sequence[str], word: str = "and") -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {word} {items[-1]}"


def check_output(path: Path) -> None:
    """Refuse a file an export could not write, before anything is released: one that
    exists (never overwritten), or one whose folder is missing, not a folder or not ours
    to write in."""
    if path.exists():
        raise InputError("already exists; an export never overwrites a file (pick a new name)",
                         path=str(path))
    folder = path.parent
    if not folder.exists():
        raise InputError("no such folder; nothing was released", path=str(folder))
    if not folder.is_dir():
        raise InputError("not a folder; nothing was released", path=str(folder))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise InputError("cannot write in this folder (permission denied); nothing was "
                         "released", path=str(folder))


def _write_atomically(path: Path, text: str) -> None:
    """Write next to the target, then link it into place: a reader never sees half a file,
    and two exports naming the same file cannot overwrite each other (the second fails)."""
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        try:
            os.link(tmp, path)
        except FileExistsError:
            raise InputError("already exists; an export never overwrites a file",
                             path=str(path)) from None
    finally:
        Path(tmp).unlink(missing_ok=True)
