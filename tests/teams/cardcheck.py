"""What Teams would refuse in a bot's card: not a valid Adaptive Card 1.5 (the official
schema, without the Teams-only `msteams` key) or a message above 28 KB."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import adaptive_cards
import jsonschema

SCHEMA = json.loads((Path(adaptive_cards.__file__).parent / "schemas" / "schema-1.5.json")
                    .read_text(encoding="utf-8"))
MAX_MESSAGE_BYTES = 28 * 1024


def card_problems(card: dict[str, Any]) -> list[str]:
    """Why Teams would not show this card (empty when it would)."""
    stripped = {k: v for k, v in card.items() if k != "msteams"}
    validator = jsonschema.validators.validator_for(SCHEMA)(SCHEMA)
    found = [f"{'/'.join(map(str, e.path))}: {e.message[:200]}"
             for e in validator.iter_errors(stripped)]
    size = len(json.dumps(card, ensure_ascii=False).encode("utf-8"))
    if size > MAX_MESSAGE_BYTES:
        found.append(f"{size} bytes")
    return found
