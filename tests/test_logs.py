"""The services' log lines: no URL's user or password, whatever logged it."""

from __future__ import annotations

import io
import logging

import pytest

from assistant.logs import FORMAT, _Redacting
from assistant.text import without_credentials


@pytest.mark.parametrize(("line", "shown"), [
    ("POST http://proxyuser:Sup3rS3cret@127.0.0.1:8080/v1/chat", "POST http://***@127.0.0.1:8080/v1/chat"),
    ("redis://:p@ss@host:6379/0 down", "redis://***@host:6379/0 down"),  # an "@" in the password
    ("rediss://reporter:pw@redis.example:6380", "rediss://***@redis.example:6380"),
    ("see https://example.com/@user and mailto:x@y.z", "see https://example.com/@user and mailto:x@y.z"),
    ('{"url": "https://host.example?to=a@b.c"}', '{"url": "https://host.example?to=a@b.c"}'),
])
def test_credentials_in_urls_are_replaced_and_nothing_else(line: str, shown: str) -> None:
    assert without_credentials(line) == shown


def _handler() -> tuple[logging.Logger, io.StringIO]:
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.setFormatter(_Redacting(FORMAT))
    logger = logging.getLogger("tests.logs")
    logger.handlers[:] = [handler]
    logger.propagate = False
    logger.setLevel(logging.INFO)
    return logger, out


def test_a_traceback_is_redacted_too() -> None:
    logger, out = _handler()
    try:
        raise ConnectionError("cannot reach https://u:hunter2@llm.example/v1")
    except ConnectionError:
        logger.exception("critique failed for %s", "https://u:hunter2@llm.example/v1")
    shown = out.getvalue()
    assert "hunter2" not in shown
    assert "failed for https://***@llm.example" in shown and "ConnectionError: cannot reach https://***@" in shown


def test_a_record_that_cannot_be_formatted_does_not_raise_where_it_was_logged() -> None:
    """A redacting filter formatted the record itself, outside logging's error handling: a
    caller's mistake raised TypeError inside the job that logged it."""
    logger, out = _handler()
    logger.info("%s and %s", "only one")  # logging reports the mistake; the caller goes on
    logger.info("next")
    assert out.getvalue().rstrip().endswith("INFO tests.logs next")
