"""Rule patterns kept compiled on disk (`pattern_cache`): a run rebuilt from the cache finds
what a run that compiles finds, writes nothing it need not, and a cache file that is not
exactly what a save wrote (tampered with, another user's, or holding code) is never used.

Each run is its own process, as a user's runs are: the cache is read once a process.
"""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.checks.digest import blake2b
from tests.conftest import REALDATA, REPO

EXPORT = REALDATA / "hootsuite" / "hbc_bsidesphilly_sponsors.csv"

# Every rule pattern, asked of every labelled draft: what each finds (its span and the
# pattern's flags), and whether the process compiled any pattern itself (`save` had
# something to add).
_SEARCH_ALL = """
import json, sys
from pathlib import Path
from assistant.checks import pattern_cache
from tests.checks.prefilter_table import patterns
drafts = [json.loads(line)["text"] for path in sorted(Path("tests/labelled").glob("drafts_*.jsonl"))
          for line in path.read_text().splitlines() if line.strip()]
found = []
for pattern in sorted(patterns(), key=lambda p: (p._source, p._flags)):
    compiled = pattern.compiled
    found.append([compiled.pattern[:40], compiled.flags, compiled.groups,
                  [[m.span() for m in compiled.finditer(text)] for text in drafts]])
print(json.dumps({"compiled_here": bool(pattern_cache._new), "found": found}))
"""


def _run(code: str, cache: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """`code` in a process of its own whose cache directory is under `cache`."""
    environment = {k: v for k, v in os.environ.items() if k != "ASSISTANT_PATTERN_CACHE"}
    environment.update(XDG_CACHE_HOME=str(cache), **env)
    return subprocess.run([sys.executable, "-c", code], cwd=REPO, env=environment,
                          capture_output=True, text=True, timeout=300)


def _audit(cache: Path, **env: str) -> str:
    """What `assistant audit` of a real export prints, run with the cache under `cache`."""
    done = _run("import sys; from assistant.cli import main; "
                f"sys.argv = ['assistant', 'audit', {str(EXPORT)!r}, '--format', 'json', '--no-llm', "
                "'--as-of', '2030-01-01']; main()", cache, **env)
    assert done.returncode == 0, done.stderr
    assert done.stderr == "", done.stderr
    return done.stdout


def _cache_files(cache: Path) -> list[Path]:
    return sorted((cache / "agency-assistant").glob("patterns-*.pickle"))


def _entries(path: Path) -> dict[tuple[str, int], tuple[object, ...]]:
    """What a cache file holds (read as the tests' own data: the file was written here)."""
    _magic, _digest, payload = path.read_bytes().split(b"\n", 2)
    entries: dict[tuple[str, int], tuple[object, ...]] = pickle.loads(payload)
    return entries


def test_every_rule_pattern_rebuilt_from_the_cache_finds_what_it_finds_compiled(tmp_path: Path) -> None:
    first = json.loads(_run(_SEARCH_ALL, tmp_path).stdout)  # compiled, then saved
    assert first["compiled_here"]
    assert len(first["found"]) > 250
    assert sum(len(spans) for _, _, _, matches in first["found"] for spans in matches) > 1000
    again = json.loads(_run(_SEARCH_ALL, tmp_path).stdout)
    assert not again["compiled_here"]  # every pattern came from the cache
    assert again["found"] == first["found"]


def test_an_audit_reads_the_cache_and_finds_the_same(tmp_path: Path) -> None:
    uncached = _audit(tmp_path, ASSISTANT_PATTERN_CACHE="off")
    assert not (tmp_path / "agency-assistant").exists()
    assert len(json.loads(uncached)["findings"]) >= 5
    assert _audit(tmp_path) == uncached
    [written] = _cache_files(tmp_path)
    before = written.stat().st_mtime_ns, written.read_bytes()
    assert _audit(tmp_path) == uncached
    assert (written.stat().st_mtime_ns, written.read_bytes()) == before  # nothing new to add
    assert written.stat().st_mode & 0o077 == 0  # the user's own


def test_a_directory_named_by_the_setting_holds_the_cache(tmp_path: Path) -> None:
    elsewhere = tmp_path / "patterns"
    _audit(tmp_path / "xdg", ASSISTANT_PATTERN_CACHE=str(elsewhere))
    assert len(list(elsewhere.glob("patterns-*.pickle"))) == 1
    assert not (tmp_path / "xdg").exists()


def _rewrite(path: Path, entries: object) -> None:
    """`entries` pickled as a save writes them, digest and all."""
    payload = pickle.dumps(entries)
    head = path.read_bytes().split(b"\n", 1)[0] + b"\n"
    path.write_bytes(head + blake2b(payload, digest_size=32).hexdigest().encode() + b"\n" + payload)


class _Planted:
    """Pickles as a call of `os.system`: code, not data."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return os.system, (f"touch {self.marker}",)


@pytest.mark.parametrize("damage", ["garbage", "digest", "code", "shape", "writable"])
def test_a_cache_file_that_is_not_what_a_save_wrote_is_never_used(tmp_path: Path, damage: str) -> None:
    expected = _audit(tmp_path)
    [written] = _cache_files(tmp_path)
    saved = _entries(written)
    marker = tmp_path / "planted-code-ran"
    if damage == "garbage":
        written.write_bytes(b"\x00not a cache\n" * 10)
    elif damage == "digest":  # a byte of the payload changed: the digest no longer matches
        blob = bytearray(written.read_bytes())
        blob[-40] ^= 0xFF
        written.write_bytes(bytes(blob))
    elif damage == "code":
        _rewrite(written, {("x", 0): _Planted(marker)})
    elif damage == "shape":  # data, but not what the engine takes: each entry cut short
        _rewrite(written, {key: data[:5] for key, data in _entries(written).items()})
    else:  # another user could have put anything there
        written.chmod(0o666)
    assert _audit(tmp_path) == expected
    assert not marker.exists()
    if damage != "writable":  # rewritten whole by the run that had to compile
        assert _entries(written).keys() == saved.keys()


def test_a_cache_directory_that_cannot_be_written_costs_nothing_but_the_compiling(tmp_path: Path) -> None:
    expected = _audit(tmp_path / "a")
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the directory would be")
    assert _audit(tmp_path, ASSISTANT_PATTERN_CACHE=str(blocked / "cache")) == expected


def test_a_full_cache_keeps_only_what_the_last_run_used(tmp_path: Path) -> None:
    _audit(tmp_path)
    [written] = _cache_files(tmp_path)
    entries = _entries(written)
    one = next(iter(entries.values()))
    stale = {(f"an older release's pattern {i}", 0): one for i in range(2100)}
    _rewrite(written, {**stale, **entries})
    expected = _audit(tmp_path, ASSISTANT_PATTERN_CACHE="off")
    # another draft asks patterns the file lacks: the save that adds them finds the file full
    ran = _run("from assistant.checks.signals import Lazy; Lazy(r'\\bnew pattern\\b').search('a new pattern')",
               tmp_path)
    assert ran.returncode == 0, ran.stderr
    kept = _entries(written)
    assert ("\\bnew pattern\\b", 0) in kept
    assert not any(key[0].startswith("an older release") for key in kept)
    assert _audit(tmp_path) == expected
