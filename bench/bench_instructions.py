"""Instructions, not seconds: what one round of every post rule costs, counted by valgrind.

On a shared machine the same code's wall time moves by half between runs minutes apart, so
a change of a few percent in the post rules cannot be seen in seconds. `valgrind
--tool=callgrind` counts the instructions the interpreter runs, the same from run to run
within ~1%. This runs `RuleSet.check_post` over the real English posts of `tests/realdata`
and as many of the audit bench's posts (as `bench_realism.py` does) once and twice under
callgrind; the difference is one round, without start-up, imports and the first compile of
each pattern. With `--baseline DIR` (another checkout of the project) it counts that one
too, and both print a digest of every finding, which must agree when a change is meant to
change only speed.

Run: .venv/bin/python bench/bench_instructions.py [--baseline DIR] [--posts N]
(needs valgrind; each checkout is run twice under it, 2-4 minutes a run on a slow 2-core
machine, mostly start-up; the hash seed is fixed, which made two counts of the same code on
400 posts agree, where random seeds moved them by up to 3.5%)
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def _rounds(rounds: int, posts: int | None) -> None:
    """The measured work: `rounds` rounds of the post rules over the posts, then the digest."""
    sys.path.insert(0, str(HERE))
    from bench_realism import OWN, compared_posts

    from assistant.checks.ruleset import RuleSet

    rules = RuleSet.from_config()
    real, bench = compared_posts(posts)
    found = []
    for round_ in range(rounds):
        for post in (*real, *bench):
            findings = rules.check_post(post, own_domains=OWN)
            if not round_:
                found.append([(f.rule, f.severity, f.message, f.evidence) for f in findings])
    print(hashlib.sha256(repr(found).encode()).hexdigest()[:16])


def count(checkout: Path, posts: int | None) -> tuple[int, str]:
    """One round's instructions in `checkout`, and its findings' digest."""
    totals, digest = [], ""
    for rounds in (1, 2):
        with tempfile.TemporaryDirectory() as scratch:
            out = Path(scratch) / "callgrind.out"
            command = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable,
                       str(Path(__file__).resolve()), "--rounds", str(rounds)]
            if posts is not None:
                command += ["--posts", str(posts)]
            # (a fixed hash seed: set and dict order, and so the count, the same from run to run)
            env = {**os.environ, "PYTHONPATH": str(checkout), "PYTHONHASHSEED": "0"}
            done = subprocess.run(command, cwd=checkout, env=env, capture_output=True, text=True, check=True)
            digest = done.stdout.strip()
            summary = re.search(r"^summary:\s+(\d+)", out.read_text(), re.MULTILINE)
            if summary is None:
                raise SystemExit(f"no summary in callgrind's output for {checkout}")
            totals.append(int(summary.group(1)))
    return totals[1] - totals[0], digest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", type=Path, help="another checkout of the project, counted too")
    parser.add_argument("--posts", type=int, help="real posts to take (and as many bench posts)")
    parser.add_argument("--rounds", type=int, help=argparse.SUPPRESS)  # the run under valgrind
    args = parser.parse_args()
    if args.rounds:
        _rounds(args.rounds, args.posts)
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt install valgrind)")
    rows = [("this checkout", ROOT)] + ([("baseline", args.baseline.resolve())] if args.baseline else [])
    counted = {name: count(path, args.posts) for name, path in rows}
    for name, (instructions, digest) in counted.items():
        print(f"{name:<16}{instructions / 1e6:>12,.1f}M instructions a round   findings {digest}")
    if args.baseline:
        ours, theirs = counted["this checkout"], counted["baseline"]
        print(f"this checkout against the baseline: {ours[0] / theirs[0]:.3f}x, findings "
              + ("the same" if ours[1] == theirs[1] else "DIFFERENT"))


if __name__ == "__main__":
    main()
