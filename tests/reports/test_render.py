"""Report cards and messages: Adaptive Card 1.4 schema, Teams size limit, Block Kit limits."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime
from pathlib import Path

import adaptive_cards
import jsonschema
import pytest
from slack_sdk.models.blocks import Block

from assistant.models import Account, FeedAudit, FeedStats, Finding, Health, HealthComponent
from assistant.reports.chart import trend_png
from assistant.reports.model import FeedLine, Report
from integrations.slack.render.mrkdwn import escape
from integrations.slack.render.report import detail_blocks, summary_blocks, summary_line
from integrations.teams.cards import MAX_PAYLOAD_BYTES, payload_size
from integrations.teams.report_card import report_card

SCHEMA = json.loads((Path(adaptive_cards.__file__).parent / "schemas" / "schema-1.4.json").read_text())
NOW = datetime(2026, 11, 25, 8, tzinfo=UTC)
EVIL = "<!channel> <https://evil.example|click> & **bold**"


def line(i: int) -> FeedLine:
    if i % 7 == 3:
        return FeedLine(name=f"Feed {i} {EVIL}", owner="client", error=f"HTTP 503 {EVIL}")
    findings = [Finding(rule="repeat-post", severity="warning", message=f"Same post 9 times {EVIL}" * 3,
                        evidence="Our latest blog post " + "y" * 300, examples=["1", "2"])] * 8
    components = {n: HealthComponent(name=n, score=50, weight=0.2)
                  for n in ("conversation", "promotion", "repetition", "cadence", "accessibility")}
    audit = FeedAudit(account=Account(name=f"Feed {i}", platform="x", owner="agency"), as_of=NOW,
                      stats=FeedStats(posts=100), health=Health(score=40 + i, components=components),
                      findings=findings)
    owner = "agency" if i % 2 else "client"
    return FeedLine(name=f"Feed {i} {EVIL}" + "n" * 40, owner=owner, platform="x", score=40 + i,
                    previous=38 + i, top_problem=findings[0], audit=audit,
                    reminder=f"Practise what we preach: Feed {i} {EVIL}" if owner == "agency" else None,
                    trend=[30 + (i + d) % 40 for d in range(30)])


def report(feeds: int) -> Report:
    return Report(agency="Bright Pixel", day=date(2026, 11, 25), as_of=NOW,
                  feeds=[line(i) for i in range(feeds)])


@pytest.mark.parametrize("feeds", [1, 12, 50])
def test_teams_card_validates_and_fits(feeds: int) -> None:
    card = report_card(report(feeds))
    jsonschema.validate({k: v for k, v in card.items() if k != "msteams"}, SCHEMA)
    assert payload_size(card) <= MAX_PAYLOAD_BYTES < 28 * 1024
    text = json.dumps(card)
    assert all(f"Feed {i} " in text for i in range(feeds)), "every feed is on the card"
    assert not any(b["type"] == "TextBlock" for b in card["body"]), "no markdown-reading blocks"


@pytest.mark.parametrize("feeds", [1, 50])
def test_slack_summary_respects_block_kit_limits_and_escapes(feeds: int) -> None:
    _, blocks = summary_blocks(report(feeds))
    Block.parse_all(blocks)
    assert len(blocks) <= 50
    block_text = json.dumps(blocks)
    assert len(block_text) < 12_000
    assert "<!channel>" not in block_text and "&lt;!channel&gt;" in block_text
    assert "+2" in block_text, "change since yesterday"
    if feeds == 1:
        assert "Practise what we preach" not in block_text  # feed 0 is a client
    else:
        assert "more feeds in the thread" in block_text or "Feed 49" in block_text
        assert "not fetched" in block_text and "HTTP 503" in block_text


def test_slack_detail_shows_findings_with_evidence() -> None:
    for i in (1, 3):
        _, blocks = detail_blocks(line(i))
        Block.parse_all(blocks)
        dumped = json.dumps(blocks)
        assert "<https://evil" not in dumped
    assert "repeat-post" in json.dumps(detail_blocks(line(1))[1])
    assert "could not be fetched" in json.dumps(detail_blocks(line(3))[1])


def test_trend_chart_is_a_png() -> None:
    png = trend_png(report(5))
    assert png.startswith(b"\x89PNG") and len(png) > 5000


PARTIAL_ENTITY = re.compile(r"&(?!amp;|lt;|gt;)")


def test_long_escaped_text_is_never_cut_inside_an_entity_and_cuts_are_marked() -> None:
    """`&` becomes `&amp;`: an error of 1,000 such characters is ~5,000 escaped ones."""
    failed = FeedLine(name="Broken & <feed>", owner="client", error="&&x" * 1000)
    _, blocks = detail_blocks(failed)
    Block.parse_all(blocks)
    text = blocks[0]["text"]["text"]
    assert not PARTIAL_ENTITY.search(text), "cut inside an escaped entity"
    assert text.endswith(" …"), "a shortened text must say so"
    summary = summary_line(failed)
    assert not PARTIAL_ENTITY.search(summary) and summary.endswith(" …")


def test_finding_text_that_fits_survives_whole_once_escaped() -> None:
    message = "Same post 9 times & <again> " * 9  # 252 characters, 360 once escaped
    evidence = "Our latest <b>blog</b> & news " * 8  # 240 characters, 368 once escaped
    finding = Finding(rule="repeat-post", severity="warning", message=message, evidence=evidence)
    whole = line(1).model_copy(update={"audit": line(1).audit.model_copy(
        update={"findings": [finding]})})
    dumped = json.dumps(detail_blocks(whole)[1])
    assert json.dumps(escape(" ".join(message.split())))[1:-1] in dumped
    assert json.dumps(escape(" ".join(evidence.split())))[1:-1] in dumped


def test_a_detail_with_huge_findings_stays_under_slacks_message_limit() -> None:
    from integrations.slack.render.blocks import block_text_length

    huge = Finding(rule="repeat-post", severity="warning", message="& <x> " * 400,
                   evidence="& <y> " * 400, examples=["a" * 200] * 3)
    busy = line(1).model_copy(update={"audit": line(1).audit.model_copy(
        update={"findings": [huge] * 30})})
    _, blocks = detail_blocks(busy)
    Block.parse_all(blocks)
    assert block_text_length(blocks) < 11_000
    assert "more findings" in json.dumps(blocks), "findings left out are counted"


def test_slack_detail_says_what_works_here_escaped() -> None:
    shown = line(1).model_copy(update={"insights": [f"pictures (median likes): a picture 2x (n = 9) {EVIL}"]})
    _, blocks = detail_blocks(shown)
    Block.parse_all(blocks)
    dumped = json.dumps(blocks)
    assert "What works here" in dumped and "a picture 2x (n = 9)" in dumped
    assert "<!channel>" not in dumped and "<https://evil" not in dumped


def test_a_quiet_feed_s_score_says_quiet_and_a_shared_file_says_whose_posts_on_every_surface() -> None:
    """A feed with no post in the report's 30 days is no clean "100/100" in Slack or Teams
    either, and a file of several authors says whose posts were judged in its details."""
    from integrations.teams.report_card import detail_card

    quiet = line(0).model_copy(update={"score": 100, "quiet": True})
    assert "*100/100 (quiet)*" in summary_line(quiet)
    assert "100/100 (quiet)" in json.dumps(report_card(Report(
        agency="Bright Pixel", day=date(2026, 11, 25), as_of=NOW, feeds=[quiet])))
    assert "×" not in summary_line(line(1))
    stats = FeedStats(posts=13, left_out=80)
    shared = line(2).model_copy(update={"other_accounts": 41, "source": "twcs_sample.csv",
                                        "audit": line(2).audit.model_copy(update={"stats": stats})})  # type: ignore[union-attr]
    note = "twcs_sample.csv: audited Feed 2; left out 80 posts of 41 other accounts"
    _, blocks = detail_blocks(shared)
    assert note in json.dumps(blocks)
    assert note in json.dumps(detail_card(shared))


def test_every_one_line_summary_says_what_the_change_is_since() -> None:
    """Slack's summary said it in its footer; Teams' compact card and the legacy connector's
    text showed "(+2)" with nothing saying since when, Monday's "since Fri" lines included."""
    from integrations.teams.report_card import legacy_text

    days = report(50)
    for feed in days.feeds:
        monday = feed.name.startswith("Feed 1 ")  # its last score is last Friday's
        feed.day, feed.previous_day = date(2026, 11, 25), date(2026, 11, 20 if monday else 24)
    compact = json.dumps(report_card(days), ensure_ascii=False)
    assert "Feed 1 " in compact and "WARNING" not in compact, "the 50-feed card is compact"
    assert compact.count("(+2 since Fri 20 Nov)") == 1
    assert "Change is since the last report: yesterday's unless a day is named." in compact
    slack = json.dumps(summary_blocks(days)[1])
    assert "change is since the last report: yesterday's unless a day is named" in slack
    plain = legacy_text(report(2))
    assert "(+2)" in plain and plain.count("Change is since yesterday's report.") == 1
