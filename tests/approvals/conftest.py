"""Approvals end to end: the real bolt app behind waitress, a fake Slack Web API on loopback
(with the few methods approvals add: chat.update, usergroups.users.list, chat.getPermalink),
a real Redis, the RQ worker in burst mode, and `assistant queue` through click.

Every payload the app sends is checked against Block Kit limits when each test ends.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import redis as redis_lib
from click.testing import CliRunner, Result

from assistant.approvals.model import QueuedPost
from assistant.approvals.store import ApprovalStore
from assistant.config import WorkspaceConfig, load_workspace
from assistant.settings import Settings
from tests.conftest import free_port
from tests.fakes.slack_api import TEAM, FakeSlack
from tests.slack.blockcheck import call_problems, message_problems
from tests.slack.conftest import SECRET, Reply, SlackRig

CHANNEL = "C0APPROVALS"
CLIENT = "Acme Bakery"
SELF_CLIENT = "Solo Studio"
AUTHOR = "U0AUTHOR"
APPROVER_1 = "U0APPROVE1"
APPROVER_2 = "U0APPROVE2"
GROUP = "S0EDITORS"
GROUPIE = "U0GROUPIE"
OUTSIDER = "U0INTERN"

CONFIG = f"""
[agency]
name = "Bright Pixel"

[rules.severity]
share-begging = "error"

[[clients]]
name = "{CLIENT}"
approvers = ["{APPROVER_1}", "{APPROVER_2}", "{GROUP}"]
approvals_channel = "{CHANNEL}"

[[clients]]
name = "{SELF_CLIENT}"
approvers = ["{AUTHOR}"]
approvals_channel = "C0SOLO"
allow_self_approval = true
"""


class ApprovalsSlack(FakeSlack):
    """The shared fake plus chat.update, usergroups.users.list and chat.getPermalink."""

    def __init__(self) -> None:
        super().__init__()
        self.groups: dict[str, list[str]] = {GROUP: [GROUPIE]}
        # poll for shutdown every 50 ms instead of 500: each test ends half a second sooner
        self._thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)

    def _answer(self, method: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        if method == "chat.update":
            return 200, {"ok": True, "channel": body.get("channel"), "ts": body.get("ts"),
                         "text": body.get("text", "")}
        if method == "usergroups.users.list":
            users = self.groups.get(body.get("usergroup", ""))
            if users is None:
                return 200, {"ok": False, "error": "no_such_subteam"}
            return 200, {"ok": True, "users": users}
        if method == "chat.getPermalink":
            channel, ts = body.get("channel", ""), body.get("message_ts", "")
            return 200, {"ok": True, "channel": channel,
                         "permalink": f"https://fake.slack.com/archives/{channel}/p{ts.replace('.', '')}"}
        return super()._answer(method, body)

    def updates_of(self, ts: str) -> list[dict[str, Any]]:
        return [c.body for c in self.of("chat.update") if c.body.get("ts") == ts]

    def ephemerals_for(self, user: str) -> list[str]:
        return [c.body.get("text", "") for c in self.of("chat.postEphemeral")
                if c.body.get("user") == user]


def blocks_text(body: dict[str, Any]) -> str:
    return json.dumps(body.get("blocks") or [], ensure_ascii=False)


def action_ids(body: dict[str, Any]) -> list[str]:
    return [e.get("action_id") for b in body.get("blocks") or [] if b.get("type") == "actions"
            for e in b.get("elements", [])]


@dataclass
class ApprovalRig(SlackRig):
    """The Slack rig plus the approval queue, the config file and the CLI."""

    config_path: Path = Path()
    stop: Callable[[], None] = lambda: None
    store: ApprovalStore = field(default=None)  # type: ignore[assignment]

    def click(self, action_id: str, record: QueuedPost | dict[str, Any], user: str, *,
              version: int | None = None, trigger: str = "1.1.1") -> Reply:
        """A button click on the post's message, as Slack sends it."""
        if isinstance(record, QueuedPost):
            post_id, v = record.id, record.version if version is None else version
            ts = record.ts
        else:
            post_id, v, ts = record["id"], record["v"], record.get("ts", "")
        return self.interact({
            "type": "block_actions", "trigger_id": trigger, "team": {"id": TEAM},
            "user": {"id": user}, "api_app_id": "A0APP",
            "channel": {"id": CHANNEL}, "message": {"ts": ts, "text": "x"},
            "container": {"type": "message", "message_ts": ts, "channel_id": CHANNEL},
            "response_url": self.fake.response_url(),
            "actions": [{"action_id": action_id, "block_id": f"approval:{post_id}",
                         "type": "button", "value": json.dumps({"id": post_id, "v": v}),
                         "action_ts": str(time.time())}],
        })

    def submit_view(self, callback_id: str, values: dict[str, Any], user: str,
                    metadata: str = "") -> Reply:
        return self.interact({
            "type": "view_submission", "team": {"id": TEAM}, "user": {"id": user},
            "api_app_id": "A0APP",
            "view": {"id": "V0009", "type": "modal", "callback_id": callback_id,
                     "private_metadata": metadata, "state": {"values": values}},
        })

    def cli(self, *args: str) -> Result:
        from assistant.approvals.cli import queue

        env = {"REDIS_URL": self.settings.redis_url or "", "ASSISTANT_CONFIG": str(self.config_path)}
        return CliRunner().invoke(queue, list(args), env=env, catch_exceptions=False)

    def get(self, post_id: str) -> QueuedPost:
        record = self.store.get(post_id)
        assert record is not None
        return record

    def wait(self, predicate: Callable[[ApprovalsSlack], bool], timeout: float = 5.0) -> None:
        assert self.fake.wait_for(predicate, timeout=timeout)  # type: ignore[arg-type]


def post_values(text: str, when: datetime, *, platform: str = "x", client: str | None = CLIENT,
                image: str = "", alt: str = "") -> dict[str, Any]:
    """The state.values of the submit (or edit) modal."""
    values: dict[str, Any] = {
        "platform": {"platform": {"type": "static_select", "selected_option": {"value": platform}}},
        "text": {"text": {"type": "plain_text_input", "value": text}},
        "when": {"when": {"type": "datetimepicker", "selected_date_time": int(when.timestamp())}},
        "image": {"url": {"type": "plain_text_input", "value": image or None}},
        "alt": {"alt": {"type": "plain_text_input", "value": alt or None}},
    }
    if client is not None:
        values["client"] = {"client": {"type": "static_select",
                                       "selected_option": {"value": client}}}
    return values


def buffer_file(folder: Path, rows: list[tuple[str, str]], name: str = "schedule.csv") -> Path:
    """A Buffer bulk-upload file with (text, posting time) rows."""
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["Text", "Image URL", "Tags", "Posting Time"])
    for text, when in rows:
        writer.writerow([text, "", "", when])
    path = folder / name
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def later(minutes: float = 60 * 24) -> datetime:
    return (datetime.now(UTC) + timedelta(minutes=minutes)).replace(second=0, microsecond=0)


def stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S")


@pytest.fixture
def app_factory(monkeypatch: pytest.MonkeyPatch, redis_url: str,
                tmp_path: Path) -> Iterator[Callable[[ApprovalsSlack], ApprovalRig]]:
    """Start an app (and worker context) on the shared Redis; each is stopped at the end."""
    for name in ("SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET", "OPENAI_API_KEY", "OPENAI_BASE_URL",
                 "AZURE_OPENAI_ENDPOINT", "ASSISTANT_CONFIG"):
        monkeypatch.delenv(name, raising=False)
    from integrations.slack.app import create_app
    from integrations.slack.server import serve_in_thread

    config_path = tmp_path / "assistant.toml"
    config_path.write_text(CONFIG, encoding="utf-8")
    started: list[ApprovalRig] = []
    clients: list[redis_lib.Redis] = []

    def start(fake: ApprovalsSlack) -> ApprovalRig:
        settings = Settings(slack_bot_token="xoxb-test", slack_signing_secret=SECRET,
                            slack_api_url=fake.api_url, redis_url=redis_url)
        workspace: WorkspaceConfig = load_workspace(config_path)
        redis = redis_lib.Redis.from_url(redis_url)
        clients.append(redis)
        app = create_app(settings, workspace, redis=redis)
        url, stop = serve_in_thread(app, port=free_port(), redis=redis)
        rig = ApprovalRig(url, fake, redis, settings, workspace, config_path=config_path,
                          stop=stop, store=ApprovalStore(redis))
        started.append(rig)
        return rig

    yield start
    for rig in started:
        rig.stop()
    for client in clients:
        client.close()


@pytest.fixture
def fake() -> Iterator[ApprovalsSlack]:
    server = ApprovalsSlack().start()
    yield server
    server.stop()
    broken = {
        f"{call.method} #{index}": problems
        for index, call in enumerate(server.calls)
        if call.status == 200 and (problems := (
            message_problems(call.body, posted=False) if call.method == "chat.update"
            else call_problems(call.method, call.body)))
    }
    assert not broken, f"payloads breaking Block Kit limits: {broken}"


@pytest.fixture
def rig(app_factory: Callable[[ApprovalsSlack], ApprovalRig], fake: ApprovalsSlack) -> ApprovalRig:
    return app_factory(fake)


def queued(rig: ApprovalRig, text: str, *, when: datetime | None = None, submitter: str = AUTHOR,
           client: str = CLIENT, platform: str = "x") -> QueuedPost:
    """A post submitted, reviewed by the worker and posted for approval (as the modal does)."""
    from assistant.approvals.jobs import enqueue_review
    from assistant.models import Post

    post = Post(id="t", platform=platform, created_at=when or later(), text=text)  # type: ignore[arg-type]
    record = rig.store.create(client, [post], submitter=submitter, origins=["test"])[0]
    enqueue_review(rig.redis, record)
    rig.work()
    record = rig.get(record.id)
    assert record.ts and record.reviewed, record
    return record
