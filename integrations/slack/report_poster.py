"""Slack for report delivery: what `assistant.reports.deliver` posts with, wired in by the
CLI entry point and the Slack worker (the core never imports Slack itself)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from slack_sdk import WebClient

    from assistant.effects import Effects
    from assistant.settings import Settings


class SlackReportPoster:
    """Posts and uploads through `integrations.slack.posting`: once per key with an effects
    record, plainly without one (no Redis)."""

    def __init__(self, client: WebClient) -> None:
        self.client = client

    @classmethod
    def from_settings(cls, settings: Settings) -> SlackReportPoster:
        """A poster with the bot token; ConfigError when SLACK_BOT_TOKEN is not set."""
        from assistant.errors import ConfigError
        from integrations.slack.posting import web_client

        token = settings.slack_bot_token.get_secret_value() if settings.slack_bot_token else None
        if not token:
            raise ConfigError("SLACK_BOT_TOKEN is not set")
        return cls(web_client(token, settings.slack_api_url))

    def post(self, effects: Effects | None, key: str, *, channel: str, thread_ts: str | None,
             **message: Any) -> tuple[str, bool]:
        """chat.postMessage (once for `key`); returns the ts and whether it was posted now."""
        from integrations.slack.posting import post_once

        if effects is None:
            answer = self.client.chat_postMessage(channel=channel, thread_ts=thread_ts, **message)
            return str(answer["ts"]), True
        done = post_once(self.client, effects, key, channel=channel, thread_ts=thread_ts,
                         **message)
        return done.value, done.fresh

    def upload(self, effects: Effects | None, key: str, *, channel: str, thread_ts: str,
               content: bytes, filename: str, title: str) -> bool:
        """A file into a thread (once for `key`); whether it was uploaded now."""
        from integrations.slack.posting import upload_once

        if effects is None:
            self.client.files_upload_v2(channel=channel, thread_ts=thread_ts, content=content,
                                        filename=filename, title=title)
            return True
        return upload_once(self.client, effects, key, channel=channel, thread_ts=thread_ts,
                           content=content, filename=filename, title=title).fresh
