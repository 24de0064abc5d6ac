"""A draft's score agrees with its verdict: a post the platform refuses never outscores
one that can go out, and another finding never raises a score."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant.models import Finding, PostRecord, Review
from assistant.review import post_score, verdict

SEVERITIES = st.lists(st.sampled_from(["info", "warning", "error"]), max_size=12)


def _review(severities: list[str]) -> Review:
    post = PostRecord(id="draft", text="Hello", platform="x", created_at=datetime(2026, 11, 30, tzinfo=UTC))
    return Review(post=post, findings=[Finding(rule=f"rule-{i}", severity=s, message="m")  # type: ignore[arg-type]
                                       for i, s in enumerate(severities)])


@pytest.mark.parametrize(("severities", "said", "score"), [
    ([], "publish", 100),
    (["info", "info"], "publish", 96),
    (["warning"], "revise", 89),
    (["warning", "warning", "warning"], "revise", 69),  # three warnings: still above any reject
    (["warning"] * 9, "revise", 50),
    (["error"], "reject", 49),
    (["error", "warning"], "reject", 39),
    (["error", "error", "error"], "reject", 0),
])
def test_scores_by_severity_within_the_verdicts_band(severities: list[str], said: str, score: int) -> None:
    review = _review(severities)
    assert (verdict(review), post_score(review)) == (said, score)


@given(SEVERITIES, SEVERITIES)
def test_a_worse_verdict_never_scores_higher(first: list[str], second: list[str]) -> None:
    a, b = _review(first), _review(second)
    order = ["publish", "revise", "reject"]
    if order.index(verdict(a)) < order.index(verdict(b)):
        assert post_score(a) > post_score(b)


@given(SEVERITIES, st.sampled_from(["info", "warning", "error"]))
def test_another_finding_never_raises_the_score(severities: list[str], more: str) -> None:
    assert post_score(_review([*severities, more])) <= post_score(_review(severities))


@pytest.mark.parametrize("severity", ["info", "warning", "error"])
@pytest.mark.parametrize("others", [[], ["info"], ["warning"], ["error", "warning"]])
def test_a_language_note_moves_neither_score_nor_verdict(severity: str, others: list[str]) -> None:
    """A draft is no worse for being in Spanish: the note that the English-only rules could
    not read it costs nothing, whatever severity config gives it."""
    plain = _review(others)
    noted = _review(others)
    noted.findings.append(Finding(rule="not-english", severity=severity, message="m"))  # type: ignore[arg-type]
    assert (verdict(noted), post_score(noted)) == (verdict(plain), post_score(plain))
