"""Approvals in Teams end to end: the real Teams bot and the real Slack app on one Redis, the
fake Bot Connector and the fake Slack Web API recording what each platform receives, and
the RQ worker (Slack and Teams presenters registered) in burst mode."""

from __future__ import annotations

import concurrent.futures
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pytest

from assistant.approvals import presenter
from assistant.approvals.model import QueuedPost
from integrations.teams.bot.refs import ConversationRef, ConversationRefs
from tests.approvals.conftest import (  # noqa: F401 - fixtures used by name
    APPROVER_1,
    AUTHOR,
    CLIENT,
    ApprovalRig,
    ApprovalsSlack,
    app_factory,
    blocks_text,
    fake,
    later,
)
from tests.teams.cardcheck import card_problems
from tests.teams.conftest import BOT_ID, TEAM, TENANT, TeamsRig, make_rig, markdown_fields, texts
from tests.teams.fake_connector import Call, FakeConnector

if TYPE_CHECKING:
    from integrations.teams.bot.settings import TeamsSettings

APPROVALS = "19:acme-approvals@thread.tacv2"
ANA = "3f2504e0-4f89-11d3-9a0c-0305e82c3301"
BEN = "6f9619ff-8b86-d011-b42d-00c04fc964ff"
OUTSIDER = "0b7a1c2d-0000-4000-8000-00000000beef"
AUTHOR_AAD = "a1b2c3d4-0000-4000-8000-000000000001"


@dataclass
class Both:
    """The Slack rig (app, fake Slack, queue, CLI) and the Teams bot beside it."""

    slack: ApprovalRig
    teams: TeamsRig
    connector: FakeConnector

    def work(self) -> None:
        """Run every queued job, with both platforms' presenters registered."""
        from assistant.jobs import run_worker
        from integrations.slack.worker import configure
        from integrations.teams.bot.settings import TeamsSettings
        from integrations.teams.bot.worker_setup import configure as present_in_teams

        slack = self.slack
        configure(slack.settings, slack.workspace, slack.redis, address_rule=slack.address_rule)
        present_in_teams(slack.settings, slack.workspace, slack.redis, teams=TeamsSettings())
        run_worker(slack.redis, burst=True)

    def queue(self, text: str, *, submitter: str = AUTHOR) -> QueuedPost:
        """A post submitted, reviewed by the worker and shown on both platforms."""
        record = self.queue_only_teams(text, submitter=submitter)
        assert set(record.messages) == {"slack", "teams"}, record.messages
        return record

    def queue_only_teams(self, text: str, *, submitter: str = AUTHOR) -> QueuedPost:
        """A post submitted, reviewed by the worker and shown wherever its client shows it."""
        from assistant.approvals.jobs import enqueue_review
        from assistant.models import Post

        post = Post(id="t", platform="x", created_at=later(), text=text)  # type: ignore[arg-type]
        record = self.slack.store.create(CLIENT, [post], submitter=submitter, origins=["test"])[0]
        enqueue_review(self.slack.redis, record)
        self.work()
        return self.slack.get(record.id)

    def click(self, record: QueuedPost | dict[str, Any], verb: str, aad: str, name: str = "Ana",
              **inputs: str) -> dict[str, Any]:
        """An Action.Execute on the post's card, as Teams delivers it; returns the answer."""
        if isinstance(record, QueuedPost):
            data: dict[str, Any] = {"id": record.id, "v": record.version}
            card_id = record.messages["teams"]["id"]
        else:
            data, card_id = dict(record), "1000001"
        activity = self.teams.activity(
            "invoke", conversation=f"{APPROVALS};messageid={card_id}", name="adaptiveCard/action",
            value={"action": {"type": "Action.Execute", "verb": verb, "data": {**data, **inputs}},
                   "trigger": "manual"})
        activity["from"] = {"id": f"29:{name}", "aadObjectId": aad, "name": name}
        answer = self.teams.post(activity)
        assert answer.status == 200, answer
        return answer.json()

    def card_updates(self, record: QueuedPost) -> list[Call]:
        return [c for c in self.connector.updates()
                if c.activity_id == record.messages["teams"]["id"]]

    def thread(self, record: QueuedPost) -> list[Call]:
        """What the bot posted in the card's thread."""
        card_id = record.messages["teams"]["id"]
        return [c for c in self.connector.sent()
                if c.conversation == f"{APPROVALS};messageid={card_id}"]


def start(slack: ApprovalRig, connector: FakeConnector, redis_url: str,
          teams: TeamsSettings | None = None) -> tuple[Both, Callable[[], None]]:
    """Acme Bakery shows its posts in Slack and in a Teams channel the bot was added to;
    Ana and Ben approve in Teams. Returns the rig and how to stop the bot."""
    client = slack.workspace.clients[0]
    client.teams_channel = APPROVALS
    client.approvers += [f"teams:{ANA}", f"teams:{BEN.upper()}"]
    ConversationRefs(slack.redis).save(ConversationRef(
        conversation_id=APPROVALS, service_url=connector.url, tenant_id=TENANT, bot_id=BOT_ID,
        conversation_type="channel", team_id=TEAM, name="approvals"))
    rig, served = make_rig(redis_url, connector, workspace=slack.workspace, teams=teams)

    def stop() -> None:
        served.stop()
        rig.redis.close()

    return Both(slack, rig, connector), stop


@pytest.fixture
def both(app_factory: Callable[[ApprovalsSlack], ApprovalRig],  # noqa: F811
         fake: ApprovalsSlack, connector: FakeConnector, redis_url: str,  # noqa: F811
         clean_env: None) -> Iterator[Both]:
    from tests.approvals.test_workflow import _only

    saved = presenter.registered()
    rig, stop = start(app_factory(fake), connector, redis_url)
    yield rig
    stop()
    _only(saved)


def _answered_card(answer: dict[str, Any]) -> dict[str, Any]:
    assert answer["type"] == "application/vnd.microsoft.card.adaptive", answer
    assert card_problems(answer["value"]) == []
    return answer["value"]


def _refusal(answer: dict[str, Any]) -> str:
    assert answer["type"] == "application/vnd.microsoft.activity.message", answer
    return answer["value"]


def _actions(content: dict[str, Any]) -> list[dict[str, Any]]:
    """Every action on a card, inline forms' own actions included."""
    found = []
    for action in content.get("actions", []):
        found.append(action)
        found += _actions(action.get("card", {}))
    return found


def test_the_request_is_a_card_in_the_clients_teams_channel_with_the_review_in_its_thread(
        both: Both) -> None:
    record = both.queue("Sourdough masterclass on Saturday: bring an apron and an appetite.")
    cards = [c for c in both.connector.sent() if c.conversation == APPROVALS]
    assert len(cards) == 1
    content = cards[0].cards[0]
    executes = [a for a in _actions(content) if a["type"] == "Action.Execute"]
    assert {a["verb"] for a in executes} == {"approve", "request_changes", "reject"}
    assert all(a["data"] == {"id": record.id, "v": 1} for a in executes)
    assert "Sourdough masterclass on Saturday: bring an apron and an appetite." in texts(content)
    review = both.thread(record)
    assert len(review) == 1 and "Review of version 1" in texts(review[0].cards[0])
    assert record.messages["teams"] == {"conversation": APPROVALS, "id": cards[0].answered_id}

    both.work()  # a rerun of every job posts nothing twice
    assert len(both.connector.sent()) == 2


def test_approved_in_teams_the_card_updates_and_the_slack_message_redraws(both: Both) -> None:
    record = both.queue("Croissants are back on Sunday, from 8am.")
    answer = _answered_card(both.click(record, "approve", ANA.upper(), "Ana Ortiz"))
    shown = " ".join(texts(answer))
    assert "Approved by Ana Ortiz" in shown
    assert not [a for a in _actions(answer) if a["type"] == "Action.Execute"]  # no stale buttons

    both.work()
    updates = both.card_updates(record)
    assert len(updates) == 1 and "Approved by Ana Ortiz" in " ".join(texts(updates[0].cards[0]))
    slack_update = both.slack.fake.updates_of(record.ts)
    assert len(slack_update) == 1 and "Approved* by Ana Ortiz" in blocks_text(slack_update[0])
    trail = [c for c in both.thread(record) if "Audit trail of" in " ".join(texts(c.cards[0]))]
    assert len(trail) == 1 and "Ana Ortiz · " in " ".join(texts(trail[0].cards[0]))
    slack_trail = [c for c in both.slack.posted() if c.get("thread_ts") == record.ts
                   and "Audit trail" in c.get("text", "")]
    assert len(slack_trail) == 1
    stored = both.slack.get(record.id)
    assert stored.state == "approved" and stored.decided_by == f"teams:{ANA}"


def test_decided_in_slack_the_teams_card_updates_and_gets_the_trail(both: Both) -> None:
    record = both.queue("Rye loaves back on Tuesday.")
    both.slack.click("approval_reject", record, APPROVER_1)
    both.slack.wait(lambda f: bool(f.updates_of(record.ts)))
    both.work()
    updates = both.card_updates(record)
    assert len(updates) == 1
    content = updates[0].cards[0]
    assert "Rejected by U0APPROVE1" in " ".join(texts(content))
    assert not [a for a in _actions(content) if a["type"] == "Action.Execute"]
    trail = [c for c in both.thread(record) if "Audit trail of" in " ".join(texts(c.cards[0]))]
    assert len(trail) == 1


def test_two_approvers_clicking_at_once_make_one_decision(both: Both) -> None:
    record = both.queue("Pastry class places left for Friday.")
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        answers = list(pool.map(lambda who: both.click(record, "approve", *who),
                                [(ANA, "Ana"), (BEN, "Ben")]))
    kinds = sorted(a["type"] for a in answers)
    assert kinds == ["application/vnd.microsoft.activity.message",
                     "application/vnd.microsoft.card.adaptive"]
    late = next(a for a in answers if a["type"].endswith("activity.message"))["value"]
    stored = both.slack.get(record.id)
    assert late.startswith("Too late: this post was already approved by ")
    assert stored.decided_by_name in late
    both.work()
    assert len([e for e in both.slack.store.audit(record.id) if e.action == "approved"]) == 1


def test_a_non_approver_is_refused_privately_and_nothing_changes(both: Both) -> None:
    record = both.queue("Gingerbread workshop, book now.")
    before = len(both.connector.calls)
    text = _refusal(both.click(record, "approve", OUTSIDER, "Olly"))
    assert text == f"You are not an approver for {CLIENT}."
    assert both.slack.get(record.id).state == "pending"
    assert len(both.connector.calls) == before  # nothing posted or updated for anyone else


def test_a_click_on_a_stale_version_is_refused(both: Both) -> None:
    record = both.queue("Open day on the 3rd.")
    text = _refusal(both.click({"id": record.id, "v": record.version + 1}, "approve", ANA))
    assert "edited since" in text
    assert both.slack.get(record.id).state == "pending"


def test_an_error_level_finding_needs_an_override_reason(both: Both) -> None:
    record = both.queue("Please retweet and share this with everyone you know!")
    assert record.has_error
    content = next(c for c in both.connector.sent() if c.conversation == APPROVALS).cards[0]
    forms = [a for a in content["actions"] if a["type"] == "Action.ShowCard"]
    override = next(f for f in forms if f["title"].startswith("Approve with override"))
    assert override["card"]["body"][0]["id"] == "reason"
    assert override["card"]["actions"][0]["verb"] == "approve"
    assert "needs an override reason" in _refusal(both.click(record, "approve", ANA))
    assert both.slack.get(record.id).state == "pending"
    answer = _answered_card(both.click(record, "approve", ANA, reason="Client signed off on it"))
    assert "Override reason: Client signed off on it" in " ".join(texts(answer))
    assert both.slack.get(record.id).override_reason == "Client signed off on it"


def test_request_changes_needs_a_note_and_the_feedback_lands_in_the_thread(both: Both) -> None:
    record = both.queue("New loyalty cards at the counter.")
    assert _refusal(both.click(record, "request_changes", ANA)) == "Say what should change."
    _answered_card(both.click(record, "request_changes", ANA, note="Mention the free coffee"))
    both.work()
    posted = [" ".join(texts(c.cards[0])) for c in both.thread(record)]
    assert any("Changes requested" in p and "Mention the free coffee" in p for p in posted)


def test_a_teams_submitter_hears_of_the_decision_in_a_personal_chat(both: Both) -> None:
    record = both.queue("Our winter menu starts Monday.", submitter=f"teams:{AUTHOR_AAD}")
    _answered_card(both.click(record, "reject", ANA))
    both.work()
    both.work()
    assert [c["members"][0]["id"] for c in both.connector.created] == [AUTHOR_AAD]
    personal = [c for c in both.connector.sent() if c.conversation == f"a:personal-{AUTHOR_AAD}"]
    assert len(personal) == 1 and "rejected" in " ".join(texts(personal[0].cards[0]))


def test_a_draft_cannot_mention_or_inject_html_into_the_card(both: Both) -> None:
    draft = ('<at>General</at> <at id="0">Everyone</at> <b>big</b> [link](https://evil.example/) '
             '<img src=x onerror=alert(1)> sale')
    record = both.queue(draft)
    answer = _answered_card(both.click(record, "approve", ANA, "<at>Ana</at> **Boss**"))
    both.work()
    cards = [c for call in both.connector.calls for c in call.cards] + [answer]
    for content in cards:
        every = " ".join(texts(content))
        assert "<at" not in every.lower() and "<b>" not in every and "<img" not in every
        assert not [f for f in markdown_fields(content) if "evil.example" in f or "Boss" in f]
    assert "General Everyone big [link](https://evil.example/)" in " ".join(
        texts(both.connector.sent()[0].cards[0]))


def test_a_channel_the_bot_was_never_added_to_is_named_in_the_error(
        both: Both, caplog: pytest.LogCaptureFixture) -> None:
    client = both.slack.workspace.clients[0]
    client.teams_channel = "19:never-added@thread.tacv2"
    from assistant.approvals.jobs import enqueue_review
    from assistant.models import Post

    post = Post(id="t", platform="x", created_at=later(), text="Bagels on Thursday.")  # type: ignore[arg-type]
    record = both.slack.store.create(CLIENT, [post], submitter=AUTHOR, origins=["test"])[0]
    enqueue_review(both.slack.redis, record)
    with caplog.at_level("WARNING"):
        both.work()
    assert "never added to channel '19:never-added@thread.tacv2'" in caplog.text
    stored = both.slack.get(record.id)
    assert "slack" in stored.messages and "teams" not in stored.messages  # Slack still got it


def test_review_submit_opens_a_dialog_that_queues_the_post(both: Both) -> None:
    both.teams.say("review submit")
    offer = both.connector.sent()[-1].cards[0]
    button = offer["actions"][0]
    assert button["data"]["msteams"] == {"type": "task/fetch"}

    fetch = both.teams.activity("invoke", conversation="a:1personal-chat", name="task/fetch",
                                value={"data": button["data"]})
    fetch["from"] = {"id": "29:ann", "aadObjectId": AUTHOR_AAD, "name": "Ann"}
    opened = both.teams.post(fetch).json()["task"]
    form = opened["value"]["card"]["content"]
    assert card_problems(form) == []
    client_input = next(e for e in form["body"] if e.get("id") == "client")
    assert [c["value"] for c in client_input["choices"]] == [CLIENT, "Solo Studio"]

    when = later()
    values = {"dialog": "approval_submit", "client": CLIENT, "platform": "x",
              "text": "Hot cross buns from Friday.", "date": f"{when:%Y-%m-%d}",
              "time": f"{when:%H:%M}", "image": "", "alt": ""}
    past = {**values, "date": "2020-01-01"}

    def submit(data: dict[str, Any]) -> dict[str, Any]:
        activity = both.teams.activity("invoke", conversation="a:1personal-chat",
                                       name="task/submit", value={"data": data})
        activity["from"] = {"id": "29:ann", "aadObjectId": AUTHOR_AAD, "name": "Ann"}
        return both.teams.post(activity).json()["task"]

    again = submit(past)
    assert again["type"] == "continue"
    shown = " ".join(texts(again["value"]["card"]["content"]))
    assert "The scheduled time must be in the future." in shown and "Hot cross buns" in shown
    assert both.slack.store.list() == []

    done = submit(values)
    assert done == {"type": "message", "value": f"Submitted as q1: it is being reviewed, then "
                                                f"goes to {CLIENT}'s approvers."}
    both.work()
    record = both.slack.get("q1")
    assert record.submitter == f"teams:{AUTHOR_AAD}" and record.submitter_name == "Ann"
    assert record.post.text == "Hot cross buns from Friday." and set(record.messages) == {
        "slack", "teams"}
    twice = submit(values)  # the same post again: refused, naming the one in the queue
    assert twice["type"] == "continue"
    assert "already in the queue as q1" in " ".join(texts(twice["value"]["card"]["content"]))


def test_an_edited_post_is_redrawn_in_the_same_card_with_the_new_review_in_its_thread(
        both: Both) -> None:
    from assistant.approvals.policy import Actor
    from assistant.approvals.workflow import Workflow
    from assistant.models import Post

    record = both.queue("Cinnamon buns this weekend.")
    _answered_card(both.click(record, "request_changes", ANA, note="Say which bakery"))
    both.work()
    edited = Post(id="t", platform="x", created_at=record.scheduled_at,  # type: ignore[arg-type]
                  text="Cinnamon buns this weekend at our Harbour Street bakery.")
    outcome = Workflow(both.slack.redis, both.slack.workspace).edit(
        Actor.from_ref(AUTHOR), record.id, edited, version=1)
    assert outcome.ok
    both.work()
    cards = [c for c in both.connector.sent() if c.conversation == APPROVALS]
    assert len(cards) == 1  # one card, redrawn: never a second request for the same post
    latest = both.card_updates(record)[-1].cards[0]
    assert "Cinnamon buns this weekend at our Harbour Street bakery." in texts(latest)
    assert {a["data"]["v"] for a in _actions(latest) if a["type"] == "Action.Execute"} == {2}
    reviews = [c for c in both.thread(record) if "Review of version 2" in texts(c.cards[0])]
    assert len(reviews) == 1
    answer = _answered_card(both.click(both.slack.get(record.id), "approve", BEN, "Ben"))
    assert "Approved by Ben" in " ".join(texts(answer))


def test_an_expired_post_loses_its_buttons_in_teams(both: Both) -> None:
    import time
    from datetime import UTC, datetime, timedelta

    from assistant.approvals.jobs import enqueue_review
    from assistant.approvals.workflow import Workflow
    from assistant.models import Post

    soon = datetime.now(UTC) + timedelta(seconds=2)
    post = Post(id="t", platform="x", created_at=soon, text="Flash sale on scones.")  # type: ignore[arg-type]
    record = both.slack.store.create(CLIENT, [post], submitter=AUTHOR, origins=["test"])[0]
    enqueue_review(both.slack.redis, record)
    both.work()
    record = both.slack.get(record.id)
    assert "teams" in record.messages
    time.sleep(max(0.0, (soon - datetime.now(UTC)).total_seconds()) + 0.2)
    assert Workflow(both.slack.redis, both.slack.workspace).expire() == [record.id]
    both.work()
    latest = both.card_updates(record)[-1].cards[0]
    assert any("Expired at its scheduled time without approval" in t for t in texts(latest))
    assert not [a for a in _actions(latest) if a["type"] == "Action.Execute"]
    assert _refusal(both.click(record, "approve", ANA)) == "Too late: this post was already expired."


def test_a_teams_only_client_is_approved_without_slack(both: Both) -> None:
    client = both.slack.workspace.clients[0]
    client.approvals_channel = None
    record = both.queue_only_teams("Teacakes are back.")
    assert set(record.messages) == {"teams"}
    _answered_card(both.click(record, "approve", ANA))
    both.work()
    assert both.slack.get(record.id).state == "approved"
    assert both.slack.fake.of("chat.postMessage") == [] and both.slack.fake.of("chat.update") == []
    assert len(both.card_updates(record)) == 1


def test_after_a_request_for_changes_the_submitter_edits_the_post_in_a_dialog(
        both: Both) -> None:
    record = both.queue("Cheese scones today.", submitter=f"teams:{AUTHOR_AAD}")
    _answered_card(both.click(record, "request_changes", ANA, note="Say until when"))
    both.work()
    card = both.card_updates(record)[-1].cards[0]
    (edit,) = card["actions"]
    assert edit["title"] == "Edit post…" and edit["data"]["msteams"] == {"type": "task/fetch"}

    def dialog(name: str, data: dict[str, Any], aad: str) -> dict[str, Any]:
        activity = both.teams.activity("invoke", conversation=f"{APPROVALS};messageid=1",
                                       name=name, value={"data": data})
        activity["from"] = {"id": "29:x", "aadObjectId": aad, "name": "Ann"}
        answer = both.teams.post(activity)
        assert answer.status == 200, answer
        return answer.json()["task"]

    assert dialog("task/fetch", edit["data"], OUTSIDER) == {
        "type": "message", "value": f"Only the submitter or an approver for {CLIENT} can edit "
                                    "this post."}
    opened = dialog("task/fetch", edit["data"], AUTHOR_AAD)
    form = opened["value"]["card"]["content"]
    assert card_problems(form) == [] and opened["value"]["title"] == "Edit post"
    values = {i["id"]: i.get("value", "") for i in form["body"] if str(i.get("id", ""))}
    assert values["text"] == "Cheese scones today." and "client" not in values
    save = form["actions"][0]["data"]
    saved = dialog("task/submit", {**save, **values, "text": "Cheese scones today until 4pm."},
                   AUTHOR_AAD)
    assert saved == {"type": "message", "value": f"Saved as version 2 of {record.id}: it is "
                                                 "being reviewed, then goes back to the approvers."}
    both.work()
    latest = both.card_updates(record)[-1].cards[0]
    assert "Cheese scones today until 4pm." in texts(latest)
    assert {a["data"]["v"] for a in _actions(latest) if a["type"] == "Action.Execute"} == {2}
    stale = dialog("task/submit", {**save, **values, "text": "Another try."}, AUTHOR_AAD)
    assert "edited since" in stale["value"]
