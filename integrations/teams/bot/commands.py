"""What a Teams message asks for: `review <draft>`, `review rules`, `review help`,
`review audit <feed>`, `review report`; the leading `review` may be left out."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from assistant.models import PLATFORMS

Action = Literal["help", "rules", "review", "audit", "report", "submit", "unknown"]
HELP_WORDS = {"help", "-h", "--help", "?", "usage", "hi", "hello"}
_PLATFORM = re.compile(r"^(?:--platform[= ]|platform:)(\S+)\s*", re.IGNORECASE)
_WORD = re.compile(r"^(?:-{1,2}[\w-]+|[a-z]{2,12})$", re.IGNORECASE)


@dataclass(frozen=True)
class Command:
    """A parsed message. `problem` says what to fix when it is not usable."""

    action: Action
    text: str = ""
    platform: str = "x"
    problem: str = ""


def parse(text: str) -> Command:
    """Read a message's plain text (bot mention already removed); never raises."""
    text = text.strip()
    head, _, rest = text.partition("\n") if "\n" in text.split(" ", 1)[0] else \
        text.partition(" ")
    if head.strip().casefold() == "review":
        text = rest.strip()
    if not text:
        return Command("help")
    first, _, rest = text.partition(" ")
    word, rest = first.casefold(), rest.strip()
    if word in HELP_WORDS and not rest:
        return Command("help")
    if word == "rules" and not rest:
        return Command("rules")
    if word == "report" and not rest:
        return Command("report")
    if word == "submit" and not rest:
        return Command("submit")
    if word == "audit":
        if not rest:
            return Command("unknown", problem="review audit needs a tracked feed's name, "
                           "e.g. review audit Bright Pixel on X")
        return Command("audit", rest)
    platform = "x"
    match = _PLATFORM.match(text)
    if match:
        platform = match.group(1).casefold()
        if platform not in PLATFORMS:
            return Command("unknown", problem=f"Unknown platform {platform!r}; use one of: "
                           + ", ".join(PLATFORMS))
        text = text[match.end():].strip()
        if not text:
            return Command("unknown", problem="Paste the draft after the platform.")
    if " " not in text and "\n" not in text and _WORD.match(text):
        return Command("unknown", problem=f"I don't know the command {text!r}. To review a "
                       "draft, send: review <the whole post>")
    return Command("review", text, platform)
