"""Start-up budget of `assistant review "text"`: whole-process wall time against a bare
interpreter, and where the import time goes (`python -X importtime`).

Prints the median wall time of N runs of the review and of `python -c pass`, the import
time by top-level module and the heaviest single imports, the libraries a review must not
load, and the verdict against the budget (0.12 s for the whole process).

Run: .venv/bin/python bench/bench_startup.py [--runs 21] [--format text|json|concise] [--top 15]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

BUDGET_S = 0.12
TEXT = "Huge news!! Our new app is live, please RT and share with everyone you know 🙏 https://example.com"
# Libraries one review has no use for; loading any of them is a start-up regression.
NOT_FOR_REVIEW = ("openai", "slack_sdk", "microsoft_teams", "rich", "redis", "rq", "httpx",
                  "pydantic", "pydantic_core", "pydantic_settings", "msgspec", "orjson")


# As installed: modules load from their cached bytecode (written by a warm-up run), not
# compiled from source on every start, whatever this shell says (every bench uses it).
INSTALLED_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _run(command: list[str], path: str | None = None) -> tuple[float, float]:
    """Wall and CPU (user + system) seconds of one run; CPU time suffers less from a busy
    machine. `path` goes first on PYTHONPATH (another checkout to compare with)."""
    env = INSTALLED_ENV if path is None else {**INSTALLED_ENV, "PYTHONPATH": path}
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env=env, cwd=path)
    _, _, usage = os.wait4(process.pid, 0)
    return time.perf_counter() - started, usage.ru_utime + usage.ru_stime


def _line(label: str, runs: list[tuple[float, float]]) -> str:
    walls = sorted(w for w, _ in runs)
    cpu = statistics.median(c for _, c in runs)
    return (f"  {label:<15} median {statistics.median(walls):.3f} s  "
            f"p90 {walls[int(len(walls) * 0.9)]:.3f} s  min {walls[0]:.3f} s  cpu {cpu:.3f} s")


def bare_python(folder: str) -> list[str]:
    """`python -c pass` in a new, empty virtual environment of this interpreter, made in
    `folder`: the floor. Not this environment's own: an editable install's import hook
    (`__editable___*_finder`, loaded from a .pth by `site`) runs at every start of it,
    ~24 ms here, and a floor that holds it hides that much of the review's own start-up."""
    import venv

    venv.create(folder, with_pip=False, symlinks=True)
    return [os.path.join(folder, "bin", "python"), "-c", "pass"]


def imports(command: list[str]) -> list[tuple[str, int, int, int]]:
    """(module, depth, self µs, cumulative µs) for every import of `command`, in order."""
    child = subprocess.run([sys.executable, "-X", "importtime", *command], capture_output=True,
                           text=True, check=False, env=INSTALLED_ENV)
    rows = []
    for line in child.stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        own, cumulative, name = line.removeprefix("import time:").split("|")
        if not own.strip().isdigit():
            continue  # the header line
        depth = (len(name) - len(name.lstrip(" ")) - 1) // 2
        rows.append((name.strip(), depth, int(own), int(cumulative)))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--format", default="text", choices=["text", "json", "concise"])
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--baseline", metavar="DIR", help="Another checkout of the project, "
                        "run in turn with this one (same load) for a before/after figure.")
    args = parser.parse_args()

    review = [sys.executable, "-m", "assistant", "review", "--no-llm", "--format", args.format,
              TEXT]
    for _ in range(2):  # warm the file cache and the bytecode
        _run(review)
        if args.baseline:
            _run(review, args.baseline)
    ours: list[tuple[float, float]] = []
    bare: list[tuple[float, float]] = []
    before: list[tuple[float, float]] = []
    with tempfile.TemporaryDirectory() as empty:
        floor = bare_python(empty)
        for _ in range(args.runs):  # in turn, so a burst of load falls on every column alike
            ours.append(_run(review))
            bare.append(_run(floor))
            if args.baseline:
                before.append(_run(review, args.baseline))
    rows = imports(review[1:])
    top_level = sorted((r for r in rows if r[1] == 0), key=lambda r: -r[3])
    total_ms = sum(r[3] for r in top_level) / 1000
    loaded = {r[0] for r in rows}
    forbidden = sorted(lib for lib in NOT_FOR_REVIEW if lib in loaded)

    median = statistics.median(w for w, _ in ours)
    print(f'assistant review --format {args.format} "text", {args.runs} runs')
    print(_line("whole process", ours))
    if before:
        print(_line("baseline", before) + f"  ({args.baseline})")
    print(_line("bare python", bare) + "  (the floor: an empty venv)")
    print(f"  imports         {total_ms:.0f} ms in {len(rows)} modules (-X importtime)")
    print("\ntop-level imports (cumulative ms)")
    for name, _, _, cumulative in top_level[:args.top]:
        print(f"  {cumulative / 1000:7.1f}  {name}")
    print("\nheaviest single modules (own ms)")
    for name, _, own, _ in sorted(rows, key=lambda r: -r[2])[:args.top]:
        print(f"  {own / 1000:7.1f}  {name}")
    print(f"\nlibraries a review must not load: {', '.join(forbidden) or 'none loaded'}")
    ok = median <= BUDGET_S
    print(f"budget {BUDGET_S:.2f} s: {'meets' if ok else 'MISSES'} "
          f"({median / BUDGET_S:.0%} of it)")


if __name__ == "__main__":
    main()
