"""A repost of the account's own post is its own broadcast again, not sharing others' work.

The expert's case: twelve "New on the blog" posts, each reposted three times by the same
account within twelve hours, scored better than the same feed without the reposts (the
reposts counted as sharing). The feed rules that judge the account's own broadcasting
(repeat-post, link-flood, self-promo-ratio, stale-latest) now count such a repost as the
post again, and say how many of the posts behind a finding were reposts.
"""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from assistant.audit import audit_feed
from assistant.checks.history import History, is_broadcast, is_self_repost, self_repost_note
from assistant.checks.registry import FeedContext, Hit
from assistant.checks.ruleset import RuleSet
from assistant.config import RulesConfig
from assistant.evidence import measure
from assistant.models import Account, Feed, Post
from assistant.sources import load_feed
from tests.conftest import run_cli

START = datetime(2026, 10, 1, 8, 0, tzinfo=UTC)
TOPICS = ["ten tips for better briefs", "how we plan a launch week", "what clients ask first",
          "the case for fewer posts", "writing alt text that helps", "our approval workflow",
          "reading your own analytics", "a year of remote workshops", "pricing a retainer fairly",
          "when to say no to a client", "building a content calendar", "measuring what matters"]
OTHERS = ["Great chat with @dana_k about agency life at the meetup last night, thanks all",
          "Our studio dog has opinions about the new office chairs this morning",
          "Reading list this week: three essays on craft that changed how our team writes"]


def _stamp(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def blog_feed(reposts: str | None = None) -> list[dict[str, Any]]:
    """Twelve blog posts a day apart and three other posts; with `reposts` (a handle), each
    blog post is reposted three times, 4, 8 and 12 hours after it, as "RT @<handle>: ...".
    """
    rows = []
    for i, topic in enumerate(TOPICS):
        when = START + timedelta(days=i)
        text = f"New on the blog: {topic} https://brightpixel.example/blog/{topic.replace(' ', '-')}"
        rows.append({"id": f"bp{i}", "created_at": _stamp(when), "platform": "x", "kind": "post",
                     "author": "@brightpixel", "text": text})
        for k in range(1, 4) if reposts else ():
            rows.append({"id": f"bp{i}rt{k}", "created_at": _stamp(when + timedelta(hours=4 * k)),
                         "platform": "x", "kind": "repost", "author": "@brightpixel",
                         "text": f"RT @{reposts}: {text}"})
    for j, text in enumerate(OTHERS):
        rows.append({"id": f"o{j}", "created_at": _stamp(START + timedelta(days=3 * j + 1, hours=5)),
                     "platform": "x", "kind": "post", "author": "@brightpixel", "text": text})
    return sorted(rows, key=lambda r: r["created_at"])


def audit_cli(capsys: pytest.CaptureFixture[str], path: Path, rows: list[dict[str, Any]]) -> dict[str, Any]:
    """`assistant audit FEED.jsonl --format json` of `rows`, as of the day after the last."""
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    code, out, _ = run_cli(capsys, "audit", str(path), "--no-llm", "--format", "json", "--as-of", "2026-10-14")
    result: dict[str, Any] = json.loads(out)
    assert code == 0  # warnings only
    return result


def said(result: dict[str, Any], rule: str) -> list[str]:
    return [f["message"] for f in result["findings"] if f["rule"] == rule]


def test_reposting_its_own_blog_posts_scores_worse_not_better(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The expert's feed: each link went out four times in twelve hours. It scored 91
    against 84 without the reposts, with self-promotion at 24% instead of 80%."""
    plain = audit_cli(capsys, tmp_path / "plain.jsonl", blog_feed())
    again = audit_cli(capsys, tmp_path / "again.jsonl", blog_feed(reposts="brightpixel"))
    assert again["stats"]["posts"] == 51 and again["stats"]["reposts"] == 36
    assert again["health"]["score"] < plain["health"]["score"]
    for component in ("promotion", "repetition"):
        assert again["health"]["components"][component]["score"] < plain["health"]["components"][component]["score"]

    assert said(plain, "self-promo-ratio")[0].startswith("12 of 15 posts (80%) promote our own content or offers; ")
    assert said(again, "self-promo-ratio")[0].startswith(
        "48 of 51 posts (94%) promote our own content or offers (36 of them reposts of its own posts); ")

    assert not said(plain, "repeat-post") and not said(plain, "link-flood")
    repeats = said(again, "repeat-post")
    assert len(repeats) == 5  # max_findings
    assert repeats[0] == ("The same words and the same link went out 4 times in 12 hours "
                          "(3 of them reposts of its own post): \"New on the blog: ten tips for better briefs "
                          "https://brightpixel.example/blog/te\u2026\"")
    floods = said(again, "link-flood")
    assert len(floods) == 3 and all(
        f.endswith(" was posted 4 times within 24 hours (3 of them reposts of its own post)") for f in floods)


def test_reposts_of_other_accounts_stay_sharing(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """The same feed passing on somebody else's posts: the 80 of 80/20, no repeat, no flood."""
    shared = audit_cli(capsys, tmp_path / "shared.jsonl", blog_feed(reposts="dana_k"))
    assert said(shared, "self-promo-ratio")[0].startswith("12 of 51 posts (24%) promote our own content or offers; ")
    assert not said(shared, "repeat-post") and not said(shared, "link-flood")


def test_the_text_report_shows_the_habit(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "again.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in blog_feed(reposts="BrightPixel")), encoding="utf-8")
    code, out, _ = run_cli(capsys, "audit", str(path), "--no-llm", "--as-of", "2026-10-14")
    assert code == 0
    assert "(3 of them reposts of its own post)" in " ".join(out.split())


# The rules one at a time, on posts built here.

def at(hours: float, text: str, kind: str = "post", ident: str = "", **fields: Any) -> Post:
    return Post(id=ident or f"h{hours}-{kind}", created_at=START + timedelta(hours=hours), text=text,
                kind=kind, author="@bp", **fields)


def hits(rule_id: str, posts: list[Post], account: str = "@bp", **thresholds: Any) -> list[Hit]:
    rules = RuleSet.from_config(RulesConfig(select=[rule_id], thresholds={rule_id: thresholds}))
    active = rules.by_id[rule_id]
    feed = Feed(account=Account(name=account), posts=sorted(posts, key=lambda p: p.created_at))
    context = FeedContext(active.thresholds, START + timedelta(days=60), frozenset({"bp.example"}))
    return list(active.rule.feed(feed, context) or ())  # type: ignore[misc]


NEW = "NEW on the blog: our pricing guide https://bp.example/blog/pricing"


def test_stale_latest_counts_a_repost_of_its_own_post_calling_it_new_again() -> None:
    """The "NEW" post reposted on later days while newer articles came out: each repost
    tells the same followers it is new again."""
    posts = [at(0, NEW, ident="p0"),
             at(30, "Fresh read: hiring juniors https://bp.example/blog/juniors", ident="p1"),
             *(at(48 + 24 * d, f"RT @bp: {NEW}", "repost", ident=f"rt{d}") for d in range(3))]
    [hit] = hits("stale-latest", posts)
    assert hit.message.startswith("3 posts (all of them reposts of its own posts) call a link new or latest")
    assert hit.posts == ("rt0", "rt1", "rt2")
    # the same reposts of somebody else's post are no claim of the account's
    others = [p.model_copy(update={"text": p.text.replace("RT @bp:", "RT @dana_k:"), "original_author": None})
              if p.kind == "repost" else p for p in posts]
    assert hits("stale-latest", [Post.model_validate(p.model_dump()) for p in others]) == []


def test_link_flood_and_repeat_post_need_the_reposts_to_be_its_own() -> None:
    link = "https://bp.example/blog/pricing"
    own = [at(0, f"Our pricing guide {link}", ident="p0"),
           *(at(3 * k, f"Our pricing guide {link}", "repost", ident=f"r{k}", original_author="bp") for k in (1, 2, 3))]
    [flood] = hits("link-flood", own)
    assert flood.message == "bp.example/blog/pricing was posted 4 times within 24 hours (3 of them reposts of its own post)"
    [repeat] = hits("repeat-post", own)
    assert "went out 4 times in 9 hours (3 of them reposts of its own post)" in repeat.message
    # Mastodon's and Bluesky's reposts carry the original's words without a prefix: whose
    # post it is comes from the source (`original_author`); a source that does not say
    # leaves it somebody else's, as before.
    unknown = [own[0], *(p.model_copy(update={"original_author": None}) for p in own[1:])]
    others = [own[0], *(p.model_copy(update={"original_author": "dana_k"}) for p in own[1:])]
    for posts in (unknown, others):
        assert hits("link-flood", posts) == [] and hits("repeat-post", posts) == []


def test_the_feed_name_stands_in_for_an_author_the_source_left_out() -> None:
    posts = [Post(id="p", created_at=START, text="Our pricing guide https://bp.example/blog/pricing"),
             *(Post(id=f"r{k}", created_at=START + timedelta(hours=k), kind="repost",
                    text="RT @BP: Our pricing guide https://bp.example/blog/pricing") for k in (1, 2, 3))]
    assert [is_self_repost(p) for p in posts] == [False] * 4  # no author to compare with
    assert [is_self_repost(p, "@bp") for p in posts] == [False, True, True, True]
    assert len(hits("link-flood", posts, account="bp")) == 1


def test_self_promo_judges_a_repost_of_its_own_post_as_that_post() -> None:
    offer = "Book a free strategy call this week: https://bp.example/offer"
    posts = [at(24 * d, f"Thoughts on team rituals number {d} and what they taught us", ident=f"t{d}") for d in range(8)]
    posts += [at(200, offer, ident="o"), *(at(200 + 5 * k, f"RT @bp: {offer}", "repost", ident=f"o{k}") for k in (1, 2))]
    [hit] = hits("self-promo-ratio", posts)
    assert hit.message.startswith("3 of 11 posts (27%) promote our own content or offers "
                                  "(2 of them reposts of its own posts); ")
    assert hit.posts == ("o", "o1", "o2")


def test_history_indexes_reposts_of_its_own_posts() -> None:
    """A draft reviewed against the account's history: its own reposts of the link are
    times the link went out; others' reposts are not."""
    link = "https://bp.example/blog/pricing"
    history = History.from_posts([
        at(0, f"Our pricing guide {link}", ident="p0"),
        at(1, f"RT @bp: Our pricing guide {link}", "repost", ident="mine"),
        at(2, f"RT @dana_k: Pricing, thoughts {link}", "repost", ident="theirs"),
    ])
    assert len(history) == 2 and [s.post_id for s in history.link_posts(link)] == ["p0", "mine"]
    draft = at(5, f"Our pricing guide {link}", ident="draft")
    assert [m.post_id for m in history.similar(draft)] == ["p0", "mine"]


def test_the_note_says_how_many_and_of_what() -> None:
    post = at(0, "x", ident="p")
    mine = [at(k, "RT @bp: x", "repost", ident=f"r{k}") for k in (1, 2, 3)]
    assert self_repost_note([post]) == ""
    assert self_repost_note([post, mine[0]], one_post=True) == " (1 of them a repost of its own post)"
    assert self_repost_note([post, *mine], one_post=True) == " (3 of them reposts of its own post)"
    assert self_repost_note([post, at(9, "y", ident="q"), *mine], one_post=True) == " (3 of them reposts of its own posts)"
    assert self_repost_note(mine) == " (all of them reposts of its own posts)"
    assert self_repost_note(mine[:1]) == " (a repost of its own post)"
    assert is_broadcast(mine[0]) and not is_broadcast(at(0, "RT @dana_k: y", "repost"))


def test_a_reposts_counts_are_not_its_own_engagement() -> None:
    """The counts of a repost are the original's (Bluesky, API dumps) or zero (X archives,
    Mastodon's boost): an engagement comparison reads the account's own posts only."""
    counts = {"likes": 2992, "shares": 477}
    assert measure(at(0, "x", metrics=counts)) == ("likes", 2992)
    assert measure(at(0, "RT @bp: x", "repost", metrics=counts)) is None


def _mastodon_self_boosts(realdata: Path, tmp_path: Path) -> Path:
    """The real page's own status with three boosts of it by the account (a boost holds the
    whole boosted status), an hour apart, and the real boost of somebody else's status."""
    page = json.loads((realdata / "mastodon/account_statuses_schochastics_page3.json").read_text())
    boost = next(s for s in page if s.get("reblog"))
    own = next(s for s in page if not s.get("reblog") and not s.get("in_reply_to_id"))
    when = datetime.fromisoformat(own["created_at"].replace("Z", "+00:00"))
    boosts = []
    for k in (1, 2, 3):
        mine = copy.deepcopy(boost)
        mine["id"], mine["created_at"] = f"9{k}", _stamp(when + timedelta(hours=k))
        mine["reblog"] = copy.deepcopy(own)
        boosts.append(mine)
    path = tmp_path / "statuses.json"
    path.write_text(json.dumps([*reversed(boosts), own, boost]), encoding="utf-8")
    return path


def test_a_mastodon_account_boosting_its_own_status(realdata: Path, tmp_path: Path) -> None:
    feed = load_feed(_mastodon_self_boosts(realdata, tmp_path))
    result = audit_feed(feed, RuleSet.from_config(RulesConfig(select=["repeat-post"])),
                        as_of=datetime(2030, 1, 1, tzinfo=UTC))
    [repeat] = result.findings
    assert "went out 4 times in 3 hours (3 of them reposts of its own post)" in repeat.message


def test_overposting_counts_reposts_of_its_own_posts_as_posting_again() -> None:
    """Three posts a day on X, each reposted three times: twelve times a day in followers'
    timelines, against a norm of five. Reposts of others stay curation."""
    posts = [post for day in range(14) for slot in range(3) for post in (
        at(24 * day + 4 * slot, f"Day {day} read {slot}: https://bp.example/blog/{day}-{slot}",
           ident=f"p{day}-{slot}"),
        *(at(24 * day + 4 * slot + 1 + k, f"RT @bp: Day {day} read {slot}", "repost",
             ident=f"r{day}-{slot}-{k}", original_author="bp") for k in range(3)))]
    found = hits("overposting", posts)
    assert found and found[0].message.startswith("12.0 posts a day on X")
    others = [p.model_copy(update={"original_author": "dana_k"}) if p.kind == "repost" else p for p in posts]
    assert hits("overposting", others) == []
