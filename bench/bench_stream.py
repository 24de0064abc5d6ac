"""A feed read whole (`audit_feed`, `assistant audit --read whole`) against the same feed read
a block at a time (`audit_blocks`, `--read blocks`), side by side on the same canonical JSONL
file.

Each way runs in a fresh process, in turn, `--runs` times: wall seconds, CPU seconds of the
process and its forked child, the peak memory of its largest process (os.wait4) and of both
together (PSS sampled from /proc, as `bench_scale`). Both ways must give the same audit (the
bench stops otherwise). Read in blocks, the feed rules keep a brief or the id of each post,
not the post (see README, "Not done yet", for what still grows with the feed).

Run: .venv/bin/python bench/bench_stream.py [--posts N ...] [--runs R]   (default 100000, 3 runs)
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench_scale
from bench_audit import write_jsonl

AS_OF = "2030-01-01T00:00:00+00:00"
# Prints the audit's JSON, read one way or the other ("whole" or "stream").
_PROGRAM = f"""
import json, sys
from datetime import datetime
from assistant.checks.ruleset import RuleSet
from assistant.render.json import audit_dict
way, path = sys.argv[1:]
rules, as_of = RuleSet.from_config(), datetime.fromisoformat("{AS_OF}")
if way == "whole":
    from assistant.audit import audit_feed
    from assistant.sources import load_accounts
    (loaded,) = load_accounts([path])
    result = audit_feed(loaded.feed, rules, as_of=as_of)
else:
    from assistant.audit import audit_blocks
    from assistant.sources import stream_feed
    feed = stream_feed(path)
    result = audit_blocks(feed.read, feed.account, rules, as_of=as_of, source=feed.path,
                          size=feed.size, blocks=feed.blocks)
print(json.dumps(audit_dict(result), sort_keys=True))
"""


def _measure(way: str, path: str) -> tuple[float, float, float, float, bytes]:
    wall, largest, out = bench_scale._run([sys.executable, "-c", _PROGRAM, way, path])
    return wall, bench_scale._last_cpu_s, largest, bench_scale._last_tree_mb, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, nargs="+", default=[100_000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"{'posts':>9} {'way':>6} {'wall s':>7} {'cpu s':>6} {'largest MB':>10} {'both MB':>8}")
    for n in args.posts:
        with tempfile.TemporaryDirectory() as folder:
            path = str(Path(folder) / "feed.jsonl")
            write_jsonl(path, n)
            runs: dict[str, list[tuple[float, float, float, float]]] = {"whole": [], "stream": []}
            answers = set()
            for _ in range(args.runs):
                for way in runs:  # in turn: a drift of the machine's speed falls on both
                    *figures, out = _measure(way, path)
                    runs[way].append(tuple(figures))  # type: ignore[arg-type]
                    answers.add(out)
            if len(answers) != 1:
                raise SystemExit(f"{n} posts: the two ways gave different audits")
            for way, figures in runs.items():
                wall, cpu = (statistics.median(f[i] for f in figures) for i in (0, 1))
                largest, both = (max(f[i] for f in figures) for i in (2, 3))
                print(f"{n:>9} {way:>6} {wall:>7.2f} {cpu:>6.1f} {largest:>10.0f} {both:>8.0f}", flush=True)


if __name__ == "__main__":
    main()
