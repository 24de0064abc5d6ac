"""Slack's renderers: Block Kit messages for reviews, audits and reports, mrkdwn escaping."""
