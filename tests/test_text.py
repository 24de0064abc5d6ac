"""Entity extraction and normal forms that every rule relies on."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from assistant.checks.tlds import ASCII_TLDS
from assistant.checks.x_links import x_links
from assistant.text import (
    Translator,
    canonical_url,
    count,
    extract_hashtags,
    extract_mentions,
    extract_urls,
    normalise,
    span_of_days,
    strip_urls,
)


@pytest.mark.parametrize(
    ("text", "urls"),
    [
        ("see https://a.example/x and www.b.org.", ["https://a.example/x", "www.b.org"]),
        ("Read it: https://x.com/a/b?c=1).", ["https://x.com/a/b?c=1"]),
        ("Try goalachieverpro.com/pricing today.", ["goalachieverpro.com/pricing"]),
        ("news.bbc.co.uk/story is worth a read", ["news.bbc.co.uk/story"]),
        ("LOUD HTTPS://A.EXAMPLE/B", ["HTTPS://A.EXAMPLE/B"]),
        ("Built with Node.js and ASP.NET, e.g. this", []),
        ("mail bob@goal.com or call", []),
        ("version 1.2.3 ships today", []),
    ],
)
def test_extract_urls(text: str, urls: list[str]) -> None:
    assert extract_urls(text) == urls


# Links written without a scheme on a country-code domain count when they have a path, as
# twitter-text extracts them (its conformance case "Extract URLs without protocol on ccTLD
# with slash"): X shortens them, so the rules must read them as links too.
@pytest.mark.parametrize(
    ("text", "urls"),
    [
        ("bit.ly/3AfAU", ["bit.ly/3AfAU"]),
        ("t.co/abcde bit.ly/abcde", ["t.co/abcde", "bit.ly/abcde"]),
        ("New on the blog: buff.ly/3xYz9Q.", ["buff.ly/3xYz9Q"]),
        ("(see ow.ly/Ab12C)", ["ow.ly/Ab12C"]),
        ("new installer at goo.gl/TaZOu #winamp", ["goo.gl/TaZOu"]),
        ("Watch youtu.be/dQw4w9WgXcQ?t=42 now", ["youtu.be/dQw4w9WgXcQ?t=42"]),
        ("Deal: amzn.to/3kLmN0p, today only", ["amzn.to/3kLmN0p"]),
        ("Hiring! lnkd.in/eXyZ123", ["lnkd.in/eXyZ123"]),
        ("Bit.ly/3AfAU in capitals", ["Bit.ly/3AfAU"]),
        ("Slides at speakerdeck.ch/talk/2026 and Beet.tv/AdAge", ["speakerdeck.ch/talk/2026", "Beet.tv/AdAge"]),
        ("news.bbc.co.uk/story is worth a read", ["news.bbc.co.uk/story"]),
        ("both https://bit.ly/a1 and bit.ly/b2", ["https://bit.ly/a1", "bit.ly/b2"]),
        # without a path a country-code domain is a word as often as a link ("README.md")
        ("bit.ly alone, README.md, it.so", []),
        ("Use e.g. this, i.e. that", []),
        ("Built with Node.js and ASP.NET on v1.2", []),
        ("Open file.txt or notes.md/", []),
        ("version 1.2.3/4 ships; pi is 3.14/2", []),
        ("Rated 4.5/5 and up 2.5%/yr", []),
        ("We met in St.Ives/Cornwall", []),
        ("mail jo.doe@goo.gl/x or bob@bit.ly", []),
        ("no.de/x is a path inside/no.de/x", ["no.de/x"]),
    ],
)
def test_extract_urls_without_a_scheme_on_country_code_domains(text: str, urls: list[str]) -> None:
    assert extract_urls(text) == urls


def _short_links(links: list[str]) -> list[str]:
    """Links without a scheme on a two-letter (country-code) domain, with a path."""
    return [link for link in links if "://" not in link and "/" in link.rstrip("/")
            and len(link.split("/", 1)[0].rsplit(".", 1)[-1]) == 2]


def test_links_without_a_scheme_are_the_links_x_counts() -> None:
    """One reading: a link without a scheme on a country-code domain with a path is one
    that twitter-text (x_links, which the length count uses) extracts, and only those."""
    text = "new installer at goo.gl/TaZOu, then bit.ly/3AfAU (and youtu.be/VyVcC) #avs"
    assert extract_urls(text) == x_links(text) == ["goo.gl/TaZOu", "bit.ly/3AfAU", "youtu.be/VyVcC"]


@given(st.text(alphabet="abglyiotc1._-/@#?=()é ", max_size=40))
def test_links_without_a_scheme_agree_with_x_links_on_any_text(text: str) -> None:
    assert _short_links(extract_urls(text)) == _short_links(x_links(text))


def test_country_codes_are_the_two_letter_top_level_domains() -> None:
    """text cannot import the TLD list (it is the lowest layer): its copy must not drift."""
    from assistant.text import _COUNTRY_CODES

    assert {tld for tld in ASCII_TLDS if len(tld) == 2} == _COUNTRY_CODES


def test_links_without_a_scheme_leave_the_words() -> None:
    assert strip_urls("new installer at goo.gl/TaZOu #avs").split() == ["new", "installer", "at", "#avs"]
    assert normalise("New installer at goo.gl/TaZOu") == normalise("new installer at https://goo.gl/TaZOu")
    assert canonical_url("goo.gl/TaZOu") == canonical_url("http://goo.gl/TaZOu/") == "goo.gl/TaZOu"


def test_mentions_hashtags_and_normal_form() -> None:
    text = "@dana_k and @ana@mastodon.social: #Launch day! mail me@x.org #2026 https://a.example"
    assert extract_mentions(text) == ["@dana_k", "@ana@mastodon.social"]
    assert extract_hashtags(text) == ["Launch"]
    assert normalise("  Hello   @dana_k  WORLD https://a.example/x ") == "hello world"


def test_canonical_url_drops_tracking_and_www() -> None:
    assert canonical_url("https://www.Example.com/blog/post/?utm_source=x&id=3") == (
        "example.com/blog/post?id=3")
    assert canonical_url("example.com/blog/post") == "example.com/blog/post"


@pytest.mark.parametrize("url", [
    "https://www.Example.com/blog/post/?utm_source=x&id=3#top",
    "HTTP://Example.com:8080/a/?fbclid=1&b=2",
    "https://user@example.com/a?utm_medium=x",
    "https://[2001:db8::1]/a?gclid=7",
    "https://exämple.com/å?x=1",
    "example.com/blog/post?utm_campaign=z",
])
def test_canonical_url_is_the_same_by_hand_as_by_urlsplit(url: str) -> None:
    """The hand-split fast path and the careful path give one normal form for one page."""
    from urllib.parse import urlsplit

    parts = urlsplit(url if "://" in url else f"https://{url}")
    host = (parts.hostname or "").removeprefix("www.")
    assert canonical_url(url).startswith(host), canonical_url(url)
    assert "utm_" not in canonical_url(url) and "fbclid" not in canonical_url(url)
    assert "gclid" not in canonical_url(url) and "#" not in canonical_url(url)


@pytest.mark.parametrize(("n", "noun", "said"), [
    (1, "reply", "1 reply"), (2, "reply", "2 replies"), (0, "post", "0 posts"),
    (1, "error", "1 error"), (3, "day", "3 days"), (2, "broadcast", "2 broadcasts"),
])
def test_counts_agree_with_their_noun(n: int, noun: str, said: str) -> None:
    assert count(n, noun) == said


def test_a_period_never_reads_zero_days() -> None:
    assert span_of_days(0.2) == "less than a day"
    assert span_of_days(1.0) == "1 day" and span_of_days(73.04) == "73 days"


def test_audit_and_review_wording_agree_in_number(capsys: pytest.CaptureFixture[str]) -> None:
    """No "1 replies", "1 errors" or "over 0 days" anywhere a person reads."""
    from assistant.models import Account, FeedAudit, FeedStats, Health
    from assistant.render.text import print_audit
    from integrations.slack.render.blocks import audit_summary

    audit = FeedAudit(account=Account(name="@a", platform="x"), as_of=datetime(2026, 1, 1, tzinfo=UTC),
                      stats=FeedStats(posts=3, replies=1, reposts=1, days=0.3,
                                      first_post=datetime(2025, 12, 31, 9, tzinfo=UTC),
                                      last_post=datetime(2025, 12, 31, 16, tzinfo=UTC)),
                      health=Health(score=90, components={}))
    print_audit(audit)
    text = capsys.readouterr().out + json.dumps(audit_summary(audit))
    assert "3 posts in all (1 reply, 1 repost) over less than a day" in text
    assert not re.search(r"\b1 (posts|replies|reposts|errors|warnings)\b|\b0 days\b", text)
    # posts dated after the audit's moment are said to be left out, in the same words in the
    # terminal, in Slack and in Teams
    from integrations.teams.bot.cards import audit_card

    audit.stats.later = 1
    print_audit(audit)
    text = capsys.readouterr().out + json.dumps(audit_summary(audit))
    assert "; 1 post dated later not audited (--as-of to include them)" in text
    assert "1 repost); 1 post dated later not audited" in text
    assert "1 post dated later not audited" in json.dumps(audit_card(audit))
    # a file of several authors audited in chat: the card says the others' posts were left out
    audit.stats.left_out = 80
    assert "1 post dated later not audited; 80 posts of other accounts left out" in json.dumps(
        audit_summary(audit))
    assert "80 posts of other accounts left out" in json.dumps(audit_card(audit))


# Tables of the shapes the checks use: ASCII and wider characters to a space, ASCII ones out,
# wider ones to ASCII letters.
_TABLES = [
    dict.fromkeys("!\"#$%&'()*+,-./:;<=>?[\\]^_`{|}~\u201c\u201d\u2018\u2019\u2026\u00ab\u00bb", " "),
    dict.fromkeys("!\"#$%&'()*+,-./:;<=>?[\\]^_`{|}~"),
    {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"},
    {"a": "b", "\u00e9": None, "\U0001f389": "!"},
]
# Text that holds the tables' characters often, beside any other (lone surrogates too).
_TEXT = st.text(st.one_of(st.sampled_from("ab !-_.\u201c\u2026\u0130\u017f\u212a\u00e9\U0001f389\ud800"),
                          st.characters(exclude_categories=())), max_size=80)


@pytest.mark.parametrize("table", _TABLES)
@given(text=_TEXT)
@example(text="a\ud800-b. \u00e9\ud800\u2026")  # a lone surrogate, kept as str.translate keeps it
def test_a_translator_gives_what_str_translate_gives(table: dict[str, str | None], text: str) -> None:
    assert Translator(table)(text) == text.translate(str.maketrans(table))


@pytest.mark.parametrize("table", [{"a": "ab"}, {"a": "b", "b": "c"}, {"a": "\u00e9"}, {"ab": "c"}])
def test_a_translator_refuses_a_table_it_would_not_translate_as_str_translate_does(
        table: dict[str, str | None]) -> None:
    with pytest.raises(ValueError):
        Translator(table)
