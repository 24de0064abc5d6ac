"""Text in and out of Teams: read a message as plain text, and make untrusted text inert.

Teams sends a message as HTML-ish text with `<at>Name</at>` for each mention. Coming in,
the bot's own mention is dropped and the rest read as the words a person typed. Going
out, text from a draft, a feed or a model must never become a mention, a link or
formatting: `inert` removes `<at>` tags and HTML, and `escape_markdown` escapes what a
markdown-parsed field (TextBlock, FactSet) would read as syntax.
"""

from __future__ import annotations

import html
import re

_AT = re.compile(r"<at\b[^>]*>(.*?)</at\s*>", re.IGNORECASE | re.DOTALL)
_BREAK = re.compile(r"<\s*(?:br|/p|/div|/li)\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_STRAY_AT = re.compile(r"</?\s*at\b[^>]*>?", re.IGNORECASE)
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~])")


def from_message(text: str, *, bot_mentions: tuple[str, ...] = ()) -> str:
    """A Teams message's text as typed: the bot's mentions removed, other mentions as
    their names, HTML tags dropped, entities decoded, blank lines trimmed."""
    for mention in bot_mentions:
        text = text.replace(mention, " ")
    text = _AT.sub(lambda m: m.group(1), text)
    text = _BREAK.sub("\n", text)
    text = _TAG.sub("", text)
    text = html.unescape(text).replace("\xa0", " ")
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n".join(lines).strip()


def inert(text: str) -> str:
    """Untrusted text that cannot mention anyone or carry HTML into a card.

    `<at>` tags lose their brackets (the name stays, as words) and other tags are
    dropped; what is left is shown as text. Markdown is not touched here: put the
    result in a `TextRun` (never parsed), or pass it through `escape_markdown`.
    """
    text = _AT.sub(lambda m: m.group(1), text)
    text = _STRAY_AT.sub("", text)
    text = _TAG.sub("", text)
    return text.replace("<", "‹").replace(">", "›")


def escape_markdown(text: str) -> str:
    """`inert` text, escaped for a markdown-parsed card field (TextBlock, FactSet):
    no links, emphasis, headings or lists can form from it."""
    return _MD_SPECIAL.sub(r"\\\1", inert(text))


def clip(text: str, limit: int) -> str:
    """At most `limit` characters, with an ellipsis when cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
