"""`/review`: acknowledge at once (privately), enqueue the slow work for the worker."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from assistant.jobs import JobRequest
from integrations.slack.deps import slack_reply
from integrations.slack.listeners.commands.parse import parse
from integrations.slack.render import blocks as render
from integrations.slack.text import from_command

if TYPE_CHECKING:
    from slack_bolt import Ack, Respond

    from integrations.slack.deps import Deps

log = logging.getLogger("assistant.slack")


def _ack(ack: Ack, msg: render.Message) -> None:
    ack(response_type="ephemeral", text=msg["text"], blocks=msg["blocks"],
        unfurl_links=False, unfurl_media=False)


def handle_review(deps: Deps) -> Callable[..., None]:
    """The `/review` listener, bound to the app's shared state."""

    def review(ack: Ack, command: dict[str, Any], respond: Respond) -> None:
        request = parse(from_command(command.get("text", "")))
        if request.action == "help":
            return _ack(ack, render.help_message())
        if request.action == "rules":
            return _rules(ack, respond, deps)
        if request.action == "unknown":
            return _ack(ack, render.unknown_input(request.text, request.problem))
        job = JobRequest(
            kind=request.action,  # type: ignore[arg-type]  (review, audit or report here)
            text=request.text,
            platform=request.platform,
            surface="slack",
            reply=slack_reply(command["channel_id"], team_id=command.get("team_id", ""),
                              response_url=command.get("response_url")),
            user=command.get("user_id", ""),
            origin="command",
        )
        try:
            deps.enqueue(job)
        except Exception:  # the user must hear about it within 3 s
            log.exception("cannot enqueue a %s", job.kind)
            return _ack(ack, render.notice("Sorry, I can't take work right now (queue unavailable). "
                                           "Please try again in a minute."))
        what = {"audit": "Auditing that feed", "report": "Building today's feed health report",
                "review": "Reviewing your draft"}[job.kind]
        _ack(ack, render.notice(f"{what}… the answer will appear in this channel in a moment."))

    return review


def _rules(ack: Ack, respond: Respond, deps: Deps) -> None:
    """The rules in force, privately: the first message in the ack, the rest via response_url."""
    first, *rest = render.rules_message(deps.rules)
    _ack(ack, first)
    try:
        for more in rest:
            respond(text=more["text"], blocks=more["blocks"], response_type="ephemeral",
                    replace_original=False, unfurl_links=False, unfurl_media=False)
    except Exception:  # the ack went out; a lost follow-up is logged, not raised
        log.exception("cannot post the rest of the rules (%d messages)", len(rest))
