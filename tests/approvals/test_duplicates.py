"""Duplicates: the import fingerprint follows an edit and expires after the post's time, a
duplicate review job posts nothing twice, and each audit entry reaches the thread once."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from assistant.approvals.intake import ImportRejected
from assistant.approvals.jobs import enqueue_review
from assistant.approvals.store import PREFIX, fingerprint
from assistant.models import Post, Review
from tests.approvals.conftest import (
    APPROVER_1,
    AUTHOR,
    CHANNEL,
    CLIENT,
    ApprovalRig,
    buffer_file,
    later,
    queued,
    stamp,
)
from tests.approvals.test_races import ROUNDS, _together


def test_an_edit_moves_the_duplicate_fingerprint(rig: ApprovalRig, tmp_path: Path) -> None:
    when = later()
    original = "Spelt loaves are back on Friday."
    path = buffer_file(tmp_path, [(original, stamp(when))])
    assert rig.cli("import", str(path), "--client", CLIENT).exit_code == 0
    record = rig.get("q1")
    edited_text = "Spelt and rye loaves are back on Friday."
    edited = Post(id="x", platform="x", created_at=when, text=edited_text)
    assert rig.store.edit("q1", edited, actor=AUTHOR).ok

    # the original text is no longer in the queue, so importing it again queues it
    again = rig.cli("import", str(path), "--client", CLIENT)
    assert again.exit_code == 0, again.output
    assert "queued 1 post for" in again.output
    # the edited text is, so importing it is refused as a duplicate of q1
    copy = buffer_file(tmp_path, [(edited_text, stamp(when))], name="edited.csv")
    from click.testing import CliRunner

    from assistant.approvals.cli import queue

    env = {"REDIS_URL": rig.settings.redis_url or "", "ASSISTANT_CONFIG": str(rig.config_path)}
    refused = CliRunner().invoke(queue, ["import", str(copy), "--client", CLIENT], env=env)
    assert refused.exit_code != 0
    assert "already in the queue as q1" in str(refused.exception)
    assert rig.redis.get(f"{PREFIX}:fp:{fingerprint(CLIENT, record.post)}") == b"q2"


def test_fingerprints_expire_a_day_after_the_scheduled_time(rig: ApprovalRig) -> None:
    when = later(60 * 24 * 3)
    post = Post(id="t", platform="x", created_at=when, text="Cinnamon buns, Sunday only.")
    rig.store.create(CLIENT, [post], submitter=AUTHOR)
    ttl = rig.redis.ttl(f"{PREFIX}:fp:{fingerprint(CLIENT, post)}")
    expected = when.timestamp() + 86400 - time.time()
    assert abs(ttl - expected) < 60

    moved = post.model_copy(update={"text": "Cinnamon buns, Saturday and Sunday.",
                                    "created_at": later(60 * 24 * 5)})
    assert rig.store.edit("q1", moved, actor=AUTHOR).ok
    ttl = rig.redis.ttl(f"{PREFIX}:fp:{fingerprint(CLIENT, moved)}")
    assert abs(ttl - (moved.created_at.timestamp() + 86400 - time.time())) < 60
    assert rig.redis.exists(f"{PREFIX}:fp:{fingerprint(CLIENT, post)}") == 0


def test_a_duplicate_review_job_posts_nothing_twice(rig: ApprovalRig) -> None:
    record = queued(rig, "Our croissants take three days. Worth it.")

    def counts() -> tuple[int, int]:
        top = [c for c in rig.posted() if c["channel"] == CHANNEL and "thread_ts" not in c]
        reviews = [c for c in rig.posted() if c.get("text") == "Review of version 1"]
        return len(top), len(reviews)

    assert counts() == (1, 1)
    enqueue_review(rig.redis, record)  # as an RQ retry or a re-enqueue would
    rig.work()
    assert counts() == (1, 1)
    assert [e.action for e in rig.store.audit(record.id)].count("reviewed") == 1


def test_each_audit_entry_is_claimed_for_the_thread_exactly_once(rig: ApprovalRig) -> None:
    posts = [Post(id="t", platform="x", created_at=later(60 * 24 + i), text=f"Tart number {i}.")
             for i in range(ROUNDS)]
    records = rig.store.create(CLIENT, posts, submitter=AUTHOR)
    for record in records:
        assert rig.store.set_review(record.id, 1, Review(post=record.post)) == "ok"
        first, is_first = rig.store.claim_audit(record.id)
        assert is_first and [e.action for e in first] == ["submitted", "reviewed"]
        assert rig.store.decide(record.id, "approve", actor=APPROVER_1).ok
        results = _together(lambda r=record: rig.store.claim_audit(r.id),
                            lambda r=record: rig.store.claim_audit(r.id))
        claimed = [e.action for entries, _ in results for e in entries]  # type: ignore[misc]
        assert claimed == ["approved"]  # one of the two got it, the other nothing
        assert not any(is_first for _, is_first in results)  # type: ignore[misc]


def test_a_post_whose_first_message_failed_is_posted_when_its_job_runs_again(
        rig: ApprovalRig) -> None:
    """The bot was not yet in the approvals channel: the review is stored, the message is
    not. Once invited, a re-run of the job (rq requeue, a re-enqueue) posts it, once."""
    from assistant.approvals.jobs import enqueue_review

    rig.fake.not_in_channel.add(CHANNEL)
    post = Post(id="t", platform="x", created_at=later(), text="Seeded sourdough, Saturday.")
    record = rig.store.create(CLIENT, [post], submitter=AUTHOR)[0]
    enqueue_review(rig.redis, record)
    rig.work()
    first = rig.get(record.id)
    assert first.reviewed and not first.ts  # reviewed, but nothing reached Slack

    def top_level() -> list[dict[str, object]]:  # attempts, refused ones included
        return [c for c in rig.posted() if c["channel"] == CHANNEL and "thread_ts" not in c]

    refused = len(top_level())
    rig.fake.not_in_channel.discard(CHANNEL)
    enqueue_review(rig.redis, first)
    rig.work()
    posted = rig.get(record.id)
    assert posted.ts, "the post never reached its approvers"
    assert len(top_level()) == refused + 1 and top_level()[-1]["blocks"]
    assert any(c.get("text") == "Review of version 1" for c in rig.posted())

    enqueue_review(rig.redis, posted)  # and a duplicate after that still posts nothing
    rig.work()
    assert len(top_level()) == refused + 1


def test_an_edit_cannot_make_a_second_live_copy_of_another_post(rig: ApprovalRig) -> None:
    when = later()
    rye = Post(id="a", platform="x", created_at=when, text="Rye is back on Friday.")
    spelt = Post(id="b", platform="x", created_at=when, text="Spelt is back on Friday.")
    first, second = rig.store.create(CLIENT, [rye, spelt], submitter=AUTHOR)

    outcome = rig.store.edit(second.id, rye, actor=AUTHOR)
    assert not outcome.ok and outcome.code == "duplicate" and outcome.duplicate_of == first.id
    kept = rig.get(second.id)
    assert (kept.version, kept.post.text) == (1, "Spelt is back on Friday.")  # nothing changed
    assert [e.action for e in rig.store.audit(second.id)] == ["submitted"]
    assert rig.redis.get(f"{PREFIX}:fp:{fingerprint(CLIENT, spelt)}") == second.id.encode()

    # once the first is no longer live, the same edit goes through
    assert rig.store.set_review(first.id, 1, Review(post=first.post)) == "ok"
    assert rig.store.decide(first.id, "reject", actor=APPROVER_1).ok
    assert rig.store.edit(second.id, rye, actor=AUTHOR).ok
    assert rig.redis.get(f"{PREFIX}:fp:{fingerprint(CLIENT, rye)}") == second.id.encode()


def test_the_edit_modal_says_which_post_it_would_copy(rig: ApprovalRig) -> None:
    from tests.approvals.conftest import post_values

    when = later()
    rye = "Rye is back on Friday."
    first = queued(rig, rye, when=when)
    second = queued(rig, "Spelt is back on Friday.", when=when)
    reply = rig.submit_view("approval_edit_modal", post_values(rye, when, client=None), AUTHOR,
                            json.dumps({"id": second.id, "v": second.version}))
    assert reply.status == 200
    errors = json.loads(reply.body)
    assert errors["response_action"] == "errors"
    assert f"{first.id} is already in the queue" in errors["errors"]["text"]
    assert rig.get(second.id).post.text == "Spelt is back on Friday."


def test_a_refused_import_uses_up_no_post_ids(rig: ApprovalRig, tmp_path: Path) -> None:
    """A batch refused as already queued took its ids anyway: the next import started at
    q5, and q3-q4 never existed."""
    week = buffer_file(tmp_path, [("Loaf of the week: spelt.", stamp(later())),
                                  ("Brunch menu is up.", stamp(later(60 * 30)))], "week.csv")
    assert "(q1..q2)" in rig.cli("import", str(week), "--client", CLIENT).output
    with pytest.raises(ImportRejected, match="2 rows cannot be queued"):
        rig.cli("import", str(week), "--client", CLIENT)
    extra = buffer_file(tmp_path, [("Doughnut Friday.", stamp(later(60 * 50)))], "extra.csv")
    result = rig.cli("import", str(extra), "--client", CLIENT)
    assert "queued 1 post for Acme Bakery (q3)" in result.output
    assert [p.id for p in rig.store.list()] == ["q1", "q2", "q3"]
    assert rig.get("q3").post.id == "q3" and rig.get("q3").origin == "extra.csv:2"
    assert [e.note for e in rig.store.audit("q3")] == ["extra.csv:2"]
