"""The Teams bot end to end: the real Teams SDK app served by uvicorn on a free port, a
fake Bot Connector on loopback recording what the bot sends, and a real Redis."""

from __future__ import annotations

import asyncio
import json
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import count
from typing import TYPE_CHECKING, Any

import pytest
import redis as redis_lib

from assistant.config import WorkspaceConfig
from assistant.settings import Settings
from tests.conftest import free_port
from tests.teams.fake_connector import Call, FakeConnector

if TYPE_CHECKING:
    from integrations.teams.bot.settings import TeamsSettings

BOT_ID = "28:bot-app-id"
BOT_NAME = "Assistant"
TENANT = "tenant-1"
TEAM = "19:team-general@thread.tacv2"
CHANNEL = "19:reviews@thread.tacv2"
PERSONAL = "a:1personal-chat"
USER = {"id": "29:user-1", "aadObjectId": "aad-user-1", "name": "Ann Author"}
_ids = count(1000)


@dataclass
class Answer:
    status: int
    body: str
    seconds: float

    def json(self) -> Any:
        return json.loads(self.body)


def post_json(url: str, body: dict[str, Any], headers: dict[str, str] | None = None) -> Answer:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json", **(headers or {})})
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return Answer(answer.status, answer.read().decode(), time.monotonic() - started)
    except urllib.error.HTTPError as exc:
        return Answer(exc.code, exc.read().decode(), time.monotonic() - started)


class ServedBot:
    """A bot app served by uvicorn in a thread (its own event loop), until `stop`."""

    def __init__(self, app: Any) -> None:
        import uvicorn

        from integrations.teams.bot.app import web_app

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        ready = threading.Event()
        holder: dict[str, Any] = {}

        async def main() -> None:
            web = await web_app(app)
            server = uvicorn.Server(uvicorn.Config(web, host="127.0.0.1", port=self.port,
                                                   log_level="warning", access_log=False))
            holder["server"] = server
            ready.set()
            await server.serve()

        self._thread = threading.Thread(target=lambda: asyncio.run(main()), daemon=True)
        self._thread.start()
        ready.wait(10)
        self._server = holder["server"]
        deadline = time.monotonic() + 10
        while not self._server.started and time.monotonic() < deadline:
            time.sleep(0.02)
        assert self._server.started, "the bot did not start"

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(15)


@dataclass
class TeamsRig:
    """What a test drives: the bot's URL, the fake connector and Redis."""

    url: str
    connector: FakeConnector
    redis: redis_lib.Redis
    settings: Settings
    workspace: WorkspaceConfig
    sent_before: int = field(default=0)

    def activity(self, kind: str, *, conversation: str, **fields: Any) -> dict[str, Any]:
        """An activity as the Bot Connector delivers it (a channel one when `conversation`
        is a channel thread)."""
        in_channel = conversation.startswith("19:")
        base_conversation = conversation.split(";")[0]
        activity: dict[str, Any] = {
            "type": kind, "id": str(next(_ids)), "channelId": "msteams",
            "serviceUrl": self.connector.url, "timestamp": "2026-11-30T09:00:00Z",
            "from": USER, "recipient": {"id": BOT_ID, "name": BOT_NAME},
            "conversation": {"id": conversation, "tenantId": TENANT,
                             "conversationType": "channel" if in_channel else "personal"},
            "channelData": {"tenant": {"id": TENANT}},
        }
        if in_channel:
            activity["channelData"] |= {"team": {"id": TEAM, "name": "Agency"},
                                        "channel": {"id": base_conversation, "name": "reviews"}}
        activity.update(fields)
        return activity

    def post(self, activity: dict[str, Any], headers: dict[str, str] | None = None) -> Answer:
        return post_json(self.url + "/api/messages", activity, headers)

    def say(self, text: str, *, conversation: str = PERSONAL, mention: bool = False) -> str:
        """Send a message to the bot; returns the message's id. `mention` puts the bot's
        @mention first, as Teams does in a channel."""
        entities = []
        if mention:
            tag = f"<at>{BOT_NAME}</at>"
            text = f"{tag} {text}"
            entities = [{"type": "mention", "text": tag,
                         "mentioned": {"id": BOT_ID, "name": BOT_NAME}}]
        activity = self.activity("message", conversation=conversation, text=text,
                                 textFormat="plain", entities=entities)
        answer = self.post(activity)
        assert answer.status == 200, answer
        return activity["id"]

    def replies(self) -> list[Call]:
        return self.connector.sent()


@pytest.fixture
def connector() -> Iterator[FakeConnector]:
    """The fake Bot Connector; fails the test if the bot sent a card Teams would refuse."""
    from tests.teams.cardcheck import card_problems

    with FakeConnector() as fake:
        yield fake
    broken = {f"{call.method} {call.path}": problems for call in fake.calls
              for card in call.cards if (problems := card_problems(card))}
    assert not broken, f"cards Teams would refuse: {broken}"


def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("CLIENT_ID", "CLIENT_SECRET", "TENANT_ID", "OPENAI_API_KEY", "OPENAI_BASE_URL",
                 "AZURE_OPENAI_ENDPOINT", "DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS",
                 "SERVICE_URL", "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    _clean_env(monkeypatch)


def make_rig(redis_url: str, connector: FakeConnector, *, settings: Settings | None = None,
             workspace: WorkspaceConfig | None = None,
             teams: TeamsSettings | None = None) -> tuple[TeamsRig, ServedBot]:
    """The bot (unauthenticated requests allowed, as in local development) on a free port."""
    from integrations.teams.bot.app import create_app
    from integrations.teams.bot.settings import TeamsSettings

    settings = settings or Settings(redis_url=redis_url)
    workspace = workspace or WorkspaceConfig.model_validate({"agency": {"name": "Bright Pixel"}})
    redis = redis_lib.Redis.from_url(redis_url)
    teams = teams or TeamsSettings(allow_unauthenticated=True)
    app = create_app(settings, workspace, teams, redis=redis)
    served = ServedBot(app)
    return TeamsRig(served.url, connector, redis, settings, workspace), served


@pytest.fixture
def rig(monkeypatch: pytest.MonkeyPatch, redis_url: str, connector: FakeConnector
        ) -> Iterator[TeamsRig]:
    _clean_env(monkeypatch)
    rig, served = make_rig(redis_url, connector)
    yield rig
    served.stop()
    rig.redis.close()


def texts(node: Any) -> list[str]:
    """Every string value in a card, for searching."""
    if isinstance(node, dict):
        return [s for value in node.values() for s in texts(value)]
    if isinstance(node, list):
        return [s for value in node for s in texts(value)]
    return [node] if isinstance(node, str) else []


def markdown_fields(node: Any) -> list[str]:
    """The card texts Teams reads as markdown: TextBlock text, FactSet titles and values,
    action titles (everything but TextRuns)."""
    found: list[str] = []
    if isinstance(node, dict):
        if node.get("type") == "TextBlock":
            found.append(node.get("text", ""))
        if node.get("type") == "FactSet":
            found += [f"{f.get('title', '')} {f.get('value', '')}" for f in node.get("facts", [])]
        if str(node.get("type", "")).startswith("Action."):
            found.append(node.get("title", ""))
        for value in node.values():
            found += markdown_fields(value)
    elif isinstance(node, list):
        for value in node:
            found += markdown_fields(value)
    return found


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The Teams SDK warns about its own deprecated bot client on every request: noise here."""
    mark = pytest.mark.filterwarnings("ignore:The bot client is deprecated:DeprecationWarning")
    for item in items:
        if "tests/teams/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(mark)
