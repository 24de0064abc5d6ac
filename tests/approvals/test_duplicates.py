"""Duplicates: the import fingerprint follows an edit and expires after the post's time, a
duplicate review job posts nothing twice, and each audit entry reaches the thread once."""

from __future__ import annotations

import time
from pathlib import Path

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
    assert "queued 1 posts" in again.output
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
