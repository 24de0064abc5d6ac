"""Check a Slack payload the way Slack would: slack_sdk's model validation plus the limits
it does not cover (block count, field count and length, header and button text, total text,
unknown block types), and our own rule that review messages never unfurl links."""

from __future__ import annotations

from typing import Any

from slack_sdk.errors import SlackObjectFormationError
from slack_sdk.models.blocks import Block
from slack_sdk.models.views import View

from integrations.slack.render.blocks import block_text_length

MESSAGE_BLOCKS = 50
VIEW_BLOCKS = 100
TOTAL_TEXT = 12_000


def _button_problems(element: dict[str, Any]) -> list[str]:
    if element.get("type") == "button" and len(element.get("text", {}).get("text", "")) > 75:
        return ["button text over 75"]
    return []


def block_problems(blocks: list[dict[str, Any]], max_blocks: int) -> list[str]:
    """Everything wrong with a list of blocks, as readable strings (empty when fine)."""
    found: list[str] = []
    if len(blocks) > max_blocks:
        found.append(f"{len(blocks)} blocks (limit {max_blocks})")
    try:
        parsed = Block.parse_all(blocks)
        for index, block in enumerate(parsed):
            if block is None:
                found.append(f"block {index}: unknown type {blocks[index].get('type')!r}")
            else:
                block.to_dict()
    except SlackObjectFormationError as exc:
        found.append(f"slack_sdk validation: {exc}")
    for index, block in enumerate(blocks):
        kind = block.get("type")
        text = (block.get("text") or {}).get("text", "")
        if kind == "section":
            if len(text) > 3000:
                found.append(f"block {index}: section text {len(text)} > 3000")
            fields = block.get("fields") or []
            if len(fields) > 10:
                found.append(f"block {index}: {len(fields)} fields > 10")
            found += [f"block {index}: field over 2000" for f in fields if len(f.get("text", "")) > 2000]
            if not text and not fields:
                found.append(f"block {index}: empty section")
        if kind == "header" and len(text) > 150:
            found.append(f"block {index}: header {len(text)} > 150")
        for element in block.get("elements") or []:
            found += _button_problems(element)
        if block.get("accessory"):
            found += _button_problems(block["accessory"])
    return found


def message_problems(payload: dict[str, Any], *, posted: bool = True) -> list[str]:
    """Problems with a message body (chat.postMessage, ephemeral, response_url, ack)."""
    blocks = payload.get("blocks") or []
    if isinstance(blocks, str):
        import json

        blocks = json.loads(blocks)
    found = block_problems(blocks, MESSAGE_BLOCKS)
    if block_text_length(blocks) > TOTAL_TEXT:
        found.append(f"{block_text_length(blocks)} characters of block text > {TOTAL_TEXT}")
    text = payload.get("text") or ""
    if blocks and not text:
        found.append("no fallback text")
    if len(text) > 40_000:
        found.append("text over 40,000")
    if posted and blocks and (payload.get("unfurl_links") is not False
                              or payload.get("unfurl_media") is not False):
        found.append("link unfurling not switched off")
    return found


def view_problems(view: dict[str, Any]) -> list[str]:
    """Problems with a Home tab or modal."""
    found = block_problems(view.get("blocks") or [], VIEW_BLOCKS)
    try:
        View(**view).to_dict()
    except (SlackObjectFormationError, TypeError) as exc:
        found.append(f"view validation: {exc}")
    return found


def call_problems(method: str, body: dict[str, Any]) -> list[str]:
    """Problems with one call recorded by the fake Slack API."""
    if method in ("chat.postMessage", "chat.postEphemeral"):
        return message_problems(body)
    if method == "response_url":
        return message_problems(body, posted=False)
    if method in ("views.publish", "views.open"):
        return view_problems(body["view"])
    return []
