"""The one exception tree of the product, and how each branch reads to a person.

`AssistantError` is the root. Its branches say whose problem it is:

- `InputError` / `ConfigError`: the user's input or configuration (exit 2, one line),
  posts already in the approval queue (`DuplicateError`) among them;
- `SourceError`: a feed or export that could not be fetched (`FetchError`, `AddressRefused`);
- `DeliveryError`: a chat platform refused or dropped a post (Slack, Teams);
- `CritiqueError`: the LLM critique could not be had (`CritiqueUnavailable`, `BadOutput`).

`exit_code` and `chat_text` are the one place these become an exit status or a chat answer.
A few exceptions stay outside the tree on purpose: they are flow control that never
reaches a person (`EffectBusy` and `DayHeld` ask for a retry, the Slack edge's `Refused`
becomes its HTTP answer).
"""

from __future__ import annotations

import errno
from collections.abc import Iterable
from typing import NoReturn

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


class AssistantError(Exception):
    """Root of every error the product raises on purpose; its text is fit to show a user."""


class InputError(AssistantError):
    """Bad input: names the file, the line (when known) and the problem.

    `hint` is advice that names a command's option ("name it with --map text=<column>"),
    kept apart from the problem so a command without that option can leave it out
    (`without_hint`) instead of rewriting another module's words.
    """

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None,
                 hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.hint = hint

    def __str__(self) -> str:
        where = self.path or ""
        if self.path and self.line is not None:
            where += f":{self.line}"
        said = f"{self.message}; {self.hint}" if self.hint else self.message
        return f"{where}: {said}" if where else said

    def without_hint(self, hint: str | None = None) -> InputError:
        """The same problem with `hint` (or none) instead of the option this one names."""
        return InputError(self.message, path=self.path, line=self.line, hint=hint)


class ConfigError(InputError):
    """A problem in assistant.toml or the environment."""


class SourceError(AssistantError):
    """A feed, export or page could not be fetched."""


class DeliveryError(AssistantError):
    """A chat platform (Slack, Teams) did not take a post; the text never holds a secret."""


class CritiqueError(AssistantError):
    """The LLM critique could not be had or its answer could not be used."""


def exit_code(exc: BaseException) -> int:
    """The command line's exit status for an error: every error of the tree is the user's
    to act on (fix the input, the config, the address or the key), so all give 2."""
    return EXIT_USAGE if isinstance(exc, AssistantError) else 1


def reader_gone() -> NoReturn:
    """For a rich console's `on_broken_pipe`: rich would exit 1 when the reader goes away
    (`| head`), and exit 1 here means findings; raised instead, the command decides."""
    raise BrokenPipeError(errno.EPIPE, "the reader went away")


def chat_text(exc: AssistantError, *, doing: str = "") -> str:
    """One line for a chat answer. `doing` is what was being done ("audit rss:..."), shown
    as given; source errors say only that the feed could not be read, since a member who
    types an address must not learn how the network answered."""
    lead = f"I could not {doing}: " if doing else ""
    if isinstance(exc, SourceError):
        return f"{lead}not a feed I can read"
    if isinstance(exc, CritiqueError):
        return f"{lead}the critique is unavailable ({exc})"
    return f"{lead}{exc}"


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """ " (did you mean 'x'?)" for the closest of `choices`, or "" when none is close."""
    from difflib import get_close_matches

    close = get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""
