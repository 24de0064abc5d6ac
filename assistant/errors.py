"""Errors that are the user's to fix: they print as one line and exit with status 2."""

from __future__ import annotations


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
