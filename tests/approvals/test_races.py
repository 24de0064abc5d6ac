"""Races: two approvers clicking in the same millisecond, and two exports at once.

Each round releases both requests from a barrier so they reach the app together; run many
rounds, because a race that is lost only sometimes is still a bug.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

from assistant.approvals.export import export_approved
from assistant.models import Post, Review
from tests.approvals.conftest import (
    APPROVER_1,
    APPROVER_2,
    CLIENT,
    ApprovalRig,
    blocks_text,
    later,
)

ROUNDS = 50


def _together(*calls: object) -> list[object]:
    """Run the calls in threads released by one barrier; their results in order."""
    barrier = threading.Barrier(len(calls))
    results: list[object] = [None] * len(calls)

    def run(index: int, call: object) -> None:
        barrier.wait()
        results[index] = call()  # type: ignore[operator]

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)
    return results


def _posted(rig: ApprovalRig, count: int) -> list:
    """`count` posts queued, reviewed and shown with their buttons (ts set, as the worker does)."""
    posts = [Post(id="r", created_at=later(60 * 24 + i), text=f"Bake sale number {i} this Sunday.")
             for i in range(count)]
    records = rig.store.create(CLIENT, posts, submitter="U0AUTHOR")

    for index, record in enumerate(records):
        assert rig.store.set_review(record.id, 1, Review(post=record.post)) == "ok"
        rig.store.set_message(record.id, "slack", {"channel": "C0APPROVALS",
                                                   "ts": f"1800000000.{index:06d}"})
    return rig.store.get_many([r.id for r in records])


def test_two_approvers_clicking_at_once_make_exactly_one_decision(rig: ApprovalRig) -> None:
    records = _posted(rig, ROUNDS)
    for number, record in enumerate(records):
        # half the rounds: both approve; the other half: one approves while the other rejects
        second = "approval_approve" if number % 2 == 0 else "approval_reject"
        replies = _together(lambda r=record: rig.click("approval_approve", r, APPROVER_1),
                            lambda r=record, a=second: rig.click(a, r, APPROVER_2))
        assert all(reply.status == 200 for reply in replies)  # type: ignore[attr-defined]
        rig.wait(lambda f, r=record, n=number: len(f.updates_of(r.ts)) == 1 and len(
            f.ephemerals_for(APPROVER_1) + f.ephemerals_for(APPROVER_2)) == n + 1)
        final = rig.get(record.id)
        decisions = [e for e in rig.store.audit(record.id) if e.action in ("approved", "rejected")]
        assert len(decisions) == 1, (number, decisions)
        assert final.state == decisions[0].action and final.decided_by == decisions[0].actor
        update = rig.fake.updates_of(record.ts)
        assert len(update) == 1 and f"by <@{final.decided_by}>" in blocks_text(update[0])
        loser = rig.fake.of("chat.postEphemeral")[-1].body  # told who decided first
        assert loser["user"] != final.decided_by and f"<@{final.decided_by}>" in loser["text"]
    # every round: exactly one loser, told who decided first
    told = rig.fake.ephemerals_for(APPROVER_1) + rig.fake.ephemerals_for(APPROVER_2)
    assert len(told) == ROUNDS and all(t.startswith("Too late: this post was already") for t in told)


def test_exports_racing_release_each_post_exactly_once(rig: ApprovalRig, tmp_path: Path) -> None:
    released: list[str] = []
    for round_ in range(ROUNDS):
        batch = _posted(rig, 3)
        for record in batch:
            assert rig.store.decide(record.id, "approve", actor=APPROVER_1, version=1).ok
        outputs = [tmp_path / f"{round_}-a.jsonl", tmp_path / f"{round_}-b.jsonl"]
        results = _together(*[
            lambda o=o: export_approved(rig.store, "jsonl", actor="cli", output=str(o))
            for o in outputs])
        ids = [p.id for r in results for p in r.posts]  # type: ignore[attr-defined]
        assert sorted(ids) == sorted(r.id for r in batch)  # all of them, none twice
        in_files = [line for o in outputs if o.exists() for line in o.read_text().splitlines()]
        assert len(in_files) == 3
        released.extend(ids)
    assert not rig.store.list(state="approved")
    for post_id in released:
        assert [e.action for e in rig.store.audit(post_id)].count("released") == 1


def test_two_export_processes_racing_write_each_post_once(rig: ApprovalRig, tmp_path: Path) -> None:
    records = _posted(rig, 25)
    for record in records:
        rig.store.decide(record.id, "approve", actor=APPROVER_1, version=1)
    env = {"REDIS_URL": rig.settings.redis_url or "", "ASSISTANT_CONFIG": str(rig.config_path),
           "PATH": "/usr/bin:/bin"}
    script = "from assistant.approvals.cli import queue; queue()"
    procs = [subprocess.Popen([sys.executable, "-c", script, "export", "--approved", "--format",
                               fmt, "--client", CLIENT, "--output", str(tmp_path / f"out.{fmt}")],
                              env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for fmt in ("buffer", "hootsuite")]
    for proc in procs:
        proc.wait(timeout=30)
        assert proc.returncode == 0, proc.stderr.read()  # type: ignore[union-attr]
    from assistant.sources import load_posts

    written = [p.text for f in tmp_path.glob("out.*") for p in load_posts(f)]
    assert sorted(written) == sorted(r.post.text for r in records)
    assert {rig.get(r.id).state for r in records} == {"released"}


def test_an_export_releases_only_the_posts_it_checked(rig: ApprovalRig) -> None:
    """The export checks the approved posts, then claims them: a post edited and approved
    again in between (a public post turned into a DM, say) or approved in between is left
    for the next export, never written unchecked."""
    first, second, third = _posted(rig, 3)
    for record in (first, second):
        assert rig.store.decide(record.id, "approve", actor=APPROVER_1, version=1).ok
    checked = rig.store.releasable(client=CLIENT)
    assert [p.id for p in checked] == [first.id, second.id]

    dm = second.post.model_copy(update={"kind": "dm", "text": "Hi Sam, 20% off for you?"})
    assert rig.store.edit(second.id, dm, actor="U0AUTHOR").ok
    assert rig.store.set_review(second.id, 2, Review(post=dm)) == "ok"
    assert rig.store.decide(second.id, "approve", actor=APPROVER_2, version=2).ok
    assert rig.store.decide(third.id, "approve", actor=APPROVER_1, version=1).ok

    _, released = rig.store.release("buffer", actor="cli", client=CLIENT, only=checked)
    assert [p.id for p in released] == [first.id]
    assert rig.get(second.id).state == rig.get(third.id).state == "approved"
