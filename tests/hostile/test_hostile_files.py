"""Hostile input files through the real command line: zip bombs, lying and overlapping
zips, lone surrogates, NULs, binary, deep nesting, billion laughs. Each is refused with
one line naming the file (exit 2), quickly and in bounded memory, or, where the file is
harmless once parsed safely (entities left unexpanded), read without blowing up."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.sources.zipbombs import TWEET, build, deflated, zeros

POST = {"id": "p1", "created_at": "2026-11-01T09:00:00Z", "platform": "x", "kind": "post",
        "author": "@brightpixel", "text": "Our autumn menu is here"}
MAX_PEAK_MB = 200  # the CLI itself takes about 60 MB; a bomb read would take gigabytes


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float


# The command runs under a wrapper that writes its own high-water mark (VmHWM) at exit:
# rusage from wait4 would count the test process's pages the child was forked with.
_WRAPPER = """
import atexit, os
def _peak():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            open(os.environ["PEAK_FILE"], "w").write(line.split()[1])
atexit.register(_peak)
from assistant.cli import main
main()
"""


def run_cli(*args: str, env: dict[str, str] | None = None) -> Run:
    """`assistant ARGS` as a process, with its output, duration and peak memory."""
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        peak_file = Path(scratch) / "peak"
        environment = {**os.environ, "PYTHONPATH": str(REPO), "PEAK_FILE": str(peak_file),
                       **(env or {})}
        started = time.monotonic()
        process = subprocess.run([sys.executable, "-c", _WRAPPER, *args], capture_output=True,
                                 env=environment, cwd=REPO, timeout=120)
        seconds = time.monotonic() - started
        peak_kb = int(peak_file.read_text()) if peak_file.exists() else 0
        return Run(process.returncode, process.stdout.decode(errors="replace"),
                   process.stderr.decode(errors="replace"), seconds, peak_kb / 1024)


def jsonl(*lines: str) -> bytes:
    return ("\n".join(lines) + "\n").encode()


def _liar() -> bytes:
    member = zeros(50)
    member.declared = 1024  # the headers say 1 KB; the data inflates to 50 MB
    return build([member])


def _two_halves() -> bytes:
    one, two = zeros(150), zeros(150)
    two.name = "data/tweets-part1.js"
    return build([one, two])


def _surrogate_archive() -> bytes:
    return (b'window.YTD.tweets.part0 = [\n  {"tweet": {"id_str": "1", "full_text": "ok",\n'
            b'    "created_at": "Wed Oct 10 20:19:24 +0000 2018"}},\n'
            b'  {"tweet": {"id_str": "2", "full_text": "broken \\udc00 text",\n'
            b'    "created_at": "Wed Oct 10 20:19:24 +0000 2018"}}\n]\n')


REFUSED: dict[str, tuple[str, bytes | None, str]] = {
    # name: (file name, content, what the error line must say)
    "zip-bomb-896MB": ("archive.zip", None, "inflates to 939,524,096 bytes"),
    "zip-same-member-12-times": ("archive.zip", None, "overlap"),
    "zip-liar-declares-1KB": ("archive.zip", None, "not readable"),
    "zip-two-150MB-parts": ("archive.zip", None, "in all; limit"),
    "zip-truncated": ("archive.zip", None, "zip"),
    "zip-encrypted-flag": ("archive.zip", None, "zip"),
    "jsonl-lone-surrogate": ("posts.jsonl", jsonl(json.dumps(POST), json.dumps(POST).replace(
        "menu", "menu \\ud800")), "posts.jsonl:2: \\ud800 is half of a UTF-16 surrogate pair"),
    "jsonl-lone-low-surrogate": ("posts.jsonl", jsonl(json.dumps(POST).replace("menu", "\\uDFFF")),
                                 ":1: \\uDFFF"),
    "x-archive-lone-surrogate": ("tweets.js", _surrogate_archive(), "tweets.js:4: \\udc00"),
    "jsonl-truncated": ("posts.jsonl", jsonl(json.dumps(POST), json.dumps(POST)[:40]), ":2:"),
    "jsonl-nul-bytes": ("posts.jsonl", b'{"id": "p1"\x00\x00\x00}\n', ":1:"),
    "all-nul": ("posts.jsonl", b"\x00" * 10_000, "binary"),
    "binary": ("posts.jsonl", bytes(range(256)) * 40, ""),
    "deep-nesting": ("posts.jsonl", b'{"id": ' + b"[" * 200_000 + b"\n", ":1:"),
    "deep-nesting-archive": ("tweets.js", b"window.YTD.tweets.part0 = " + b"[" * 200_000, "nested"),
    "bom-in-the-middle": ("posts.jsonl", jsonl(json.dumps(POST), "\ufeff" + json.dumps(POST)),
                          ":2:"),
    "latin1": ("posts.jsonl", jsonl(json.dumps(POST)).replace(b"menu", b"men\xfc"), "not UTF-8"),
}


def _content(case: str) -> bytes:
    name, content, _ = REFUSED[case]
    if content is not None:
        return content
    tweet = deflated("data/tweets.js", TWEET)
    return {
        "zip-bomb-896MB": lambda: build([zeros(896)]),
        "zip-same-member-12-times": lambda: build([tweet], listed=[("data/tweets.js", 0)] * 12),
        "zip-liar-declares-1KB": _liar,
        "zip-two-150MB-parts": _two_halves,
        "zip-truncated": lambda: build([tweet])[:60],
        "zip-encrypted-flag": lambda: build([tweet]).replace(  # the "encrypted" flag bit set
            b"PK\x01\x02\x14\x00\x14\x00\x00\x00", b"PK\x01\x02\x14\x00\x14\x00\x01\x00"),
    }[case]()


@pytest.mark.parametrize("command", ["review", "audit"])
@pytest.mark.parametrize("case", sorted(REFUSED))
def test_hostile_file_is_one_line_exit_2_fast_and_small(tmp_path: Path, case: str,
                                                        command: str) -> None:
    name, _, says = REFUSED[case]
    path = tmp_path / name
    path.write_bytes(_content(case))
    args = ["review", "--input", str(path)] if command == "review" else ["audit", str(path)]
    run = run_cli(*args)
    assert run.code == 2, (run.code, run.stderr[-500:])
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"assistant: error: {path}"), run.stderr[-500:]
    assert says in lines[0]
    assert run.stdout == ""  # nothing half-written
    assert run.seconds < 15 and run.peak_mb < MAX_PEAK_MB, (run.seconds, run.peak_mb)


def test_the_896MB_bomb_is_refused_before_inflating(tmp_path: Path) -> None:
    path = tmp_path / "archive.zip"
    path.write_bytes(build([zeros(896)]))
    assert path.stat().st_size < 1_000_000
    run = run_cli("review", "--input", str(path))
    assert run.code == 2 and run.seconds < 5, run.seconds
    assert 0 < run.peak_mb < 100, run.peak_mb


def test_queue_import_refuses_a_lone_surrogate_with_its_line(tmp_path: Path,
                                                             redis_url: str) -> None:
    config = tmp_path / "assistant.toml"
    config.write_text('[agency]\nname = "Bright Pixel"\n\n[[clients]]\nname = "acme"\n'
                      'approvers = ["U0123ABCD"]\napprovals_channel = "C0APPROVALS"\n')
    post = dict(POST, created_at="2099-11-01T09:00:00Z")
    path = tmp_path / "queue.jsonl"
    path.write_bytes(jsonl(json.dumps(post), json.dumps(dict(post, id="p2")).replace(
        "menu", "menu \\ud83d")))
    run = run_cli("queue", "import", str(path), "--client", "acme",
                  env={"REDIS_URL": redis_url, "ASSISTANT_CONFIG": str(config)})
    assert run.code == 2, run.stderr
    assert "Traceback" not in run.stderr
    assert f"{path}:2: \\ud83d is half of a UTF-16 surrogate pair" in run.stderr
    assert "nothing was imported" in run.stderr
    import redis

    assert not redis.Redis.from_url(redis_url).keys("assistant:*approval*")


def _laughs() -> bytes:
    text = '<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY lol "lol">\n'
    for level in range(1, 10):
        previous = f"lol{level - 1}" if level > 1 else "lol"
        text += f'<!ENTITY lol{level} "' + f"&{previous};" * 10 + '">\n'
    text += ('<!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n<rss version="2.0"><channel>'
             "<title>Laughs</title><pubDate>Mon, 01 Jan 2024 00:00:00 GMT</pubDate><item>"
             "<title>&lol9;</title><description>&lol9; &xxe;</description></item>"
             "</channel></rss>\n")
    return text.encode()


def test_billion_laughs_and_external_entities_are_never_expanded(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_bytes(_laughs())
    run = run_cli("review", "--input", str(path), "--format", "json")
    assert "Traceback" not in run.stderr
    assert run.peak_mb < MAX_PEAK_MB and run.seconds < 15
    if run.code == 2:
        assert len(run.stderr.strip().splitlines()) == 1
    else:
        review = json.loads(run.stdout.splitlines()[0])
        assert len(review["post"]["text"]) < 100  # "lol" x 10^9 would be 3 GB
        assert "root:" not in run.stdout  # /etc/passwd was not read
