"""A big feed's posts are checked in a child process: the audit reads exactly the same."""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

import assistant.audit_parallel as parallel
from assistant.audit import STAGE_POSTS, audit_feed
from assistant.audit_parallel import Chunks, Forked
from assistant.checks.ruleset import RuleSet
from assistant.models import Account, Feed
from assistant.render.json import audit_dict
from assistant.sources.jsonl import parse_jsonl
from bench.bench_audit import post_dicts

AS_OF = datetime(2030, 1, 1, tzinfo=UTC)


def _feed(n: int) -> Feed:
    data = "".join(json.dumps(r, default=str) + "\n" for r in post_dicts(n))
    posts = parse_jsonl(data.encode(), "feed.jsonl")
    return Feed.model_construct(account=Account(name="brightpixel"), posts=posts, source="feed.jsonl")


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork is POSIX only")
def _forking_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "MIN_POSTS", 100)
    monkeypatch.setattr(os, "getloadavg", lambda: (0.0, 0.0, 0.0))  # an idle machine
    monkeypatch.setattr(os, "sched_getaffinity", lambda _: {0, 1})  # with two cores
    monkeypatch.setattr(threading, "active_count", lambda: 1)  # other tests' servers aside
    # in no container, on a system that says nothing of its memory: the cores decide
    monkeypatch.setattr(parallel, "CGROUPS", os.devnull)
    monkeypatch.setattr(parallel, "MEMINFO", os.devnull)


def _meminfo(folder: Path, available: int) -> str:
    """A /proc/meminfo that says `available` bytes are available."""
    meminfo = folder / "meminfo"
    meminfo.write_text(f"MemTotal:       {2 * available // 1024} kB\n"
                       f"MemFree:        {available // 2048} kB\n"
                       f"MemAvailable:   {available // 1024} kB\n")
    return str(meminfo)


def _children(monkeypatch: pytest.MonkeyPatch, sent: list | None = None) -> list[Forked]:
    """The children the audit forks from now on, as they start; what each sent back goes
    into `sent`."""
    children: list[Forked] = []

    class Counted(parallel.Forked):  # type: ignore[misc, valid-type]
        def __init__(self, work):  # type: ignore[no-untyped-def]
            super().__init__(work)
            children.append(self)

        def result(self):  # type: ignore[no-untyped-def]
            answer = super().result()
            if sent is not None:
                sent.append(answer)
            return answer

    monkeypatch.setattr("assistant.audit.Forked", Counted)
    return children


def test_posts_checked_in_a_child_give_the_same_audit(monkeypatch: pytest.MonkeyPatch) -> None:
    feed = _feed(3000)
    rules = RuleSet.from_config()
    own = frozenset({"brightpixel.agency"})
    here = audit_dict(audit_feed(feed, rules, as_of=AS_OF, own_domains=own))
    _forking_allowed(monkeypatch)
    sent: list = []
    children = _children(monkeypatch, sent)
    forked = audit_dict(audit_feed(feed, rules, as_of=AS_OF, own_domains=own))
    assert children, "the posts were not checked in a child"
    assert forked == here
    assert any(f["examples"] for f in here["findings"])
    assert sent and sent[0] is not None, "the child sent nothing back"


def test_a_forked_audit_says_how_far_the_posts_are_checked_as_it_goes(monkeypatch: pytest.MonkeyPatch) -> None:
    """A terminal's display is drawn when the audit reports (`AuditProgress`): shared with a
    child, the posts' count still moves chunk by chunk, not from none to all at the end."""
    # Enough chunks that the child cannot check them all while this process runs repeat
    # detection: this process then takes some, and says so after each.
    feed = _feed(20_000)
    _forking_allowed(monkeypatch)
    children = _children(monkeypatch)
    heard: list[tuple[str, int, int]] = []
    audit_feed(feed, RuleSet.from_config(), as_of=AS_OF, progress=lambda *said: heard.append(said))
    assert children, "the posts were not checked in a child"
    counts = [done for stage, done, total in heard if stage == STAGE_POSTS and total == 20_000]
    assert counts == sorted(counts) and counts[-1] == 20_000
    assert len({c for c in counts if 0 < c < 20_000}) >= 2, f"the count jumped: {counts}"


def test_the_child_takes_feed_rules_from_the_back_and_posts_from_the_front() -> None:
    """Repeat detection, the costliest feed rule, comes first: the parent takes it while the
    child runs the rest, then checks chunks of posts from the front (here in one process)."""
    from assistant.audit import CHUNK_POSTS, _child_share, _feed_hits, _Tally
    from assistant.checks.registry import PostContext

    feed = _feed(2500)
    rules = RuleSet.from_config()
    own = frozenset({"brightpixel.agency"})
    rule_claims, chunks = Chunks(len(rules.feed_rules)), Chunks(-(-2500 // CHUNK_POSTS))
    try:
        assert rule_claims.front() == 0  # the parent's first claim
        tallies = [_Tally(a, PostContext(a.thresholds, own, None, AS_OF))
                   for a in rules.post_rules if a.rule.feed is None]
        hits, parts = _child_share(rules, feed, AS_OF, own, rule_claims, tallies, chunks)
        assert sorted(hits) == list(range(1, len(rules.feed_rules)))
        assert all(hits[i] == _feed_hits(i, rules, feed, AS_OF, own, {}) for i in hits)
        assert len(parts) == 3 and chunks.front() is None
    finally:
        rule_claims.close()
        chunks.close()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork is POSIX only")
def test_a_child_that_dies_after_its_chunks_leaves_them_to_the_parent(monkeypatch: pytest.MonkeyPatch) -> None:
    """The child claims chunks of posts and dies before sending what it found: the parent
    checks those chunks itself, and the audit reads the same."""
    feed = _feed(3000)
    rules = RuleSet.from_config()
    own = frozenset({"brightpixel.agency"})
    here = audit_dict(audit_feed(feed, rules, as_of=AS_OF, own_domains=own))
    _forking_allowed(monkeypatch)

    class Dying(parallel.Forked):  # type: ignore[misc, valid-type]
        def __init__(self, work):  # type: ignore[no-untyped-def]
            super().__init__(lambda: (work(), os._exit(3)))

    monkeypatch.setattr("assistant.audit.Forked", Dying)
    assert audit_dict(audit_feed(feed, rules, as_of=AS_OF, own_domains=own)) == here


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork is POSIX only")
def test_a_child_that_dies_inside_a_feed_rule_leaves_its_rules_to_the_parent(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The child is killed as it starts the first feed rule it claimed: the parent runs
    every rule and checks every post the child had claimed, and the audit reads the same."""
    import assistant.audit as audit

    feed = _feed(3000)
    rules = RuleSet.from_config()
    own = frozenset({"brightpixel.agency"})
    here = audit_dict(audit_feed(feed, rules, as_of=AS_OF, own_domains=own))
    _forking_allowed(monkeypatch)
    parent, run_rule = os.getpid(), audit._feed_hits

    def crashing_in_the_child(*args):  # type: ignore[no-untyped-def]
        if os.getpid() != parent:
            os.kill(os.getpid(), 9)
        return run_rule(*args)

    monkeypatch.setattr(audit, "_feed_hits", crashing_in_the_child)
    sent: list = []
    children = _children(monkeypatch, sent)
    assert audit_dict(audit_feed(feed, rules, as_of=AS_OF, own_domains=own)) == here
    assert children and sent == [None]  # the child was there, and sent nothing


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork is POSIX only")
def test_no_writable_temporary_directory_checks_posts_here(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The chunks are shared through a temporary file: without one, no child, same audit."""
    feed = _feed(3000)
    rules = RuleSet.from_config()
    own = frozenset({"brightpixel.agency"})
    here = audit_dict(audit_feed(feed, rules, as_of=AS_OF, own_domains=own))
    _forking_allowed(monkeypatch)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "missing"))
    children = _children(monkeypatch)
    assert audit_dict(audit_feed(feed, rules, as_of=AS_OF, own_domains=own)) == here
    assert not children


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork is POSIX only")
def test_parent_and_child_claim_every_chunk_once() -> None:
    chunks = Chunks(50)
    child = Forked(lambda: list(iter(chunks.front, None)))
    mine = list(iter(chunks.back, None))
    theirs = child.result()
    assert theirs is not None
    assert sorted(theirs + mine) == list(range(50))
    assert theirs == list(range(len(theirs)))  # the child's from the front, in order
    assert chunks.claimed_from_back() == len(theirs)
    chunks.close()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork is POSIX only")
def test_a_child_that_fails_leaves_the_work_to_the_parent() -> None:
    assert Forked(lambda: {"ids": ["1", "2"]}).result() == {"ids": ["1", "2"]}
    assert Forked(lambda: 1 / 0).result() is None
    assert Forked(lambda: os._exit(0)).result() is None  # left without sending anything
    child = Forked(lambda: os.read(os.open(os.devnull, os.O_RDONLY), 1) or ["x"] * 10**6)
    pid = child.pid
    assert pid
    child.stop()  # the parent failed: the child is ended and reaped, not left behind
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="interval timers are POSIX only")
def test_an_interrupt_while_waiting_for_the_child_is_the_error_that_surfaces() -> None:
    """Ctrl-C while the parent waits for the child's answer: the child is ended and reaped,
    and the interrupt is what the caller sees (not an error from closing the pipe twice)."""

    class Interrupted(Exception):
        pass

    def interrupt(signum: int, frame: object) -> None:
        raise Interrupted

    child = Forked(lambda: time.sleep(30))
    pid = child.pid
    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, 0.2)
    try:
        with pytest.raises(Interrupted):
            try:
                child.result()
            except BaseException:
                child.stop()  # what audit_feed and audit_blocks do
                raise
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def _load(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, average: float, running: int) -> None:
    """The system's load as the kernel reports it: the one-minute average and the tasks
    runnable now (this process included)."""
    monkeypatch.setattr(os, "getloadavg", lambda: (average, 0.0, 0.0))
    loadavg = tmp_path / "loadavg"
    loadavg.write_text(f"{average:.2f} 0.00 0.00 {running}/200 4242\n")
    monkeypatch.setattr(parallel, "LOADAVG", str(loadavg))


def test_small_feeds_and_busy_machines_never_fork(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    monkeypatch.setattr(os, "sched_getaffinity", lambda _: {0, 1})
    _load(monkeypatch, tmp_path, 0.3, 1)
    assert parallel.worth_forking(parallel.MIN_POSTS)
    assert not parallel.worth_forking(parallel.MIN_POSTS - 1)
    _load(monkeypatch, tmp_path, 1.7, 3)  # both cores at work, and still now
    assert not parallel.worth_forking(parallel.MIN_POSTS)


def test_a_load_average_lagging_behind_a_finished_job_still_forks(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The one-minute average still counts a job that ended seconds ago; nothing else runs
    now, so the core is free (the second of two audits in a row was left on one core)."""
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    monkeypatch.setattr(os, "sched_getaffinity", lambda _: {0, 1})
    _load(monkeypatch, tmp_path, 1.6, 1)
    assert parallel.busy_cores() == 0.0
    assert parallel.worth_forking(parallel.MIN_POSTS)


def test_a_task_passing_at_one_instant_does_not_count_as_busy(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The runnable count is read a few times apart: a task runnable at the first reading
    only (a monitor polling) does not keep the audit on one core."""
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    monkeypatch.setattr(os, "sched_getaffinity", lambda _: {0, 1})
    _load(monkeypatch, tmp_path, 1.6, 3)
    assert not parallel.worth_forking(parallel.MIN_POSTS)  # busy at every reading

    def passed(_: float) -> None:  # between readings, the passing tasks are gone
        (tmp_path / "loadavg").write_text("1.60 0.00 0.00 1/200 4242\n")

    monkeypatch.setattr(parallel.time, "sleep", passed)
    assert parallel.busy_cores() == 0.0
    assert parallel.worth_forking(parallel.MIN_POSTS)


def test_without_a_runnable_count_the_load_average_decides(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    monkeypatch.setattr(os, "sched_getaffinity", lambda _: {0, 1})
    monkeypatch.setattr(os, "getloadavg", lambda: (1.6, 0.0, 0.0))
    monkeypatch.setattr(parallel, "LOADAVG", str(tmp_path / "absent"))
    assert parallel.busy_cores() == 1.6
    assert not parallel.worth_forking(parallel.MIN_POSTS)


def test_one_core_never_forks(monkeypatch: pytest.MonkeyPatch) -> None:
    """With one core the child would only take turns with its parent, holding more memory."""
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    monkeypatch.setattr(os, "sched_getaffinity", lambda _: {0})
    monkeypatch.setattr(os, "getloadavg", lambda: (0.0, 0.0, 0.0))
    assert not parallel.worth_forking(parallel.MIN_POSTS)


def test_a_threaded_process_never_forks(monkeypatch: pytest.MonkeyPatch) -> None:
    """A web server or worker has other threads: a forked child could deadlock on their locks."""
    monkeypatch.setattr(os, "sched_getaffinity", lambda _: {0, 1})
    monkeypatch.setattr(os, "getloadavg", lambda: (0.0, 0.0, 0.0))
    monkeypatch.setattr(threading, "active_count", lambda: 2)
    assert not parallel.worth_forking(parallel.MIN_POSTS)


def _container(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, cgroup_line: str,
               groups: dict[str, dict[str, str]]) -> None:
    """This process in a container: its line of /proc/self/cgroup, and the files of each
    group (path under /sys/fs/cgroup: file name -> contents)."""
    fs = tmp_path / "cgroup"
    for group, files in groups.items():
        folder = fs / group
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            (folder / name).write_text(text)
    (tmp_path / "self-cgroup").write_text(cgroup_line + "\n")
    monkeypatch.setattr(parallel, "CGROUP_FS", str(fs))
    monkeypatch.setattr(parallel, "CGROUPS", str(tmp_path / "self-cgroup"))


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork is POSIX only")
def test_a_container_too_small_for_the_child_audits_in_one_process(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Measured: in a container of 1.2 GB a million-post audit that forked was killed by
    the kernel after 30 s of work; one process alone peaks at ~970 MB. A limit set on a
    group above this one binds too; the file cache the kernel can drop is room."""
    feed = _feed(3000)
    rules = RuleSet.from_config()
    own = frozenset({"brightpixel.agency"})
    _forking_allowed(monkeypatch)
    children = _children(monkeypatch)
    with_room = audit_dict(audit_feed(feed, rules, as_of=AS_OF, own_domains=own))
    assert len(children) == 1
    resident = parallel.resident_bytes()
    assert resident

    def limited(limit: int) -> None:  # cgroup v2; the audit's own group has no limit
        used, cache = 400 << 20, 300 << 20
        _container(monkeypatch, tmp_path, "0::/agency.slice/audit-7", {
            "": {"cgroup.controllers": "cpu memory pids\n"},
            "agency.slice": {"memory.max": f"{limit + used - cache}\n", "memory.current": f"{used}\n",
                             "memory.stat": f"anon 1\ninactive_file {cache}\nactive_file 5\n"},
            "agency.slice/audit-7": {"memory.max": "max\n", "memory.current": "1\n"},
        })

    monkeypatch.setattr(parallel, "MEMINFO", _meminfo(tmp_path, 64 << 30))  # the group decides
    limited(int(1.5 * resident))
    assert parallel.memory_to_spare() == int(1.5 * resident)
    assert audit_dict(audit_feed(feed, rules, as_of=AS_OF, own_domains=own)) == with_room
    assert len(children) == 1, "forked with no room for the child"
    limited(3 * resident)
    assert audit_dict(audit_feed(feed, rules, as_of=AS_OF, own_domains=own)) == with_room
    assert len(children) == 2, "room for the child, yet no child"


def test_the_memory_left_is_the_least_the_system_and_the_groups_say(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(parallel, "MEMINFO", _meminfo(tmp_path, 8 << 30))
    # cgroup v1, a container without a namespace of its own: its group is the memory root
    _container(monkeypatch, tmp_path, "12:pids:/docker/4f2a\n4:memory:/docker/4f2a", {
        "memory": {"memory.limit_in_bytes": f"{2 << 30}\n", "memory.usage_in_bytes": f"{1 << 30}\n",
                   "memory.stat": f"cache 9\ninactive_file {1 << 28}\ntotal_inactive_file {1 << 29}\n"},
    })
    assert parallel.memory_to_spare() == (2 << 30) - (1 << 30) + (1 << 29)
    # v1 says "no limit" with a number near 2**63: then the system's memory decides
    _container(monkeypatch, tmp_path, "4:memory:/", {
        "memory": {"memory.limit_in_bytes": "9223372036854771712\n", "memory.usage_in_bytes": "5\n"},
    })
    assert parallel.memory_to_spare() == 8 << 30
    monkeypatch.setattr(parallel, "MEMINFO", str(tmp_path / "absent"))
    assert parallel.memory_to_spare() is None  # nothing says: the cores decide alone


def test_a_group_named_in_bytes_that_are_not_utf8_still_counts(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The kernel names groups in bytes: a group whose name is not UTF-8 (a Latin-1 unit
    name) is read like any other, not a crash of the audit that asked."""
    monkeypatch.setattr(parallel, "MEMINFO", _meminfo(tmp_path, 8 << 30))
    _container(monkeypatch, tmp_path, "0::/", {"": {"cgroup.controllers": "memory\n"}})
    group = os.path.join(os.fsencode(parallel.CGROUP_FS), b"user.slice", b"caf\xe9.scope")
    os.makedirs(group)
    for name, value in ((b"memory.max", 3 << 30), (b"memory.current", 1 << 30)):
        with open(os.path.join(group, name), "wb") as file:
            file.write(b"%d\n" % value)
    with open(parallel.CGROUPS, "wb") as cgroups:
        cgroups.write(b"0::/user.slice/caf\xe9.scope\n")
    assert parallel.memory_to_spare() == 2 << 30


def _gone(pid: int) -> bool:
    """True when `pid` has ended (a zombie nobody reaped has ended too)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] == "Z"
    except FileNotFoundError:
        return True


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the kernel's parent-death signal is Linux's")
def test_a_parent_killed_mid_audit_leaves_no_child_behind(tmp_path: Path) -> None:
    """SIGKILL (or the OOM killer) takes the audit's process: its child, which would have
    checked posts for nobody for up to half the audit, ends with it."""
    script = tmp_path / "parent.py"
    script.write_text(
        "import os, sys, time\n"
        "from assistant.audit_parallel import Forked\n"
        "def work():\n"
        "    print(os.getpid(), flush=True)\n"
        "    time.sleep(60)\n"
        "Forked(work).result()\n"
    )
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True,
                              cwd=Path(__file__).resolve().parent.parent)
    try:
        assert parent.stdout is not None
        ready, _, _ = select.select([parent.stdout], [], [], 30)
        assert ready, "the forked child never said it had started"
        child = int(parent.stdout.readline())
        assert not _gone(child)
    finally:
        parent.kill()
        parent.wait()
    deadline = time.monotonic() + 5
    while not _gone(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    if not _gone(child):
        os.kill(child, signal.SIGKILL)
        pytest.fail("the child went on after its parent was killed")
