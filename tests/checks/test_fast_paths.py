"""Shortcuts in the post rules never change what a review says."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.checks.length import x_counted_text, x_weighted_length
from assistant.checks.ruleset import RuleSet
from assistant.checks.signals import hard_sell_phrase
from assistant.config import RulesConfig
from tests.checks.examples import NOW, OWN_DOMAINS, p

RULES = RuleSet.from_config()

_WORDS = st.sampled_from(["we", "post", "a.co", "x.io/a", "https://t.co/abc", "www.e.com", "...",
                          "e.g.", "node.js", "https://example.com/a/very/long/path/here", "ok."])
# Beyond ASCII: wide scripts, emoji sequences (ZWJ, skin tone, flag, keycap), combining
# marks, and a letter NFC writes as three code points (U+FB2C).
_WIDE = st.sampled_from(["\u4eca\u65e5\u306f", "\U0001F468\u200D\U0001F469\u200D\U0001F467", "\U0001F44D\U0001F3FD",
                         "\U0001F1EF\U0001F1F5", "1\uFE0F\u20E3", "e\u0301", "\uFB2C", "\u00a9", "caf\u00e9",
                         "https://example.jp/a", "x.co", "@sam", "\u2014", "we"])


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.lists(_WORDS, min_size=1, max_size=90), st.lists(st.one_of(_WIDE, _WORDS), min_size=1, max_size=120)))
def test_an_x_post_over_280_weighted_characters_is_always_flagged(words: list[str]) -> None:
    """The quick bounds (ASCII, and beyond it) never let a post over X's limit through."""
    text = " ".join(words)
    over = x_weighted_length(x_counted_text(text)) > 280
    found = {f.rule: f for f in RULES.check_post(p(text))}
    assert ("too-long" in found) == over


def test_wide_scripts_and_emoji_are_counted_exactly_at_the_limit() -> None:
    """A Japanese character weighs 2 on X, an emoji with its skin tone 2: 140 of either is
    the limit exactly, one more is over, though the text is short in code points."""
    for unit in ("\u4eca", "\U0001F44D\U0001F3FD"):
        assert "too-long" not in {f.rule for f in RULES.check_post(p(unit * 140))}
        assert "too-long" in {f.rule for f in RULES.check_post(p(unit * 141))}
    assert "too-long" in {f.rule for f in RULES.check_post(p("\uFB2C" * 94))}  # 282 once in NFC


def test_a_lower_performing_length_on_x_is_still_honoured() -> None:
    rules = RuleSet.from_config(RulesConfig.model_validate(
        {"select": ["too-long"], "thresholds": {"too-long": {"performing_length": {"x": 100}}}}))
    found = rules.check_post(p("short words " * 10))  # 120 characters
    assert [f.evidence for f in found] == ["120/100 weighted characters (the length that performs)"]
    assert rules.check_post(p("short words " * 8)) == []  # 96


def test_a_rule_set_reviews_each_context_on_its_own_terms() -> None:
    """One rule set serves many reviews: the account's domains of one never leak into the next."""
    pushed = p("@robert have a look https://bp.agency/blog/replies")
    assert "mention-push" in {f.rule for f in RULES.check_post(pushed, own_domains=OWN_DOMAINS)}
    assert "mention-push" not in {
        f.rule for f in RULES.check_post(pushed, own_domains=frozenset({"example.com"}))}
    assert "mention-push" in {f.rule for f in RULES.check_post(pushed, own_domains=OWN_DOMAINS,
                                                                 as_of=NOW)}


def test_a_pitch_is_still_found_and_a_growth_tip_is_not() -> None:
    text = "We run TikTok for small brands. Want your content handled? Book a call today"
    assert hard_sell_phrase(text)
    assert hard_sell_phrase("5 tips to boost engagement on our blog") is None


def _promo_share(texts: list[str]) -> list[str]:
    from datetime import timedelta

    from assistant.audit import audit_feed
    from assistant.models import Account, Feed

    posts = [p(text, id=str(i), created_at=NOW - timedelta(days=i)) for i, text in enumerate(texts)]
    feed = Feed(account=Account(name="@bp"), posts=sorted(posts, key=lambda x: x.created_at))
    rules = RuleSet.from_config(RulesConfig.model_validate({"select": ["self-promo-ratio"]}))
    return [f.evidence for f in audit_feed(feed, rules, as_of=NOW).findings]


def test_release_announcements_count_as_self_promotion_in_any_script() -> None:
    quiet = ["Three things we learned about replies this week"] * 6
    assert _promo_share(quiet + ["We just uploaded a new video: how we plan a month"] * 4) == [
        "first: We just uploaded a"]
    assert _promo_share(quiet + ["We have released version 2 – café mode"] * 4) == [
        "first: We have released version"]
    assert _promo_share(quiet + ["We just talked about uploads and releases"] * 4) == []


def _draft_texts() -> list[str]:
    import json
    from pathlib import Path

    folder = Path(__file__).resolve().parents[1] / "labelled"
    return [json.loads(line)["text"] for path in sorted(folder.glob("drafts_*.jsonl"))
            for line in path.read_text().splitlines() if line.strip()]


def test_share_begging_cleared_at_a_glance_only_where_the_full_reading_finds_nothing() -> None:
    """The one-set-test shortcut never hides a request: every hand-written draft it clears,
    read the full way (a workspace phrase turns the shortcut off), is clean too, and it does
    clear many drafts."""
    from assistant.checks.rules.share_begging import _clean_at_a_glance

    full = RuleSet.from_config(RulesConfig.model_validate(
        {"select": ["share-begging"], "thresholds": {"share-begging": {"extra_phrases": ["\u2063never\u2063"]}}}))
    texts = _draft_texts()
    cleared = [text for text in texts if _clean_at_a_glance(text)]
    assert len(cleared) > len(texts) // 10  # drafts are written to tempt the rules: most name an act
    assert [text for text in cleared if full.check_post(p(text))] == []
    assert [text for text in cleared if full.check_post(p(text, kind="dm"))] == []


def test_every_currency_and_percent_sign_opens_the_price_part() -> None:
    """The price part is tried only where one of the signs is: each of them still reads."""
    from assistant.checks.signals import _two_parts

    for price in ("$99", "\u20ac99", "\u00a399"):
        assert _two_parts(f"Logo design for only {price}. DM me to book yours") == f"for only {price} \u2026 book"
    assert _two_parts("Save 20% on logo design. DM me to book yours") == "Save 20% \u2026 book"
    assert _two_parts("Logo design for only 99. DM me to book yours") == "DM me \u2026 book"  # no sign, no price


def test_promotional_phrases_are_found_the_long_way_too() -> None:
    """Plain text is tested for the phrases' words without building its word set: on every
    draft, the answer is the one the phrase tables give."""
    from assistant.checks.signals import _HARD_SELL, _SELF_PROMO, promotional_phrase

    texts = _draft_texts()
    found = 0
    for text in texts:
        match = _HARD_SELL.search(text) or _SELF_PROMO.search(text)
        assert promotional_phrase(text) == (match.group(0) if match else None), text
        found += match is not None
    assert found > 100


_PIECES = st.sampled_from(["www", "WWW", "www.", "www..", "www.!", "WWW.,", "week.", "hoy!", "don't", "e.g.",
                           "http:", "https://", "#tag.", "@sam,", "a.co", "elpais.com/es", "x", "\n", "\t",
                           ".", ",", "!", "-", "'", "le", "de", "node.js", "1.5", "caf\u00e9"])


@settings(max_examples=600, deadline=None)
@given(st.lists(st.lists(_PIECES, min_size=1, max_size=3).map("".join), min_size=1, max_size=12))
def test_the_words_of_a_post_are_the_words_its_pattern_finds(pieces: list[str]) -> None:
    """Reading plain words piece by piece gives the words the language check's pattern finds
    in the whole text: "www.." stays a link, "week." the word "week"."""
    from assistant.checks.language import _WORDS_OF_POST, _post_words

    text = " ".join(pieces)
    expected = [word for word, domain in _WORDS_OF_POST.compiled.findall(text.replace("\u2019", "'"))
                if word and not domain]
    assert _post_words(text) == expected


# What decides where a link is glued to the word before it: schemes in any case, "://",
# white space of every kind, letters that case-fold to "s" and "k", wide scripts.
_AROUND_LINKS = st.sampled_from(["http", "https", "HTTPS", "hTtP", "://", ":", "/", "s", "\u017f", "\u212a",
                                 " ", "\n", "\u00a0", "\u3000", "\x1c", "\x85", "a", "\u30aa\u30d5\uff01",
                                 "20%", "example.jp/a"])


@settings(max_examples=600, deadline=None)
@given(st.lists(_AROUND_LINKS, max_size=14).map("".join))
def test_a_link_glued_to_a_word_is_found_as_the_pattern_finds_it(text: str) -> None:
    """link-only's look at each "://" (the quick way) parts the words before a link from it
    exactly where its pattern, the definition, does."""
    from assistant.checks.rules.link_only import _GLUED_LINK, _unglued

    assert _unglued(text) == (_GLUED_LINK.sub(" ", text) if "://" in text else text)


def test_a_price_offered_and_its_take_up_are_the_evidence() -> None:
    """A cold pitch that offers a price and asks quotes the price and the ask, not the whole
    clause around them."""
    from assistant.checks.pitch import cold_pitch

    socials = ("Hi! We'll run all your socials for $399/mo - unlimited posts, daily engagement, "
               "monthly report. Interested?")
    assert cold_pitch(socials, "dm") == cold_pitch(socials, "post") == "$399/mo \u2026 Interested?"
