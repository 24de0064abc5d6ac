"""The layer rule, grep-able: nothing in the core names a chat platform but the entry point.

`lint-imports` (in CI) checks real imports; this also catches a platform named in a
dotted string (an RQ job name, an `import_module` argument), which imports never show.
"""

from __future__ import annotations

import re

from tests.conftest import REPO

ENTRY_POINT = "assistant/cli.py"
DOTTED = re.compile(r"\bintegrations\.[A-Za-z_]")


def core_files() -> list[str]:
    return sorted(str(p.relative_to(REPO)) for p in (REPO / "assistant").rglob("*.py"))


def test_the_core_names_no_chat_platform_outside_the_entry_point() -> None:
    offenders = [
        f"{path}:{number}: {line.strip()}"
        for path in core_files() if path != ENTRY_POINT
        for number, line in enumerate((REPO / path).read_text().splitlines(), start=1)
        if DOTTED.search(line)
    ]
    assert offenders == [], "the core must not name integrations/ (see README, Architecture)"

