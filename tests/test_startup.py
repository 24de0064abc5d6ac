"""`assistant review` starts light: it loads no chat platform, LLM client, Redis, OpenSSL or
rich when piped, and its plain output is the very bytes rich writes there."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from contextlib import redirect_stdout
from datetime import UTC, datetime

import pytest

from tests.conftest import REPO, run_on_terminal

# _hashlib: OpenSSL, ~4 ms to start; the checks take BLAKE2 from CPython's own module.
NOT_FOR_REVIEW = ("openai", "slack_sdk", "microsoft_teams", "rich", "redis", "rq", "msgspec", "orjson",
                  "_hashlib")
DRAFTS = [
    "Huge news!! Our new app is live, please RT and share with everyone you know 🙏 "
    "https://example.com",
    "@sam_rivera congrats on the launch, the new site looks great!",
    "[bold red]50% OFF[/] today only, buy now at https://shop.example.com #sale #deal #offer "
    "#shop #buy #now",
    "bell\a backspace\b vertical\v form\f carriage\r\nsecond line  \n\n  indented third",
    "escape \x1b[31mred\x1b[0m, wide 宽字符, joiner 👩‍👩‍👧 and a line\u2028separator",
    "word " * 150 + "please retweet",
]


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("OPENAI_", "AZURE_OPENAI_", "ASSISTANT_", "FORCE_COLOR", "TTY_"))}
    return {**env, **extra}


def _loaded_by(argv: list[str], **env: str) -> set[str]:
    """Every module the `assistant` process imported (from `-X importtime`), and its stdout."""
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "assistant", *argv],
                          capture_output=True, text=True, cwd=REPO, env=_env(**env), timeout=120)
    assert done.returncode in (0, 1), done.stderr[-2000:]
    return {line.split("|")[-1].strip() for line in done.stderr.splitlines()
            if line.startswith("import time:")}


@pytest.mark.parametrize("output_format", ["text", "json", "concise"])
def test_review_loads_no_platform_client_store_or_rich(output_format: str) -> None:
    loaded = _loaded_by(["review", "--format", output_format, DRAFTS[0]])
    assert "assistant.review" in loaded, "the review ran"
    heavy = sorted(name for name in loaded if name.split(".")[0] in NOT_FOR_REVIEW
                   or name.startswith("integrations"))
    assert heavy == []


@pytest.mark.parametrize("options", [
    ["--format", "text"],
    ["--format", "json", "--platform", "linkedin", "--kind", "reply"],
    ["--format", "concise", "--as-of", "2026-01-01T09:00:00+02:00"],
    ["--format", "json", "--own-domain", "example.com", "--fail-on", "warning"],
], ids=["text", "json-platform-kind", "concise-as-of", "json-own-domain"])
def test_a_review_of_a_draft_never_loads_pydantic(options: list[str]) -> None:
    """Validation is for files and configs: a draft typed on the command line goes from
    the rules to the output as plain records, and pydantic's start-up is not paid."""
    loaded = _loaded_by(["review", "--no-llm", *options, DRAFTS[0]])
    assert "assistant.review" in loaded, "the review ran"
    assert sorted(n for n in loaded if n.split(".")[0] in ("pydantic", "pydantic_core")) == []


def test_the_pattern_engine_loads_only_for_a_text_that_needs_a_pattern() -> None:
    """`regex` (~10 ms of start-up) is loaded by the first rule pattern a text can match: a
    plain ASCII announcement needs none, a request to share does. (Text beyond ASCII loads
    it: the prefilters of case-blind patterns pass such text to the engine.)"""
    plain = _loaded_by(["review", "--no-llm", "Our Q3 report is out: 5 trends for agencies "
                        "https://bright.agency/blog/q3"])
    assert "assistant.review" in plain, "the review ran"
    assert "regex" not in plain
    asking = _loaded_by(["review", "--no-llm", "--format", "json", DRAFTS[0]])
    assert "regex" in asking


def test_review_in_a_terminal_still_uses_rich_colour() -> None:
    done, shown = run_on_terminal(
        [sys.executable, "-m", "assistant", "review", "--no-llm", DRAFTS[0]], terminal="stdout",
        env=_env(TERM="xterm-256color", COLUMNS="100"))
    assert done.returncode == 0, done.stderr
    assert b"\x1b[" in shown and b"share-begging" in shown, "coloured findings on a terminal"


def test_forced_colour_on_a_pipe_is_still_honoured() -> None:
    done = subprocess.run([sys.executable, "-m", "assistant", "review", "--no-llm", DRAFTS[0]],
                          capture_output=True, cwd=REPO, env=_env(FORCE_COLOR="1"), timeout=120)
    assert b"\x1b[" in done.stdout and b"share-begging" in done.stdout


@pytest.mark.parametrize("draft", DRAFTS, ids=range(len(DRAFTS)))
def test_plain_review_text_is_what_rich_writes_to_a_pipe(draft: str) -> None:
    from rich.console import Console

    from assistant.models import Post
    from assistant.render.plain import PlainConsole
    from assistant.render.text import print_review
    from assistant.service import Assistant

    post = Post.model_validate({"id": "draft", "platform": "x", "kind": "post",
                                "created_at": datetime(2026, 1, 1, tzinfo=UTC), "text": draft})
    review = Assistant().review(post)
    plain, rich_out = io.StringIO(), io.StringIO()
    with redirect_stdout(plain):
        print_review(review, PlainConsole())
    console = Console(file=rich_out, highlight=False, force_terminal=False, color_system=None)
    console.soft_wrap = True
    print_review(review, console)
    assert plain.getvalue() == rich_out.getvalue()
    assert plain.getvalue().startswith("Review of draft (x post)\n")


def test_help_lists_every_command_and_each_loads_when_named() -> None:
    done = subprocess.run([sys.executable, "-m", "assistant", "--help"], capture_output=True,
                          text=True, cwd=REPO, env=_env(), timeout=120)
    listed = {line.split()[0] for line in done.stdout.split("Commands:")[1].splitlines()
              if line.strip()}
    assert listed == {"audit", "queue", "report", "review", "rules", "serve", "teams", "worker"}
    done = subprocess.run([sys.executable, "-m", "assistant", "worker", "--help"],
                          capture_output=True, text=True, cwd=REPO, env=_env(), timeout=120)
    assert done.returncode == 0 and "--burst" in done.stdout
