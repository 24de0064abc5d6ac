"""The whole flow through the real app: import, review, post, approve, export; request
changes, edit, re-approve; reject; an error-level finding approved only with a reason."""

from __future__ import annotations

import json
from pathlib import Path

from assistant.sources import load_posts
from tests.approvals.conftest import (
    APPROVER_1,
    APPROVER_2,
    AUTHOR,
    CHANNEL,
    CLIENT,
    ApprovalRig,
    action_ids,
    blocks_text,
    buffer_file,
    later,
    post_values,
    queued,
    stamp,
)


def _trails(rig: ApprovalRig, ts: str | None = None) -> list[dict]:
    """The audit trail messages posted in threads (of one message when `ts` is given)."""
    return [c for c in rig.posted() if c.get("thread_ts") and "Audit trail" in c.get("text", "")
            and (ts is None or c["thread_ts"] == ts)]


def test_import_review_post_approve_export(rig: ApprovalRig, tmp_path: Path) -> None:
    first, second = later(60 * 24), later(60 * 48)
    path = buffer_file(tmp_path, [
        ("Our ovens are on at 5am: come and see how sourdough is made, Saturday 10:00.",
         stamp(first)),
        ("Thank you @millers_guild for the rye, flour, and the patience.", stamp(second)),
    ])
    result = rig.cli("import", str(path), "--client", CLIENT)
    assert result.exit_code == 0, result.output
    assert "queued 2 posts for Acme Bakery (q1..q2)" in result.output
    assert rig.fake.of("chat.postMessage") == []  # the worker posts, not the CLI

    rig.work()
    requests = [c for c in rig.posted() if c["channel"] == CHANNEL and "thread_ts" not in c]
    assert len(requests) == 2
    assert action_ids(requests[0]) == ["approval_approve", "approval_changes", "approval_reject"]
    assert "sourdough" in blocks_text(requests[0]) and "Review:" in blocks_text(requests[0])
    threads = [c for c in rig.posted() if c.get("thread_ts")]
    assert {c["text"] for c in threads} >= {"Review of version 1"}

    for post_id in ("q1", "q2"):
        record = rig.get(post_id)
        assert rig.click("approval_approve", record, APPROVER_1).status == 200
        rig.wait(lambda f, ts=record.ts: bool(f.updates_of(ts)))
        update = rig.fake.updates_of(record.ts)[-1]
        assert f"Approved* by <@{APPROVER_1}>" in blocks_text(update)
        assert action_ids(update) == []  # the buttons are gone
        assert rig.get(post_id).state == "approved"
    rig.wait(lambda f: sum("Audit trail" in c.body.get("text", "") for c in f.of("chat.postMessage")) == 2)
    for trail in _trails(rig):  # one per post, each its first: submitted, reviewed, approved
        assert not trail["text"].endswith("continued")
        assert [a in blocks_text(trail) for a in ("*submitted*", "*reviewed*", "*approved*")] \
            == [True, True, True]
        assert "<@" not in blocks_text(trail)  # the trail names people without pinging them
        assert f"`{APPROVER_1}`" in blocks_text(trail)

    out = tmp_path / "buffer-upload.csv"
    result = rig.cli("export", "--approved", "--format", "buffer", "--client", CLIENT,
                     "--output", str(out))
    assert result.exit_code == 0, result.output
    exported = load_posts(out)
    assert [p.text for p in exported] == [rig.get("q1").post.text, rig.get("q2").post.text]
    assert [p.created_at for p in exported] == [first, second]
    assert {rig.get(i).state for i in ("q1", "q2")} == {"released"}

    again = rig.cli("export", "--approved", "--format", "buffer", "--client", CLIENT,
                    "--output", str(tmp_path / "b.csv"))
    assert "released 0 approved posts" in again.output
    assert not (tmp_path / "b.csv").exists()

    shown = rig.cli("show", "q1", "--format", "json")
    actions = [e["action"] for e in json.loads(shown.output)["audit"]]
    assert actions == ["submitted", "reviewed", "approved", "released"]
    text = rig.cli("show", "q1").output
    assert "state: released" in text and APPROVER_1 in text

    rig.work()  # the export asked the worker to redraw the messages
    assert "Released* in a buffer export" in blocks_text(rig.fake.updates_of(rig.get("q1").ts)[-1])


def test_request_changes_edit_and_reapprove(rig: ApprovalRig) -> None:
    when = later()
    reply = rig.submit_view("approval_submit", post_values(
        "Fresh rye today #bread #rye #baking #sourdough #local #food #yum", when), AUTHOR)
    assert reply.status == 200 and reply.body in ("", "{}"), reply.body
    record = rig.get("q1")
    assert record.submitter == AUTHOR and record.state == "pending"
    rig.work()
    record = rig.get("q1")

    rig.click("approval_changes", record, APPROVER_1, trigger="7.7.7")
    rig.wait(lambda f: bool(f.of("views.open")))
    modal = rig.posted("views.open")[-1]
    assert modal["trigger_id"] == "7.7.7" and modal["view"]["callback_id"] == "approval_changes_modal"

    feedback = "Too many hashtags: keep #rye and say when the shop opens."
    reason = {"reason": {"reason": {"type": "plain_text_input", "value": feedback}}}
    assert rig.submit_view("approval_changes_modal", reason, APPROVER_1,
                           modal["view"]["private_metadata"]).status == 200
    rig.wait(lambda f: any(c.body.get("channel") == AUTHOR and "keep #rye" in blocks_text(c.body)
                           for c in f.of("chat.postMessage")))
    assert rig.get("q1").state == "changes_requested"
    update = rig.fake.updates_of(record.ts)[-1]
    assert "Changes requested* by" in blocks_text(update) and action_ids(update) == ["approval_edit"]
    in_thread = [c for c in rig.posted() if c.get("thread_ts") == record.ts]
    assert any("keep #rye" in blocks_text(c) for c in in_thread)
    dm = [c for c in rig.posted() if c["channel"] == AUTHOR][-1]
    assert "asked for changes" in blocks_text(dm)

    rig.click("approval_edit", rig.get("q1"), AUTHOR, trigger="8.8.8")
    rig.wait(lambda f: len(f.of("views.open")) == 2)
    edit = rig.posted("views.open")[-1]["view"]
    assert edit["callback_id"] == "approval_edit_modal"
    reply = rig.submit_view("approval_edit_modal",
                            post_values("Fresh rye today, shop opens at 8. #rye", when, client=None),
                            AUTHOR, edit["private_metadata"])
    assert reply.status == 200, reply.body
    edited = rig.get("q1")
    assert (edited.state, edited.version, edited.reviewed) == ("pending", 2, False)
    # The message is updated after the modal's ack: no buttons until re-reviewed.
    rig.wait(lambda f: action_ids(f.updates_of(record.ts)[-1]) == [])

    rig.work()
    edited = rig.get("q1")
    assert edited.reviewed and edited.ts == record.ts  # same message, same thread
    assert action_ids(rig.fake.updates_of(record.ts)[-1])[0] == "approval_approve"

    rig.click("approval_approve", record, APPROVER_2, version=1)  # a stale button
    rig.wait(lambda f: bool(f.ephemerals_for(APPROVER_2)))
    assert "edited since (now version 2)" in rig.fake.ephemerals_for(APPROVER_2)[-1]
    assert rig.get("q1").state == "pending"

    rig.click("approval_approve", edited, APPROVER_2)
    rig.wait(lambda f: rig.get("q1").state == "approved")
    actions = [(e.action, e.version) for e in rig.store.audit("q1")]
    assert actions == [("submitted", 1), ("reviewed", 1), ("changes_requested", 1), ("edited", 2),
                       ("reviewed", 2), ("approved", 2)]

    # two decisions, two trail messages: the second holds only what happened since the first
    rig.wait(lambda f: len(_trails(rig, record.ts)) == 2)
    first, second = (blocks_text(t) for t in _trails(rig, record.ts))
    assert "*submitted*" in first and "*changes requested*" in first and "*edited*" not in first
    assert "*submitted*" not in second and "*changes requested*" not in second
    assert "*edited*" in second and "*approved*" in second
    assert _trails(rig, record.ts)[1]["text"].endswith("continued")
    assert "<@" not in first + second  # nobody is pinged again by the trail
    outcome = blocks_text(rig.fake.updates_of(record.ts)[-1])
    assert f"Approved* by <@{APPROVER_2}>" in outcome  # the outcome line still mentions


def test_reject_is_final_and_never_exported(rig: ApprovalRig, tmp_path: Path) -> None:
    record = queued(rig, "Win a free cake! Follow us and tag three friends.")
    rig.click("approval_reject", record, APPROVER_1)
    rig.wait(lambda f: bool(f.updates_of(record.ts)))
    assert rig.get(record.id).state == "rejected"
    assert "Rejected* by" in blocks_text(rig.fake.updates_of(record.ts)[-1])
    rig.wait(lambda f: any(c.body.get("channel") == AUTHOR and "Rejected" in blocks_text(c.body)
                           for c in f.of("chat.postMessage")))

    rig.click("approval_approve", record, APPROVER_2)
    rig.wait(lambda f: bool(f.ephemerals_for(APPROVER_2)))
    assert f"already rejected by <@{APPROVER_1}>" in rig.fake.ephemerals_for(APPROVER_2)[-1]
    result = rig.cli("export", "--approved", "--format", "jsonl")
    assert result.output.strip().endswith("released 0 approved posts")
    assert [e.action for e in rig.store.audit(record.id)] == ["submitted", "reviewed", "rejected"]


def test_error_finding_is_approved_only_with_an_override_reason(rig: ApprovalRig) -> None:
    # share-begging is graded "error" in this workspace's config
    record = queued(rig, "Please retweet and share this with everyone you know!")
    assert record.has_error
    request = next(c for c in rig.posted() if c.get("ts") is None and c["channel"] == CHANNEL)
    assert "Approve with override" in blocks_text(request)

    rig.click("approval_approve", record, APPROVER_1, trigger="5.5.5")
    rig.wait(lambda f: bool(f.of("views.open")))
    modal = rig.posted("views.open")[-1]["view"]
    assert modal["callback_id"] == "approval_override" and "share-begging" in json.dumps(modal)
    assert rig.get(record.id).state == "pending"  # the click alone decides nothing

    blank = {"reason": {"reason": {"type": "plain_text_input", "value": "  "}}}
    answer = rig.submit_view("approval_override", blank, APPROVER_1, modal["private_metadata"])
    assert answer.json()["response_action"] == "errors"
    reason = "Client insists: it is a charity raffle."
    given = {"reason": {"reason": {"type": "plain_text_input", "value": reason}}}
    assert rig.submit_view("approval_override", given, APPROVER_1,
                           modal["private_metadata"]).status == 200
    approved = rig.get(record.id)
    assert approved.state == "approved" and approved.override_reason == reason
    entry = rig.store.audit(record.id)[-1]
    assert (entry.action, entry.actor, entry.reason) == ("approved", APPROVER_1, reason)
    rig.wait(lambda f: "Override reason" in blocks_text((f.updates_of(record.ts) or [{}])[-1]))
