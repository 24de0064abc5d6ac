"""`bench/bench_scale.py --markdown` ends with the run as a row of the README's table of
machines, so the table is filled from a bench run, not retyped."""

from __future__ import annotations

import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

from bench_scale import machine_row  # noqa: E402

AUDITS = {
    100_000: {"wall": 3.581, "floor": 0.344, "ratio": 10.41, "rss": 163.2, "tree_mb": 244.0,
              "cpus": [6.37, 6.64, 6.05]},
    1_000_000: {"wall": 36.18, "floor": 6.57, "ratio": 5.5, "rss": 948.4, "tree_mb": 1696.2,
                "cpus": [70.69, 65.71, 65.48]},
}


def test_a_run_with_both_sizes_and_the_peer_is_one_row_of_the_machines_table() -> None:
    row = machine_row("2026-12-02", "de54101", 0.92, 0.6, 33.4, 29.2, AUDITS, 0.0912)
    assert row == ("| (2026-12-02, de54101) | 0.9x / 0.6x | 33 µs, 29x "
                   "| 3.58 s, 10.4x (the floor 0.34 s), 163 MB "
                   "| 36.2 s (CPU 65-71 s; the parse alone 6.6 s), 948 MB (1,696 MB both) | 0.091 s |")


def test_a_row_has_the_columns_of_the_readme_table_whatever_was_measured() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    header = next(line for line in readme.splitlines() if line.startswith("| machine (date, code) |"))
    columns = header.count("|")
    without = machine_row("2026-12-02", "abc1234", None, 1.2, 40.0, None, {100_000: AUDITS[100_000]}, 0.1)
    assert without.count("|") == columns
    assert "| - / 1.2x | 40 µs |" in without, "no peer: its column and the speed-up left out, not made up"
    assert re.search(r"\| - \| 0\.100 s \|$", without), "no million-post audit: its column says so"
