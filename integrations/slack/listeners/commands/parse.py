"""What `/review ...` asks for: help, the rules, a review of a draft, or an audit of a feed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from assistant.models import PLATFORMS

HELP_WORDS = {"help", "-h", "--help", "?", "usage"}
_PLATFORM = re.compile(r"^(?:--platform[= ]|platform:)(\S+)\s*", re.IGNORECASE)
_SUBCOMMAND = re.compile(r"^(?:-{1,2}[\w-]+|[a-z]{2,12})$")


@dataclass(frozen=True)
class Request:
    """A parsed `/review` argument. `problem` is set when the input was not usable."""

    action: Literal["help", "rules", "review", "audit", "report", "unknown"]
    text: str = ""
    platform: str = "x"
    problem: str = ""


def parse(text: str) -> Request:
    """Read the (already unescaped) command text; never raises."""
    text = text.strip()
    if not text:
        return Request("unknown", problem="Paste the draft after the command, e.g. `/review Big news today!`")
    first, _, rest = text.partition(" ")
    word = first.lower()
    rest = rest.strip()
    if word in HELP_WORDS and not rest:
        return Request("help")
    if word == "rules" and not rest:
        return Request("rules")
    if word == "report" and not rest:
        return Request("report")
    if word == "audit":
        if not rest:
            return Request("unknown", text, problem="`/review audit` needs a feed: a tracked feed's "
                           "name, a URL or a handle, e.g. `/review audit https://example.com/feed.xml`")
        return Request("audit", rest)
    platform = "x"
    match = _PLATFORM.match(text)
    if match:
        platform = match.group(1).lower()
        if platform not in PLATFORMS:
            return Request("unknown", text, problem=f"Unknown platform {platform!r}; use one of: "
                           + ", ".join(PLATFORMS))
        text = text[match.end():].strip()
        if not text:
            return Request("unknown", problem="Paste the draft after the platform.")
    if " " not in text and "\n" not in text and _SUBCOMMAND.match(text):
        return Request("unknown", text, problem=f"I don't know the command `{text}`. To review a draft, "
                       "paste the whole post after `/review`.")
    return Request("review", text, platform)
