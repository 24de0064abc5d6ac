"""The core worker answers any chat platform that registers its replies: a request names its
surface and a reply reference, and the platform gets the service's review or audit.

The recording surface below stands in for a chat platform's reply code: it is the peer
interface (`assistant.dispatch.Surface`) a new platform implements, not our code.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from assistant import dispatch
from assistant.config import WorkspaceConfig
from assistant.errors import ConfigError
from assistant.jobs import JobRequest
from assistant.models import FeedAudit, Review
from assistant.review import verdict
from tests.conftest import run_worker_burst


class Recorder:
    """A chat platform's replies that remember what they were asked to show."""

    def __init__(self, ctx: dispatch.WorkerContext) -> None:
        self.ctx = ctx
        self.shown: list[tuple[str, dict[str, Any], Any]] = []

    def parent_text(self, request: JobRequest) -> str | None:
        return {"m1": "Our latest post!!! Share it with everyone, link in bio"}.get(
            request.reply.get("message", ""))

    def review(self, request: JobRequest, review: Review) -> dict[str, Any]:
        self.shown.append(("review", request.reply, review))
        return {"posted": 1}

    def audit(self, request: JobRequest, audit: FeedAudit) -> dict[str, Any]:
        self.shown.append(("audit", request.reply, audit))
        return {"posted": 1}

    def notice(self, request: JobRequest, text: str) -> dict[str, Any]:
        self.shown.append(("notice", request.reply, text))
        return {"posted": 1}

    def report(self, request: JobRequest) -> dict[str, Any]:
        self.shown.append(("report", request.reply, None))
        return {"status": "posted"}


@pytest.fixture
def recorder(monkeypatch: pytest.MonkeyPatch, redis_url: str) -> Recorder:
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "AZURE_OPENAI_ENDPOINT", "SLACK_BOT_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    import redis as redis_lib

    from assistant.settings import Settings

    workspace = WorkspaceConfig.model_validate({"agency": {"own_domains": ["WWW.Bright.example"]}})
    # no Slack variables at all
    ctx = dispatch.configure(Settings(redis_url=redis_url), workspace,
                             redis_lib.Redis.from_url(redis_url))
    dispatch.reply_with("chat-test", Recorder)
    replies = ctx.surface("chat-test")
    assert isinstance(replies, Recorder)
    return replies


def ask(**fields: Any) -> dict[str, Any]:
    return JobRequest(id="r1", surface="chat-test", **fields).model_dump(mode="json")


def test_a_review_is_answered_on_the_surface_that_asked(recorder: Recorder) -> None:
    dispatch.perform(ask(kind="review", text="Read our new post https://bright.example/p",
                         reply={"conversation": "c-1", "thread": "t-9"}))
    ((what, reply, review),) = recorder.shown
    assert what == "review" and reply == {"conversation": "c-1", "thread": "t-9"}
    assert verdict(review) in ("publish", "revise", "reject")
    assert review.critique is not None and not review.critique.available, \
        "without an LLM the answer says there is no critique"


def test_the_parent_message_is_read_through_the_surface(recorder: Recorder) -> None:
    dispatch.perform(ask(kind="review", fetch_parent=True, reply={"message": "m1"}))
    ((what, _, review),) = recorder.shown
    assert what == "review" and "Share it with everyone" in review.post.text
    assert review.findings, "the parent's begging is found"


def test_nothing_to_review_and_an_unreadable_parent_are_notices(recorder: Recorder) -> None:
    dispatch.perform(ask(kind="review", text="   ", reply={}))
    dispatch.perform(ask(kind="review", fetch_parent=True, reply={"message": "gone"}))
    assert [(w, t) for w, _, t in recorder.shown] == [
        ("notice", dispatch.NO_TEXT), ("notice", dispatch.NO_PARENT)]


def test_a_file_typed_in_chat_is_refused_on_every_surface(recorder: Recorder) -> None:
    dispatch.perform(ask(kind="audit", text="/etc/passwd", reply={}))
    ((what, _, text),) = recorder.shown
    assert what == "notice" and text.startswith("I could not audit")
    assert "not files" in text


def test_a_request_for_a_surface_nobody_registered_says_so(recorder: Recorder) -> None:
    with pytest.raises(ConfigError, match="'pigeon'"):
        dispatch.perform(JobRequest(id="r2", kind="review", text="hi", surface="pigeon")
                         .model_dump(mode="json"))


def test_the_worker_starts_for_teams_alone_without_slack_variables(
        redis_url: str, tmp_path: Path) -> None:

    config = tmp_path / "assistant.toml"
    config.write_text('[[feeds]]\nname = "Blog"\nsource = "rss:https://blog.example/feed"\n'
                      'destinations = [{ kind = "teams-webhook", webhook = "env:TEAMS_BLOG" }]\n'
                      '[reports]\nteams_webhook = "env:TEAMS_REPORTS"\n')
    done = run_worker_burst({"REDIS_URL": redis_url, "ASSISTANT_CONFIG": str(config)}, tmp_path)
    assert done.returncode == 0, done.stderr
    assert "assistant: worker for Teams (2 webhooks); jobs from redis://" in done.stderr


def test_a_worker_without_a_slack_token_refuses_clients_approved_in_slack(
        redis_url: str, tmp_path: Path) -> None:
    """Else each of their approval jobs calls Slack without a token, fails with a traceback
    and is retried, and the post is shown nowhere."""
    config = tmp_path / "assistant.toml"
    config.write_text('[reports]\nteams_webhook = "env:TEAMS_REPORTS"\n'
                      '[[clients]]\nname = "Acme Bakery"\napprovers = ["slack:U012ABC"]\n'
                      'approvals_channel = "C0APPROVALS"\n')
    done = run_worker_burst({"REDIS_URL": redis_url, "ASSISTANT_CONFIG": str(config)}, tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "SLACK_BOT_TOKEN is not set, and Acme Bakery shows approvals in Slack" in done.stderr
