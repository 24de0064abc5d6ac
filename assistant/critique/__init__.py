"""The LLM critique step: prompts, structured output, retries, cache, injection safety.

Names are imported on first use (PEP 562), so `import assistant.critique` costs nothing
until a critique actually runs; `openai` and `redis` load later still, inside calls.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "CritiqueCache": "assistant.critique.cache",
    "CritiqueResult": "assistant.critique.critic",
    "apply_critique": "assistant.critique.critic",
    "critique_audit": "assistant.critique.critic",
    "critique_or_note": "assistant.critique.critic",
    "critique_review": "assistant.critique.critic",
    "enforce_floor": "assistant.critique.critic",
    "should_critique": "assistant.critique.critic",
    "endpoint_may_be_configured": "assistant.critique.availability",
}

__all__ = list(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
