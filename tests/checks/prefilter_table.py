"""Write (or check) the prefilter table: what `prefilter.read` gives for every rule pattern,
shipped as `assistant/checks/prefilters.json` so that no start pays Python's parser.

Run after changing a rule pattern:  .venv/bin/python -m tests.checks.prefilter_table
Check that the shipped table is current:  .venv/bin/python -m tests.checks.prefilter_table --check
"""

from __future__ import annotations

import argparse
import gc
import importlib
import json
import pkgutil
import sys
from pathlib import Path
from typing import Any

import assistant.checks.rules
from assistant.checks import prefilter
from assistant.checks.ruleset import RuleSet
from assistant.checks.signals import Lazy

TABLE = Path(prefilter.__file__).with_name(prefilter.TABLE_FILE)


def patterns() -> list[Lazy]:
    """Every rule pattern the check modules make, as the garbage collector sees them once
    every rule is loaded (module level, phrase tables and patterns built in functions)."""
    RuleSet.from_config()
    importlib.import_module("assistant.checks.speech_model")
    for module in pkgutil.iter_modules(assistant.checks.rules.__path__):
        importlib.import_module(f"assistant.checks.rules.{module.name}")
    return [o for o in gc.get_objects() if isinstance(o, Lazy)]


def table() -> dict[str, Any]:
    """The table for the patterns of this checkout, in a stable order: each pattern's
    prefilter, and the patterns searched one alternative at a time with each alternative's."""
    rows: dict[str, Any] = {}
    split: set[str] = set()

    def add(source: str, flags: int) -> None:
        found = prefilter.read(source, flags)
        rows[prefilter.key(source, flags)] = (
            None if found is None else [int(found.folded), *(sorted(clause) for clause in found.clauses)])

    for pattern in patterns():
        add(pattern._source, pattern._flags)
        parts = prefilter.read_alternatives(pattern._source, pattern._flags)
        if parts is not None:
            split.add(prefilter.key(pattern._source, pattern._flags))
            for part in parts:
                add(part, pattern._flags)
    return {"about": "prefilter.read of every rule pattern and of the alternatives of those in "
                     "alternatives (prefilter.read_alternatives), by prefilter.key; written by "
                     "tests/checks/prefilter_table.py",
            "alternatives": sorted(split), "patterns": dict(sorted(rows.items()))}


def _one_pattern_a_line(data: dict[str, Any]) -> str:
    """The table as JSON with one pattern a line, so that a change of a pattern is one line."""
    rows = ",\n".join(f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in data["patterns"].items())
    split = ",\n".join(f"  {json.dumps(k)}" for k in data["alternatives"])
    return (f'{{"about": {json.dumps(data["about"])},\n "alternatives": [\n{split}\n],\n'
            f' "patterns": {{\n{rows}\n}}}}\n')


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when the shipped table is not current")
    args = parser.parse_args(argv)
    text = _one_pattern_a_line(table())
    if args.check:
        if TABLE.exists() and TABLE.read_text(encoding="utf-8") == text:
            print("the shipped prefilter table is current")
            return 0
        print(f"{TABLE} is not current: run python -m tests.checks.prefilter_table", file=sys.stderr)
        return 1
    TABLE.write_text(text, encoding="utf-8")
    print(f"wrote {TABLE} ({len(json.loads(text)['patterns'])} patterns)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
