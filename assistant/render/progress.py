"""What a long audit is doing, on stderr, from the first byte read to the last post checked.

Shown only when stderr is a terminal, whatever `--format` is (the report itself goes to
stdout, after the display is gone). Each stage is named: reading (with the size of the
files), checking feed habits (near-duplicates, links, cadence), checking posts (a bar).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

from assistant.text import count

# Seconds between two drawings of the display within a stage (a new stage is drawn at once).
REDRAW = 0.125


class AuditProgress:
    """A rich Progress on stderr with one task per stage; a no-op when stderr is not a TTY."""

    def __init__(self, *, enabled: bool | None = None) -> None:
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self._progress: Any = None
        self._task: Any = None
        self._stage = ""
        self._drawn = 0.0  # when the display was last drawn (time.monotonic)

    def __enter__(self) -> AuditProgress:
        if self.enabled:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                SpinnerColumn,
                TextColumn,
                TimeElapsedColumn,
            )

            # Drawn when the audit says where it is, not by rich's refresh thread: a process
            # with a second thread never forks (`audit_parallel`), and an audit on a
            # terminal took 1.7x the time of the same audit piped (100,000 posts, one core).
            self._progress = Progress(
                SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                MofNCompleteColumn(), TimeElapsedColumn(),
                console=Console(stderr=True), transient=True, auto_refresh=False,
            )
            self._progress.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 trace: TracebackType | None) -> None:
        if self._progress is not None:
            self._progress.stop()

    def reading(self, paths: Sequence[str | Path]) -> None:
        """The first stage: which files, how big (a spinner, since parsing has no count yet)."""
        if self._progress is None:
            return
        size = 0
        for path in paths:
            try:
                size += Path(path).stat().st_size if path != "-" else 0
            except OSError:  # the importer names the problem with the file; not ours to say
                pass
        self.stage(f"reading {count(len(paths), 'file')} ({_size(size)})", 0, 0)

    def stage(self, name: str, done: int, total: int) -> None:
        """Move to stage `name` or update its count (the `audit_feed` progress callback)."""
        if self._progress is None:
            return
        if name != self._stage:
            if self._task is not None:
                self._progress.remove_task(self._task)
            self._task = self._progress.add_task(name[:1].upper() + name[1:], total=total or None)
            self._stage = name
            self._drawn = 0.0
        self._progress.update(self._task, completed=done, total=total or None)
        now = time.monotonic()
        if now - self._drawn >= REDRAW:
            self._progress.refresh()
            self._drawn = now


def _size(size: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024  # type: ignore[assignment]
    return f"{size} bytes"
