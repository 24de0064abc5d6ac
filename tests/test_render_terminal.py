"""Text output on a terminal: escape sequences in posts, feeds and the model's words never
reach it, piped or coloured; the words around them still do.

A post can carry an OSC 8 link that shows one thing and opens another, a window title, a
screen clear, colours in a post id, an 8-bit CSI, a right-to-left override. rich.Text stops
markup but writes all of these as they are, so the renderer removes them first
(`assistant.render.text.shown`), before any clipping can leave one half open.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.conftest import REPO, run_on_terminal

if TYPE_CHECKING:
    from assistant.models import Review

OSC8_LINK = "\x1b]8;;http://evil.example/\x1b\\click here\x1b]8;;\x1b\\"
TITLE = "\x1b]0;pwned-title\x07"
# As a security reviewer wrote it: the repeat-post message clips this text inside the
# title's OSC, which a terminal would then leave open over the rest of the findings.
FEED_TEXT = f"Please RT our latest post! {OSC8_LINK} {TITLE} \x1b[2J https://evil.example/blog"
DRAFT = (f"Please RT before-words {OSC8_LINK} {TITLE} \x1b[2J \x9b2J \u202egnp.exe\u202c "
         "\u2066isolate\u2069 after-words BUY NOW\nsecond line")
# Whatever rich writes itself on a terminal or with FORCE_COLOR: colours (SGR) only.
SGR = re.compile(r"\x1b\[[0-9;]*m")
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
MODES = ["piped", "forced-colour", "terminal"]


def _hostile_feed(folder: Path) -> Path:
    feed = folder / "hostile.jsonl"
    with feed.open("w", encoding="utf-8") as out:
        for day in range(1, 7):
            out.write(json.dumps({
                "id": f"post{day}\x1b[31m", "created_at": f"2026-11-0{day}T09:00:00Z",
                "platform": "x", "kind": "post", "author": "@evil\x1b]0;T\x07acct\u202e",
                "text": FEED_TEXT}) + "\n")
    return feed


def _run(argv: list[str | bytes], mode: str) -> bytes:
    """stdout of `assistant ARGV` piped, piped with FORCE_COLOR=1, or on a pseudo-terminal."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("OPENAI_", "AZURE_OPENAI_", "ASSISTANT_", "FORCE_COLOR", "TTY_",
                                "NO_COLOR"))}
    env.update(COLUMNS="200", TERM="xterm-256color", REDIS_URL="")
    command: list[str | bytes] = [sys.executable, "-m", "assistant", *argv]
    if mode == "terminal":
        done, shown = run_on_terminal(command, terminal="stdout", env=env)  # type: ignore[arg-type]
        assert done.returncode in (0, 1), done.stderr
        return shown
    if mode == "forced-colour":
        env["FORCE_COLOR"] = "1"
    done = subprocess.run(command, capture_output=True, cwd=REPO, env=env, timeout=120, check=False)
    assert done.returncode in (0, 1), done.stderr
    return done.stdout


def _safe(out: bytes, mode: str) -> str:
    """The output as text, after checking that nothing in it but rich's colours is a
    control: every escape sequence an SGR rich wrote, no C1 byte or character, no bidi
    override. Returned with whitespace collapsed, for the words a person would read."""
    text = out.decode("utf-8")  # strict: a raw C1 byte (0x80-0x9f) is not UTF-8
    if mode == "piped":
        assert "\x1b" not in text, "no colour at all in a pipe"
    else:
        assert SGR.search(text), "rich is on: the test sees its colours"
        text = SGR.sub("", text)
    if mode == "terminal":
        text = text.replace("\r\n", "\n")  # the terminal's own line ends
    assert "\x1b" not in text
    assert not UNSAFE.findall(text), UNSAFE.findall(text)
    return " ".join(text.split())


@pytest.mark.parametrize("mode", MODES)
def test_an_audit_of_a_hostile_feed_shows_its_words_and_none_of_its_escapes(
        mode: str, tmp_path: Path) -> None:
    out = _run(["audit", str(_hostile_feed(tmp_path)), "--as-of", "2026-11-11", "--no-llm"], mode)
    shown = _safe(out, mode)
    assert "@evilacct x, client feed" in shown  # account name
    assert "posts: post1, post2, post3" in shown  # post ids
    assert "Please RT our latest post! click here" in shown  # the link's words, not its target
    # clipped inside the title's OSC, the rest of the finding is still there
    assert "x6 on 2026-11-01, 2026-11-02" in shown and "stale-latest" in shown


@pytest.mark.parametrize("mode", MODES)
def test_a_review_of_a_hostile_draft_shows_its_words_and_none_of_its_escapes(mode: str) -> None:
    # the draft as bytes, with one that is not UTF-8 (0x9b, an 8-bit CSI): Python reads it
    # as a lone surrogate and would write the byte back out as it came
    draft = DRAFT.encode() + b" raw \x9b2J byte"
    out = _run(["review", "--no-llm", draft], mode)
    shown = _safe(out, mode)
    assert "Review of draft (x post)" in shown
    assert "Please RT before-words click here" in shown
    assert "gnp.exe isolate after-words BUY NOW second line raw 2J byte" in shown
    assert "Asks people to share" in shown and "Reads as a sales pitch" in shown


@pytest.mark.parametrize("mode", MODES)
def test_a_report_preview_of_a_hostile_feed_shows_no_escapes_and_no_markup(
        mode: str, tmp_path: Path) -> None:
    # removing an escape must not make markup of what is left: "[" ESC "red]" is printed
    # as "[red]", not read as a colour
    name = "feed[\x1bred]name\x1b]0;t\x07\u202e"
    out = _run(["report", "preview", str(_hostile_feed(tmp_path)), "--name", name,
                "--owner", "agency", "--date", "2026-11-25", "--no-llm"], mode)
    shown = _safe(out, mode)
    assert "feed[red]name" in shown and "repeat-post" in shown


def _hostile_review() -> Review:
    from assistant.models import Finding, PostRecord, Review
    from assistant.schema import Critique

    post = PostRecord("id\x1b[31m", datetime(2026, 11, 1, tzinfo=UTC), DRAFT, platform="x", kind="post")
    finding = Finding(rule="tone\x1b[2J", severity="warning", source="llm",
                      message=f"The model says {TITLE}look here", evidence="x " * 70 + FEED_TEXT,
                      examples=["a\x1b[31m", "b\x9b"])
    critique = Critique(available=True, verdict="revise", summary=f"Summary {OSC8_LINK}\nline two",
                        practise_what_you_preach=f"Practise {TITLE}this",
                        rewrite="Rewrite \u202eme\x1b[2J\nnext")
    return Review(post=post, findings=[finding], critique=critique)


@pytest.mark.parametrize("console_kind", ["plain", "rich-terminal", "rich-piped"])
def test_model_text_in_a_review_is_shown_without_escapes(
        console_kind: str, capsys: pytest.CaptureFixture[str]) -> None:
    """The critique and a critique finding (the model's words) on every console."""
    from assistant.render.plain import PlainConsole
    from assistant.render.text import print_review

    review = _hostile_review()
    if console_kind == "plain":
        print_review(review, PlainConsole())
        out = capsys.readouterr().out
    else:
        from rich.console import Console

        buffer = io.StringIO()
        console = Console(file=buffer, force_terminal=True, width=100, color_system="standard")
        console.soft_wrap = console_kind == "rich-piped"
        print_review(review, console)
        out = SGR.sub("", buffer.getvalue())
    assert "\x1b" not in out and not UNSAFE.findall(out)
    shown = " ".join(out.split())
    for words in ("Review of id", "tone (critique)", "The model says look here", "posts: a, b",
                  "Summary click here", "line two", "Practise this", "Rewrite me", "next",
                  "the model alone would say: revise"):
        assert words in shown, words


def test_unavailable_critique_note_is_shown_without_escapes(capsys: pytest.CaptureFixture[str]) -> None:
    from assistant.models import PostRecord, Review
    from assistant.render.plain import PlainConsole
    from assistant.render.text import print_review
    from assistant.schema import Critique

    post = PostRecord("draft", datetime(2026, 11, 1, tzinfo=UTC), "hello", platform="x", kind="post")
    note = f"The model endpoint said: {TITLE}\x1b[2J 502 Bad Gateway"
    print_review(Review(post=post, critique=Critique(available=False, note=note)), PlainConsole())
    out = capsys.readouterr().out
    assert "\x1b" not in out and "The model endpoint said: 502 Bad Gateway" in " ".join(out.split())


@pytest.mark.parametrize("text", [
    "Café crème, naïve façade — 日本語、中文，한국어 😀👍🏽 👨‍👩‍👧",
    "مرحبا بالعالم שלום עולם, right to left as written",
    "Line one\nline two\n\n\ttabbed line",
    "[bold red]markup as written[/bold red] and \\escapes",
])
def test_ordinary_text_is_shown_unchanged(text: str) -> None:
    from assistant.text import terminal_safe as shown

    assert shown(text) == text


def test_an_escape_left_open_by_a_cut_takes_nothing_after_it() -> None:
    from assistant.text import terminal_safe as shown

    assert shown("\"Please RT \x1b]0;pwne…\" x6 on 2026-11-01") == "\"Please RT 0;pwne…\" x6 on 2026-11-01"
    assert shown("tail \x1b]8;;http://e\x1b") == "tail 8;;http://e"
    assert shown("a \x1b]0;title\x07b \x1b]8;;u\x1b\\c\x1b]8;;\x9c d") == "a b c d"


def test_the_commands_own_lines_quote_file_names_and_authors_without_their_escapes(
        tmp_path: Path) -> None:
    """The notes and errors the command line writes itself: whose posts were left out, the
    accounts of several files, and a file that cannot be read, each names what the file
    (or its name) said."""
    two = tmp_path / "two.jsonl"
    with two.open("w", encoding="utf-8") as out:
        for day, author in [(1, "@evil\x1b]0;T\x07one"), (2, "@evil\x1b]0;T\x07one"), (3, "@other\x1b[2J")]:
            out.write(json.dumps({"id": f"p{day}", "created_at": f"2026-11-0{day}T09:00:00Z",
                                  "author": author, "text": "Hello there"}) + "\n")
    other = tmp_path / "other.jsonl"
    other.write_text(json.dumps({"id": "o1", "created_at": "2026-11-01T09:00:00Z",
                                 "author": "@third\u202e", "text": "Hi"}) + "\n")
    missing = tmp_path / "gone\x1b]0;pwned\x07.jsonl"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "ASSISTANT_"))}
    for argv, words in [
        (["audit", str(two), "--no-llm"], "audited @evilone; left out 1 post of 1 other account"),
        (["audit", str(two), str(other), "--no-llm"],
         "2 files hold 2 accounts (@evilone, @third)"),
        (["audit", str(missing), "--no-llm"], "gone.jsonl"),
    ]:
        done = subprocess.run([sys.executable, "-m", "assistant", *argv], capture_output=True,
                              cwd=REPO, env=env, timeout=120, check=False)
        both = (done.stdout + done.stderr).decode("utf-8")
        assert "\x1b" not in both and not UNSAFE.findall(both), (argv, both[-500:])
        assert words in " ".join(both.split()), (argv, both[-500:])
