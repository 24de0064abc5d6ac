"""Configuration: `Settings` from the environment and `assistant.toml` for the workspace.

Both are built once at the edge (a CLI command, the app factory) and passed down;
nothing deeper reads the environment.
"""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from assistant.errors import ConfigError
from assistant.models import OwnerKind, Platform, Severity


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
    """Settings from the environment, with secrets read from files when configured."""
    secrets_dir = os.environ.get("ASSISTANT_SECRETS_DIR")
    if secrets_dir and Path(secrets_dir).is_dir():
        return Settings(_secrets_dir=secrets_dir, **overrides)  # type: ignore[call-arg]
    return Settings(**overrides)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class AgencyConfig(_Strict):
    name: str = "Our agency"
    own_domains: list[str] = Field(default_factory=list)


class RulesConfig(_Strict):
    """Which rules run, how severe they are, and their thresholds."""

    select: list[str] = Field(default_factory=lambda: ["all"])
    ignore: list[str] = Field(default_factory=list)
    severity: dict[str, Severity] = Field(default_factory=dict)
    thresholds: dict[str, dict[str, Any]] = Field(default_factory=dict)


class FeedConfig(_Strict):
    name: str
    owner: OwnerKind = "client"
    source: str
    platform: Platform | None = None
    own_domains: list[str] = Field(default_factory=list)
    slack_channel: str | None = None
    teams_webhook: str | None = None


class ClientConfig(_Strict):
    name: str
    approvers: list[str] = Field(default_factory=list)
    approvals_channel: str | None = None
    allow_self_approval: bool = False
    teams_webhook: str | None = None
    own_domains: list[str] = Field(default_factory=list)

    @field_validator("approvers")
    @classmethod
    def _slack_ids(cls, value: list[str]) -> list[str]:
        for approver in value:
            if not re.fullmatch(r"[UWS][A-Z0-9]{2,}", approver):
                raise ValueError(f"{approver!r} is not a Slack user id (U...) or user group id (S...)")
        return value


class ReportsConfig(_Strict):
    slack_channel: str | None = None
    teams_webhook: str | None = None
    time_zone: str = "UTC"
    retention_days: int = 90
    teams_legacy: bool = False  # MessageCard through a retired Office 365 connector


class WorkspaceConfig(_Strict):
    """The validated contents of `assistant.toml`."""

    agency: AgencyConfig = Field(default_factory=AgencyConfig)
    rules: RulesConfig = Field(default_factory=RulesConfig)
    feeds: list[FeedConfig] = Field(default_factory=list)
    clients: list[ClientConfig] = Field(default_factory=list)
    reports: ReportsConfig = Field(default_factory=ReportsConfig)
    path: str | None = Field(default=None, exclude=True)
    text: str | None = Field(default=None, exclude=True, repr=False)


def line_of(text: str, key: str) -> int | None:
    """The first line of a TOML text that mentions `key`, so an error can point at it."""
    pattern = re.compile(rf"(^|[\s.\[\"']){re.escape(key)}([\s.=\]\"']|$)")
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.search(line):
            return number
    return None


def load_workspace(path: str | os.PathLike[str] | None) -> WorkspaceConfig:
    """Read and validate `assistant.toml`; no path means built-in defaults."""
    if path is None:
        return WorkspaceConfig()
    name = str(path)
    try:
        raw_text = Path(path).read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise ConfigError("config file not found", path=name) from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"not UTF-8 text ({exc.reason} at byte {exc.start})", path=name) from None
    except OSError as exc:
        raise ConfigError(f"cannot read config file: {exc.strerror}", path=name) from None
    try:
        data = tomllib.loads(raw_text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        line = int(match.group(1)) if match else None
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise ConfigError(f"invalid TOML: {message}", path=name, line=line) from None
    try:
        config = WorkspaceConfig.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        key = ".".join(str(part) for part in error["loc"])
        last = next((str(p) for p in reversed(error["loc"]) if isinstance(p, str)), key)
        raise ConfigError(f"{key}: {error['msg']}", path=name, line=line_of(raw_text, last)) from None
    config.path = name
    config.text = raw_text
    return config
