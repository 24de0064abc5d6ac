"""`assistant teams serve` and `assistant teams package`: the Microsoft Teams bot.

Only click is imported here; the Teams SDK, FastAPI and redis load inside the commands,
so `assistant --help` stays fast.
"""

from __future__ import annotations

from pathlib import Path

import click


@click.group()
def teams() -> None:
    """The Microsoft Teams bot: serve it, or build its app package."""


@teams.command()
@click.option("--host", default=None, help="Interface to listen on [default: 0.0.0.0; "
              "127.0.0.1 when unauthenticated requests are allowed].")
@click.option("--port", default=3978, show_default=True, envvar="PORT", type=int,
              help="Port (endpoint /api/messages, health /healthz).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), envvar="ASSISTANT_CONFIG",
              help="assistant.toml (default: $ASSISTANT_CONFIG).")
@click.option("--dangerously-allow-unauthenticated", "allow_unauthenticated", is_flag=True,
              default=None, help="Accept requests without a Bot Framework token: local tests "
              "only (same as DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS=true).")
def serve(host: str | None, port: int, config_path: str | None, allow_unauthenticated: bool | None) -> None:
    """Run the Teams bot: POST /api/messages, GET /healthz.

    Needs CLIENT_ID, CLIENT_SECRET and TENANT_ID (the Azure bot's app registration),
    REDIS_URL and ASSISTANT_CONFIG; no Slack variables.
    """
    from assistant.config import load_workspace
    from assistant.settings import load_settings
    from integrations.teams.bot.settings import UNSAFE_WARNING, load_teams_settings

    teams_settings = load_teams_settings(allow_unauthenticated=allow_unauthenticated)
    teams_settings.check()
    settings = load_settings()
    workspace = load_workspace(config_path or settings.config)
    from assistant.connections import connect
    from assistant.logs import log_to_stderr
    from integrations.teams.bot.app import create_app
    from integrations.teams.bot.server import quiet_sdk_warnings
    from integrations.teams.bot.server import serve as run

    client = connect(settings, "the Teams bot keeps its state in Redis", socket_connect_timeout=2)
    client.ping()  # fail at start, not on the first message
    log_to_stderr()
    if teams_settings.allow_unauthenticated:
        quiet_sdk_warnings()
    app = create_app(settings, workspace, teams_settings)
    if host is None:  # an unauthenticated bot listens on loopback unless told otherwise
        host = "127.0.0.1" if teams_settings.allow_unauthenticated else "0.0.0.0"
    if teams_settings.allow_unauthenticated:
        click.echo(UNSAFE_WARNING, err=True)
    click.echo(f"assistant: Teams bot on http://{host}:{port}/api/messages", err=True)
    run(app, host=host, port=port)
    click.echo("assistant: Teams bot stopped", err=True)


@teams.command()
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("assistant-teams.zip"), show_default=True, help="The zip to write.")
@click.option("--app-id", envvar="TEAMS_APP_ID", required=True,
              help="The Teams app's id, a GUID (default: $TEAMS_APP_ID).")
@click.option("--bot-id", envvar="CLIENT_ID", required=True,
              help="The Azure bot's app (client) id, a GUID (default: $CLIENT_ID).")
@click.option("--domain", help="The bot's public host name, added to validDomains.")
@click.option("--source", type=click.Path(file_okay=False, path_type=Path),
              help="Folder with manifest.json and the icons (default: deploy/teams).")
def package(out: Path, app_id: str, bot_id: str, domain: str | None, source: Path | None) -> None:
    """Write the app package to upload in the Teams Developer Portal or admin center."""
    from integrations.teams.bot.package import build

    names = build(out, app_id=app_id, bot_id=bot_id, source=source, domain=domain)
    click.echo(f"assistant: wrote {out} ({', '.join(names)})", err=True)
