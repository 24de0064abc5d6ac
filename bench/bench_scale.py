"""Every performance target in one run, each printed beside its floor or peer and the ratio.

Rows: one review in-process against proselint on the same texts (the peer); `assistant
audit` of a canonical JSONL feed, whole process, against parsing the same file alone
(the floor); `assistant review "text"` as a whole process against a bare interpreter (an
empty venv of the same Python, so that no hook of this install counts as the floor),
with its import time from `-X importtime`. Each child's peak memory is that of its largest
process (os.wait4), and for the audit also that of all its processes together (PSS sampled
from /proc). proselint is a bench-only install: without it the peer column says why.

Run: .venv/bin/python bench/bench_scale.py [--posts N ...] [--runs R] [--audit-runs A]
     (each audit and its floor: the median of A runs, 3 by default; the peak memory is the
     highest of them)
     (default --posts 100000; add 1000000 for the million-post row: its audit peaks near 1 GB
     in its largest process, about 1.7 GB with its forked child)
     [--markdown]  (last, this machine's row of the README's table of machines)
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_audit import write_jsonl
from bench_review import TEXTS, in_process
from bench_startup import INSTALLED_ENV, bare_python, imports

# Targets: (ratio limit against the floor or peer, absolute limit).
TARGET_PEER_SPEEDUP = 30.0
TARGET_FLOOR_RATIO = 8.0
TARGET_RSS_MB_100K = 250.0
TARGET_1M_S, TARGET_1M_MB = 30.0, 1024.0
TARGET_REVIEW_S = 0.12
# The machine the targets were set on, as measured there: proselint's time a post and a bare
# interpreter's start. Printed against this machine's, so an absolute budget missed on a
# slower day can be told from code that got slower (the ratios above are the fair measure).
REFERENCE_PEER_US, REFERENCE_BARE_S = 1056.0, 0.02


def _pss_kb(pid: int) -> int:
    """Proportional set size of one process (shared pages split between their users)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            return next((int(line.split()[1]) for line in rollup if line.startswith("Pss:")), 0)
    except (OSError, ValueError):
        return 0


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as listing:
            return [int(child) for child in listing.read().split()]
    except (OSError, ValueError):
        return []


class _TreePeak(threading.Thread):
    """The peak PSS of a process and its children together (Linux): an audit that forks
    uses the memory of both.

    Reading a 1 GB process's smaps_rollup takes 15-33 ms of kernel time: sampled every
    250 ms, the two processes of a million-post audit cost it a quarter of one of its two
    cores. So samples start 250 ms apart and spread out as the run goes on (2 s apart from
    about 18 s), where memory moves over seconds, not milliseconds.
    """

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak_kb, self.done = pid, 0, threading.Event()

    def run(self) -> None:
        started = time.perf_counter()
        while not self.done.wait(min(2.0, 0.25 + (time.perf_counter() - started) / 10)):
            total = sum(_pss_kb(p) for p in (self.pid, *_children(self.pid)))
            self.peak_kb = max(self.peak_kb, total)


_last_tree_mb = 0.0
_last_cpu_s = 0.0


def _run(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, float, bytes]:
    """Wall seconds, peak RSS in MB of the child (its largest process), and its stdout;
    `_last_tree_mb` is the peak PSS of the child and its own children together, and
    `_last_cpu_s` the CPU seconds (user and system) of both."""
    global _last_tree_mb, _last_cpu_s
    started = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env or INSTALLED_ENV)
    tree = _TreePeak(child.pid)
    tree.start()
    out = child.stdout.read() if child.stdout else b""
    tree.done.set()
    tree.join()
    _last_tree_mb = tree.peak_kb / 1024
    _, status, usage = os.wait4(child.pid, 0)
    # The child's own usage includes that of the children it waited for (the audit's fork).
    _last_cpu_s = usage.ru_utime + usage.ru_stime
    child.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    if child.returncode not in (0, 1):  # 1: findings at --fail-on, still a full run
        raise SystemExit(f"{' '.join(argv[:3])}... exited {child.returncode}")
    return wall, usage.ru_maxrss / 1024, out


def _floor(path: str) -> dict[str, float]:
    """Parse-only seconds for the same file (stdlib json, and orjson when installed)."""
    code = (
        "import json,sys,time\n"
        "t=time.perf_counter()\n"
        "with open(sys.argv[1],'rb') as f: rows=[json.loads(l) for l in f if l.strip()]\n"
        "r={'json':time.perf_counter()-t}\n"
        "try:\n import orjson\nexcept ImportError: pass\n"
        "else:\n"
        " t=time.perf_counter()\n"
        " with open(sys.argv[1],'rb') as f: rows=[orjson.loads(l) for l in f if l.strip()]\n"
        " r['orjson']=time.perf_counter()-t\n"
        "print(json.dumps(r))\n"
    )
    _, _, out = _run([sys.executable, "-c", code, path])
    return json.loads(out)


def _peer() -> tuple[Callable[[int], float] | None, str]:
    """A timer of proselint (mean microseconds to lint one of the same texts, over `rounds`
    rounds of them), or why not."""
    try:
        from proselint.checks import __register__
        from proselint.registry import CheckRegistry
        from proselint.tools import LintFile
    except ImportError as exc:
        return None, f"proselint not installed ({exc.name}); pip install proselint to compare"
    CheckRegistry().register_many(__register__)
    for text in TEXTS:
        LintFile("post", text).lint()  # warm up its compiled patterns

    def mean_us(rounds: int) -> float:
        started = time.perf_counter()
        for i in range(rounds * len(TEXTS)):
            LintFile("post", TEXTS[i % len(TEXTS)]).lint()
        return (time.perf_counter() - started) / (rounds * len(TEXTS)) * 1e6

    return mean_us, ""


# Ours and the peer measured in turn this many times, so a drift of the machine's speed
# (by up to half within minutes here) falls on both sides of each ratio.
PEER_TURNS = 5


def _against_peer() -> tuple[float, float | None, list[float], str]:
    """Our p50 and the peer's mean (medians over the turns), each turn's ratio, or why no peer."""
    peer, why = _peer()
    ours, theirs = [], []
    for _ in range(PEER_TURNS):
        ours.append(in_process(rounds=2_000)[0])
        if peer is not None:
            theirs.append(peer(8))
    ratios = [t / o for o, t in zip(ours, theirs, strict=False)]
    return statistics.median(ours), statistics.median(theirs) if theirs else None, ratios, why


def _assistant() -> list[str]:
    return [sys.executable, "-m", "assistant"]


def _review_process(runs: int) -> tuple[float, float, float, float]:
    """Median wall of `assistant review "text"` and of a bare interpreter, run in turn (the
    same drift for both), the review's median CPU seconds, and its import ms."""
    review = [*_assistant(), "review", "--no-llm", "--format", "json", TEXTS[0]]
    _run(review)  # writes the bytecode the measured runs load
    ours, floor, cpu = [], [], []
    with tempfile.TemporaryDirectory() as empty:
        bare = bare_python(empty)
        for _ in range(runs):
            ours.append(_run(review)[0])
            cpu.append(_last_cpu_s)
            floor.append(_run(bare)[0])
    total_us = sum(cumulative for _, depth, _, cumulative in imports(review[1:]) if depth == 0)
    return statistics.median(ours), statistics.median(floor), statistics.median(cpu), total_us / 1000


def _verdict(ok: bool) -> str:
    return "meets" if ok else "MISSES"


def machine_row(day: str, commit: str, peer_x: float | None, bare_x: float, review_us: float,
                speedup: float | None, audits: dict[int, dict[str, Any]], review_s: float) -> str:
    """This run as a row of the README's table of machines (name the machine by hand):
    `audits` by size, each its median wall, floor, ratio, peak MB, both processes' MB and
    each run's CPU seconds."""

    def audit(n: int) -> str:
        a = audits.get(n)
        if a is None:
            return "-"
        if n < 1_000_000:
            return f"{a['wall']:.2f} s, {a['ratio']:.1f}x (the floor {a['floor']:.2f} s), {a['rss']:.0f} MB"
        low, high = f"{min(a['cpus']):.0f}", f"{max(a['cpus']):.0f}"
        cpu = low if low == high else f"{low}-{high}"
        both = f" ({a['tree_mb']:,.0f} MB both)" if a["tree_mb"] else ""
        return f"{a['wall']:.1f} s (CPU {cpu} s; the parse alone {a['floor']:.1f} s), {a['rss']:.0f} MB{both}"

    peer = f"{peer_x:.1f}x" if peer_x is not None else "-"
    post = f"{review_us:.0f} µs" + (f", {speedup:.0f}x" if speedup is not None else "")
    return (f"| ({day}, {commit}) | {peer} / {bare_x:.1f}x | {post} | {audit(100_000)} "
            f"| {audit(1_000_000)} | {review_s:.3f} s |")


def _commit() -> str:
    done = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=HERE, capture_output=True,
                          text=True, check=False)
    return done.stdout.strip() or "?"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, nargs="+", default=[100_000])
    parser.add_argument("--runs", type=int, default=15, help="runs of the review process")
    parser.add_argument("--audit-runs", type=int, default=3, help="runs of each audit and its floor")
    parser.add_argument("--markdown", action="store_true", help="end with this machine's README row")
    args = parser.parse_args()

    print(f"{'measure':<44} {'ours':>12} {'floor/peer':>14} {'ratio':>8}  target")
    p50, peer, ratios, why = _against_peer()
    if peer is None:
        print(f"{'review one post, in-process':<44} {p50:>9.0f} µs {'-':>14} {'-':>8}  peer skipped: {why}")
    else:
        speedup = statistics.median(ratios)
        print(f"{'review one post, in-process (p50)':<44} {p50:>9.0f} µs {peer:>11.0f} µs {speedup:>7.0f}x"
              f"  >= {TARGET_PEER_SPEEDUP:.0f}x faster than proselint: {_verdict(speedup >= TARGET_PEER_SPEEDUP)}",
              flush=True)
        print(f"{'  each turn, ours then proselint (x)':<44} {', '.join(f'{r:.0f}' for r in ratios):>12}",
              flush=True)

    audits: dict[int, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        warm = os.path.join(tmp, "warm.jsonl")
        write_jsonl(warm, 500)
        _run([*_assistant(), "audit", warm, "--format", "json", "--no-llm"])  # writes the bytecode
        for n in args.posts:
            path = os.path.join(tmp, f"feed{n}.jsonl")
            write_jsonl(path, n)
            floors, walls, peaks, trees, cpus = [], [], [], [], []
            for _ in range(args.audit_runs):
                # The floor and the audit in turn: a shared machine's speed drifts over
                # minutes, and the ratio should compare runs made under the same drift.
                floors.append(_floor(path))
                wall, rss, out = _run([*_assistant(), "audit", path, "--format", "json", "--no-llm",
                                       "--as-of", "2030-01-01", "--own-domain", "brightpixel.agency"])
                walls.append(wall)
                peaks.append(rss)
                trees.append(_last_tree_mb)
                cpus.append(_last_cpu_s)
            floor = {key: statistics.median(f[key] for f in floors) for key in floors[0]}
            wall, rss, tree_mb = statistics.median(walls), max(peaks), max(trees)
            score = json.loads(out)["health"]["score"]
            label = f"audit {n:,} posts, whole process (score {score})"
            ratio = wall / floor["json"]
            audits[n] = {"wall": wall, "floor": floor["json"], "ratio": ratio, "rss": rss,
                         "tree_mb": tree_mb, "cpus": cpus}
            if n >= 1_000_000:
                ok = wall < TARGET_1M_S and rss < TARGET_1M_MB
                target = f"< {TARGET_1M_S:.0f} s, < {TARGET_1M_MB:.0f} MB"
            else:
                ok = ratio <= TARGET_FLOOR_RATIO and rss < TARGET_RSS_MB_100K
                target = f"<= {TARGET_FLOOR_RATIO:.0f}x the floor, < {TARGET_RSS_MB_100K:.0f} MB"
            print(f"{label:<44} {wall:>10.2f} s {floor['json']:>12.2f} s {ratio:>7.1f}x  {target}: "
                  f"{_verdict(ok)}", flush=True)
            print(f"{'  peak memory (largest process)':<44} {rss:>9.0f} MB", flush=True)
            if tree_mb:
                print(f"{'  with its forked child, both (PSS)':<44} {tree_mb:>9.0f} MB", flush=True)
            print(f"{'  each run (s)':<44} {', '.join(f'{w:.2f}' for w in walls):>12}", flush=True)
            # A shared machine's cores slow down and speed up between runs: the CPU time
            # says whether a slow run did more work or the same work slower.
            print(f"{'  CPU of each run, all processes (s)':<44} {', '.join(f'{c:.2f}' for c in cpus):>12}",
                  flush=True)
            if "orjson" in floor:
                print(f"{'  against orjson parsing the same file':<44} {'':>12} {floor['orjson']:>12.2f} s "
                      f"{wall / floor['orjson']:>7.1f}x", flush=True)

    ours, bare, cpu, imports_ms = _review_process(args.runs)
    label = 'assistant review "text", whole process'
    print(f"{label:<44} {ours:>10.3f} s {bare:>12.3f} s "
          f"{ours / bare:>7.1f}x  <= {TARGET_REVIEW_S} s: {_verdict(ours <= TARGET_REVIEW_S)}")
    print(f"{'  CPU (median)':<44} {cpu:>10.3f} s")
    print(f"{'  of which imports (-X importtime)':<44} {imports_ms:>9.0f} ms")
    slower = [f"a bare interpreter {bare / REFERENCE_BARE_S:.1f}x"]
    if peer is not None:
        slower.insert(0, f"proselint {peer / REFERENCE_PEER_US:.1f}x")
    print(f"this machine against the one the targets were set on: {', '.join(slower)} as slow")
    if args.markdown:
        print(machine_row(time.strftime("%Y-%m-%d"), _commit(),
                          peer / REFERENCE_PEER_US if peer is not None else None, bare / REFERENCE_BARE_S,
                          p50, statistics.median(ratios) if peer is not None else None, audits, ours))


if __name__ == "__main__":
    main()
