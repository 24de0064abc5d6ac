"""Errors that are the user's to fix: they print as one line and exit with status 2."""

from __future__ import annotations

from collections.abc import Iterable


class InputError(Exception):
    """Bad input: names the file, the line (when known) and the problem."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = self.path or ""
        if self.path and self.line is not None:
            where += f":{self.line}"
        return f"{where}: {self.message}" if where else self.message


class ConfigError(InputError):
    """A problem in assistant.toml or the environment."""


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """ " (did you mean 'x'?)" for the closest of `choices`, or "" when none is close."""
    from difflib import get_close_matches

    close = get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""
