"""Message shortcut, app mentions in threads, Slack's retries, the Home tab and its modal."""

from __future__ import annotations

import json
import logging
import subprocess
from pathlib import Path

import pytest

from tests.conftest import run_worker_burst
from tests.fakes.slack_api import TEAM, FakeSlack, dm_channel
from tests.slack.conftest import CHANNEL, USER, SlackRig

PARENT_TS = "1700000000.000100"
PARENT = "Only 3 days left!!! Buy now at https://brightpixel.example/shop please RT"


def test_message_shortcut_answers_in_the_messages_thread(rig: SlackRig) -> None:
    reply = rig.interact({
        "type": "message_action", "callback_id": "review_message", "trigger_id": "1.2.3",
        "response_url": rig.fake.response_url("s1"), "team": {"id": TEAM},
        "channel": {"id": CHANNEL}, "user": {"id": USER},
        "message": {"type": "message", "text": PARENT.replace("https://brightpixel.example/shop",
                                                               "<https://brightpixel.example/shop>"),
                    "ts": PARENT_TS},
    })
    assert reply.status == 200 and reply.seconds < 1.0
    rig.work()
    posts = rig.posted()
    assert posts and all(p["thread_ts"] == PARENT_TS for p in posts)
    assert "https://brightpixel.example/shop" in json.dumps(posts)


def _mention(text: str, ts: str, thread_ts: str | None = None) -> dict:
    event = {"type": "app_mention", "user": USER, "text": text, "ts": ts, "channel": CHANNEL,
             "event_ts": ts}
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event


def test_mention_in_a_thread_reviews_the_threads_first_message(rig: SlackRig) -> None:
    rig.fake.threads[(CHANNEL, PARENT_TS)] = PARENT
    reply = rig.event(_mention("<@UBOT> review this", "1700000100.000200", PARENT_TS), "Ev001")
    assert reply.status == 200
    rig.work()
    posts = rig.posted()
    assert posts and all(p["thread_ts"] == PARENT_TS for p in posts)
    assert "Buy now" in json.dumps(posts)
    assert rig.fake.of("conversations.replies")


def test_an_event_delivered_four_times_is_answered_once(rig: SlackRig) -> None:
    rig.fake.threads[(CHANNEL, PARENT_TS)] = PARENT
    event = _mention("<@UBOT> review this please", "1700000200.000300", PARENT_TS)
    replies = [rig.event(event, "Ev002", retry=n) for n in range(4)]
    assert [r.status for r in replies] == [200] * 4
    rig.work()
    tops = [p for p in rig.posted() if "Draft review" in p["text"]]
    assert len(tops) == 1


def test_the_same_message_under_two_event_ids_is_answered_once(rig: SlackRig) -> None:
    rig.fake.threads[(CHANNEL, PARENT_TS)] = PARENT
    event = _mention("<@UBOT> review", "1700000300.000400", PARENT_TS)
    rig.event(event, "Ev003")
    rig.event(event, "Ev004")
    rig.work()
    assert len([p for p in rig.posted() if "Draft review" in p["text"]]) == 1


def test_top_level_mention_reviews_the_text_after_review(rig: SlackRig) -> None:
    rig.event(_mention("<@UBOT> review: Come to our open studio on Friday, &lt;!here&gt;",
                       "1700000400.000500"), "Ev005")
    rig.work()
    posts = rig.posted()
    assert posts and posts[0]["thread_ts"] == "1700000400.000500"
    sent = json.dumps(posts)
    assert "open studio on Friday, &lt;!here&gt;" in sent and "<!here>" not in sent


def test_mention_without_a_request_gets_help_in_the_thread(rig: SlackRig) -> None:
    rig.event(_mention("<@UBOT> what can you do?", "1700000500.000600"), "Ev006")
    assert rig.fake.wait_for(lambda f: bool(f.of("chat.postMessage")), timeout=5)
    help_msg = rig.posted()[0]
    assert help_msg["thread_ts"] == "1700000500.000600"
    assert "/review" in json.dumps(help_msg["blocks"])


def test_home_tab_publishes_the_rules_in_force_and_health(rig: SlackRig) -> None:
    """Tracked feeds' scores only: an earlier release also recorded sources typed in DMs."""
    from assistant.config import FeedConfig
    from assistant.store import Store

    # the app's own workspace (the rig built the app with it)
    rig.workspace.feeds.append(FeedConfig(name="Bright Pixel on X", source="rss:https://brightpixel.example/feed"))
    Store(rig.redis).record_health("Bright Pixel on X", 62, "2026-11-01T09:00:00+00:00")
    Store(rig.redis).record_health("https://private.example/export.jsonl", 12, "2026-11-01T09:00:00+00:00")
    rig.event({"type": "app_home_opened", "user": USER, "channel": "D0HOME", "tab": "home",
               "event_ts": "1700000600.000700"}, "Ev007")
    assert rig.fake.wait_for(lambda f: bool(f.of("views.publish")), timeout=5)
    call = rig.posted("views.publish")[0]
    assert call["user_id"] == USER
    home = json.dumps(call["view"])
    assert "Rules in force" in home and "share-begging" in home
    assert "Bright Pixel on X" in home and "62/100" in home
    assert "private.example" not in home and "12/100" not in home


def test_home_button_opens_the_modal_and_submission_reviews_in_a_dm(rig: SlackRig) -> None:
    reply = rig.interact({
        "type": "block_actions", "trigger_id": "9.9.9", "team": {"id": TEAM}, "user": {"id": USER},
        "container": {"type": "view", "view_id": "V0001"}, "api_app_id": "A0APP",
        "actions": [{"action_id": "open_review_modal", "block_id": "b", "type": "button",
                     "action_ts": "1700000700.0"}],
    })
    assert reply.status == 200
    assert rig.fake.wait_for(lambda f: bool(f.of("views.open")), timeout=5)
    assert rig.posted("views.open")[0]["trigger_id"] == "9.9.9"

    def submission(text: str) -> dict:
        return {"type": "view_submission", "team": {"id": TEAM}, "user": {"id": USER},
                "api_app_id": "A0APP",
                "view": {"id": "V0002", "type": "modal", "callback_id": "review_draft",
                         "state": {"values": {
                             "draft": {"text": {"type": "plain_text_input", "value": text}},
                             "platform": {"platform": {"type": "static_select",
                                                       "selected_option": {"value": "linkedin"}}}}}}}

    empty = rig.interact(submission("   "))
    assert empty.json()["response_action"] == "errors"
    assert rig.interact(submission("We are hiring two designers in Leeds")).status == 200
    rig.fake.storm("chat.postMessage", [(500, {}, True)])  # the summary lands, the answer is lost
    rig.work()
    assert [c["users"] for c in rig.posted("conversations.open")] == [USER]
    posts = [c.body for c in rig.fake.calls if c.method == "chat.postMessage"]
    assert posts and {p["channel"] for p in posts} == {dm_channel(USER)}  # the DM's own id
    assert "linkedin" in json.dumps(posts[0]["blocks"])
    dm = rig.fake.landed(dm_channel(USER))
    summaries = [m for m in dm if not m.get("thread_ts")]
    assert len(summaries) == 1, "found again in the DM's history, not posted twice"
    assert dm and all(m["thread_ts"] == summaries[0]["ts"] for m in dm[1:])


def test_a_normal_start_logs_no_library_warning(
    monkeypatch: pytest.MonkeyPatch, redis_url: str, fake_slack: FakeSlack,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """SLACK_BOT_TOKEN in the environment, as in production: bolt must not warn at start."""
    import redis as redis_lib

    from assistant.config import WorkspaceConfig
    from assistant.settings import Settings
    from integrations.slack.app import create_app

    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")
    settings = Settings(slack_bot_token="xoxb-test", slack_signing_secret="s" * 32,
                        slack_api_url=fake_slack.api_url, redis_url=redis_url)
    with caplog.at_level(logging.WARNING):
        create_app(settings, WorkspaceConfig(), redis=redis_lib.Redis.from_url(redis_url))
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []


def _worker(env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return run_worker_burst(env, tmp_path)


def test_the_worker_refuses_to_start_with_nowhere_to_answer(redis_url: str, tmp_path: Path) -> None:
    done = _worker({"REDIS_URL": redis_url}, tmp_path)
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert "nowhere to answer" in done.stderr and "SLACK_BOT_TOKEN" in done.stderr


def test_the_worker_says_what_it_serves_at_start(redis_url: str, tmp_path: Path) -> None:
    config = tmp_path / "assistant.toml"
    config.write_text('[reports]\nteams_webhook = "env:TEAMS_WEBHOOK_REPORTS"\n')
    done = _worker({"REDIS_URL": redis_url, "SLACK_BOT_TOKEN": "xoxb-test",
                    "ASSISTANT_CONFIG": str(config), "SLACK_API_URL": "http://127.0.0.1:9/api/"},
                   tmp_path)
    assert done.returncode == 0, done.stderr
    assert "assistant: worker for Slack and Teams (1 webhook); jobs from redis://" in done.stderr


def test_a_mention_is_queued_before_slack_hears_back(rig: SlackRig) -> None:
    """bolt acknowledges events before listeners run; a kill in between would lose the
    review for good (Slack never retries an acknowledged event). The job is in Redis first."""
    from assistant.jobs import queue

    rig.fake.threads[(CHANNEL, PARENT_TS)] = PARENT
    reply = rig.event(_mention("<@UBOT> review this", "1700000500.000600", PARENT_TS), "Ev010")
    assert reply.status == 200
    assert queue(rig.redis).job_ids == ["mention-" + CHANNEL + "-1700000500-000600"], \
        "queued by the time the 200 left"


def test_a_retry_after_a_kill_before_the_claim_is_the_same_job_answered_once(rig: SlackRig) -> None:
    """Killed after queuing but before claiming the message: the retry queues the same job."""
    from assistant.jobs import queue

    rig.fake.threads[(CHANNEL, PARENT_TS)] = PARENT
    event = _mention("<@UBOT> review this", "1700000600.000700", PARENT_TS)
    rig.event(event, "Ev011")
    rig.redis.delete(*rig.redis.keys("*message*1700000600.000700*"))  # the claim never landed
    rig.event(event, "Ev011", retry=1)
    assert len(set(queue(rig.redis).job_ids)) == 1
    rig.work()
    assert len([p for p in rig.posted() if "Draft review" in p["text"]]) == 1
