"""The LLM critique step: prompts, structured output, retries, cache, injection safety.

Importing this package is cheap: `openai` and `redis` are imported only when used.
"""

from __future__ import annotations

from assistant.critique.cache import CritiqueCache
from assistant.critique.critic import (
    CritiqueResult,
    apply_critique,
    critique_audit,
    critique_review,
    endpoint_may_be_configured,
    enforce_floor,
    should_critique,
)

__all__ = [
    "CritiqueCache",
    "CritiqueResult",
    "apply_critique",
    "critique_audit",
    "critique_review",
    "endpoint_may_be_configured",
    "enforce_floor",
    "should_critique",
]
