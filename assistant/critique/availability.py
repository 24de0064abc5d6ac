"""Is an LLM endpoint configured? Answered without importing the critique machinery.

The command line asks this on every run; importing the critique (pydantic schemas,
prompt files) only to learn that nothing is configured would slow every start.
"""

from __future__ import annotations

from collections.abc import Mapping

SKIPPED_NOTE = (
    "LLM critique skipped: no endpoint configured (set OPENAI_API_KEY, OPENAI_BASE_URL or "
    "AZURE_OPENAI_ENDPOINT; --no-llm hides this line)"
)
# Where an endpoint can come from; lets the CLI skip building Settings (slow to import).
ENDPOINT_VARIABLES = ("OPENAI_API_KEY", "OPENAI_BASE_URL", "AZURE_OPENAI_ENDPOINT",
                      "ASSISTANT_SECRETS_DIR")


def endpoint_may_be_configured(environ: Mapping[str, str]) -> bool:
    """False only when no variable that could configure an endpoint is set."""
    return any(environ.get(name) for name in ENDPOINT_VARIABLES)
