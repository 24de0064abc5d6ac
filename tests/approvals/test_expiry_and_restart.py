"""Time and restarts: a post not approved by its scheduled time expires and is never
released late; a new app and a new worker on the same Redis carry on where the old ones
stopped."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.approvals.conftest import (
    APPROVER_1,
    APPROVER_2,
    CLIENT,
    ApprovalRig,
    ApprovalsSlack,
    action_ids,
    blocks_text,
    buffer_file,
    later,
    queued,
    stamp,
)


def test_posts_expire_at_their_scheduled_time_and_are_never_released(rig: ApprovalRig) -> None:
    # Long enough to queue and approve one post on a busy 2-core machine before it expires.
    soon = datetime.now(UTC) + timedelta(seconds=4)
    waiting = queued(rig, "Doors open at 9 for the market.", when=soon)
    approved = queued(rig, "Last call for the market stall.", when=soon)
    rig.click("approval_approve", approved, APPROVER_1)
    rig.wait(lambda f: rig.get(approved.id).state == "approved")
    time.sleep(max(0.0, (soon - datetime.now(UTC)).total_seconds()) + 0.1)

    rig.click("approval_approve", waiting, APPROVER_2)  # too late: it expires instead
    rig.wait(lambda f: bool(f.ephemerals_for(APPROVER_2)))
    assert "expired at its scheduled time" in rig.fake.ephemerals_for(APPROVER_2)[0]
    assert rig.get(waiting.id).state == "expired"
    rig.wait(lambda f: "Expired*" in blocks_text((f.updates_of(waiting.ts) or [{}])[-1]))
    assert action_ids(rig.fake.updates_of(waiting.ts)[-1]) == []

    result = rig.cli("export", "--approved", "--format", "jsonl")  # approved, but too late now
    assert result.output.strip().endswith("released 0 approved posts")
    assert rig.get(approved.id).state == "expired"
    entries = rig.store.audit(approved.id)
    assert [e.action for e in entries][-1] == "expired"
    assert entries[-1].note == "approved but not released by its scheduled time"
    rig.work()  # the sweep asked the worker to redraw the message without buttons
    assert "Expired*" in blocks_text(rig.fake.updates_of(approved.ts)[-1])
    assert [e.action for e in rig.store.audit(waiting.id)].count("expired") == 1


def test_the_expiry_sweep_redraws_messages(rig: ApprovalRig) -> None:
    soon = datetime.now(UTC) + timedelta(seconds=1)
    record = queued(rig, "Flash sale on scones until noon.", when=soon)
    time.sleep(max(0.0, (soon - datetime.now(UTC)).total_seconds()) + 0.1)
    result = rig.cli("expire")
    assert result.output.strip() == f"expired 1 post: {record.id}"
    rig.work()
    assert "will not be released" in blocks_text(rig.fake.updates_of(record.ts)[-1])
    listed = rig.cli("list", "--state", "expired", "--format", "json")
    assert '"state": "expired"' in listed.output


def test_restarting_the_app_and_worker_loses_nothing(
        app_factory: Callable[[ApprovalsSlack], ApprovalRig], fake: ApprovalsSlack,
        tmp_path: Path) -> None:
    first = app_factory(fake)
    path = buffer_file(tmp_path, [("Spring menu tasting, book a table.", stamp(later(60))),
                                  ("Meet our new head baker, Ana.", stamp(later(120))),
                                  ("Gluten-free loaves from Monday.", stamp(later(180)))])
    assert first.cli("import", str(path), "--client", CLIENT).exit_code == 0
    first.work()
    first.click("approval_approve", first.get("q1"), APPROVER_1)
    first.wait(lambda f: first.get("q1").state == "approved")
    late = buffer_file(tmp_path, [("Sourdough class on Thursday.", stamp(later(240)))], "more.csv")
    assert first.cli("import", str(late), "--client", CLIENT).exit_code == 0  # not yet worked
    first.stop()  # the web process and the worker go away with q4's review still queued

    second = app_factory(fake)
    assert second.url != first.url
    assert [p.state for p in second.store.list()] == ["approved", "pending", "pending", "pending"]
    second.work()  # a new worker picks up the review queued before the restart
    assert second.get("q4").reviewed and second.get("q4").ts
    second.click("approval_reject", second.get("q2"), APPROVER_2)
    second.wait(lambda f: second.get("q2").state == "rejected")
    second.click("approval_approve", second.get("q3"), APPROVER_2)
    second.wait(lambda f: second.get("q3").state == "approved")
    out = tmp_path / "out.jsonl"
    assert second.cli("export", "--approved", "--format", "jsonl", "--output", str(out)).exit_code == 0
    assert [line.count('"id":"q') for line in out.read_text().splitlines()] == [1, 1]
    assert {second.get(i).state for i in ("q1", "q3")} == {"released"}
    assert [e.action for e in second.store.audit("q1")] == ["submitted", "reviewed", "approved",
                                                           "released"]
