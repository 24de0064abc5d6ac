"""The bot's own settings: the Azure bot credentials the Teams SDK reads, read once at the edge."""

from __future__ import annotations

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from assistant.errors import ConfigError

CREDENTIALS = ("CLIENT_ID", "CLIENT_SECRET", "TENANT_ID")
UNSAFE_WARNING = ("assistant: warning: accepting unauthenticated requests on /api/messages: "
                  "for local tests only; never let this server face the internet")


class TeamsSettings(BaseSettings):
    """`CLIENT_ID`, `CLIENT_SECRET`, `TENANT_ID` (the Azure bot's single-tenant app
    registration), `DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS` (local tests only) and
    `GRAPH_BASE_URL` (another Microsoft Graph endpoint for AAD group approvers)."""

    model_config = SettingsConfigDict(extra="ignore", populate_by_name=True)

    client_id: str | None = Field(default=None, validation_alias="CLIENT_ID")
    client_secret: SecretStr | None = Field(default=None, validation_alias="CLIENT_SECRET")
    tenant_id: str | None = Field(default=None, validation_alias="TENANT_ID")
    allow_unauthenticated: bool = Field(
        default=False, validation_alias="DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS")
    graph_base_url: str | None = Field(default=None, validation_alias="GRAPH_BASE_URL")

    def missing(self) -> list[str]:
        """The credential variables that are not set."""
        values = (self.client_id, self.client_secret, self.tenant_id)
        return [name for name, value in zip(CREDENTIALS, values, strict=True) if not value]

    def check(self) -> None:
        """Refuse to serve without credentials, unless unauthenticated requests are allowed."""
        missing = self.missing()
        if self.allow_unauthenticated and len(missing) < len(CREDENTIALS):
            # The SDK would accept forged activities yet sign its replies with a real token:
            # a request naming any serviceUrl would receive that token, and anyone could
            # claim an approver's aadObjectId.
            present = [name for name in CREDENTIALS if name not in missing]
            raise ConfigError(
                f"unauthenticated requests are allowed while {', '.join(present)} "
                f"{'is' if len(present) == 1 else 'are'} set: a forged request could obtain the "
                "bot's token; unset the credentials for a local test, or drop "
                "DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS / --dangerously-allow-unauthenticated")
        if missing and not self.allow_unauthenticated:
            raise ConfigError(
                f"{', '.join(missing)} {'is' if len(missing) == 1 else 'are'} not set: the bot "
                "verifies every request with its Azure bot credentials (for a local test only, "
                "set DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS=true)")


def load_teams_settings(*, allow_unauthenticated: bool | None = None) -> TeamsSettings:
    """From the environment; `allow_unauthenticated` (the command-line flag) wins when given.

    A malformed value names the variable and never repeats it (it may be a secret).
    """
    from pydantic import ValidationError

    try:
        settings = TeamsSettings()
    except ValidationError as exc:
        error = exc.errors(include_input=False)[0]
        name = str(error["loc"][0]) if error["loc"] else "?"
        field = TeamsSettings.model_fields.get(name)
        name = str(field.validation_alias) if field else name
        raise ConfigError(f"environment variable {name}: {error['msg']}") from None
    if allow_unauthenticated:
        settings = settings.model_copy(update={"allow_unauthenticated": True})
    return settings
