"""Logging for the long-running processes (the chat apps and the worker).

One format for all of them, at INFO, and no URL's user or password in any line: the HTTP
clients log each request's URL at INFO, and an OpenAI-compatible endpoint behind a proxy
may carry credentials in its URL (`https://user:secret@llm-proxy/v1`), which would then be
in the logs once a critique. Redacted where a line is formatted, so a traceback's text is
covered too, and a record that cannot be formatted is reported by logging as usual instead
of raising where it was logged.
"""

from __future__ import annotations

import logging

from assistant.text import without_credentials

FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"


class _Redacting(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return without_credentials(super().format(record))


def log_to_stderr() -> None:
    """INFO and above to stderr, in `FORMAT`, with credentials in URLs redacted."""
    logging.basicConfig(level=logging.INFO, format=FORMAT)
    for handler in logging.getLogger().handlers:
        handler.setFormatter(_Redacting(FORMAT))
