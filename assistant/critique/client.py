"""Build the OpenAI (or Azure OpenAI) client from `Settings`.

The SDK retries transport errors, 408, 409, 429 and 5xx itself (honouring Retry-After):
we only set how often (`llm_max_retries`) and a real per-request timeout (`llm_timeout`)
instead of its 600 s default. `openai` is imported here, never at module import time,
so the command line starts fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.settings import Settings

# Local servers (vLLM, Ollama) want no key, but the SDK refuses to start without one.
NO_KEY = "not-needed"


def endpoint_kind(settings: Settings) -> str:
    """ "azure" when Azure OpenAI is configured, "openai" otherwise (any compatible server)."""
    return "azure" if settings.azure_openai_endpoint else "openai"


def build_client(settings: Settings) -> Any:
    """An `openai.OpenAI` or `openai.AzureOpenAI` client with our timeout and retries."""
    import openai

    common: dict[str, Any] = {
        "timeout": settings.llm_timeout,
        "max_retries": settings.llm_max_retries,
    }
    if endpoint_kind(settings) == "azure":
        key = settings.azure_openai_api_key or settings.openai_api_key
        return openai.AzureOpenAI(
            azure_endpoint=settings.azure_openai_endpoint,
            api_key=key.get_secret_value() if key else NO_KEY,
            api_version=settings.openai_api_version or "2024-10-21",
            **common,
        )
    key = settings.openai_api_key
    return openai.OpenAI(
        api_key=key.get_secret_value() if key else NO_KEY,
        base_url=settings.openai_base_url or None,
        **common,
    )
