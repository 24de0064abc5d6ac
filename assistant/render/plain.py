"""Plain text for a pipe or a file: the bytes rich would write there, without importing rich.

Used only when rich would print no colour and wrap nothing (not a terminal, no
FORCE_COLOR or TTY_COMPATIBLE=1, not a notebook); `wanted()` says when.
"""

from __future__ import annotations

import os
import sys
from typing import Any

# The control codes rich removes from text (bell, backspace, vertical tab, form feed, CR).
_STRIP = {code: None for code in (7, 8, 11, 12, 13)}


def wanted(text: str = "") -> bool:
    """True when rich would write `text` to stdout as plain lines: no colour, no wrapping,
    and no tab to expand (rich expands tabs by cell width)."""
    if "\t" in text or "IPython" in sys.modules:
        return False
    if os.environ.get("TTY_COMPATIBLE", "") == "1" or os.environ.get("FORCE_COLOR", ""):
        return False
    if os.environ.get("TTY_COMPATIBLE", "") == "0":
        return True
    isatty = getattr(sys.stdout, "isatty", None)
    try:
        return isatty is None or not isatty()
    except ValueError:
        return True


class PlainText:
    """The part of `rich.text.Text` the terminal renderer uses; styles are dropped."""

    __slots__ = ("plain",)

    def __init__(self, text: str = "", style: Any = "") -> None:
        self.plain = text.translate(_STRIP)

    def append(self, text: str | PlainText, style: Any = None) -> PlainText:
        self.plain += text.plain if isinstance(text, PlainText) else text.translate(_STRIP)
        return self

    def split(self, separator: str = "\n") -> list[PlainText]:
        return [PlainText(part) for part in self.plain.split(separator)]


class PlainConsole:
    """The part of `rich.console.Console` the terminal renderer uses, writing plain lines."""

    soft_wrap = True
    is_terminal = False

    def print(self, *objects: PlainText) -> None:
        out = sys.stdout
        out.write(" ".join(o.plain for o in objects) + "\n")
        out.flush()
