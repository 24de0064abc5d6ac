"""`assistant audit --read`: a big canonical JSON Lines file is read a block at a time, with
the audit it gets read whole; any file that cannot be is read whole, and said so when asked."""

from __future__ import annotations

import json
from collections.abc import Collection, Iterator
from pathlib import Path

import pytest

import assistant.audit_parallel as parallel
import assistant.sources.jsonl as jsonl
from assistant.models import Post
from assistant.sources import StreamedFeed
from bench.bench_audit import post_dicts
from tests.conftest import run_cli as run
from tests.test_audit_parallel import _meminfo
from tests.test_audit_stream import _as_jsonl, _write

READ_WHOLE = "assistant: read whole: only one canonical JSON Lines file"


@pytest.fixture(autouse=True)
def _no_llm(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "AZURE_OPENAI_ENDPOINT", "ASSISTANT_CONFIG"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def readings(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The readings of a file in blocks, one entry each (its blocks' count), as they happen:
    `StreamedFeed.read` is wrapped, not replaced."""
    counted: list[int] = []
    read = StreamedFeed.read

    def counting(self: StreamedFeed, only: Collection[str] | None = None) -> Iterator[list[Post]]:
        counted.append(0)
        for block in read(self, only):
            counted[-1] += 1
            yield block
    monkeypatch.setattr(StreamedFeed, "read", counting)
    return counted


def _audit(path: Path, capsys: pytest.CaptureFixture[str], *options: str) -> tuple[int, str, str]:
    return run(capsys, "audit", str(path), "--as-of", "2026-11-01", "--own-domain", "brightpixel.agency",
               "--no-llm", *options)


@pytest.mark.parametrize("export", ["x_archive/visbot_tweets.js", "mastodon/account_statuses_schochastics_page*.json"])
@pytest.mark.parametrize("output", ["json", "text"])
def test_a_big_file_is_read_in_blocks_with_the_audit_it_gets_read_whole(
        export: str, output: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch, readings: list[int]) -> None:
    path = _as_jsonl(export, tmp_path)
    whole = _audit(path, capsys, "--format", output, "--read", "whole")
    assert not readings and ("Health" in whole[1] or "\"health\"" in whole[1])
    monkeypatch.setattr(parallel, "STREAM_BYTES", path.stat().st_size)  # as big as "big" is
    auto = _audit(path, capsys, "--format", output)
    assert readings, "the file was not read in blocks"
    assert auto == whole
    readings.clear()
    assert _audit(path, capsys, "--format", output, "--read", "blocks") == whole and readings


def test_a_small_file_is_read_whole_unless_memory_is_short(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                            monkeypatch: pytest.MonkeyPatch,
                                                            readings: list[int]) -> None:
    path = _as_jsonl("bluesky/benoist_getAuthorFeed.json", tmp_path)
    size = path.stat().st_size
    monkeypatch.setattr(parallel, "MEMINFO", _meminfo(tmp_path, int(parallel.WHOLE_MEMORY * size) + 4096))
    whole = _audit(path, capsys, "--format", "json")
    assert not readings, "a small file, with the memory to read it whole, was read in blocks"
    monkeypatch.setattr(parallel, "MEMINFO", _meminfo(tmp_path, int(parallel.WHOLE_MEMORY * size) - 4096))
    assert _audit(path, capsys, "--format", "json") == whole
    assert readings, "with the memory short, the file was not read in blocks"


def test_a_file_that_cannot_be_read_in_blocks_is_read_whole_and_said_so_when_asked(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], readings: list[int],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A post out of order (found part-way, then the file is read whole and sorted), a
    file of another format, an audit whose insights read the posts: the audit read whole."""
    monkeypatch.setattr(jsonl, "_BLOCK", 4096)  # blocks of ~15 posts
    posts = post_dicts(300)
    posts[250], posts[251] = posts[251], posts[250]
    shuffled = _write(posts, tmp_path / "brightpixel.jsonl")
    csv = tmp_path / "feed.csv"
    csv.write_text("date,text\n2026-01-01,hello there\n2026-01-02,our new post https://brightpixel.agency/a\n",
                   encoding="utf-8")
    for path, options in [(shuffled, ()), (csv, ()), (_as_jsonl("x_archive/visbot_tweets.js", tmp_path),
                                                      ("--insights",))]:
        code, out, err = _audit(path, capsys, "--format", "json", *options)
        asked = _audit(path, capsys, "--format", "json", "--read", "blocks", *options)
        assert asked[:2] == (code, out), path.name
        assert READ_WHOLE in asked[2] and READ_WHOLE not in err
    assert len(readings) == 1 and readings[0] > 10, "only the file out of order was read in blocks, part-way"
    assert "insights" in json.loads(asked[1])


def test_a_plan_read_in_blocks_is_audited_to_its_end(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                     readings: list[int]) -> None:
    """A queue's export (every post still to come) is audited to its last post when no
    --as-of is given: read whole, as such a plan always is."""
    posts = [{**post, "created_at": f"2099-01-{1 + i // 24:02d}T{i % 24:02d}:00:00+00:00"}
             for i, post in enumerate(post_dicts(100))]
    path = _write(posts, tmp_path / "queue.jsonl")
    code, out, _ = run(capsys, "audit", str(path), "--format", "json", "--read", "blocks", "--no-llm")
    assert json.loads(out)["as_of"].startswith("2099-01-05T03:00:00")
    assert json.loads(out)["stats"]["posts"] == 100 and not readings
