"""Who may decide: configured approvers (by id or user group), never an outsider, and not
the submitter on their own post unless the client allows it."""

from __future__ import annotations

from tests.approvals.conftest import (
    APPROVER_1,
    APPROVER_2,
    AUTHOR,
    CLIENT,
    GROUPIE,
    OUTSIDER,
    SELF_CLIENT,
    ApprovalRig,
    post_values,
    queued,
)


def test_a_non_approver_click_changes_nothing_and_is_told_why(rig: ApprovalRig) -> None:
    record = queued(rig, "Our new seasonal menu is out on Friday.")
    for action in ("approval_approve", "approval_reject", "approval_changes"):
        assert rig.click(action, record, OUTSIDER).status == 200
    rig.wait(lambda f: len(f.ephemerals_for(OUTSIDER)) == 3)
    assert set(rig.fake.ephemerals_for(OUTSIDER)) == {f"You are not an approver for {CLIENT}."}
    assert rig.get(record.id).state == "pending"
    assert [e.action for e in rig.store.audit(record.id)] == ["submitted", "reviewed"]
    assert rig.fake.updates_of(record.ts) == [] and rig.fake.of("views.open") == []


def test_the_submitter_cannot_approve_their_own_post(rig: ApprovalRig) -> None:
    record = queued(rig, "Flat whites are half price before 9.", submitter=APPROVER_1)
    rig.click("approval_approve", record, APPROVER_1)
    rig.wait(lambda f: bool(f.ephemerals_for(APPROVER_1)))
    assert "someone else must approve it" in rig.fake.ephemerals_for(APPROVER_1)[0]
    assert rig.get(record.id).state == "pending"

    rig.click("approval_reject", record, APPROVER_1)  # rejecting your own post is allowed
    rig.wait(lambda f: rig.get(record.id).state == "rejected")


def test_an_approver_who_rewrote_a_post_cannot_approve_it(rig: ApprovalRig) -> None:
    """The edit modal then the Approve button, as Slack sends them: the approver who wrote
    the words is refused like a submitter; the other approver approves."""
    record = queued(rig, "Our team's take on listening.")
    rig.click("approval_edit", record, APPROVER_1, trigger="4.4.4")
    rig.wait(lambda f: bool(f.of("views.open")))
    edit = rig.posted("views.open")[-1]["view"]
    reply = rig.submit_view("approval_edit_modal",
                            post_values("Text written entirely by the approver.",
                                        record.scheduled_at, client=None),
                            APPROVER_1, edit["private_metadata"])
    assert reply.status == 200, reply.body
    rig.work()
    edited = rig.get(record.id)
    assert edited.version == 2 and edited.reviewed

    rig.click("approval_approve", edited, APPROVER_1)
    rig.wait(lambda f: bool(f.ephemerals_for(APPROVER_1)))
    assert rig.fake.ephemerals_for(APPROVER_1)[-1] == (
        f"You submitted or edited this post, so someone else must approve it ({CLIENT} does "
        "not allow self-approval).")
    assert rig.get(record.id).state == "pending"

    rig.click("approval_approve", edited, APPROVER_2)
    rig.wait(lambda f: rig.get(record.id).state == "approved")
    assert [(e.actor, e.action, e.version) for e in rig.store.audit(record.id)
            if e.actor != "assistant"] == [(AUTHOR, "submitted", 1), (APPROVER_1, "edited", 2),
                                           (APPROVER_2, "approved", 2)]


def test_a_client_may_allow_self_approval(rig: ApprovalRig) -> None:
    record = queued(rig, "Studio open day on Saturday.", client=SELF_CLIENT, submitter=AUTHOR)
    rig.click("approval_approve", record, AUTHOR)
    rig.wait(lambda f: rig.get(record.id).state == "approved")
    assert rig.get(record.id).decided_by == AUTHOR


def test_user_group_members_are_approvers_and_the_group_is_cached(rig: ApprovalRig) -> None:
    first = queued(rig, "Croissants are back on Sunday.")
    second = queued(rig, "Thanks to everyone who came to the tasting.")
    rig.click("approval_approve", first, GROUPIE)
    rig.wait(lambda f: rig.get(first.id).state == "approved")
    rig.click("approval_approve", second, GROUPIE)
    rig.wait(lambda f: rig.get(second.id).state == "approved")
    lookups = rig.fake.of("usergroups.users.list")
    assert len(lookups) == 1 and lookups[0].body["usergroup"] == "S0EDITORS"

    rig.fake.groups["S0EDITORS"] = []  # removed from the group: seen once the cache expires
    rig.redis.delete("assistant:v1:approvals:usergroup:S0EDITORS")
    third = queued(rig, "Bread class places left for May.")
    rig.click("approval_approve", third, GROUPIE)
    rig.wait(lambda f: bool(f.ephemerals_for(GROUPIE)))
    assert rig.get(third.id).state == "pending"


def test_only_the_submitter_or_an_approver_can_edit(rig: ApprovalRig) -> None:
    record = queued(rig, "Pies! Pies! Pies!")
    rig.click("approval_edit", record, OUTSIDER)
    rig.wait(lambda f: bool(f.ephemerals_for(OUTSIDER)))
    assert "Only the submitter or an approver" in rig.fake.ephemerals_for(OUTSIDER)[0]
    rig.click("approval_edit", record, AUTHOR)
    rig.wait(lambda f: bool(f.of("views.open")))
