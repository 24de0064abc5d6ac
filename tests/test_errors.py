"""One exception tree: every deliberate error is an `AssistantError`, and each branch reads
the same way everywhere (an exit status on the command line, one line in chat)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from assistant.approvals.store import DuplicateError
from assistant.critique.runner import BadOutput, CritiqueUnavailable
from assistant.errors import (
    AssistantError,
    ConfigError,
    CritiqueError,
    DeliveryError,
    InputError,
    SourceError,
    chat_text,
    exit_code,
)
from assistant.sources.http import AddressRefused, FetchError
from integrations.teams.webhook import TeamsError


@pytest.mark.parametrize(("error", "branch"), [
    (InputError("bad line", path="a.csv", line=3), InputError),
    (ConfigError("rules.select: unknown rule"), InputError),
    (DuplicateError([(0, "q1")]), InputError),
    (FetchError("HTTP 404", source="rss:https://x.example/feed"), SourceError),
    (AddressRefused("10.0.0.1 is not public"), SourceError),
    (TeamsError("webhook answered 400"), DeliveryError),
    (CritiqueUnavailable("no key"), CritiqueError),
    (BadOutput("not JSON"), CritiqueError),
])
def test_every_error_has_its_branch_and_exits_2(error: Exception, branch: type) -> None:
    assert isinstance(error, AssistantError) and isinstance(error, branch)
    assert exit_code(error) == 2


def test_a_refused_address_is_still_a_connection_error_for_the_retry_policy() -> None:
    assert isinstance(AddressRefused("x"), OSError)


def test_chat_answers_hide_how_a_source_failed() -> None:
    leaked = FetchError("connection refused by 10.1.2.3:8080", source="rss:http://10.1.2.3")
    text = chat_text(leaked, doing="audit that feed")
    assert text == "I could not audit that feed: not a feed I can read"
    assert "10.1.2.3" not in text
    assert chat_text(InputError("the post is empty")) == "the post is empty"


def test_the_command_line_prints_one_line_for_a_config_error(tmp_path: Path) -> None:
    config = tmp_path / "assistant.toml"
    config.write_text("[rules]\nselect = ['no-such-rule']\n")
    done = subprocess.run([sys.executable, "-m", "assistant", "review", "hello", "--config",
                           str(config), "--no-llm"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "no-such-rule" in done.stderr
    assert "Traceback" not in done.stderr
