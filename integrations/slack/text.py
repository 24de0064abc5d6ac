"""Turn the text Slack sends us back into what the person wrote.

Slack HTML-escapes `&`, `<` and `>` in message and command text, and writes real links,
mentions and broadcasts as `<...>` markup. The review engine needs plain text (so a
"&amp;" counts as one character and a link is a URL); rendering escapes it again.
"""

from __future__ import annotations

import re

_MARKUP = re.compile(r"<([^<>]*)>")


def unescape(text: str) -> str:
    """Undo Slack's HTML escaping (`&lt;` `&gt;` `&amp;`), in the reverse order of escaping."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _plain(match: re.Match[str]) -> str:
    inner = match.group(1)
    target, _, label = inner.partition("|")
    if target.startswith("@"):
        return "@" + (label or target[1:])
    if target.startswith("#"):
        return "#" + (label or target[1:])
    if target.startswith("!subteam^"):
        return "@" + (label.lstrip("@") or target.split("^", 1)[1])
    if target.startswith("!"):
        return "@" + (label or target[1:].split("^", 1)[0])
    if target.startswith("mailto:"):
        return label or target.removeprefix("mailto:")
    if label and label not in target:
        return f"{label} ({target})"
    return target


def from_message(text: str) -> str:
    """Plain text of a Slack message: markup to readable text, then entities undone."""
    return unescape(_MARKUP.sub(_plain, text or ""))


def from_command(text: str) -> str:
    """Plain text of a slash command's argument (no markup when `should_escape` is false)."""
    return unescape(text or "").strip()
