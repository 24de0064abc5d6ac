"""Block Kit builders: escaping, splitting long reviews, limits on every message."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from assistant.models import Critique, Finding, Post, Review
from integrations.slack.render import blocks as render
from tests.slack.blockcheck import message_problems, view_problems


def _review(text: str, findings: int = 3, rewrite: str = "") -> Review:
    post = Post(id="d", created_at=datetime(2026, 11, 1, tzinfo=UTC), text=text)
    items = [Finding(rule=f"rule-{i}", severity=("error", "warning", "info")[i % 3],
                     message=f"Problem {i} with <!here> & more", evidence=text[:4000])
             for i in range(findings)]
    critique = Critique(available=True, verdict="publish", summary="Looks fine " * 50,
                        rewrite=rewrite)
    return Review(post=post, findings=items, critique=critique)


def test_escape_order_is_ampersand_first() -> None:
    assert render.escape("<a> & &lt;") == "&lt;a&gt; &amp; &amp;lt;"


def test_a_huge_review_is_split_across_thread_messages_without_losing_words() -> None:
    words = [f"word{i}" for i in range(6000)]
    text = " ".join(words)
    review = _review(text, findings=40, rewrite=text)
    messages = render.review_thread(review)
    assert len(messages) > 1
    for message in messages:
        assert message_problems(dict(message)) == []
    sent = " ".join(b["text"]["text"] for m in messages for b in m["blocks"] if b["type"] == "section"
                    and "text" in b)
    assert "word5999" in sent and "word2999" in sent
    assert messages[0]["text"].endswith(f"(1/{len(messages)})")


def test_a_word_longer_than_a_block_is_split_and_marked() -> None:
    word = "x" * 7000
    blocks = render.long_text(word)
    assert len(blocks) == 3
    assert blocks[0]["text"]["text"].endswith(render.SPLIT_MARK)
    assert sum(b["text"]["text"].count("x") for b in blocks) == 7000


def test_escaping_never_breaks_an_entity_at_a_split() -> None:
    text = "&" * 5000
    pieces = render.chunks(text, 3000)
    assert all(len(p) <= 3000 for p in pieces)
    joined = "".join(p.removesuffix(render.SPLIT_MARK) for p in pieces)
    assert joined == "&amp;" * 5000


def test_summary_clips_the_draft_at_a_word_and_says_so() -> None:
    summary = render.review_summary(_review("lorem ipsum " * 200))
    quoted = summary["blocks"][2]["text"]["text"]
    assert quoted.endswith("…") and "lorem ipsum" in quoted and len(quoted) < 700
    assert message_problems(dict(summary)) == []


def test_model_verdict_cannot_soften_an_error_finding() -> None:
    review = _review("Buy now", findings=1)  # an error finding, the model said "publish"
    from assistant.review import verdict

    assert verdict(review) == "reject"
    assert "Do not publish" in json.dumps(render.review_summary(review)["blocks"])


def test_home_view_and_modal_pass_validation() -> None:
    from assistant.checks.ruleset import RuleSet

    health = {f"Feed <{i}>": {"score": 50 + i, "as_of": "2026-11-01"} for i in range(300)}
    view = render.home_view(RuleSet.from_config(), health, "Bright & <Pixel>")
    assert view_problems(view) == []
    assert "Feed &lt;1&gt;" in json.dumps(view)
    assert view_problems(render.review_modal()) == []


def test_there_is_one_escape_and_one_verdict_rule() -> None:
    from assistant import review as review_rules
    from assistant.render import present
    from integrations.slack.render import mrkdwn

    assert render.escape is mrkdwn.escape
    # the headline is the core's verdict as every surface shows it (`shown_verdict` calls it)
    assert render.shown_verdict is present.shown_verdict and render.post_score is review_rules.post_score


def test_split_messages_keep_escaped_fallback_text() -> None:
    blocks = [render.section("x " * 1400) for _ in range(12)]
    messages = render.pack(blocks, "Full review <!channel> & <@U1>")
    assert len(messages) > 1
    for number, item in enumerate(messages, start=1):
        assert item["text"] == f"Full review &lt;!channel&gt; &amp; &lt;@U1&gt; ({number}/{len(messages)})"


def test_an_over_long_section_is_cut_visibly_and_never_inside_an_entity() -> None:
    import re

    block = render.section(render.escape("&&x" * 400))  # 4,400 escaped characters, no spaces
    text = block["text"]["text"]
    assert len(text) <= render.SECTION_TEXT and text.endswith(" …")
    assert not re.search(r"&(?!amp;|lt;|gt;)", text), "a partial entity was left at the cut"
