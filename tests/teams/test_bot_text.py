"""Reading Teams messages as typed, and keeping untrusted text inert in cards."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from integrations.teams.bot.commands import parse
from integrations.teams.bot.text import escape_markdown, from_message, inert


def test_a_message_reads_as_typed() -> None:
    text = "<at>Assistant</at> review <p>Buy <b>now</b> &amp; save<br>today&nbsp;only</p>"
    assert from_message(text, bot_mentions=("<at>Assistant</at>",)) == \
        "review Buy now & save\ntoday only"
    assert from_message("<at>Ann</at> thanks") == "Ann thanks"  # other mentions: the name


def test_inert_text_mentions_nobody_and_carries_no_html() -> None:
    assert inert("Hi <at>Everyone</at> <script>x()</script> 3 < 4") == "Hi Everyone x() 3 ‹ 4"
    assert "<" not in inert("<at id='1'>General</at> <AT>x</AT> </at> <img src=x onerror=y>")


def test_markdown_escaped_text_forms_no_link_or_emphasis() -> None:
    escaped = escape_markdown("see [guide](https://evil.example) **now** # big")
    assert "[guide](" not in escaped and "**" not in escaped
    assert escaped == r"see \[guide\]\(https://evil\.example\) \*\*now\*\* \# big"


@given(st.text())
def test_no_text_becomes_a_tag(text: str) -> None:
    assert "<" not in inert(text) and ">" not in inert(text)
    assert not re.search(r"(?<!\\)\[[^\]]*(?<!\\)\]\(", escape_markdown(text))


def test_commands() -> None:
    assert parse("review rules").action == "rules"
    assert parse("RULES").action == "rules"
    assert parse("").action == "help"
    assert parse("review").action == "help"
    assert parse("review audit Bright Pixel on X").text == "Bright Pixel on X"
    assert parse("review audit").problem.startswith("review audit needs a tracked feed's name")
    assert (parse("review platform:LinkedIn Big news").platform,
            parse("review platform:LinkedIn Big news").text) == ("linkedin", "Big news")
    assert parse("review\nLine one\nLine two").text == "Line one\nLine two"
    assert parse("review frobnicate").action == "unknown"
    assert parse("Big news today").action == "review"


def test_a_notification_summary_naming_a_feed_is_inert() -> None:
    """The notification text of a card (shown in the activity feed) can carry a feed's name."""
    from integrations.teams.bot.deps import card_message

    message = card_message({"type": "AdaptiveCard"}, "Feed audit: <at>General</at><b>x</b> 40/100")
    assert message.summary == "Feed audit: Generalx 40/100"  # type: ignore[attr-defined]
