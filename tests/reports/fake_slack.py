"""The shared fake Slack Web API with a stall switch and a view of accepted posts per channel.

`stall_channels` makes chat.postMessage to a channel hang (to kill a run half-way).
"""

from __future__ import annotations

import time
from typing import Any

from tests.fakes.slack_api import Call, FakeSlack


class StallingFakeSlack(FakeSlack):
    """The shared fake, plus channels whose posts hang and a per-channel view of posts."""

    def __init__(self) -> None:
        super().__init__()
        self.stall_channels: set[str] = set()

    def _answer(self, method: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        if method == "chat.postMessage" and body.get("channel") in self.stall_channels:
            time.sleep(60)
        status, answer = super()._answer(method, body)
        if not answer.get("ok"):
            body["_refused"] = answer.get("error")  # the recorded body is this dict
        return status, answer

    def posts(self, channel: str) -> list[Call]:
        """Messages Slack accepted in `channel` (refusals such as not_in_channel left out)."""
        return [c for c in self.of("chat.postMessage")
                if c.body.get("channel") == channel and "_refused" not in c.body]
