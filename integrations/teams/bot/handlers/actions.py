"""The message action "Review this post" (More actions on any message): the review in a
dialog that only the person who asked sees."""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any

from assistant.errors import AssistantError, chat_text
from integrations.teams.bot import cards
from integrations.teams.bot.deps import invoke_card_response
from integrations.teams.bot.text import from_message

if TYPE_CHECKING:
    from microsoft_teams.apps import ActivityContext, App

    from integrations.teams.bot.deps import Deps

log = logging.getLogger("assistant.teams")
COMMAND_ID = "reviewPost"  # the manifest's message extension command
DIALOG_TITLE = "Review this post"
INVOKE_CRITIQUE_WAIT = 4.0  # seconds: Teams gives an invoke little time; cached critiques fit


def register(app: App, deps: Deps) -> None:
    """Attach the message extension handlers (open and submit both answer with the review)."""

    @app.on_message_ext_open
    async def on_open(ctx: ActivityContext[Any]) -> Any:
        return await review_message(ctx, deps)

    @app.on_message_ext_submit
    async def on_submit(ctx: ActivityContext[Any]) -> Any:
        return await review_message(ctx, deps)


def message_text(value: Any) -> str:
    """The plain text of the message the action was used on."""
    payload = getattr(value, "message_payload", None)
    body = getattr(payload, "body", None) if payload else None
    if body is None or not body.content:
        return ""
    return from_message(body.content)


async def review_message(ctx: ActivityContext[Any], deps: Deps) -> dict[str, Any]:
    """Review the message's text; the answer opens as a dialog."""
    value = ctx.activity.value
    if getattr(value, "command_id", COMMAND_ID) != COMMAND_ID:
        return invoke_card_response(cards.notice_card("I don't know that action."), DIALOG_TITLE)
    text = message_text(value)
    if not text:
        return invoke_card_response(cards.notice_card("There is no text to review in that "
                                                      "message."), DIALOG_TITLE)
    try:
        review = await asyncio.to_thread(deps.work.review, text)
    except AssistantError as exc:
        return invoke_card_response(cards.notice_card(chat_text(exc, doing="review that")),
                                    DIALOG_TITLE)
    if deps.work.critique_configured:
        try:
            review = await asyncio.wait_for(asyncio.to_thread(deps.work.critique, review),
                                            INVOKE_CRITIQUE_WAIT)
        except TimeoutError:
            from dataclasses import replace

            from assistant.models import Critique

            review = replace(review, critique=Critique(
                available=False, note="The model's critique takes longer than a dialog waits: "
                "send me review <the post> for the full review."))
    return invoke_card_response(cards.review_card(review, title=DIALOG_TITLE), DIALOG_TITLE)
