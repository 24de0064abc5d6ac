"""The "Review this post" message action, and the conversation references the bot keeps
for messages it will send later."""

from __future__ import annotations

import pytest

from tests.teams.cardcheck import card_problems
from tests.teams.conftest import (
    BOT_ID,
    CHANNEL,
    PERSONAL,
    TEAM,
    TENANT,
    TeamsRig,
    markdown_fields,
    texts,
)


def _action(rig: TeamsRig, html: str, name: str = "composeExtension/fetchTask") -> dict:
    activity = rig.activity("invoke", conversation=f"{CHANNEL};messageid=1700000000009",
                            name=name, value={
                                "commandId": "reviewPost", "commandContext": "message",
                                "messagePayload": {"id": "1700000000009", "body": {
                                    "contentType": "html", "content": html}}})
    answer = rig.post(activity)
    assert answer.status == 200
    result = answer.json()
    assert card_problems(result["task"]["value"]["card"]["content"]) == []
    return result


@pytest.mark.parametrize("name", ["composeExtension/fetchTask", "composeExtension/submitAction"])
def test_review_this_post_opens_the_review_for_the_asker_only(rig: TeamsRig, name: str) -> None:
    result = _action(rig, "<p>Limited time: <b>20% off</b>, buy now and book a call!</p>", name)
    task = result["task"]
    assert task["type"] == "continue" and task["value"]["title"] == "Review this post"
    card = task["value"]["card"]["content"]
    shown = " ".join(texts(card))
    assert "Limited time: 20% off, buy now and book a call!" in shown  # the text, not the HTML
    assert "sales-pitch" in shown and "Verdict: " in shown
    assert rig.connector.calls == []  # nothing posted in the channel


def test_review_this_post_shows_markup_in_the_message_as_text(rig: TeamsRig) -> None:
    html = ('<p><at id="0">Everyone</at> &lt;at&gt;General&lt;/at&gt; see '
            '<a href="https://evil.example/">[this](https://evil.example/)</a></p>')
    card = _action(rig, html)["task"]["value"]["card"]["content"]
    every = " ".join(texts(card))
    assert "<at" not in every.lower() and "<a " not in every
    assert "Everyone General see" in every
    assert not [f for f in markdown_fields(card) if "evil.example" in f]


def test_a_message_without_text_gets_a_plain_answer(rig: TeamsRig) -> None:
    card = _action(rig, "<p>  </p>")["task"]["value"]["card"]["content"]
    assert "There is no text to review in that message." in " ".join(texts(card))


def test_installing_in_a_team_remembers_every_channel(rig: TeamsRig) -> None:
    from integrations.teams.bot.refs import ConversationRefs, UnknownConversation

    rig.connector.channels[TEAM] = [{"id": TEAM}, {"id": CHANNEL, "name": "reviews"}]
    installed = rig.activity("installationUpdate", conversation=TEAM, action="add")
    installed["channelData"] |= {"team": {"id": TEAM}, "channel": {"id": TEAM}}
    assert rig.post(installed).status == 200
    refs = ConversationRefs(rig.redis)
    assert refs.team_channels(TEAM) == sorted([TEAM, CHANNEL])
    channel = refs.get(CHANNEL)
    assert (channel.service_url, channel.tenant_id, channel.bot_id) == (rig.connector.url, TENANT,
                                                                          BOT_ID)
    assert (channel.team_id, channel.name, channel.conversation_type) == (TEAM, "reviews",
                                                                          "channel")
    assert refs.get(TEAM).name == "General"
    with pytest.raises(UnknownConversation, match="never added to channel '19:other@thread"):
        refs.get("19:other@thread.tacv2;messageid=1")


def test_the_bot_added_to_a_team_and_removed_again(rig: TeamsRig) -> None:
    from integrations.teams.bot.refs import ConversationRefs

    rig.connector.channels[TEAM] = [{"id": TEAM}, {"id": CHANNEL, "name": "reviews"}]
    added = rig.activity("conversationUpdate", conversation=TEAM,
                         membersAdded=[{"id": BOT_ID}])
    added["channelData"] |= {"team": {"id": TEAM}, "channel": {"id": TEAM},
                             "eventType": "teamMemberAdded"}
    rig.post(added)
    refs = ConversationRefs(rig.redis)
    assert refs.find(CHANNEL) is not None
    removed = rig.activity("conversationUpdate", conversation=TEAM,
                           membersRemoved=[{"id": BOT_ID}])
    removed["channelData"] |= {"team": {"id": TEAM}, "channel": {"id": TEAM},
                               "eventType": "teamMemberRemoved"}
    rig.post(removed)
    assert refs.find(CHANNEL) is None and refs.team_channels(TEAM) == []


def test_the_first_message_in_a_chat_or_channel_thread_is_remembered(rig: TeamsRig) -> None:
    from integrations.teams.bot.refs import ConversationRefs

    rig.say("review help")
    rig.say("review help", conversation=f"{CHANNEL};messageid=1700000000005", mention=True)
    refs = ConversationRefs(rig.redis)
    personal = refs.get(PERSONAL)
    assert personal.conversation_type == "personal" and personal.service_url == rig.connector.url
    channel = refs.get(f"{CHANNEL};messageid=1700000000005")  # the channel, not the thread
    assert channel.conversation_id == CHANNEL and channel.team_id == TEAM
