"""Escaping for Slack mrkdwn: every piece of user, feed or model text goes through here.

Slack reads `<...>` as links, user and channel mentions and `<!channel>` pings, and
`&` as the start of an entity; neither slack_sdk nor Bolt escapes for us.
"""

from __future__ import annotations


def escape(text: str) -> str:
    """`&` first, then `<` and `>`: the three characters Slack asks apps to escape."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
