"""A queued post is reviewed against the client's other queued posts, as `assistant review
--history` reviews a draft against the account's feed: a copy scheduled after its original
is a repeat (repeat-post), a "latest" link pushed again is stale (stale-latest), before
anyone approves it. Only the same client's posts on the same platform that are or will be
out, scheduled before it, count."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import redis as redis_lib

from assistant.approvals.jobs import COUNTED, LOOKBACK, lookback, queue_history
from assistant.approvals.model import QueuedPost
from assistant.approvals.policy import Actor
from assistant.approvals.store import ApprovalStore
from assistant.approvals.workflow import Workflow
from assistant.checks.ruleset import RuleSet
from assistant.config import RulesConfig
from assistant.models import Post, Review
from tests.approvals.conftest import (
    APPROVER_1,
    CHANNEL,
    CLIENT,
    SELF_CLIENT,
    ApprovalRig,
    blocks_text,
    buffer_file,
    later,
    queued,
    stamp,
)

THANKS = ("Thank you Millers Guild for sponsoring our Saturday sourdough school! Your support "
          "means a lot, see https://millersguild.example/sponsors for details.")


def _rules(record: QueuedPost) -> list[str]:
    assert record.reviewed and record.review is not None, record
    return [f.rule for f in record.review.findings]


def _request(rig: ApprovalRig, post_id: str) -> dict[str, Any]:
    """The approval request the worker posted for one post (its first message)."""
    [found] = [c for c in rig.posted() if c.get("channel") == CHANNEL and "thread_ts" not in c
               and f'"approval:{post_id}"' in blocks_text(c)]
    return found


def _import(rig: ApprovalRig, tmp_path: Path, rows: list[tuple[str, str]], *args: str) -> None:
    result = rig.cli("import", str(buffer_file(tmp_path, rows)), "--client", CLIENT, *args)
    assert result.exit_code == 0, result.output
    rig.work()


def test_the_second_of_two_copies_is_a_repeat_and_the_first_is_not(
        rig: ApprovalRig, tmp_path: Path) -> None:
    """The manager's file: the same sponsor thank-you at 08:00 and 08:30."""
    first = later(60 * 24)
    _import(rig, tmp_path, [(THANKS, stamp(first)),
                            (THANKS, stamp(first + timedelta(minutes=30)))])
    original, copy = rig.get("q1"), rig.get("q2")

    assert _rules(original) == [] and original.verdict == "publish"
    assert _rules(copy) == ["repeat-post"] and copy.verdict == "revise"
    assert copy.score is not None and copy.score < 90
    [finding] = copy.review.findings if copy.review else []
    assert finding.message.startswith("This is the same post")
    assert "post q1" in finding.evidence, "it names the original"

    # what the approvers see in Slack: the verdict and the finding, on the copy only
    shown = blocks_text(_request(rig, "q2"))
    assert "*Review:*" in shown and "Revise" in shown and "`repeat-post`" in shown
    assert "repeat-post" not in blocks_text(_request(rig, "q1"))
    # and in the terminal
    show = rig.cli("show", "q2").output
    assert "review: revise, score" in show and "warning repeat-post: This is the same post already scheduled for" in show
    listed = {p["id"]: p["verdict"] for p in json.loads(rig.cli("list", "--format", "json").output)}
    assert listed == {"q1": "publish", "q2": "revise"}
    trail = [(e.action, e.note) for e in rig.store.audit("q2")]
    assert ("reviewed", "verdict revise") in trail


def test_the_teams_card_shows_the_repeat_like_any_finding(rig: ApprovalRig, tmp_path: Path) -> None:
    from integrations.teams.bot.approvals.card import approval_card

    first = later(60 * 24)
    _import(rig, tmp_path, [(THANKS, stamp(first)),
                            (THANKS, stamp(first + timedelta(minutes=30)))])
    copy = json.dumps(approval_card(rig.get("q2"), CLIENT), ensure_ascii=False)
    assert "Revise before publishing" in copy and "repeat-post: " in copy
    assert "This is the same post" in copy and "post q1" in copy
    original = json.dumps(approval_card(rig.get("q1"), CLIENT), ensure_ascii=False)
    assert "Ready to publish" in original and "repeat-post" not in original


def test_the_copy_is_the_later_one_whichever_was_queued_first(rig: ApprovalRig) -> None:
    """Queued first but scheduled later: the later post is the copy; the earlier one is not
    flagged for the later, though both are in the queue when it is reviewed."""
    from assistant.approvals.jobs import enqueue_review

    first = later(60 * 24)
    for minutes in (30, 0):  # (an import numbers its rows by time: two submissions here)
        post = Post(id="t", platform="x", created_at=first + timedelta(minutes=minutes), text=THANKS)
        [record] = rig.store.create(CLIENT, [post], origins=["test"])
        enqueue_review(rig.redis, record)
    rig.work()
    assert rig.get("q1").scheduled_at > rig.get("q2").scheduled_at
    assert _rules(rig.get("q1")) == ["repeat-post"]
    assert _rules(rig.get("q2")) == []


def test_the_same_words_on_another_platform_are_cross_posting(
        rig: ApprovalRig, tmp_path: Path) -> None:
    """X at 08:00 and LinkedIn at 08:30: each audience sees the words once."""
    first = later(60 * 24)
    queued(rig, THANKS, when=first, platform="x")
    on_linkedin = queued(rig, THANKS, when=first + timedelta(minutes=30), platform="linkedin")
    assert _rules(on_linkedin) == [] and on_linkedin.verdict == "publish"
    again_on_x = queued(rig, THANKS, when=first + timedelta(minutes=60), platform="x")
    assert _rules(again_on_x) == ["repeat-post"], "twice on X is a repeat"


@pytest.mark.parametrize(("decision", "counts"), [
    ("reject", False),  # never goes out
    ("approve", True),
    ("request_changes", True),  # will go out, once edited
])
def test_what_the_original_became_decides_if_it_counts(
        rig: ApprovalRig, decision: str, counts: bool) -> None:
    first = later(60 * 24)
    original = queued(rig, THANKS, when=first)
    outcome = rig.store.decide(original.id, decision, actor=APPROVER_1, version=1,
                               note="say it once")
    assert outcome.ok, outcome
    copy = queued(rig, THANKS, when=first + timedelta(minutes=30))
    assert _rules(copy) == (["repeat-post"] if counts else [])
    assert copy.verdict == ("revise" if counts else "publish")


def test_a_released_original_counts(rig: ApprovalRig, tmp_path: Path) -> None:
    first = later(60 * 24)
    original = queued(rig, THANKS, when=first)
    assert rig.store.decide(original.id, "approve", actor=APPROVER_1, version=1).ok
    out = tmp_path / "out.jsonl"
    assert rig.cli("export", "--approved", "--format", "jsonl", "--output", str(out)).exit_code == 0
    assert rig.get(original.id).state == "released"
    assert _rules(queued(rig, THANKS, when=first + timedelta(minutes=30))) == ["repeat-post"]


def test_another_clients_identical_post_does_not_count(rig: ApprovalRig) -> None:
    first = later(60 * 24)
    queued(rig, THANKS, when=first, client=SELF_CLIENT)
    ours = queued(rig, THANKS, when=first + timedelta(minutes=30))
    assert _rules(ours) == [] and ours.verdict == "publish"


def test_an_edited_copy_is_reviewed_again_against_the_queue(rig: ApprovalRig) -> None:
    first = later(60 * 24)
    queued(rig, THANKS, when=first)
    copy = queued(rig, THANKS, when=first + timedelta(minutes=30))
    assert _rules(copy) == ["repeat-post"]
    workflow = Workflow(rig.redis, rig.workspace)
    editor = Actor("slack", APPROVER_1, "approver")
    new = copy.post.model_copy(update={"text": "Sourdough school is full: thank you all! "
                                               "Next term opens in March."})
    assert workflow.edit(editor, copy.id, new, version=1).ok
    rig.work()
    edited = rig.get(copy.id)
    assert edited.version == 2 and _rules(edited) == [] and edited.verdict == "publish"


def test_a_latest_link_pushed_again_after_newer_news_is_stale(rig: ApprovalRig) -> None:
    """stale-latest reads the queue too: 'our latest' for an article the queue already
    pushed days ago, with a newer article of the same site queued since."""
    first = later(60 * 24)
    queued(rig, "Our new article on rye: https://acme-bakery.example/blog/rye", when=first)
    queued(rig, "How we mill spelt, on the blog: https://acme-bakery.example/blog/spelt",
           when=first + timedelta(days=2))
    stale = queued(rig, "Read our latest article: why rye loves a slow, cold proof overnight "
                   "https://acme-bakery.example/blog/rye", when=first + timedelta(days=4))
    assert _rules(stale) == ["stale-latest"] and stale.verdict == "revise"


# --- which posts count, read from the store directly -----------------------------------------


@pytest.fixture
def store(redis_url: str) -> ApprovalStore:
    return ApprovalStore(redis_lib.Redis.from_url(redis_url))


def _post(text: str, minutes: float, *, platform: str = "x", kind: str = "post") -> Post:
    return Post(id="t", platform=platform, kind=kind,  # type: ignore[arg-type]
                created_at=later(60 * 24 + minutes), text=text)


def test_the_history_holds_only_earlier_posts_that_go_out(store: ApprovalStore) -> None:
    made = store.create(CLIENT, [
        _post("Rejected one.", 0), _post("Pending one.", 1), _post("Approved one.", 2),
        _post("Changes asked.", 3), _post("On LinkedIn.", 4, platform="linkedin"),
        _post("A DM to Ann.", 5, kind="dm"), _post("A reply.", 6, kind="reply"),
        _post("The one reviewed.", 10), _post("Later one.", 20),
    ])
    store.create(SELF_CLIENT, [_post("Another client's.", 1)])
    ids = {r.post.text: r.id for r in made}
    for text, action in (("Rejected one.", "reject"), ("Approved one.", "approve"),
                         ("Changes asked.", "request_changes")):
        store.set_review(ids[text], 1, Review(post=_post(text, 0)))  # decided once reviewed
        assert store.decide(ids[text], action, actor=APPROVER_1, note="n").ok
    reviewed = next(r for r in made if r.post.text == "The one reviewed.")
    history = queue_history(store, reviewed)
    assert history is not None
    kept = sorted(s.post_id for seen in history.texts.values() for s in seen)
    assert kept == sorted(ids[t] for t in ("Pending one.", "Approved one.", "Changes asked."))
    assert history.dms == [], "DMs to different people are different conversations"
    # the first post has nothing before it: no history at all, as a draft reviewed alone
    assert queue_history(store, made[0]) is None


def test_two_posts_at_one_minute_the_first_queued_is_the_original(store: ApprovalStore) -> None:
    first, second = store.create(CLIENT, [_post(THANKS, 0), _post(THANKS + " Thank you!", 0)])
    assert queue_history(store, first) is None
    history = queue_history(store, second)
    assert history is not None and [m.post_id for m in history.similar(second.post)] == [first.id]


def test_the_history_reaches_back_as_far_as_the_lookback(store: ApprovalStore) -> None:
    _, _, reviewed = store.create(CLIENT, [
        _post("Five weeks before.", 0), _post("A week before.", 60 * 24 * 28),
        _post("Now.", 60 * 24 * 35)])
    assert len(queue_history(store, reviewed, LOOKBACK) or []) == 1
    assert len(queue_history(store, reviewed, timedelta(days=40)) or []) == 2


def test_the_lookback_follows_a_longer_repeat_window() -> None:
    assert lookback(RuleSet.from_config()) == LOOKBACK
    longer = RulesConfig.model_validate({"thresholds": {"repeat-post": {"window_days": 60}}})
    assert lookback(RuleSet.from_config(longer)) == timedelta(days=60)
    off = RulesConfig.model_validate({"ignore": ["repeat-post"]})
    assert lookback(RuleSet.from_config(off)) == LOOKBACK


def test_reading_the_history_does_not_grow_with_other_clients_reviews(store: ApprovalStore) -> None:
    """The read is one script over the time index: only the client's posts come back."""
    store.create(SELF_CLIENT, [_post(f"Other client's post {n}.", n) for n in range(300)])
    ours = store.create(CLIENT, [_post(f"Our post {n}.", n + 0.5) for n in range(5)])
    found = store.posts_of(CLIENT, COUNTED, since=ours[0].scheduled_at - LOOKBACK,
                           until=ours[-1].scheduled_at)
    assert [p.id for p in found] == [r.id for r in ours]
