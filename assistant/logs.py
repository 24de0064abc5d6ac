"""Logging for the long-running processes (the chat apps and the worker).

One format for all of them, at INFO, and no URL's user or password in any line: the HTTP
clients log each request's URL at INFO, and an OpenAI-compatible endpoint behind a proxy
may carry credentials in its URL (`https://user:secret@llm-proxy/v1`), which would then be
in the logs once a critique. Redacting at the handler covers every library that logs a URL.
"""

from __future__ import annotations

import logging
import re

FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"
# scheme://userinfo@ : the userinfo ends at the last "@" before the host (a password may
# hold "@" unescaped), and never spans a "/" or white space.
_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/\s]*@")


def without_credentials(text: str) -> str:
    """`text` with the user and password of every URL in it replaced by "***"."""
    return _USERINFO.sub(r"\1***@", text)


class _Redacted(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = without_credentials(message)
        if clean != message:
            record.msg, record.args = clean, None
        return True


def log_to_stderr() -> None:
    """INFO and above to stderr, in `FORMAT`, with credentials in URLs redacted."""
    logging.basicConfig(level=logging.INFO, format=FORMAT)
    for handler in logging.getLogger().handlers:
        if not any(isinstance(f, _Redacted) for f in handler.filters):
            handler.addFilter(_Redacted())
