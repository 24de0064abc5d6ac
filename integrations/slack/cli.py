"""`assistant serve`, registered on the main CLI with `add_command`.

Only click is imported here; bolt, slack_sdk, redis and rq load inside the commands, so
`assistant --help` stays fast.
"""

from __future__ import annotations

import click


def _load(config_path: str | None) -> tuple[object, object]:
    from assistant.config import load_workspace
    from assistant.settings import load_settings

    settings = load_settings()
    return settings, load_workspace(config_path or settings.config)


def _redis(settings: object) -> object:
    """The one client the listeners and /healthz share; fail-fast, as Slack wants an ack
    within 3 s even when Redis cannot be reached."""
    from assistant.connections import connect

    return connect(settings, "the Slack app and worker share a Redis",  # type: ignore[arg-type]
                   fail_fast=True)


@click.command()
@click.option("--host", default="0.0.0.0", show_default=True, help="Interface for HTTP mode.")
@click.option("--port", default=3000, show_default=True, envvar="PORT", type=int,
              help="Port for HTTP mode (endpoint /slack/events, health /healthz).")
@click.option("--socket", "use_socket", is_flag=True,
              help="Socket Mode (the default when SLACK_APP_TOKEN is set): no public URL needed.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), envvar="ASSISTANT_CONFIG",
              help="assistant.toml (default: $ASSISTANT_CONFIG).")
@click.option("--grace", default=10.0, show_default=True, envvar="ASSISTANT_SHUTDOWN_GRACE",
              type=click.FloatRange(0, 300),
              help="Seconds to finish in-flight requests after SIGTERM (HTTP mode).")
def serve(host: str, port: int, use_socket: bool, config_path: str | None, grace: float) -> None:
    """Run the Slack app: HTTP on --port, or Socket Mode."""
    from assistant.errors import ConfigError
    from assistant.logs import log_to_stderr
    from integrations.slack.app import create_app
    from integrations.slack.server import bound_allocator, http_server, socket_mode

    bound_allocator()
    log_to_stderr()
    settings, workspace = _load(config_path)
    redis = _redis(settings)
    app = create_app(settings, workspace, redis=redis)  # type: ignore[arg-type]
    app_token = settings.slack_app_token  # type: ignore[attr-defined]
    if use_socket or app_token:
        if not app_token:
            raise ConfigError("--socket needs SLACK_APP_TOKEN (an app-level token, xapp-...)")
        click.echo("assistant: Slack app in Socket Mode", err=True)
        socket_mode(app, app_token.get_secret_value()).start()
        return
    if not settings.slack_signing_secret:  # type: ignore[attr-defined]
        raise ConfigError("SLACK_SIGNING_SECRET is not set (needed to verify Slack's requests)")
    server = http_server(app, host=host, port=port, redis=redis)  # type: ignore[arg-type]
    click.echo(f"assistant: Slack app on http://{host}:{server.effective_port}/slack/events",
               err=True)
    _serve_until_signalled(server, app, grace)


def _serve_until_signalled(server: object, app: object, grace: float) -> None:
    """Serve until SIGTERM or SIGINT, then drain in-flight requests for up to `grace` s."""
    import os
    import signal
    import threading

    from integrations.slack.server import serve_until

    stop = threading.Event()

    def on_signal(number: int, _frame: object) -> None:
        click.echo(f"assistant: {signal.Signals(number).name}: finishing in-flight requests "
                   f"(up to {grace:g} s)", err=True)
        stop.set()

    for number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(number, on_signal)
    cut_off = serve_until(server, stop, grace=grace, app=app)  # type: ignore[arg-type]
    click.echo(f"assistant: stopped ({cut_off} request(s) cut off)" if cut_off
               else "assistant: stopped, every request answered", err=True)
    if cut_off:
        os._exit(1)  # listener threads still running would hold the exit past the grace


def serves(settings: object, workspace: object) -> tuple[str | None, str]:
    """What a worker answers on Slack (None when SLACK_BOT_TOKEN is not set), and how to
    turn it on; the core `assistant worker` asks every chat platform wired in."""
    # registered even without a token: approval jobs for Teams webhooks run through it
    import integrations.slack.worker  # noqa: F401

    if not getattr(settings, "slack_bot_token", None):
        in_slack = [c.name for c in getattr(workspace, "clients", ()) if c.approvals_channel]
        if in_slack:
            from assistant.errors import ConfigError

            # else every approval job of theirs calls Slack without a token, fails, retries
            raise ConfigError(
                f"SLACK_BOT_TOKEN is not set, and {', '.join(in_slack)} "
                f"{'shows' if len(in_slack) == 1 else 'show'} approvals in Slack (approvals_channel): "
                "set it, or remove approvals_channel from clients approved in Teams only")
        return None, "set SLACK_BOT_TOKEN for Slack"
    return "Slack", ""
