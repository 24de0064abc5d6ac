"""Commands to the bot in a personal chat and by @mention in a channel, answered in the
right conversation and thread, with drafts shown as text only."""

from __future__ import annotations

import json

from tests.teams.conftest import CHANNEL, PERSONAL, TeamsRig, markdown_fields, texts

SHARE_BEGGING = "Our new post is live, please RT and share it with everyone you know!"


def _only_reply(rig: TeamsRig) -> tuple[dict, dict]:
    (call,) = rig.connector.wait_for(1)
    (card,) = call.cards
    return call.body or {}, card


def test_review_in_a_personal_chat_answers_in_that_chat_under_the_message(rig: TeamsRig) -> None:
    asked = rig.say(f"review {SHARE_BEGGING}")
    (call,) = rig.connector.wait_for(1)
    assert call.conversation == PERSONAL
    assert call.body and call.body["replyToId"] == asked
    (card,) = call.cards
    shown = " ".join(texts(card))
    assert "Verdict: Revise before publishing" in shown
    assert "share-begging" in shown
    assert SHARE_BEGGING in shown  # the draft as written
    assert call.body["summary"].startswith("Post review: Revise before publishing")


def test_a_mention_in_a_channel_is_answered_in_its_thread_without_the_mention(
        rig: TeamsRig) -> None:
    thread = f"{CHANNEL};messageid=1700000000001"
    asked = rig.say(f"review {SHARE_BEGGING}", conversation=thread, mention=True)
    (call,) = rig.connector.wait_for(1)
    assert call.conversation == thread
    assert call.body and call.body["replyToId"] == asked
    draft = call.cards[0]["body"][1]["inlines"][0]["text"]
    assert draft == SHARE_BEGGING  # the bot's own @mention is not part of the draft


def test_a_mention_that_starts_a_thread_is_answered_in_that_thread(rig: TeamsRig) -> None:
    asked = rig.say("review Please RT!", conversation=CHANNEL, mention=True)
    (call,) = rig.connector.wait_for(1)
    assert call.conversation == f"{CHANNEL};messageid={asked}"
    assert call.body and call.body["replyToId"] == asked


def test_the_word_review_is_optional_in_a_personal_chat(rig: TeamsRig) -> None:
    rig.say("Buy now! Limited time: 20% off, book a call today")
    _, card = _only_reply(rig)
    assert "sales-pitch" in " ".join(texts(card))


def test_mentions_html_and_links_in_a_draft_stay_text(rig: TeamsRig) -> None:
    # What Teams delivers for a draft that quotes markup: entities, as typed into the box.
    draft = ("&lt;at&gt;General&lt;/at&gt; hello &lt;b&gt;team&lt;/b&gt; "
             "[read this](https://evil.example/x) **now** &lt;script&gt;alert(1)&lt;/script&gt;")
    rig.say(f"review {draft}")
    body, card = _only_reply(rig)
    every = " ".join(texts(card))
    assert "<at" not in every.lower() and "</at" not in every.lower()
    assert "<b>" not in every and "<script" not in every
    assert "General hello team" in every  # the words stay, the markup goes
    for field in markdown_fields(card):  # nothing markdown-parsed carries the draft
        assert "evil.example" not in field and "read this" not in field
    assert "evil.example" not in json.dumps(body.get("entities", []))
    assert "evil.example" not in body.get("summary", "") + str(body.get("text", ""))
    assert not [a for a in card.get("actions", []) if "evil" in json.dumps(a)]
    assert "mention" not in json.dumps(body.get("entities", []))


def test_rules_lists_the_rules_in_force(rig: TeamsRig) -> None:
    rig.say("review rules")
    _, card = _only_reply(rig)
    shown = " ".join(texts(card))
    assert card["body"][0]["text"] == "Rules in force"
    for rule in ("share-begging", "sales-pitch", "too-long", "missing-alt-text"):
        assert rule in shown


def test_help_and_unknown_commands_say_what_works(rig: TeamsRig) -> None:
    rig.say("review help")
    rig.say("review frobnicate", conversation=f"{CHANNEL};messageid=1700000000002", mention=True)
    first, second = rig.connector.wait_for(2)
    assert "review audit <feed>" in " ".join(texts(first.cards[0]))
    unknown = " ".join(texts(second.cards[0]))
    assert "I don't know the command 'frobnicate'" in unknown
    assert "review <draft>" in unknown


def test_an_unknown_platform_is_named(rig: TeamsRig) -> None:
    rig.say("review platform:myspace Hello friends")
    _, card = _only_reply(rig)
    assert "Unknown platform 'myspace'" in " ".join(texts(card))


def test_a_review_is_answered_fast(rig: TeamsRig) -> None:
    activity = rig.activity("message", conversation=PERSONAL, text=f"review {SHARE_BEGGING}")
    answer = rig.post(activity)
    assert answer.status == 200
    assert answer.seconds < 2.0  # Teams waits 15 s; the rules take milliseconds


def test_audit_of_a_tracked_feed_and_of_an_unknown_name(redis_url: str, connector, monkeypatch
                                                        ) -> None:
    from assistant.config import WorkspaceConfig
    from assistant.dispatch import configure
    from assistant.jobs import run_worker
    from tests.conftest import EXAMPLES
    from tests.teams.conftest import _clean_env, make_rig

    _clean_env(monkeypatch)
    workspace = WorkspaceConfig.model_validate({
        "agency": {"name": "Bright Pixel"},
        "feeds": [{"name": "Bright Pixel on X", "owner": "agency",
                   "source": str(EXAMPLES / "brightpixel_x.jsonl")}]})
    rig, served = make_rig(redis_url, connector, workspace=workspace)
    try:
        rig.say("review audit bright pixel on x")
        rig.say("review audit http://169.254.169.254/latest/meta-data")
        waiting, refused = rig.connector.wait_for(2)
        configure(rig.settings, rig.workspace, rig.redis)
        run_worker(rig.redis, burst=True)  # the audit is a worker's job
        (audit,) = rig.connector.wait_for(1, "PUT")
    finally:
        served.stop()
    assert "Auditing Bright Pixel on X" in " ".join(texts(waiting.cards[0]))
    assert audit.activity_id == waiting.answered_id
    shown = " ".join(texts(audit.cards[0]))
    assert "Feed audit" in shown and "/100" in shown
    assert audit.body and audit.body["summary"].startswith("Feed audit: ")
    said = " ".join(texts(refused.cards[0]))
    assert "is not a tracked feed (tracked: Bright Pixel on X)" in said


def test_a_redelivered_message_is_answered_once(rig: TeamsRig) -> None:
    activity = rig.activity("message", conversation=PERSONAL, text="review rules")
    assert rig.post(activity).status == 200
    assert rig.post(activity).status == 200  # the Bot Connector's retry of the same message
    rig.say("review help")
    rules, helped = rig.connector.sent()  # replies are sent before the request returns
    assert rules.body and rules.body["replyToId"] == activity["id"]
    assert helped.body and helped.body["summary"] == "How to use the review assistant"


def test_a_long_linkedin_draft_is_shown_whole_and_fits(rig: TeamsRig) -> None:
    draft = ("We spent a year asking clients what they want from us. " * 55).strip()
    assert 3000 <= len(draft) <= 3200
    rig.say(f"review platform:linkedin {draft}")
    (call,) = rig.connector.wait_for(1)
    assert call.cards[0]["body"][1]["inlines"][0]["text"] == draft  # size checked at teardown
