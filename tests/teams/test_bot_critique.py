"""With a model configured: the rules' verdict first, then the same card updated with the
critique by a worker (the job queue), model output shown as text only."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from pydantic import SecretStr

from assistant.settings import Settings
from tests.fakes.openai_server import FakeOpenAI, answer, slow
from tests.teams.conftest import PERSONAL, TeamsRig, _clean_env, make_rig, markdown_fields, texts
from tests.teams.fake_connector import FakeConnector

CRITIQUE = {
    "verdict": "reject",
    "summary": "Pushy <at>Everyone</at> & <b>salesy</b>: see [our guide](https://evil.example/).",
    "problems": [],
    "rewrite": "We tried three calendars <at>General</at>; here is what worked.",
}


@pytest.fixture
def llm() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(default=answer(CRITIQUE)) as fake:
        yield fake


def work(rig: TeamsRig) -> None:
    """An `assistant worker` runs the queued critique, then stops."""
    import integrations.teams.replies  # noqa: F401 (Teams answers, as the worker wires them)
    from assistant.dispatch import configure
    from assistant.jobs import run_worker

    configure(rig.settings, rig.workspace, rig.redis)
    run_worker(rig.redis, burst=True)


@pytest.fixture
def rig(monkeypatch: pytest.MonkeyPatch, redis_url: str, connector: FakeConnector,
        llm: FakeOpenAI) -> Iterator[TeamsRig]:
    """The bot with a model configured."""
    _clean_env(monkeypatch)
    settings = Settings(redis_url=redis_url, openai_base_url=llm.url,
                        openai_api_key=SecretStr("sk-test"))
    rig, served = make_rig(redis_url, connector, settings=settings)
    yield rig
    served.stop()
    rig.redis.close()


def test_the_critique_updates_the_review_card_in_place(
        rig: TeamsRig, connector: FakeConnector, llm: FakeOpenAI) -> None:
    asked = rig.say("review Check out our new content calendar, link in bio, please share")
    (first,) = connector.wait_for(1)
    assert connector.updates() == [] and llm.calls == 0  # the model waits for a worker
    work(rig)
    (update,) = connector.wait_for(1, "PUT")
    assert first.conversation == PERSONAL and first.body and first.body["replyToId"] == asked
    assert "Suggested rewrite" not in json.dumps(first.cards)  # the rules' answer came first
    assert update.conversation == PERSONAL
    assert update.activity_id == first.answered_id  # the same message, updated
    card = update.cards[0]
    shown = " ".join(texts(card))
    assert "Verdict: Do not publish as written" in shown  # the worse of rules and model
    assert "Suggested rewrite" in shown
    assert "We tried three calendars General; here is what worked." in shown
    assert "<at" not in shown.lower() and "<b>" not in shown
    assert not [f for f in markdown_fields(card) if "evil.example" in f]
    assert llm.calls == 1


def test_a_slow_model_does_not_hold_up_the_answer(
        rig: TeamsRig, connector: FakeConnector, llm: FakeOpenAI) -> None:
    llm.script(slow(3.0, answer(CRITIQUE)))
    activity = rig.activity("message", conversation=PERSONAL,
                            text="review Please RT our latest post!")
    started = rig.post(activity)
    connector.wait_for(1)
    work(rig)
    connector.wait_for(1, "PUT", timeout=30)
    assert started.status == 200 and started.seconds < 2.0


def test_review_this_post_includes_a_quick_critique(
        rig: TeamsRig, connector: FakeConnector) -> None:
    activity = rig.activity("invoke", conversation=PERSONAL,
                            name="composeExtension/fetchTask", value={
                                "commandId": "reviewPost", "commandContext": "message",
                                "messagePayload": {"id": "9", "body": {
                                    "contentType": "html", "content": "<p>Please RT!</p>"}}})
    result = rig.post(activity).json()
    card = result["task"]["value"]["card"]["content"]
    shown = " ".join(texts(card))
    assert "Suggested rewrite" in shown and "<at" not in shown.lower()
    assert connector.calls == []
