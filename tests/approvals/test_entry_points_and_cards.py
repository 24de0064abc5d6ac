"""Ways in (`/review submit`, the shortcut, the Home tab button) and ways out (the message as
approvers see it, escaped; the Teams Adaptive Card linking to the Slack thread)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from assistant.approvals.model import STATES, QueuedPost
from assistant.models import Finding, Post, Review
from integrations.slack.approval_blocks import (
    approval_message,
    changes_modal,
    edit_modal,
    override_modal,
    submit_modal,
)
from tests.approvals.conftest import (
    AUTHOR,
    CLIENT,
    ApprovalRig,
    blocks_text,
    later,
    post_values,
    queued,
)
from tests.fakes.slack_api import TEAM
from tests.fakes.teams_webhook import fake_teams_webhook
from tests.slack.blockcheck import message_problems, view_problems
from tests.slack.conftest import command_body, signed_post

HOSTILE = "<!channel> Big news! <https://evil.example|your bank> & more"


def test_review_submit_opens_the_modal_and_other_text_is_still_reviewed(rig: ApprovalRig) -> None:
    body = command_body("submit", rig.fake.response_url()).replace("trigger_id=1.2.3", "trigger_id=4.4.4")
    assert signed_post(rig.events_url, body, "application/x-www-form-urlencoded").status == 200
    rig.wait(lambda f: bool(f.of("views.open")))
    view = rig.posted("views.open")[0]
    assert view["trigger_id"] == "4.4.4" and view["view"]["callback_id"] == "approval_submit"
    options = view["view"]["blocks"][0]["element"]["options"]
    assert [o["value"] for o in options] == [CLIENT, "Solo Studio"]

    reply = rig.command("Our submit button is broken, sorry everyone")  # a draft, not `submit`
    assert "Reviewing your draft" in reply.body


def test_shortcut_and_home_button_open_the_submit_modal(rig: ApprovalRig) -> None:
    rig.interact({"type": "shortcut", "callback_id": "submit_for_approval", "trigger_id": "2.2.2",
                  "team": {"id": TEAM}, "user": {"id": AUTHOR}, "api_app_id": "A0APP"})
    rig.interact({"type": "block_actions", "trigger_id": "3.3.3", "team": {"id": TEAM},
                  "user": {"id": AUTHOR}, "api_app_id": "A0APP",
                  "container": {"type": "view", "view_id": "V0001"},
                  "actions": [{"action_id": "open_approval_submit", "block_id": "b",
                               "type": "button", "action_ts": "1.0"}]})
    rig.wait(lambda f: len(f.of("views.open")) == 2)
    assert {c["trigger_id"] for c in rig.posted("views.open")} == {"2.2.2", "3.3.3"}


def test_the_submit_modal_refuses_what_cannot_be_scheduled(rig: ApprovalRig) -> None:
    past = datetime.now(UTC) - timedelta(hours=1)
    errors = rig.submit_view("approval_submit", post_values("Hi", past, image="ftp://x"), AUTHOR).json()
    assert errors["response_action"] == "errors"
    assert set(errors["errors"]) == {"when", "image"}
    long = rig.submit_view("approval_submit", post_values("x " * 200, later()), AUTHOR).json()
    assert "Over X's limit of 280" in long["errors"]["text"]
    assert rig.store.list() == []


def test_the_approval_message_shows_the_post_escaped(rig: ApprovalRig) -> None:
    rig.submit_view("approval_submit", post_values(HOSTILE, later(), image="https://cdn.example/a.png",
                                                   alt="A <b>loaf</b>"), AUTHOR)
    rig.work()
    request = next(c for c in rig.posted() if c["channel"] == "C0APPROVALS" and "thread_ts" not in c)
    shown = blocks_text(request)
    assert "<!channel>" not in shown and "<https://evil" not in shown
    assert "&lt;!channel&gt;" in shown and "&amp; more" in shown
    assert "alt text: A &lt;b&gt;loaf&lt;/b&gt;" in shown
    assert f"<@{AUTHOR}>" in shown  # our own mention of the submitter is a real mention


def test_messages_and_modals_stay_within_block_kit_limits() -> None:
    now = datetime.now(UTC)
    post = Post(id="q9", platform="facebook", created_at=now + timedelta(days=1),
                text=("A long & <odd> post. " * 600)[:12000],
                media=[{"type": "image", "url": "https://cdn.example/" + "a" * 900, "alt": "b" * 900}])
    findings = [Finding(rule=f"rule-{i}", severity="error", message="m " * 400, evidence="e" * 900)
                for i in range(40)]
    record = QueuedPost(id="q9", client="C" * 300, scheduled_at=post.created_at, created_at=now,
                        updated_at=now, post=post, review=Review(post=post, findings=findings),
                        reviewed_version=1, has_error=True, submitter=AUTHOR,
                        feedback="f " * 1500, override_reason="r " * 1500)
    for state in ("pending", "approved", "changes_requested", "rejected", "expired", "released"):
        assert message_problems(approval_message(record.model_copy(update={"state": state}),
                                                 record.client)) == [], state
    for view in (submit_modal([f"client {i}" for i in range(150)]), edit_modal(record),
                 override_modal(record), changes_modal(record)):
        assert view_problems(view) == [], view["callback_id"]
        assert len(view["private_metadata"]) <= 3000


def test_teams_clients_also_get_an_adaptive_card_linking_to_the_thread(rig: ApprovalRig) -> None:
    with fake_teams_webhook() as teams:
        rig.workspace.clients[0].teams_webhook = teams.url
        record = queued(rig, "Meet the team behind the ovens [click](https://evil.example) **now**")
        assert len(teams.cards) == 1
    card = teams.cards[0]
    assert card["version"] == "1.4"
    assert [a["type"] for a in card.get("actions", [])] == ["Action.OpenUrl"]
    assert card["actions"][0]["url"].startswith("https://fake.slack.com/archives/C0APPROVALS/p")
    assert card["actions"][0]["url"].endswith(record.ts.replace(".", ""))
    text = json.dumps(card)
    assert "[click](https://evil.example) **now**" in text  # a TextRun: shown literally
    assert {"title": "Queue id", "value": record.id} in card["body"][1]["facts"]


def test_a_client_with_a_teams_channel_gets_the_bots_card_not_the_webhooks_too(
        rig: ApprovalRig) -> None:
    with fake_teams_webhook() as teams:
        rig.workspace.clients[0].teams_webhook = teams.url
        rig.workspace.clients[0].teams_channel = "19:approvals@thread.tacv2"
        record = queued(rig, "Sourdough masterclass on Saturday, book at the counter.")
        assert record.ts  # the Slack request stands
        assert teams.cards == []


def test_a_teams_webhook_given_as_env_reference_gets_the_card(
        rig: ApprovalRig, monkeypatch: pytest.MonkeyPatch) -> None:
    # the documented form: the webhook's `sig` is a secret, so assistant.toml names a variable
    with fake_teams_webhook() as teams:
        monkeypatch.setenv("TEAMS_ACME_APPROVALS", teams.url)
        rig.workspace.clients[0].teams_webhook = "env:TEAMS_ACME_APPROVALS"
        record = queued(rig, "Sourdough masterclass on Saturday, book at the counter.")
        assert len(teams.cards) == 1
        assert teams.requests[0]["path"].endswith("sig=SECRET-SIGNATURE")
    assert {"title": "Queue id", "value": record.id} in teams.cards[0]["body"][1]["facts"]


def test_an_unset_teams_variable_is_logged_by_name_and_slack_still_gets_the_request(
        rig: ApprovalRig, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.delenv("TEAMS_NOT_SET", raising=False)
    rig.workspace.clients[0].teams_webhook = "env:TEAMS_NOT_SET"
    with caplog.at_level("WARNING", logger="assistant.approvals"):
        record = queued(rig, "Sourdough masterclass on Saturday, book at the counter.")
    assert record.ts  # the Slack request stands
    assert "environment variable TEAMS_NOT_SET is not set" in caplog.text


def test_the_header_says_where_the_post_stands_now() -> None:
    """A decided, released or expired post no longer reads "Approval needed"."""
    now = datetime.now(UTC)
    post = Post(id="q1", platform="x", created_at=now + timedelta(days=1), text="Fresh bread")
    record = QueuedPost(id="q1", client="Acme", scheduled_at=post.created_at, created_at=now,
                        updated_at=now, post=post, review=Review(post=post), reviewed_version=1)
    expected = {"pending": "Approval needed: Acme", "approved": "Approved: Acme",
                "changes_requested": "Changes requested: Acme", "rejected": "Rejected: Acme",
                "expired": "Expired unapproved: Acme", "released": "Released: Acme"}
    assert set(expected) == set(STATES)
    for state, headline in expected.items():
        blocks = approval_message(record.model_copy(update={"state": state}), "Acme")["blocks"]
        assert blocks[0]["text"]["text"] == headline, state
