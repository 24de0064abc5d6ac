"""Messages to the bot (a personal chat, or an @mention in a channel): the `review` commands.

Every answer is threaded under the message it answers. A review answers at once with
the rules' verdict; when a model is configured a worker adds its critique to the same
card (the message is updated in place), so the request is never held up by the model.
Audits and the channel's report are queued the same way: the bot says so at once, and
the worker's answer replaces that card (`integrations.teams.replies`).
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any

from assistant.errors import AssistantError, chat_text
from assistant.jobs import JobRequest
from integrations.teams.bot import cards
from integrations.teams.bot.commands import parse
from integrations.teams.bot.deps import card_message
from integrations.teams.bot.handlers.conversation import bot_mentions, reference
from integrations.teams.bot.text import from_message

if TYPE_CHECKING:
    from microsoft_teams.apps import ActivityContext, App

    from integrations.teams.bot.deps import Deps

log = logging.getLogger("assistant.teams")


def register(app: App, deps: Deps) -> None:
    """Attach the message handler."""

    @app.on_message
    async def on_message(ctx: ActivityContext[Any]) -> None:
        activity = ctx.activity
        try:
            if activity.id and not await asyncio.to_thread(
                    deps.refs.first_delivery, activity.conversation.id, activity.id):
                return  # a redelivery: answered already
            await asyncio.to_thread(deps.refs.save, reference(activity))
        except Exception:  # Redis is for later and for redeliveries; answer all the same
            log.exception("cannot reach Redis for the conversation reference")
        text = from_message(activity.text or "", bot_mentions=bot_mentions(activity))
        try:
            await answer(ctx, deps, text)
        except Exception:
            log.exception("cannot answer a message")
            await send(ctx, cards.notice_card("Sorry, something went wrong on my side. "
                                              "Please try again in a minute."), "Sorry")


async def send(ctx: ActivityContext[Any], content: cards.Card, summary: str) -> str | None:
    """Send a card threaded under the message being answered; returns the sent id."""
    sent = await ctx.send(card_message(content, summary, reply_to=ctx.activity.id),
                          thread_of(ctx))
    return sent.id


def thread_of(ctx: ActivityContext[Any]) -> Any:
    """Where the answer goes: the message's own thread. A channel message that starts a
    thread can arrive with the channel's id alone; the answer must still go under it."""
    ref = ctx.conversation_ref
    conversation = ref.conversation
    message_id = ctx.activity.id or ""
    if conversation.conversation_type != "channel" or ";messageid=" in conversation.id \
            or not message_id.isdigit():
        return ref
    threaded = f"{conversation.id};messageid={message_id}"
    return ref.model_copy(update={"conversation": conversation.model_copy(update={"id": threaded})})


async def answer(ctx: ActivityContext[Any], deps: Deps, text: str) -> None:
    """Do what the message asks and answer it."""
    command = parse(text)
    if command.action == "help":
        await send(ctx, cards.help_card(), "How to use the review assistant")
    elif command.action == "rules":
        await send(ctx, cards.rules_card(deps.work.rules), "Rules in force")
    elif command.action == "review":
        await _review(ctx, deps, command.text, command.platform)
    elif command.action == "audit":
        await _audit(ctx, deps, command.text)
    elif command.action == "report":
        await _report(ctx, deps)
    elif command.action == "submit":
        from integrations.teams.bot.approvals.dialog import open_card

        await send(ctx, open_card(), "Submit a post for approval")
    else:
        await send(ctx, cards.help_card(command.problem), "How to use the review assistant")


async def _review(ctx: ActivityContext[Any], deps: Deps, text: str, platform: str) -> None:
    try:
        review = await asyncio.to_thread(deps.work.review, text, platform)
    except AssistantError as exc:
        await send(ctx, cards.notice_card(chat_text(exc, doing="review that")), "Review")
        return
    sent = await send(ctx, cards.review_card(review), cards.review_summary(review))
    if deps.work.critique_configured and sent:
        # the worker reviews it again with the critique and updates this card in place
        await _queue(ctx, deps, JobRequest(kind="review", text=text, platform=platform),
                     sent, quiet=True)


async def _audit(ctx: ActivityContext[Any], deps: Deps, name: str) -> None:
    try:
        tracked = deps.work.tracked(name)
    except AssistantError as exc:
        await send(ctx, cards.notice_card(chat_text(exc, doing="audit that")), "Feed audit")
        return
    sent = await send(ctx, cards.notice_card(f"Auditing {tracked}: the answer will replace "
                                             "this message in a minute."), "Feed audit queued")
    await _queue(ctx, deps, JobRequest(kind="audit", text=tracked), sent)


async def _report(ctx: ActivityContext[Any], deps: Deps) -> None:
    conversation = ctx.activity.conversation
    if conversation.conversation_type != "channel":
        await send(ctx, cards.notice_card(
            "Ask for the report in the channel it goes to: @mention me there with review "
            "report. For one feed here, send: review audit <tracked feed name>."),
            "Feed health report")
        return
    sent = await send(ctx, cards.notice_card("Building today's feed health report for this "
                                             "channel's feeds: it will be posted here."),
                      "Feed health report queued")
    await _queue(ctx, deps, JobRequest(kind="report"), sent)


async def _queue(ctx: ActivityContext[Any], deps: Deps, request: JobRequest,
                 sent: str | None, *, quiet: bool = False) -> None:
    """Hand the request to the workers, answered by updating the card `sent`; if the
    queue cannot be reached, say so on that card (unless `quiet`: the card stands)."""
    activity = ctx.activity
    user = getattr(activity.from_, "aad_object_id", None) or activity.from_.id
    request = request.model_copy(update={"reply": reply_to(ctx, sent), "user": user or "",
                                         "origin": "mention"})
    try:
        await asyncio.to_thread(deps.work.queue, request)
    except Exception:
        log.exception("cannot queue a %s request", request.kind)
        if not quiet and sent:
            await ctx.send(card_message(cards.notice_card(
                "I could not hand that to a worker; please try again in a minute."), "Sorry",
                activity_id=sent), thread_of(ctx))


def reply_to(ctx: ActivityContext[Any], sent: str | None) -> dict[str, str]:
    """The reply reference a worker answers through (the fields of
    `integrations.teams.replies.TeamsReply`, read by name: the bot does not import it)."""
    ref = reference(ctx.activity)
    threaded = thread_of(ctx).conversation.id
    thread = threaded.split(";messageid=", 1)[1] if ";messageid=" in threaded else ""
    fields = {"conversation": ref.conversation_id, "service_url": ref.service_url,
              "tenant": ref.tenant_id, "thread": thread, "reply_to": ctx.activity.id or "",
              "activity": sent or "", "bot_id": ref.bot_id}
    return {k: v for k, v in fields.items() if v}
