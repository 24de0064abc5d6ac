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
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from assistant.checks import pattern_cache
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


def _answer(code: str, cache: Path, **env: str) -> dict[str, object]:
    """What `code`, run as `_run` runs it, printed as JSON."""
    done = _run(code, cache, **env)
    assert done.returncode == 0, done.stderr
    answer: dict[str, object] = json.loads(done.stdout)
    return answer


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
    _magic, _build, _digest, payload = path.read_bytes().split(b"\n", 3)
    entries: dict[tuple[str, int], tuple[object, ...]] = pickle.loads(payload)
    return entries


def test_every_rule_pattern_rebuilt_from_the_cache_finds_what_it_finds_compiled(tmp_path: Path) -> None:
    first = _answer(_SEARCH_ALL, tmp_path)  # compiled, then saved
    assert first["compiled_here"]
    found = first["found"]
    assert isinstance(found, list) and len(found) > 250
    assert sum(len(spans) for _, _, _, matches in found for spans in matches) > 1000
    again = _answer(_SEARCH_ALL, tmp_path)
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
    magic, build, _digest, _payload = path.read_bytes().split(b"\n", 3)
    digest = blake2b(build + b"\n" + payload, digest_size=32).hexdigest().encode()
    path.write_bytes(b"\n".join((magic, build, digest, payload)))


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
    # rewritten whole, the user's alone, by the run that had to compile every pattern
    assert _entries(written).keys() == saved.keys()
    assert written.stat().st_mode & 0o777 == 0o600


def test_a_cache_directory_that_cannot_be_written_costs_nothing_but_the_compiling(tmp_path: Path) -> None:
    expected = _audit(tmp_path / "a")
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the directory would be")
    assert _audit(tmp_path, ASSISTANT_PATTERN_CACHE=str(blocked / "cache")) == expected


def test_a_full_cache_keeps_the_patterns_used_most_recently(tmp_path: Path) -> None:
    _audit(tmp_path)
    [written] = _cache_files(tmp_path)
    entries = _entries(written)
    one = next(iter(entries.values()))
    stale = {(f"an older release's pattern {i}", 0): one for i in range(2100)}
    _rewrite(written, {**entries, **stale})  # the audit's own patterns the oldest in the file
    expected = _audit(tmp_path, ASSISTANT_PATTERN_CACHE="off")
    # a run that needs a pattern the file lacks, and the audit's: its save finds the file full
    ran = _run("import sys; from assistant.checks.signals import Lazy; from assistant.cli import main; "
               "Lazy(r'\\bnew pattern\\b').search('a new pattern'); "
               f"sys.argv = ['assistant', 'audit', {str(EXPORT)!r}, '--format', 'json', '--no-llm', "
               "'--as-of', '2030-01-01']; main()", tmp_path)
    assert ran.returncode == 0, ran.stderr
    kept = _entries(written)
    assert len(kept) == pattern_cache.MAX_ENTRIES
    assert ("\\bnew pattern\\b", 0) in kept
    assert entries.keys() <= kept.keys()  # used again: now among the most recent
    still = [key for key in stale if key in kept]
    assert still == list(stale)[len(stale) - len(still):]  # the oldest of the rest went
    assert _audit(tmp_path) == expected


def test_a_forked_audit_child_keeps_what_it_compiled(tmp_path: Path) -> None:
    """The child of a forked audit leaves without `atexit`: it saves the patterns it compiled
    itself (not its parent's: the parent saves those at its own exit, skipped here)."""
    ran = _run("import os; from assistant.audit_parallel import Forked; from assistant.checks.signals import Lazy; "
               "Lazy(r'\\bin the parent\\b').search('in the parent'); "
               "found = Forked(lambda: bool(Lazy(r'\\bin the child\\b').search('found in the child'))).result(); "
               "os._exit(0 if found else 3)", tmp_path)
    assert ran.returncode == 0, ran.stderr
    [written] = _cache_files(tmp_path)
    assert list(_entries(written)) == [("\\bin the child\\b", 0)]


def test_a_cache_directory_others_may_write_is_never_written(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    expected = _audit(tmp_path, ASSISTANT_PATTERN_CACHE="off")
    assert _audit(tmp_path, ASSISTANT_PATTERN_CACHE=str(shared)) == expected
    assert list(shared.iterdir()) == []


_COMPILE_ONE = "import sys; from assistant.checks.signals import Lazy; Lazy(sys.argv[1]).search(sys.argv[1])"


def _compiling(pattern: str, cache: Path) -> subprocess.Popen[str]:
    """A process that compiles `pattern` and saves it at exit."""
    environment = {k: v for k, v in os.environ.items() if k != "ASSISTANT_PATTERN_CACHE"}
    environment["XDG_CACHE_HOME"] = str(cache)
    return subprocess.Popen([sys.executable, "-c", _COMPILE_ONE, pattern], cwd=REPO, env=environment,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _held_lock(saved: Path) -> int:
    import fcntl

    descriptor = os.open(saved.with_suffix(".lock"), os.O_RDWR | os.O_CREAT, 0o600)
    fcntl.flock(descriptor, fcntl.LOCK_EX)
    return descriptor


def test_saves_at_once_take_turns_and_keep_each_others_patterns(saved_file: Path) -> None:
    held = _held_lock(saved_file)  # all four wait for it, then save at about the same moment
    runs = [_compiling(f"pattern {n}", saved_file.parent.parent) for n in range(4)]
    time.sleep(1.0)
    os.close(held)
    for run in runs:
        _, errors = run.communicate(timeout=120)
        assert run.returncode == 0, errors
    assert {f"pattern {n}" for n in range(4)} <= {source for source, _ in _entries(saved_file)}


def test_a_save_gives_up_on_a_lock_held_too_long(saved_file: Path) -> None:
    before = saved_file.read_bytes()
    held = _held_lock(saved_file)
    try:
        run = _compiling("never saved", saved_file.parent.parent)
        _, errors = run.communicate(timeout=120)
    finally:
        os.close(held)
    assert run.returncode == 0 and errors == ""
    assert saved_file.read_bytes() == before


def test_a_fifo_in_the_files_place_is_not_waited_on(saved_file: Path) -> None:
    _fifo(saved_file)
    done = subprocess.run([sys.executable, "-c", "import sys; from pathlib import Path; "
                           "from assistant.checks import pattern_cache; print(pattern_cache._read(Path(sys.argv[1])))",
                           str(saved_file)], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout) == (0, "{}\n"), done.stderr


def test_an_entry_filed_under_another_pattern_is_compiled_afresh(tmp_path: Path) -> None:
    _run("from assistant.checks.signals import Lazy; Lazy('xyz').search('xyz')", tmp_path)
    [written] = _cache_files(tmp_path)
    _rewrite(written, {("abc", 0): _entries(written)[("xyz", 0)]})
    found = _answer("import json; from assistant.checks import pattern_cache; "
                    "print(json.dumps({'abc': bool(pattern_cache.compiled('abc', 0).search('abc')), "
                    "'xyz': bool(pattern_cache.compiled('abc', 0).search('xyz'))}))", tmp_path)
    assert found == {"abc": True, "xyz": False}


# What `_read` makes of a cache file, in this process: each way a file can differ from what
# a save of this build wrote, and the file that does not.
@pytest.fixture
def saved_file(tmp_path: Path) -> Path:
    _run("from assistant.checks.signals import Lazy; Lazy(r'\\bone\\b').search('one'); "
         "Lazy(r'\\btwo\\b', 2).search('TWO')", tmp_path)
    [written] = _cache_files(tmp_path)
    return written


def test_the_file_a_save_wrote_is_read_back(saved_file: Path) -> None:
    entries = pattern_cache._read(saved_file)
    assert sorted(entries) == [("\\bone\\b", 0), ("\\btwo\\b", 2)]
    assert entries == _entries(saved_file)


def _planted(path: Path) -> None:
    _rewrite(path, {("x", 0): _Planted(path.with_name("planted-code-ran"))})


def _another_build(path: Path) -> None:
    magic, build, _digest, payload = path.read_bytes().split(b"\n", 3)
    other = build.replace(b" ", b"0 ", 1)  # another release of `regex`
    digest = blake2b(other + b"\n" + payload, digest_size=32).hexdigest().encode()
    path.write_bytes(b"\n".join((magic, other, digest, payload)))


def _linked(path: Path) -> None:
    target = path.with_name("elsewhere.pickle")
    path.rename(target)
    path.symlink_to(target)


def _fifo(path: Path) -> None:
    path.unlink()
    os.mkfifo(path, 0o600)


def _too_big(path: Path) -> None:
    """Digest and all as a save writes them, but larger than any save writes."""
    entries = _entries(path)
    one = next(iter(entries.values()))
    padding = (b"x" * pattern_cache.MAX_BYTES,)
    _rewrite(path, {**entries, ("big", 0): one[:2] + padding + one[3:]})


@pytest.mark.parametrize("damage", [
    pytest.param(lambda path: path.write_bytes(path.read_bytes()[:-10]), id="torn"),
    pytest.param(_planted, id="code"),
    pytest.param(lambda path: _rewrite(path, ["not", "a", "dict"]), id="not-a-dict"),
    pytest.param(_another_build, id="another-build"),
    pytest.param(_linked, id="symlink"),
    pytest.param(_too_big, id="too-big"),
    pytest.param(lambda path: path.chmod(0o620), id="group-writable"),
    pytest.param(lambda path: path.parent.chmod(0o777), id="directory-writable-by-all"),
])
def test_a_file_unlike_what_a_save_wrote_gives_no_entries(saved_file: Path, damage: Callable[[Path], None]) -> None:
    damage(saved_file)
    assert pattern_cache._read(saved_file) == {}
    assert not saved_file.with_name("planted-code-ran").exists()


def test_entries_of_another_shape_are_left_out(saved_file: Path) -> None:
    entries = _entries(saved_file)
    _rewrite(saved_file, {**entries, ("short", 0): entries[("\\bone\\b", 0)][:5], ("flags", "0"): entries[("\\bone\\b", 0)]})
    assert pattern_cache._read(saved_file) == entries
