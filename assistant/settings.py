"""Process settings from the environment (and secret files), built once at the edge.

Vendor-standard names where a vendor has one (`OPENAI_API_KEY`, `SLACK_BOT_TOKEN`,
`REDIS_URL`...), `ASSISTANT_` otherwise. Secrets are `SecretStr`: they never show in
reprs, logs or error messages.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pydantic import Field, SecretStr, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from assistant.errors import ConfigError


class Settings(BaseSettings):
    """Process settings. Vendor-standard names where a vendor has one, `ASSISTANT_` otherwise.

    Secrets may also come from files in `ASSISTANT_SECRETS_DIR` (one file per name).
    """

    model_config = SettingsConfigDict(env_prefix="ASSISTANT_", extra="ignore", populate_by_name=True)

    config: Path | None = None
    secrets_dir: Path | None = None
    llm_model: str = "gpt-4o-mini"
    llm_timeout: float = 20.0
    llm_deadline: float = 30.0
    llm_max_retries: int = 2
    llm_max_input_tokens: int = 3000
    llm_max_output_tokens: int = 800
    llm_cache_ttl: int = 7 * 24 * 3600
    prompts_dir: Path | None = None

    openai_api_key: SecretStr | None = Field(default=None, validation_alias="OPENAI_API_KEY")
    openai_base_url: str | None = Field(default=None, validation_alias="OPENAI_BASE_URL")
    azure_openai_api_key: SecretStr | None = Field(default=None, validation_alias="AZURE_OPENAI_API_KEY")
    azure_openai_endpoint: str | None = Field(default=None, validation_alias="AZURE_OPENAI_ENDPOINT")
    openai_api_version: str | None = Field(default=None, validation_alias="OPENAI_API_VERSION")
    redis_url: str | None = Field(default=None, validation_alias="REDIS_URL")
    redis_cluster: bool = False  # REDIS_URL is a node of a Redis Cluster (see assistant.connections)
    queue_redis_url: str | None = None  # the job queue's own Redis; required with a cluster
    slack_bot_token: SecretStr | None = Field(default=None, validation_alias="SLACK_BOT_TOKEN")
    slack_signing_secret: SecretStr | None = Field(default=None, validation_alias="SLACK_SIGNING_SECRET")
    slack_app_token: SecretStr | None = Field(default=None, validation_alias="SLACK_APP_TOKEN")
    slack_api_url: str = Field(default="https://slack.com/api/", validation_alias="SLACK_API_URL")

    mastodon_base_url: str | None = None  # replaces every handle's instance (proxy, tests)
    bluesky_api_url: str = "https://public.api.bsky.app"
    fetch_timeout: float = 15.0
    fetch_min_interval: float = 1.0  # seconds between requests to one host

    @property
    def llm_configured(self) -> bool:
        """True when some OpenAI-compatible endpoint can be reached."""
        return bool(self.openai_api_key or self.openai_base_url or self.azure_openai_endpoint)


def load_settings(**overrides: Any) -> Settings:
    """Settings from the environment, with secrets read from files when configured.

    A malformed value is a `ConfigError` naming the variable, never a traceback, and
    the value itself is not repeated (it may be a secret).
    """
    secrets_dir = os.environ.get("ASSISTANT_SECRETS_DIR")
    try:
        if secrets_dir and Path(secrets_dir).is_dir():
            return Settings(_secrets_dir=secrets_dir, **overrides)  # type: ignore[call-arg]
        return Settings(**overrides)
    except ValidationError as exc:
        error = exc.errors(include_input=False)[0]
        name = str(error["loc"][0]) if error["loc"] else "?"
        raise ConfigError(f"environment variable {_variable(name)}: {error['msg']}") from None


def _variable(field_name: str) -> str:
    """The environment variable behind a settings field (its alias, or ASSISTANT_ + name)."""
    field = Settings.model_fields.get(field_name)
    alias = field.validation_alias if field else None
    if isinstance(alias, str):
        return alias
    if field_name.isupper():  # pydantic already reported the alias
        return field_name
    return "ASSISTANT_" + field_name.upper()
