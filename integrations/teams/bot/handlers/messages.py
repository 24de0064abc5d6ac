"""Messages to the bot (a personal chat, or an @mention in a channel): the `review` commands.

Every answer is threaded under the message it answers. A review answers at once with
the rules' verdict; when a model is configured its critique is added to the same card
(the message is updated in place) as soon as it arrives, so the request is never held
up by the model.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any

from assistant.errors import InputError
from integrations.teams.bot import cards
from integrations.teams.bot.commands import parse
from integrations.teams.bot.deps import card_message
from integrations.teams.bot.handlers.conversation import bot_mentions, reference
from integrations.teams.bot.text import from_message

if TYPE_CHECKING:
    from microsoft_teams.apps import ActivityContext, App

    from assistant.models import Review
    from integrations.teams.bot.deps import Deps

log = logging.getLogger("assistant.teams")
AUDIT_TIMEOUT = 25.0  # seconds; a tracked feed's fetch is bounded by its own timeouts too
_background: set[asyncio.Task[None]] = set()


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
        await send(ctx, cards.notice_card(
            "I can't build the feed health report on demand in Teams yet: the daily report "
            "reaches Teams through the destinations in assistant.toml. For one feed now, "
            "send: review audit <tracked feed name>."), "Feed health report")
    elif command.action == "submit":
        from integrations.teams.bot.approvals.dialog import open_card

        await send(ctx, open_card(), "Submit a post for approval")
    else:
        await send(ctx, cards.help_card(command.problem), "How to use the review assistant")


async def _review(ctx: ActivityContext[Any], deps: Deps, text: str, platform: str) -> None:
    try:
        review = deps.work.review(text, platform)
    except InputError as exc:
        await send(ctx, cards.notice_card(f"I could not review that: {exc}"), "Review")
        return
    sent = await send(ctx, cards.review_card(review), cards.review_summary(review))
    if deps.work.critique_configured and sent:
        task = asyncio.create_task(add_critique(ctx, deps, review, sent))
        _background.add(task)
        task.add_done_callback(_background.discard)


async def add_critique(ctx: ActivityContext[Any], deps: Deps, review: Review,
                       activity_id: str) -> None:
    """Update the sent review card in place with the model's critique (or why there is none).

    This runs after the request was answered; a job queue can take this step over
    unchanged (it needs the conversation reference and the activity id, nothing else).
    """
    try:
        critiqued = await asyncio.wait_for(asyncio.to_thread(deps.work.critique, review),
                                           deps.critique_timeout)
    except TimeoutError:
        from assistant.models import Critique

        note = Critique(available=False, note="The model's critique did not arrive in time.")
        critiqued = review.model_copy(update={"critique": note})
    try:
        await ctx.send(card_message(cards.review_card(critiqued), cards.review_summary(critiqued),
                                    activity_id=activity_id), thread_of(ctx))
    except Exception:
        log.exception("cannot update a review card with its critique")


async def _audit(ctx: ActivityContext[Any], deps: Deps, name: str) -> None:
    try:
        audit = await asyncio.wait_for(asyncio.to_thread(deps.work.audit, name), AUDIT_TIMEOUT)
    except InputError as exc:
        await send(ctx, cards.notice_card(f"I could not audit that: {exc}"), "Feed audit")
        return
    except TimeoutError:
        await send(ctx, cards.notice_card("That feed took too long to read; try again later."),
                   "Feed audit")
        return
    await send(ctx, cards.audit_card(audit),
               f"Feed audit: {audit.account.name} {audit.health.score}/100")
