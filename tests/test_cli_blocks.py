"""`assistant audit --read`: a big canonical JSON Lines file is read a block at a time, with
the audit, exit code and messages it gets read whole; any file that cannot be is read whole,
and said so when blocks were asked for."""

from __future__ import annotations

import json
import os
from collections.abc import Collection, Iterator
from pathlib import Path

import pytest

import assistant.audit_parallel as parallel
import assistant.sources
import assistant.sources.jsonl as jsonl
from assistant.models import Post
from assistant.sources import StreamedFeed
from bench.bench_audit import post_dicts
from tests.conftest import run_cli as run
from tests.test_audit_parallel import _children, _forking_allowed, _meminfo
from tests.test_audit_stream import _as_jsonl, _write

OPTIONS_WHOLE = "assistant: read whole: --read blocks takes one file"
FILE_WHOLE = "is not canonical JSON Lines of one account"


@pytest.fixture(autouse=True)
def _no_llm(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "AZURE_OPENAI_ENDPOINT", "ASSISTANT_CONFIG"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def readings(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[int]]:
    """How each audit read its file, as it happens: "blocks", one entry a reading in blocks
    (its blocks' count); "whole", one entry a loading whole. Both are wrapped, not replaced."""
    counted: dict[str, list[int]] = {"blocks": [], "whole": []}
    read, load = StreamedFeed.read, assistant.sources.load_accounts

    def reading(self: StreamedFeed, only: Collection[str] | None = None) -> Iterator[list[Post]]:
        counted["blocks"].append(0)
        for block in read(self, only):
            counted["blocks"][-1] += 1
            yield block

    def loading(*args, **kwargs):  # type: ignore[no-untyped-def]
        counted["whole"].append(1)
        return load(*args, **kwargs)
    monkeypatch.setattr(StreamedFeed, "read", reading)
    monkeypatch.setattr(assistant.sources, "load_accounts", loading)
    return counted


def _audit(path: Path, capsys: pytest.CaptureFixture[str], *options: str) -> tuple[int, str, str]:
    return run(capsys, "audit", str(path), "--as-of", "2026-11-01", "--no-llm", *options)


@pytest.mark.parametrize(("export", "options"), [
    ("x_archive/visbot_tweets.js", ("--format", "json", "--own-domain", "visbot.net")),
    ("x_archive/visbot_tweets.js", ("--format", "concise", "--fail-on", "warning")),
    ("mastodon/account_statuses_schochastics_page*.json", ("--format", "text", "--owner", "agency")),
    ("bluesky/benoist_getAuthorFeed.json", ("--format", "json", "--name", "Benoist", "--platform", "threads",
                                            "--select", "repeat-post,engagement-gap,self-promo-ratio")),
])
def test_a_big_file_is_read_in_blocks_with_what_it_gets_read_whole(
        export: str, options: tuple[str, ...], tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch, readings: dict[str, list[int]]) -> None:
    """The audit, the exit code and stderr, in every format, with the options that name,
    move or judge the account."""
    path = _as_jsonl(export, tmp_path)
    whole = _audit(path, capsys, *options, "--read", "whole")
    assert readings == {"blocks": [], "whole": [1]} and whole[1].strip()
    monkeypatch.setattr(parallel, "STREAM_BYTES", path.stat().st_size)  # as big as "big" is
    readings["whole"].clear()
    auto = _audit(path, capsys, *options)
    assert readings["blocks"] and not readings["whole"], "the file was not read in blocks"
    assert auto == whole
    assert _audit(path, capsys, *options, "--read", "blocks") == whole and not readings["whole"]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork is POSIX only")
def test_a_big_file_read_in_blocks_by_a_child_too_gets_the_audit_read_whole(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        readings: dict[str, list[int]]) -> None:
    path = _write(post_dicts(3000), tmp_path / "brightpixel.jsonl")
    whole = _audit(path, capsys, "--format", "json", "--read", "whole")
    _forking_allowed(monkeypatch)
    monkeypatch.setattr(parallel, "MIN_STREAM_BYTES", 1000)
    monkeypatch.setattr(jsonl, "_BLOCK", 16384)
    children = _children(monkeypatch)
    assert _audit(path, capsys, "--format", "json", "--read", "blocks") == whole
    assert children, "no child read the file"


def test_a_small_file_is_read_whole_unless_memory_is_short(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                            monkeypatch: pytest.MonkeyPatch,
                                                            readings: dict[str, list[int]]) -> None:
    path = _as_jsonl("bluesky/benoist_getAuthorFeed.json", tmp_path)
    size = path.stat().st_size
    monkeypatch.setattr(parallel, "MEMINFO", _meminfo(tmp_path, int(parallel.WHOLE_MEMORY * size) + 4096))
    whole = _audit(path, capsys, "--format", "json")
    assert readings == {"blocks": [], "whole": [1]}, "a small file, with the memory to read it whole"
    monkeypatch.setattr(parallel, "MEMINFO", _meminfo(tmp_path, int(parallel.WHOLE_MEMORY * size) - 4096))
    assert _audit(path, capsys, "--format", "json") == whole
    assert readings["blocks"] and readings["whole"] == [1], "with the memory short, read in blocks"


def test_what_cannot_be_read_in_blocks_is_read_whole_and_said_so_when_asked(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], readings: dict[str, list[int]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A post out of order (found part-way, then the file is read whole and sorted), a file
    of another format, an audit whose insights read the posts, two files: the audit read
    whole, and with --read blocks a line on stderr that says why."""
    monkeypatch.setattr(jsonl, "_BLOCK", 4096)  # blocks of ~15 posts
    posts = post_dicts(300)
    posts[250], posts[251] = posts[251], posts[250]
    shuffled = _write(posts, tmp_path / "brightpixel.jsonl")
    csv = tmp_path / "feed.csv"
    csv.write_text("date,text\n2026-01-01,hello there\n2026-01-02,our new post https://brightpixel.agency/a\n",
                   encoding="utf-8")
    visbot = _as_jsonl("x_archive/visbot_tweets.js", tmp_path)
    for paths, options, said in [([shuffled], (), FILE_WHOLE), ([csv], (), FILE_WHOLE),
                                 ([visbot], ("--insights",), OPTIONS_WHOLE),
                                 ([visbot, shuffled], (), OPTIONS_WHOLE)]:
        argv = ["audit", *map(str, paths), "--as-of", "2026-11-01", "--no-llm", "--format", "json", *options]
        code, out, err = run(capsys, *argv)
        asked = run(capsys, *argv, "--read", "blocks")
        assert asked[:2] == (code, out), paths
        assert said in asked[2] and "read whole" not in err, paths
        assert ("--insights" in options) == ("insights" in json.JSONDecoder().raw_decode(out)[0])
    assert len(readings["blocks"]) == 1 and readings["blocks"][0] > 10, \
        "only the file out of order was read in blocks, part-way"


def test_a_plan_without_as_of_is_read_whole_to_its_end(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                       readings: dict[str, list[int]]) -> None:
    """A queue's export (every post still to come) is audited to its last post when no
    --as-of is given: read whole, as such a plan always is, and said so when blocks were asked."""
    posts = [{**post, "created_at": f"2099-01-{1 + i // 24:02d}T{i % 24:02d}:00:00+00:00"}
             for i, post in enumerate(post_dicts(100))]
    path = _write(posts, tmp_path / "queue.jsonl")
    code, out, err = run(capsys, "audit", str(path), "--format", "json", "--read", "blocks", "--no-llm")
    audit = json.loads(out)
    assert audit["as_of"].startswith("2099-01-05T03:00:00") and audit["stats"]["posts"] == 100
    assert readings == {"blocks": [], "whole": [1]} and FILE_WHOLE in err and "a plan" in err
