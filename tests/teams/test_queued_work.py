"""Slow Teams work goes to the same job queue as Slack's: the bot answers at once, and an
`assistant worker` (here in-process, in burst mode) answers in the right conversation and
thread, once, over the real Teams SDK client, a fake Bot Connector and a real Redis."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.config import WorkspaceConfig
from tests.conftest import EXAMPLES, run_worker_burst
from tests.teams.conftest import CHANNEL, PERSONAL, TeamsRig, _clean_env, make_rig, texts
from tests.teams.fake_connector import FakeConnector

OTHER_CHANNEL = "19:client-quiet@thread.tacv2"
FEEDS = [
    {"name": "Bright Pixel on X", "owner": "agency", "teams_channel": CHANNEL,
     "source": str(EXAMPLES / "brightpixel_x.jsonl")},
    {"name": "Quiet Studio on X", "owner": "client", "teams_channel": OTHER_CHANNEL,
     "source": str(EXAMPLES / "quietstudio_x.jsonl")},
]


@pytest.fixture
def rig(monkeypatch: pytest.MonkeyPatch, redis_url: str, connector: FakeConnector
        ) -> Iterator[TeamsRig]:
    _clean_env(monkeypatch)
    workspace = WorkspaceConfig.model_validate({"agency": {"name": "Bright Pixel"},
                                                "feeds": FEEDS})
    rig, served = make_rig(redis_url, connector, workspace=workspace)
    yield rig
    served.stop()
    rig.redis.close()


def work(rig: TeamsRig) -> None:
    """An `assistant worker` for this workspace runs every queued job, then stops."""
    import integrations.teams.replies  # noqa: F401 (Teams answers, as the worker wires them)
    from assistant.dispatch import configure
    from assistant.jobs import run_worker

    configure(rig.settings, rig.workspace, rig.redis)
    run_worker(rig.redis, burst=True)


def queued(rig: TeamsRig) -> list[dict[str, Any]]:
    """The requests waiting in the job queue."""
    from assistant.jobs import queue

    return [job.args[0] for job in queue(rig.redis).get_jobs()]


def test_an_audit_is_queued_and_the_worker_answers_on_the_same_card_in_the_thread(
        rig: TeamsRig) -> None:
    asked = rig.say("review audit bright pixel on x", conversation=CHANNEL, mention=True)
    (waiting,) = rig.connector.sent()  # answered at once, before any worker runs
    assert waiting.conversation == f"{CHANNEL};messageid={asked}"
    assert "Auditing Bright Pixel on X" in " ".join(texts(waiting.cards[0]))
    (request,) = queued(rig)
    assert request["surface"] == "teams" and request["kind"] == "audit"
    assert request["reply"]["conversation"] == CHANNEL and request["reply"]["thread"] == asked

    work(rig)
    (answer,) = rig.connector.updates()
    assert answer.conversation == CHANNEL and answer.activity_id == waiting.answered_id
    shown = " ".join(texts(answer.cards[0]))
    assert "Feed audit" in shown and "Bright Pixel on X" in shown and "/100" in shown
    assert answer.body and answer.body["summary"].startswith("Feed audit: Bright Pixel on X ")
    assert len(rig.connector.sent()) == 1  # the answer replaced the card: nothing new posted


def test_an_unknown_feed_is_refused_at_once_and_nothing_is_queued(rig: TeamsRig) -> None:
    rig.say("review audit http://169.254.169.254/latest/meta-data")
    (refused,) = rig.connector.sent()
    said = " ".join(texts(refused.cards[0]))
    assert "is not a tracked feed (tracked: Bright Pixel on X, Quiet Studio on X)" in said
    assert queued(rig) == []


def test_a_retried_job_answers_once(rig: TeamsRig) -> None:
    from assistant.dispatch import perform

    rig.say("review audit Quiet Studio on X")
    (request,) = queued(rig)
    work(rig)
    perform(request)  # the same job again, as after a worker died before RQ recorded it
    (answer,) = rig.connector.updates()
    assert answer.conversation == PERSONAL and "Quiet Studio on X" in " ".join(texts(answer.cards[0]))

    # with no card to update (it could not be sent), the answer is one reply in the chat
    lost = {**request, "id": "lost-card", "reply": {k: v for k, v in request["reply"].items()
                                                    if k != "activity"}}
    perform(lost)
    perform(lost)
    (reply,) = rig.connector.sent()[1:]
    assert reply.conversation == PERSONAL and reply.body
    assert reply.body["replyToId"] == request["reply"]["reply_to"]


def test_review_report_in_a_channel_posts_that_channels_feeds_only(rig: TeamsRig) -> None:
    asked = rig.say("review report", conversation=CHANNEL, mention=True)
    (waiting,) = rig.connector.sent()
    assert waiting.conversation == f"{CHANNEL};messageid={asked}"
    work(rig)

    summary, detail, chart = rig.connector.sent()[1:]
    assert summary.conversation == CHANNEL
    shown = " ".join(texts(summary.cards[0]))
    assert "Bright Pixel on X" in shown and "Quiet Studio on X" not in shown
    thread = f"{CHANNEL};messageid={summary.answered_id}"
    assert detail.conversation == thread and chart.conversation == thread
    (done,) = rig.connector.updates()
    assert done.activity_id == waiting.answered_id
    assert "report for 1 feed is posted in this channel" in " ".join(texts(done.cards[0]))


def test_review_report_in_a_channel_no_feed_reports_to_says_how_to_route_one(
        rig: TeamsRig) -> None:
    rig.say("review report", conversation="19:random@thread.tacv2", mention=True)
    work(rig)
    (said,) = rig.connector.updates()
    assert 'teams_channel = "19:random@thread.tacv2"' in " ".join(texts(said.cards[0]))
    assert len(rig.connector.sent()) == 1


def test_review_report_in_a_personal_chat_points_to_the_channel(rig: TeamsRig) -> None:
    rig.say("review report")
    (said,) = rig.connector.sent()
    assert "in the channel it goes to" in " ".join(texts(said.cards[0]))
    assert queued(rig) == []


def test_a_teams_only_worker_starts_without_slack_variables_and_answers(
        rig: TeamsRig, redis_url: str, tmp_path: Path) -> None:
    config = tmp_path / "assistant.toml"
    config.write_text("".join(f'[[feeds]]\nname = "{f["name"]}"\nowner = "{f["owner"]}"\n'
                              f'source = "{f["source"]}"\nteams_channel = "{f["teams_channel"]}"\n'
                              for f in FEEDS))
    rig.say("review audit Bright Pixel on X", conversation=CHANNEL, mention=True)
    done = run_worker_burst({"REDIS_URL": redis_url, "ASSISTANT_CONFIG": str(config)}, tmp_path, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "assistant: worker for the Teams bot; jobs from redis://" in done.stderr
    (answer,) = rig.connector.updates()
    assert "Feed audit" in " ".join(texts(answer.cards[0]))
