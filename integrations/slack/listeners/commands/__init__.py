"""Slash commands: `/review`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from integrations.slack.listeners.commands.review import handle_review

if TYPE_CHECKING:
    from slack_bolt import App

    from integrations.slack.deps import Deps


def register(app: App, deps: Deps) -> None:
    """Attach the slash command listeners."""
    from integrations.slack.listeners.commands import approvals

    approvals.register(app, deps)  # first: it takes only `/review submit`
    app.command("/review")(handle_review(deps))
