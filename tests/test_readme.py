"""The README is tested: every `assistant` command in it exists as written, the ones that
need no server, key or network run, and every TOML block is a valid `assistant.toml`.

A new user follows the README line by line; a command or option it shows that does not
exist, or a config example the loader refuses, is a bug this file catches.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import click
import pytest

from assistant.checks.ruleset import RuleSet
from assistant.cli import cli
from assistant.config import load_workspace

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
# Commands that need nothing but local files: they run for real.
OFFLINE = {"review", "audit", "rules"}
# Peers a command may point at: such a line is checked for its options, not run.
NEEDS_A_PEER = re.compile(r"\b(?:mastodon|bluesky|rss):|https?://\S+\.(?:xml|json|jsonl)|^[A-Z_]+=")


def _blocks(language: str | None) -> Iterator[tuple[int, str]]:
    """(line number, text) of every fenced block in `language` (None: shell-like blocks)."""
    for match in re.finditer(r"^```(\w*)\n(.*?)^```", README, re.M | re.S):
        lang = match.group(1)
        if (language is None and lang in ("sh", "")) or lang == language:
            yield README.count("\n", 0, match.start(2)) + 1, match.group(2)
    if language is None:  # indented blocks (four spaces), as in the reports section
        for match in re.finditer(r"(?:^    \S.*\n)+", README, re.M):
            yield README.count("\n", 0, match.start()) + 1, re.sub(r"^    ", "", match.group(0), flags=re.M)


def _commands() -> list[tuple[int, str]]:
    """Every line of a shell block that runs `assistant`, continuations joined."""
    found = []
    for start, block in _blocks(None):
        lines = block.replace("\\\n", " ").splitlines()
        for offset, line in enumerate(lines):
            code = line.split(" # ")[0].split("  #")[0].strip()
            if re.search(r"(?:^|[\s|/])assistant\s", code) and not code.startswith("#"):
                found.append((start + offset, code))
    return found


def _invocation(line: str) -> list[str]:
    """The arguments after `assistant` on a line (a pipe or env prefix before it dropped)."""
    tail = re.split(r"(?:^|[\s|/])assistant\s", line, maxsplit=1)[1]
    return shlex.split(tail.split(" && ")[0].split(" || ")[0])


def _command_for(args: list[str]) -> tuple[click.Command, list[str]]:
    """The click command the arguments name, and the arguments left for it."""
    command: click.Command = cli
    while isinstance(command, click.Group) and args:
        # get_command, not .commands: subcommands load when named
        found = command.get_command(click.Context(command), args[0])
        if found is None:
            break
        command, args = found, args[1:]
    return command, args


COMMANDS = _commands()


def test_the_readme_shows_commands() -> None:
    names = {_invocation(line)[0] for _, line in COMMANDS}
    assert {"review", "audit", "rules", "queue", "report", "serve", "worker"} <= names


@pytest.mark.parametrize(("line", "text"), COMMANDS, ids=[f"README:{n}" for n, _ in COMMANDS])
def test_every_command_and_option_exists(line: int, text: str) -> None:
    command, args = _command_for(_invocation(text))
    assert not isinstance(command, click.Group), f"README:{line}: no such command: {text}"
    options = {o for p in command.params for o in (*p.opts, *p.secondary_opts)}
    choices = {o: p.type.choices for p in command.params if isinstance(p.type, click.Choice)
               for o in p.opts}
    tokens = [t.strip("[]") for t in args]
    for index, token in enumerate(tokens):
        if not token.startswith("--"):
            continue
        name = token.split("=", 1)[0]
        assert name in options, f"README:{line}: {name} is not an option of this command"
        if name in choices and index + 1 < len(tokens):
            shown = tokens[index + 1]
            if not shown.isupper():  # NAME-style placeholders stand for any value
                for value in shown.split("|"):
                    assert value in choices[name], f"README:{line}: {name} {value} is not a choice"


def _runnable() -> list[tuple[int, str]]:
    out = []
    for line, text in COMMANDS:
        args = _invocation(text)
        if args[0] in OFFLINE and not NEEDS_A_PEER.search(text) and "[" not in text:
            out.append((line, text))
    return out


RUNNABLE = _runnable()


@pytest.mark.parametrize(("line", "text"), RUNNABLE, ids=[f"README:{n}" for n, _ in RUNNABLE])
def test_offline_commands_run_as_written(line: int, text: str) -> None:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("OPENAI_", "AZURE_OPENAI", "ASSISTANT_", "SLACK_", "REDIS_"))}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    # Only the `assistant` step of a set-up line: the quick start's venv and pip steps are
    # what CI itself runs, and must not rebuild the environment this test runs in.
    step = next(part for part in text.split(" && ") if re.search(r"(?:^|[\s|/])assistant\s", part))
    shell = re.sub(r"(^|\s)\.venv/bin/assistant\s", r"\1assistant ", step)
    done = subprocess.run(["bash", "-c", shell], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert done.returncode in (0, 1), f"README:{line}: exit {done.returncode}: {done.stderr}"
    assert done.stdout.strip(), f"README:{line}: printed nothing"
    assert "Traceback" not in done.stderr and "error:" not in done.stderr, done.stderr


TOML = list(_blocks("toml"))


@pytest.mark.parametrize(("line", "block"), TOML, ids=[f"README:{n}" for n, _ in TOML])
def test_every_toml_block_is_a_valid_config_on_its_own(
    line: int, block: str, tmp_path: Path
) -> None:
    path = tmp_path / "assistant.toml"
    path.write_text(block, encoding="utf-8")
    workspace = load_workspace(path)
    RuleSet.from_config(workspace.rules, path=str(path), text=workspace.text)


def test_the_example_config_is_valid() -> None:
    path = ROOT / "examples" / "assistant.toml"
    workspace = load_workspace(path)
    RuleSet.from_config(workspace.rules, path=str(path), text=workspace.text)
