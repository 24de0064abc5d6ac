"""The rules, measured against posts and feeds an experienced social media manager judged by hand.

The labels (tests/labelled/*.jsonl, semantics in labelset.py) say whether a rule should
fire and why; these tests check that they are well formed and that no rule's precision
or recall on them falls below its floor. `bench/precision_recall.py --misses` prints
the full table and every wrong verdict.
"""

from __future__ import annotations

from collections import Counter

import pytest

from assistant.checks.registry import all_rules
from assistant.models import PLATFORMS, POST_KINDS

from . import labelset

# Regression floors: the measured values rounded down (two decimals), raised with the
# rule work. Raise them as the rules improve; never lower one to make a
# change pass without a look at the verdicts it got wrong (`--misses`).
# None: nothing to measure yet (no label of that side fires, or none should).
#                     rule: (precision floor, recall floor)
POST_FLOORS: dict[str, tuple[float | None, float | None]] = {
    "hashtag-stuffing": (0.90, 1.00),
    # 0.77: X archives' links typed in the text before 2011 are read now, and one more is a
    # monthly pack's bare title ("december 2009 <link>"), the judge's known short-title call.
    "link-only": (0.77, 0.95),
    "mention-push": (0.00, 0.00),
    "missing-alt-text": (1.00, 1.00),
    "not-english": (1.00, 0.96),
    "repeat-post": (1.00, 1.00),
    "sales-pitch": (0.80, 1.00),
    "share-begging": (0.50, 0.50),
    "stale-latest": (None, None),
    "too-long": (1.00, 1.00),
}
FEED_FLOORS: dict[str, tuple[float | None, float | None]] = {
    "broadcast-only": (1.00, 1.00),
    "engagement-gap": (1.00, 1.00),
    "link-flood": (1.00, 1.00),
    "long-blog-post": (None, None),
    "overposting": (1.00, 1.00),
    "repeat-post": (1.00, 1.00),
    "repeated-image": (None, None),
    "self-promo-ratio": (1.00, 1.00),
    "stale-latest": (None, None),
}
# Hand-written drafts, per file and rule: (recall floor, ceiling on false positives among
# clean look-alikes). The targets (README, Measured on real posts) are recall 0.90 and false positives 0.05; the floors
# lock what each set measures today (labelset's docstring says how each set was used).
DRAFT_FLOORS: dict[str, dict[str, tuple[float, float]]] = {
    "drafts_heldout.jsonl": {
        "mention-push": (1.00, 0.05),
        "sales-pitch": (1.00, 0.00),
        "share-begging": (1.00, 0.03),
    },
    "drafts_fresh2.jsonl": {
        "mention-push": (0.98, 0.00),
        "sales-pitch": (0.98, 0.00),
        "share-begging": (1.00, 0.02),
    },
    "drafts_fresh3.jsonl": {
        "mention-push": (1.00, 0.02),
        "sales-pitch": (1.00, 0.04),
        "share-begging": (0.98, 0.04),
    },
    "drafts_fresh4.jsonl": {
        "mention-push": (0.98, 0.00),
        "sales-pitch": (1.00, 0.00),
        "share-begging": (0.98, 0.00),
    },
    "drafts_fresh5.jsonl": {
        "sales-pitch": (0.96, 0.00),
    },
    "drafts_fresh6.jsonl": {
        "mention-push": (1.00, 0.00),
        "sales-pitch": (1.00, 0.04),
        "share-begging": (1.00, 0.02),
    },
    "drafts_fresh7.jsonl": {
        "mention-push": (0.96, 0.04),
        "sales-pitch": (1.00, 0.00),
        "share-begging": (0.98, 0.02),
    },
    # The held-out set holds the targets (0.90, 0.05), not its measured scores: a change that costs
    # a draft here must not send anyone to read its misses (which would end its being held out).
    "drafts_fresh8.jsonl": {
        "mention-push": (0.90, 0.05),
        "sales-pitch": (0.90, 0.05),
        "share-begging": (0.90, 0.05),
    },
    "drafts_fresh9.jsonl": {
        "sales-pitch": (1.00, 0.00),
    },
    "drafts_fresh10.jsonl": {
        "sales-pitch": (1.00, 0.00),
    },
}
MIN_DRAFTS_PER_SIDE = 40
# Boundary sets written for one fix are small; they hold every case instead (floors 1.00, 0.00).
BOUNDARY_SETS = frozenset({"drafts_fresh9.jsonl", "drafts_fresh10.jsonl"})
MIN_BOUNDARY_DRAFTS_PER_SIDE = 10


@pytest.fixture(scope="module")
def post_scores() -> dict[str, labelset.Score]:
    return labelset.score_posts(labelset.post_labels(), labelset.rules())


@pytest.fixture(scope="module")
def feed_scores() -> dict[str, labelset.Score]:
    return labelset.score_feeds(labelset.feed_labels(), labelset.rules())


@pytest.fixture(scope="module")
def draft_scores() -> dict[str, dict[str, labelset.Score]]:
    rules = labelset.rules()
    return {name: labelset.score_drafts(labelset.read_jsonl(name), rules) for name in DRAFT_FLOORS}


def _well_formed(label: labelset.Label) -> None:
    assert isinstance(label.fire, bool), label
    assert label.reason.strip(), f"{label}: a label needs its reason"


def test_post_labels_name_real_posts_and_post_rules() -> None:
    """Every post label names a post the importer reads from its file, and a post rule."""
    registry = all_rules()
    labels = labelset.post_labels()
    keys = Counter((lb.file, lb.post_id, lb.rule) for lb in labels)
    assert not [k for k, n in keys.items() if n > 1], "a post is judged twice for one rule"
    for label in labels:
        _well_formed(label)
        assert label.rule in registry and registry[label.rule].post is not None, label
        ids = {p.id for p in labelset.feed(label.file).posts}
        assert label.post_id in ids, f"{label.file}: the importer has no post {label.post_id}"


def test_feed_labels_judge_every_feed_rule_once_per_feed() -> None:
    registry = all_rules()
    feed_rules = {rid for rid, rule in registry.items() if rule.feed is not None}
    labels = labelset.feed_labels()
    by_file: dict[str, list[str]] = {}
    for label in labels:
        _well_formed(label)
        assert label.rule in feed_rules, label
        by_file.setdefault(label.file, []).append(label.rule)
    for file, rules in by_file.items():
        assert sorted(rules) == sorted(feed_rules), f"{file}: judge each feed rule exactly once"
        assert labelset.feed(file).posts, file
    assert set(labelset.OWN_DOMAINS) <= set(by_file), "own domains given for a feed nobody judged"


@pytest.mark.parametrize("name", sorted(DRAFT_FLOORS))
def test_draft_sets_cover_both_sides_of_each_paraphrase_rule(name: str) -> None:
    drafts = labelset.read_jsonl(name)
    assert len({d["id"] for d in drafts}) == len(drafts), "draft ids must be unique"
    sides = Counter((d["rule"], d["expect"]) for d in drafts)
    least = MIN_BOUNDARY_DRAFTS_PER_SIDE if name in BOUNDARY_SETS else MIN_DRAFTS_PER_SIDE
    for rule in DRAFT_FLOORS[name]:
        assert sides[(rule, True)] >= least, f"{rule}: too few positives"
        assert sides[(rule, False)] >= least, f"{rule}: too few clean look-alikes"
    for draft in drafts:
        assert draft["rule"] in DRAFT_FLOORS[name] and isinstance(draft["expect"], bool), draft
        assert draft["kind"] in POST_KINDS and draft["platform"] in PLATFORMS, draft
        assert draft["text"].strip() and draft["reason"].strip(), draft
        assert all(host in draft["text"] for host in draft.get("own_domains", [])), draft


def test_every_rule_is_measured_somewhere() -> None:
    labels = labelset.post_labels() + labelset.feed_labels()
    measured = {lb.rule for lb in labels}
    assert set(all_rules()) <= measured
    assert set(POST_FLOORS) == {lb.rule for lb in labelset.post_labels()}
    assert set(FEED_FLOORS) == {lb.rule for lb in labelset.feed_labels()}


def _at_least(name: str, value: float | None, floor: float | None, score: labelset.Score) -> None:
    if floor is None:
        return
    assert value is not None and value >= floor, (
        f"{name} {value} is below its floor {floor} "
        f"(tp {score.tp}, fp {score.fp}, fn {score.fn}); wrong verdicts: {score.misses[:10]}"
    )


@pytest.mark.parametrize("rule", sorted(POST_FLOORS))
def test_post_rule_precision_and_recall_on_real_posts(
    rule: str, post_scores: dict[str, labelset.Score]
) -> None:
    score = post_scores[rule]
    precision, recall = POST_FLOORS[rule]
    _at_least(f"{rule} precision", score.precision, precision, score)
    _at_least(f"{rule} recall", score.recall, recall, score)


@pytest.mark.parametrize("rule", sorted(FEED_FLOORS))
def test_feed_rule_precision_and_recall_on_real_feeds(
    rule: str, feed_scores: dict[str, labelset.Score]
) -> None:
    score = feed_scores[rule]
    precision, recall = FEED_FLOORS[rule]
    _at_least(f"{rule} precision", score.precision, precision, score)
    _at_least(f"{rule} recall", score.recall, recall, score)


@pytest.mark.parametrize(("name", "rule"), [(name, rule) for name in sorted(DRAFT_FLOORS)
                                             for rule in sorted(DRAFT_FLOORS[name])])
def test_paraphrase_recall_and_clean_false_positives_on_drafts(
    name: str, rule: str, draft_scores: dict[str, dict[str, labelset.Score]]
) -> None:
    score = draft_scores[name][rule]
    recall, fp_ceiling = DRAFT_FLOORS[name][rule]
    _at_least(f"{name} {rule} recall", score.recall, recall, score)
    rate = score.false_positive_rate
    assert rate is not None and rate <= fp_ceiling, (
        f"{name} {rule}: {score.fp} clean look-alikes flagged ({rate:.2f} > {fp_ceiling}): "
        f"{score.misses}"
    )
