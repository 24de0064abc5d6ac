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


def _review(severities: list[str], rules: list[str] | None = None) -> Review:
    """A draft with one finding of each severity, each of its own rule unless `rules` name them."""
    post = PostRecord(id="draft", text="Hello", platform="x", created_at=datetime(2026, 11, 30, tzinfo=UTC))
    names = rules or [f"rule-{i}" for i in range(len(severities))]
    return Review(post=post, findings=[Finding(rule=r, severity=s, message="m")  # type: ignore[arg-type]
                                       for r, s in zip(names, severities, strict=True)])


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


FINDINGS = st.lists(st.tuples(st.sampled_from(["info", "warning", "error"]),
                              st.sampled_from(["rule-a", "rule-b", "rule-c"])), max_size=12)


@given(FINDINGS, st.sampled_from(["info", "warning", "error"]), st.sampled_from(["rule-a", "rule-d"]))
def test_another_finding_never_raises_the_score(found: list[tuple[str, str]], more: str, rule: str) -> None:
    """Of another rule or of one already found (a carousel's next image), at any severity."""
    severities, rules = [s for s, _ in found], [r for _, r in found]
    assert (post_score(_review([*severities, more], [*rules, rule]))
            <= post_score(_review(severities, rules)))


def test_one_problem_many_times_over_costs_less_than_two_problems() -> None:
    """A carousel of four images without alt text scored 59, below a post that begs for
    shares and hard-sells (79): each image cost a whole warning. More of one rule's findings
    now cost a fifth each, at most as much again as the first."""
    carousel = _review(["warning"] * 4, ["missing-alt-text"] * 4)
    spam = _review(["warning", "warning"], ["share-begging", "sales-pitch"])
    assert (post_score(carousel), post_score(spam)) == (83, 79)
    assert post_score(_review(["warning"] * 10, ["missing-alt-text"] * 10)) == 79  # capped
    assert post_score(_review(["warning"] * 5, ["missing-alt-text"] * 5)) < post_score(carousel)
    # a rule's error and its warnings: the error sets the band, the warnings cost a fifth
    assert post_score(_review(["warning", "error"], ["too-long", "too-long"])) == 47


@pytest.mark.parametrize("severity", ["info", "warning", "error"])
@pytest.mark.parametrize("others", [[], ["info"], ["warning"], ["error", "warning"]])
def test_a_language_note_moves_neither_score_nor_verdict(severity: str, others: list[str]) -> None:
    """A draft is no worse for being in Spanish: the note that the English-only rules could
    not read it costs nothing, whatever severity config gives it."""
    plain = _review(others)
    noted = _review(others)
    noted.findings.append(Finding(rule="not-english", severity=severity, message="m"))  # type: ignore[arg-type]
    assert (verdict(noted), post_score(noted)) == (verdict(plain), post_score(plain))
