"""`/review`: instant private ack, then a top-level summary and the full review in its thread."""

from __future__ import annotations

import json

from tests.slack.conftest import CHANNEL, USER, SlackRig

SPAMMY = ("Check out our latest blog post!!! Please RT and share with everyone "
          "https://brightpixel.example/blog/latest #marketing #growth #seo #ads #sale #deal")


def test_review_acks_at_once_then_posts_summary_and_thread(rig: SlackRig) -> None:
    reply = rig.command(SPAMMY)
    assert reply.status == 200
    assert reply.seconds < 1.0
    ack = reply.json()
    assert ack["response_type"] == "ephemeral"
    assert "Reviewing your draft" in ack["text"]
    assert rig.posted() == []  # nothing is posted before the worker runs

    rig.work()
    posts = rig.posted()
    assert len(posts) >= 2
    top, *thread = posts
    assert top["channel"] == CHANNEL and "thread_ts" not in top
    assert "Draft review" in top["text"] and "/100" in json.dumps(top["blocks"])
    assert f"Asked for by <@{USER}>" in json.dumps(top["blocks"]), "the channel sees who asked"
    top_ts = rig.fake.of("chat.postMessage")[0]
    assert all(item["thread_ts"] for item in thread)
    assert len({item["thread_ts"] for item in thread}) == 1
    details = json.dumps(thread)
    assert "Findings" in details and "The draft" in details
    assert all(p["unfurl_links"] is False and p["unfurl_media"] is False for p in posts)
    assert top_ts.status == 200
    # the private "reviewing..." note is replaced once the answer is in the channel
    done = rig.posted("response_url")
    assert done and done[-1]["replace_original"] is True


def test_draft_markup_is_shown_as_text_and_pings_no_one(rig: SlackRig) -> None:
    draft = "<!channel> <!here> hey <@U123> log in at <https://evil.example|bank> now & win"
    rig.command(draft)
    rig.work()
    sent = json.dumps(rig.posted())
    for escaped in ("&lt;!channel&gt;", "&lt;!here&gt;", "&lt;@U123&gt;",
                    "&lt;https://evil.example|bank&gt;", "&amp; win"):
        assert escaped in sent
    for raw in ("<!channel>", "<!here>", "<@U123>", "<https://evil.example"):
        assert raw not in sent


def test_slack_html_escaped_command_text_is_shown_once_escaped(rig: SlackRig) -> None:
    rig.command("Fish &amp; chips &lt;!here&gt; tonight at our place")
    rig.work()
    sent = json.dumps(rig.posted())
    assert "Fish &amp; chips &lt;!here&gt; tonight" in sent
    assert "&amp;amp;" not in sent and "<!here>" not in sent


def test_help_is_private_and_explains_usage(rig: SlackRig) -> None:
    reply = rig.command("help")
    assert reply.status == 200
    ack = reply.json()
    assert ack["response_type"] == "ephemeral"
    text = json.dumps(ack["blocks"])
    assert "/review audit" in text and "Review this post" in text
    rig.work()
    assert rig.posted() == []


def test_unknown_input_gets_a_helpful_private_answer(rig: SlackRig) -> None:
    for text, hint in [("", "Paste the draft"), ("frobnicate", "don't know the command"),
                       ("audit", "needs a feed"), ("--platform myspace Hello there", "Unknown platform")]:
        ack = rig.command(text).json()
        assert ack["response_type"] == "ephemeral"
        assert hint in json.dumps(ack["blocks"]), text
        assert "/review help" in json.dumps(ack["blocks"])
    rig.work()
    assert rig.posted() == []


def test_rules_lists_the_rules_in_force_privately(rig: SlackRig) -> None:
    ack = rig.command("rules").json()
    assert ack["response_type"] == "ephemeral"
    text = json.dumps(ack["blocks"])
    assert "share-begging" in text or "link-only" in text


def test_platform_option_reviews_for_that_platform(rig: SlackRig) -> None:
    rig.command("--platform linkedin Thrilled to announce our new office in Leeds today")
    rig.work()
    assert "linkedin post" in json.dumps(rig.posted()[0]["blocks"])


def test_channel_without_the_bot_gets_the_summary_privately(rig: SlackRig) -> None:
    rig.fake.not_in_channel.add("C0PRIVATE")
    rig.command("A perfectly ordinary draft about our team lunch", channel="C0PRIVATE")
    rig.work()
    private = rig.posted("response_url")
    assert private and "/invite" in json.dumps(private[-1]["blocks"])
    assert private[-1]["response_type"] == "ephemeral"


def test_worker_waits_out_a_429_and_still_posts(rig: SlackRig) -> None:
    rig.fake.rate_limit_once("chat.postMessage", retry_after=1)
    rig.command("Our spring collection is here, come and see it in store")
    rig.work()
    limited = [c for c in rig.fake.calls if c.method == "chat.postMessage" and c.status == 429]
    assert len(limited) == 1
    ok = rig.fake.of("chat.postMessage")
    assert ok and ok[0].at - limited[0].at >= 0.9
    assert "thread_ts" not in ok[0].body


def test_critique_and_rewrite_land_in_the_thread_escaped(rig: SlackRig) -> None:
    from pydantic import SecretStr

    from tests.fakes.openai_server import FakeOpenAI, answer

    critique = {"verdict": "revise", "summary": "Pushy <!channel> & salesy.", "problems": [],
                "rewrite": "We tried three calendars; here is what worked <@U999>."}
    with FakeOpenAI(default=answer(critique)) as llm:
        rig.settings = rig.settings.model_copy(update={
            "openai_base_url": llm.url, "openai_api_key": SecretStr("sk-test")})
        rig.command("Check out our new content calendar template, link in bio, please share")
        rig.work()
        assert llm.calls == 1
    top, *thread = rig.posted()
    details = json.dumps(thread)
    assert "Suggested rewrite" in details
    assert "Pushy &lt;!channel&gt; &amp; salesy." in details
    assert "what worked &lt;@U999&gt;." in details
    assert "Revise" in top["blocks"][0]["text"]["text"]
