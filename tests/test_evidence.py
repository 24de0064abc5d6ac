"""The account's own numbers: ratios, sample sizes and confidence that never claim too much."""

from __future__ import annotations

import io
import json
import re
from contextlib import redirect_stdout, suppress
from datetime import UTC, datetime, timedelta
from pathlib import Path
from statistics import median

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant.evidence import (
    MIN_POSTS,
    bootstrap_ratio,
    compare,
    compare_posts,
    mann_whitney_p,
    sentence,
)
from assistant.models import Engagement, Post
from tests.conftest import REPO

T0 = datetime(2026, 10, 1, tzinfo=UTC)
VISBOT = str(REPO / "tests/realdata/x_archive/visbot_tweets.js")


@pytest.fixture(scope="module")
def visbot_findings() -> list[dict]:
    """The findings of the JSON audit of visbot's real archive, run once for the module."""
    from assistant.cli import main

    out = io.StringIO()
    with redirect_stdout(out), suppress(SystemExit):
        main(["audit", VISBOT, "--no-llm", "--as-of", "2023-01-01", "--format", "json"])
    return json.loads(out.getvalue())["findings"]


def _posts(likes: list[int | None], prefix: str = "p", kind: str = "post") -> list[Post]:
    return [Post(id=f"{prefix}{i}", created_at=T0 + timedelta(hours=i), kind=kind, text="x",
                 metrics=None if n is None else {"likes": n}) for i, n in enumerate(likes)]


def test_a_clear_drop_is_measured_with_its_counts_and_interval() -> None:
    hits = _posts([1, 0, 2, 1, 1, 0, 2, 1], "h")
    others = _posts([10, 12, 8, 9, 11, 10, 13, 9, 10, 12], "o")
    e = compare(hits, others)
    assert e is not None
    assert (e.n_hit, e.n_other) == (8, 10)
    assert e.median_hit == 1 and e.median_other == 10 and e.ratio == 0.1
    assert e.low is not None and e.high is not None and e.low <= e.ratio <= e.high < 1
    assert e.clear and e.p_value is not None and e.p_value < 0.01
    said = sentence(e, "Posts that beg for shares")
    assert "0.1x the median likes" in said and "n = 8 vs 10" in said and "clear difference" in said
    assert not re.search(r"\bbecause\b|\bcaused?\b|\bdue to\b|\bleads? to\b", said)


def test_too_few_posts_say_so_instead_of_a_number() -> None:
    e = compare(_posts([1, 2, 3], "h"), _posts([5] * 20, "o"))
    assert e is not None and e.ratio is None and e.n_hit == 3
    assert "too few posts to tell" in sentence(e, "x") and f"at least {MIN_POSTS}" in e.note


def test_no_counts_in_the_source_means_no_evidence() -> None:
    assert compare(_posts([None] * 8, "h"), _posts([None] * 8, "o")) is None


def test_a_zero_median_elsewhere_compares_means_instead() -> None:
    """Most posts of a small account get nothing: the mean still tells them apart."""
    e = compare(_posts([3, 4, 2, 5, 3], "h"), _posts([0, 0, 0, 2, 0, 0], "o"))
    assert e is not None and e.statistic == "mean" and e.ratio == 10.0  # 3.4 / 0.333
    assert "the mean likes" in sentence(e, "x")


def test_nothing_anywhere_gives_no_ratio_but_says_why() -> None:
    e = compare(_posts([0] * 5, "h"), _posts([0] * 6, "o"))
    assert e is not None and e.ratio is None and "got any likes" in e.note


def test_a_difference_within_the_noise_is_not_called_clear() -> None:
    e = compare(_posts([5, 9, 3, 12, 7, 4], "h"), _posts([6, 8, 4, 11, 5, 9, 7], "o"))
    assert e is not None and e.ratio is not None and not e.clear
    assert "not a clear difference at this sample size" in sentence(e, "x")


def test_comparable_posts_are_the_same_kind_and_period() -> None:
    hits = _posts([1] * 6, "h")
    replies = _posts([100] * 6, "r", kind="reply")
    long_ago = [p.model_copy(update={"created_at": p.created_at - timedelta(days=400)})
                for p in _posts([100] * 6, "old")]
    same = _posts([4] * 6, "o")
    e = compare_posts(hits, [*hits, *replies, *long_ago, *same])
    assert e is not None and e.n_other == 6 and e.median_other == 4


counts = st.lists(st.integers(min_value=0, max_value=50), min_size=MIN_POSTS, max_size=40)


@given(counts, counts)
def test_rank_test_is_a_probability_and_symmetric(a: list[int], b: list[int]) -> None:
    p = mann_whitney_p(a, b)
    assert 0.0 <= p <= 1.0
    assert abs(p - mann_whitney_p(b, a)) < 1e-9


@given(counts)
def test_a_group_against_itself_is_no_difference(a: list[int]) -> None:
    assert mann_whitney_p(a, list(a)) > 0.5
    e = compare(_posts(list(a), "h"), _posts(list(a), "o"))
    assert e is not None and not e.clear


@given(counts, counts)
def test_the_interval_holds_the_ratio_and_is_reproducible(a: list[int], b: list[int]) -> None:
    interval = bootstrap_ratio(a, b, resamples=300)
    assert interval == bootstrap_ratio(a, b, resamples=300)
    if interval is not None and median(b) > 0:
        assert interval[0] <= interval[1]


def test_real_archive_figures_match_a_hand_count() -> None:
    """visbot's "I uploaded a @YouTube video" posts against its other own posts, by hand."""
    from assistant.sources import load_posts

    path = REPO / "tests/realdata/x_archive/visbot_tweets.js"
    raw = json.loads(path.read_text(encoding="utf-8").split("=", 1)[1].strip().rstrip(";"))
    tweets = [t.get("tweet", t) for t in raw]
    own = [t for t in tweets if not t["full_text"].startswith("RT @")
           and not t.get("in_reply_to_status_id_str")]
    uploads = {t["id_str"] for t in own if t["full_text"].startswith("I uploaded a")}
    by_hand_hits = median(int(t["favorite_count"]) for t in own if t["id_str"] in uploads)
    posts = load_posts([path])
    hits = [p for p in posts if p.id in uploads]
    others = [p for p in posts if p.kind == "post" and p.id not in uploads
              and p.id in {t["id_str"] for t in own}]
    e = compare(hits, others)
    assert e is not None and e.n_hit == len(uploads) > MIN_POSTS
    assert e.median_hit == by_hand_hits
    by_hand_others = median(int(t["favorite_count"]) for t in own
                            if t["id_str"] not in uploads and t["id_str"] in {p.id for p in others})
    assert e.median_other == by_hand_others


def test_the_json_of_a_finding_gains_the_engagement_object() -> None:
    from assistant.models import Finding
    from assistant.render.json import finding_dict

    finding = Finding(rule="share-begging", severity="warning", message="m",
                      engagement=Engagement(n_hit=6, n_other=30, ratio=0.5, low=0.3, high=0.8))
    data = finding_dict(finding)
    assert data["engagement"]["ratio"] == 0.5 and data["engagement"]["n_other"] == 30


def test_every_post_rule_finding_of_a_real_export_carries_its_numbers(
    capsys: pytest.CaptureFixture[str], visbot_findings: list[dict],
) -> None:
    """JSON gains `engagement` on each post-rule finding; the text says it in one sentence."""
    from tests.test_cli import run

    post_rule_findings = [f for f in visbot_findings if f["rule"] in {"hashtag-stuffing", "link-only"}]
    assert post_rule_findings
    for finding in post_rule_findings:
        e = finding["engagement"]
        assert e["n_hit"] >= 1 and e["n_other"] >= 1 and e["metric"] == "likes"
        assert e["ratio"] is not None or e["note"]
    _, text, _ = run(capsys, "audit", VISBOT, "--no-llm", "--as-of", "2023-01-01")
    assert "the mean likes of the account's other posts (n = " in text


def test_a_source_without_counts_gets_no_engagement(capsys: pytest.CaptureFixture[str]) -> None:
    from tests.test_cli import run

    _, out, _ = run(capsys, "audit", str(REPO / "examples/brightpixel_x.jsonl"), "--no-llm",
                    "--as-of", "2026-11-11", "--format", "json")
    assert all(f["engagement"] is None for f in json.loads(out)["findings"])


def test_a_habit_whose_posts_carry_no_counts_gets_no_comparison() -> None:
    """Engagement compares the posts that carry counts: a habit of posts without them (a
    scheduler's posts in an export whose other posts have counts) says nothing of it, rather
    than "n = 0" against the rest, and the posts compared against are the measured ones."""
    from assistant.audit import audit_feed
    from assistant.checks.ruleset import RuleSet
    from assistant.models import Account, Feed, Metrics

    same = "Our new guide to community management is out now, read it on the blog today"
    repeats = [Post(id=f"r{i}", created_at=T0 + timedelta(days=i), text=same) for i in range(6)]
    words = ("brand", "voice", "client", "reply", "thread", "audit", "story", "photo", "caption",
             "launch", "budget", "winter", "coffee", "office", "design", "team", "market", "city")
    measured = [Post(id=f"m{i}", created_at=T0 + timedelta(days=i, hours=3),
                     text=" ".join(words[(i * 7 + k * (i + 1)) % len(words)] for k in range(9)),
                     metrics={"likes": 3 + i % 4})
                for i in range(20)]
    feed = Feed(account=Account(name="brightpixel"), posts=sorted(repeats + measured, key=lambda p: p.created_at))
    found = audit_feed(feed, RuleSet.from_config(), as_of=T0 + timedelta(days=30)).findings
    repeat = next(f for f in found if f.rule == "repeat-post")
    assert repeat.engagement is None
    # with counts on the repeats too, they are compared with the measured others
    for i, post in enumerate(repeats):
        post.metrics = Metrics(likes=i % 2)
    found = audit_feed(feed, RuleSet.from_config(), as_of=T0 + timedelta(days=30)).findings
    repeat = next(f for f in found if f.rule == "repeat-post")
    # the five copies against the twenty others and the first post, which is no repeat
    assert repeat.engagement is not None and repeat.engagement.n_hit == 5
    assert repeat.engagement.n_other == 21


def test_the_report_reminder_cites_our_own_numbers_and_counts_one_severity() -> None:
    from assistant.models import Account, FeedAudit, FeedStats, Finding, Health
    from assistant.reports.build import reminder, top_problem

    numbers = Engagement(n_hit=41, n_other=120, ratio=0.3, low=0.2, high=0.5, p_value=0.001,
                         median_hit=3, median_other=10)
    audit = FeedAudit(
        account=Account(name="@us", platform="x", owner="agency"), as_of=T0,
        stats=FeedStats(), health=Health(score=40, components={}),
        findings=[
            Finding(rule="too-long", severity="error", message="1 of 9 posts", examples=["a"]),
            Finding(rule="too-long", severity="info", message="5 of 9 posts", examples=["b"] * 5),
            Finding(rule="repeat-post", severity="warning", message="m", engagement=numbers),
        ])
    note = reminder("Bright Pixel", "agency", audit)
    assert note is not None
    assert "Our repeat-post posts got 0.3x the median likes" in note and "n = 41 vs 120" in note
    assert top_problem(audit) == (audit.findings[0], 1), "the info finding is not counted with the error"


def test_pictures_without_alt_text_are_compared_with_pictures_that_have_it() -> None:
    def pic(i: int, likes: int, alt: str | None) -> Post:
        return Post(id=f"m{i}-{alt}", created_at=T0 + timedelta(hours=i), text="x",
                    media=[{"type": "image", "url": "u", "alt": alt}], metrics={"likes": likes})

    no_alt = [pic(i, 4, None) for i in range(6)]
    with_alt = [pic(i, 8, "A cake") for i in range(6)]
    text_only = _posts([1] * 30, "t")
    e = compare_posts(no_alt, [*no_alt, *with_alt, *text_only], "missing-alt-text")
    assert e is not None and e.n_other == 6 and e.ratio == 0.5


def test_insights_show_what_went_with_more_engagement_on_this_account(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from tests.test_cli import run

    path = str(REPO / "tests/realdata/x_archive/linchwyjournal_tweets.js")
    _, out, _ = run(capsys, "audit", path, "--no-llm", "--as-of", "2023-01-01", "--insights",
                    "--format", "json")
    found = {i["facet"]: i for i in json.loads(out)["insights"]}
    assert {"length", "kind", "pictures", "links"} <= set(found)
    for insight in found.values():
        assert len(insight["groups"]) >= 2
        assert all(g["n"] >= MIN_POSTS for g in insight["groups"])
        ratios = [g["ratio"] for g in insight["groups"]]
        assert ratios == sorted(ratios, reverse=True), "best first"
    posts = sum(g["n"] for g in found["kind"]["groups"])
    assert posts == sum(g["n"] for g in found["links"]["groups"]), "every facet splits the same posts"
    _, text, _ = run(capsys, "audit", path, "--no-llm", "--as-of", "2023-01-01", "--insights")
    assert "WHAT WORKS HERE" in text and "(n = " in text


def test_insights_without_counts_say_so(capsys: pytest.CaptureFixture[str]) -> None:
    from tests.test_cli import run

    _, text, _ = run(capsys, "audit", str(REPO / "examples/brightpixel_x.jsonl"), "--no-llm",
                     "--as-of", "2026-11-11", "--insights")
    assert "too few posts with counts to tell" in text


def test_the_daily_report_carries_what_works_here_for_feeds_with_counts(tmp_path: Path) -> None:
    """A report preview of a real export with counts: the detail names its best habits."""
    from datetime import date

    from assistant.config import load_workspace
    from assistant.reports.run import build_report
    from assistant.settings import Settings

    config = tmp_path / "assistant.toml"
    archive = REPO / "tests/realdata/x_archive/linchwyjournal_tweets.js"
    config.write_text(f'[[feeds]]\nname = "Journal"\nsource = "{archive}"\n')
    report = build_report(Settings(), load_workspace(config), day=date(2023, 1, 1),
                          use_llm=False)
    assert report.feeds[0].insights and all("(n = " in i for i in report.feeds[0].insights)


def test_when_interval_and_rank_test_disagree_the_sentence_says_both() -> None:
    e = Engagement(n_hit=31, n_other=120, ratio=0.35, low=0.19, high=0.58, p_value=0.06,
                   statistic="mean")
    said = sentence(e)
    assert "leaves out 1x but a rank test does not confirm it (p = 0.06)" in said
    assert "clear difference" not in said


def test_feed_rules_back_their_findings_with_the_repeats_and_floods_own_numbers(
    visbot_findings: list[dict],
) -> None:
    """repeat-post: the copies after the first; link-flood: the flood's posts."""
    findings = visbot_findings
    for rule in ("repeat-post", "link-flood"):
        behind = [f["engagement"] for f in findings if f["rule"] == rule]
        assert behind and all(e is not None and e["n_hit"] >= 1 for e in behind), rule
        assert all(e["ratio"] is not None or e["note"] for e in behind)
    first = next(f for f in findings if f["rule"] == "repeat-post")
    copies = int(re.search(r"went out (\d+) times", first["message"]).group(1))
    assert first["engagement"]["n_hit"] == copies - 1, "every copy after the first, no more"


def test_counts_come_from_csv_columns_or_map_quotes_and_views_included(tmp_path: Path) -> None:
    from assistant.sources import load_posts

    data = tmp_path / "export.csv"
    data.write_text("text,created_at,fav,quote_count,views\n"
                    "Hello there,2026-01-01T09:00:00Z,7,2,900\n")
    post = load_posts([data], source="csv", mapping={"likes": "fav"})[0]
    assert post.metrics is not None
    assert (post.metrics.likes, post.metrics.quotes, post.metrics.impressions) == (7, 2, 900)


def test_a_feed_that_rarely_talks_sees_its_broadcasts_against_its_own_replies() -> None:
    from assistant.audit import audit_feed
    from assistant.checks.ruleset import RuleSet
    from assistant.models import Account, Feed

    broadcasts = [p.model_copy(update={"created_at": T0 + timedelta(days=i)})
                  for i, p in enumerate(_posts([2] * 60, "b"))]
    replies = [Post(id=f"r{i}", kind="reply", in_reply_to=f"x{i}", text="@sam thanks!",
                    created_at=T0 + timedelta(days=3 * i, hours=1), metrics={"likes": 6})
               for i in range(5)]
    feed = Feed(account=Account(name="@us", platform="x"), posts=[*broadcasts, *replies])
    audit = audit_feed(feed, RuleSet.from_config(), as_of=T0 + timedelta(days=61))
    found = next(f for f in audit.findings if f.rule == "broadcast-only")
    assert found.engagement is not None and found.engagement.against == "the account's replies"
    assert (found.engagement.n_hit, found.engagement.n_other) == (60, 5)
    assert "of the account's replies" in sentence(found.engagement)
