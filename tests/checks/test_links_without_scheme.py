"""Links written without https:// on a country-code domain, as a social media manager
writes a short link ("bit.ly/3AfAU"), are links to every rule, as they are to X."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from assistant.audit import audit_feed
from assistant.checks.ruleset import RuleSet
from assistant.models import Finding, Post
from assistant.review import review_post
from assistant.sources import load_feed
from tests.conftest import REALDATA

START = datetime(2026, 10, 1, 8, 0, tzinfo=UTC)


def _rules_fired(text: str) -> set[str]:
    review = review_post(Post(id="d", created_at=START, text=text), RuleSet.from_config())
    return {finding.rule for finding in review.findings}


@pytest.mark.parametrize("link", ["bit.ly/3AfAU", "https://bit.ly/3AfAU"])
def test_a_short_link_alone_is_link_only(link: str) -> None:
    assert "link-only" in _rules_fired(link)


def test_a_short_link_with_filler_is_link_only_as_with_a_scheme() -> None:
    assert "link-only" in _rules_fired("Great read bit.ly/3AfAU")


def _flood_findings(tmp_path: Path, link: str) -> list[Finding]:
    """Audit a JSONL feed that pushes `link` four times in one day."""
    feed_file = tmp_path / "feed.jsonl"
    words = ["Our spring guide is out", "Five ideas for your menu", "Why reviews matter",
             "A checklist for launch day"]
    rows = [{"id": f"p{i}", "created_at": (START + timedelta(hours=3 * i)).isoformat(),
             "platform": "x", "author": "@bp", "text": f"{said} {link}"}
            for i, said in enumerate(words)]
    feed_file.write_text("".join(json.dumps(row) + "\n" for row in rows))
    result = audit_feed(load_feed(feed_file), RuleSet.from_config(), as_of=START + timedelta(days=2))
    return [f for f in result.findings if f.rule == "link-flood"]


@pytest.mark.parametrize("link", ["buff.ly/3xYz9Q", "https://buff.ly/3xYz9Q"])
def test_a_short_link_four_times_a_day_is_a_link_flood(tmp_path: Path, link: str) -> None:
    found = _flood_findings(tmp_path, link)
    assert len(found) == 1 and found[0].message == "buff.ly/3xYz9Q was posted 4 times within 24 hours"


def test_a_link_spelled_out_is_the_link_a_t_co_link_expands_to() -> None:
    """visbot posted the same words twice: once as http://t.co/pk4zIPF (expanded by the
    archive to goo.gl/TaZOu), once spelling out goo.gl/TaZOu. One link, not two."""
    feed = load_feed(REALDATA / "x_archive" / "visbot_tweets.js")
    result = audit_feed(feed, RuleSet.from_config(), as_of=feed.posts[-1].created_at)
    pair = {"88187499058446338", "90136076131377152"}
    found = [f for f in result.findings if f.rule == "repeat-post" and pair <= set(f.examples)]
    assert len(found) == 1
    assert "different links" not in found[0].message
    assert "the same link" in found[0].message
