"""A job whose Slack redraw or Teams card failed raises, so RQ's retry sends what is missing
(and only that): nothing that failed is recorded as done."""

from __future__ import annotations

from rq.job import Job
from rq.registry import ScheduledJobRegistry

from assistant.jobs import queue
from assistant.models import Post
from tests.approvals.conftest import AUTHOR, CHANNEL, ApprovalRig, later, queued
from tests.fakes.teams_webhook import fake_teams_webhook


def run_retries_now(rig: ApprovalRig) -> int:
    """Move the retries RQ scheduled (after a job raised) to the queue and run them."""
    jobs = queue(rig.redis)
    registry = ScheduledJobRegistry(queue=jobs)
    retried = [Job.fetch(i, connection=rig.redis) for i in registry.get_job_ids()
               if not i.startswith("approval-expiry-")]  # the sweeps wait for their time
    for job in retried:
        registry.remove(job)
        jobs.enqueue_job(job)
    rig.work()
    return len(retried)


def top_level_requests(rig: ApprovalRig) -> list[dict]:
    return [m for m in rig.fake.landed(CHANNEL) if not m.get("thread_ts")]


def test_a_failed_teams_card_is_sent_by_the_retry_and_slack_is_not_posted_twice(
        rig: ApprovalRig) -> None:
    with fake_teams_webhook() as teams:
        teams.script = [(400, {})]  # refused once, then accepted
        rig.workspace.clients[0].teams_webhook = teams.url
        record = queued(rig, "Sourdough masterclass on Saturday, book at the counter.")
        assert len(teams.requests) == 1 and len(top_level_requests(rig)) == 1
        threads = len(rig.fake.landed(CHANNEL))
        assert run_retries_now(rig) == 1
        assert len(teams.requests) == 2  # the card, sent again
    assert {"title": "Queue id", "value": record.id} in teams.cards[-1]["body"][1]["facts"]
    assert len(rig.fake.landed(CHANNEL)) == threads  # the Slack request and its thread: once
    assert run_retries_now(rig) == 0  # done: nothing left to retry


def test_a_failed_redraw_of_an_edited_post_is_redrawn_by_the_retry(rig: ApprovalRig) -> None:
    from assistant.approvals.jobs import enqueue_review

    record = queued(rig, "Fresh rye today, shop opens at 8.")
    edited = Post(id=record.id, platform="x", created_at=later(), text="Fresh rye today, open at 9.")
    assert rig.store.edit(record.id, edited, actor=AUTHOR).code == "ok"
    before = len(rig.fake.updates_of(record.ts))
    rig.fake.storm("chat.update", [(500, {})])  # Slack fails the redraw once
    enqueue_review(rig.redis, rig.get(record.id))
    rig.work()
    assert len(rig.fake.updates_of(record.ts)) == before  # the failed one is not a success
    assert run_retries_now(rig) == 1
    redraws = rig.fake.updates_of(record.ts)[before:]
    assert redraws and "open at 9" in redraws[-1]["text"] + str(redraws[-1].get("blocks"))
    assert len(top_level_requests(rig)) == 1
