"""`assistant queue`: import posts for approval, list and show the queue, export approved
posts for the scheduler, expire what is due. Registered on the main CLI with `add_command`.

Only click is imported here; Redis, RQ and the importers load inside the commands.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from redis import Redis

    from assistant.approvals.export import ExportRefused
    from assistant.approvals.intake import ImportRejected
    from assistant.approvals.policy import Actor
    from assistant.approvals.workflow import Workflow
    from assistant.config import ClientConfig, WorkspaceConfig
    from assistant.models import Finding

_CONFIG = click.option("--config", "config_path", type=click.Path(dir_okay=False),
                       envvar="ASSISTANT_CONFIG", help="assistant.toml (default: $ASSISTANT_CONFIG).")


def _open(config_path: str | None) -> tuple[WorkspaceConfig, Redis, Workflow]:
    """The workspace config, the queue's Redis (REDIS_URL) and the approval workflow."""
    from assistant.approvals.workflow import Workflow
    from assistant.config import load_workspace
    from assistant.connections import connect
    from assistant.context import rule_set
    from assistant.settings import load_settings

    settings = load_settings()
    workspace = load_workspace(config_path or settings.config)
    # The queue reviews what it imports: refuse the config `review` and `audit` refuse.
    rule_set(workspace)
    client = connect(settings, "the approval queue lives in Redis")
    return workspace, client, Workflow(client, workspace)


def _actor() -> Actor:
    """The person at the terminal, recorded as `cli:<login>`."""
    import getpass

    from assistant.approvals.policy import Actor

    try:
        return Actor("cli", getpass.getuser())
    except (KeyError, OSError):
        return Actor("", "cli")


def _say(line: str = "", *, err: bool = False) -> None:
    """Echo a line that may hold imported text: no escape sequences reach the terminal."""
    from assistant.text import terminal_safe

    click.echo(terminal_safe(line), err=err)


def _json(value: Any) -> str:
    """JSON for the terminal: C1 controls and bidi overrides and isolates (which json leaves
    raw; the text mode strips them) written as \\u escapes, so the exact text survives."""
    import json
    import re

    text = json.dumps(value, ensure_ascii=False, indent=2)
    return re.sub(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069]",
                  lambda m: f"\\u{ord(m.group()):04x}", text)


def _sweep(workflow: Workflow) -> list[str]:
    """Expire what is due; the worker redraws their messages on every chat platform."""
    return workflow.expire()


def _client(workspace: WorkspaceConfig, name: str) -> ClientConfig:
    """The `[[clients]]` entry called `name`; an unknown name is a one-line error naming the
    configured clients (and the closest of them)."""
    from assistant.errors import InputError, did_you_mean

    client = next((c for c in workspace.clients if c.name == name), None)
    if client is None:
        names = [c.name for c in workspace.clients]
        hint = did_you_mean(name, names)
        known = ", ".join(names) or "none configured"
        where = workspace.path or "the configuration (no --config or ASSISTANT_CONFIG given)"
        raise InputError(f"no client named {name!r} in {where}{hint} (clients: {known})")
    return client


def _filter_known(workspace: WorkspaceConfig, name: str | None) -> None:
    """A `--client` filter must name a client when a config names the clients (without one,
    the name is a plain filter)."""
    if name is not None and workspace.path is not None:
        _client(workspace, name)


def _say_each(refused: ImportRejected | ExportRefused) -> None:
    """Several problems each on their own line; the summary follows (main prints it)."""
    if len(refused.problems) > 1:
        for line in refused.lines():
            _say(line, err=True)


def _submitter(text: str) -> Actor:
    """`--submitter` as the person it names (written like an approver, but not a group)."""
    from assistant.approvals.policy import Actor, Approver
    from assistant.errors import InputError

    if not text:
        return Actor("", "")
    try:
        person = Approver.parse(text)
    except ValueError as exc:
        raise InputError(f"--submitter: {exc}") from None
    if person.group:
        raise InputError(f"--submitter: {text!r} is a group; name the person who submits")
    return Actor(person.platform, person.id)


@click.group()
def queue() -> None:
    """Pre-publication approvals: nothing unapproved is ever released.

    Import a client's posts here; `assistant worker` reviews each one and posts it to the
    client's approvals channel. Approvers configured for the client in assistant.toml decide
    in Slack or Teams: approve, request changes, reject or edit. Then export what they
    approved for your scheduler.
    """


@queue.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--client", "client_name", required=True, help="The client in assistant.toml.")
@click.option("--source", help="Input format when auto-detection is not enough "
              "(buffer, hootsuite, csv, jsonl, ...).")
@click.option("--platform", help="The network the posts are for (Hootsuite files name none; "
              "default x).")
@click.option("--tz", help="Time zone of times written without one (default UTC).")
@click.option("--submitter", default="", help="The person submitting, as approvers are written "
              "(U012ABC or slack:U012ABC, teams:<AAD object id>): they cannot approve their own "
              "posts unless the client allows it, and they hear the outcome.")
@_CONFIG
def import_(file: str, client_name: str, source: str | None, platform: str | None,
            tz: str | None, submitter: str, config_path: str | None) -> None:
    """Queue every post of FILE for CLIENT's approval, or none if any row cannot be queued."""
    from assistant.approvals.intake import ImportRejected, Problem, read_for_queue
    from assistant.approvals.model import Code
    from assistant.errors import InputError
    from assistant.text import count

    workspace, _, workflow = _open(config_path)
    client = _client(workspace, client_name)
    if not client.presented:
        raise InputError(f"client {client_name!r} has no approvals_channel (or teams_channel) in "
                         "assistant.toml, so nobody could approve its posts")
    person = _submitter(submitter)
    try:
        rows = read_for_queue(file, source=source, platform=platform, tz=tz)
        submission = workflow.submit(_actor(), client.name, [r.post for r in rows],
                                     origins=[r.origin for r in rows], submitter=person)
        if submission.code == Code.DUPLICATE:
            raise ImportRejected(file, [
                Problem(rows[i].line, f"already in the queue as {existing} (same client, platform, "
                        "time and text)") for i, existing in submission.duplicates])
    except ImportRejected as exc:
        _say_each(exc)
        raise
    records = submission.records
    first, last = records[0].id, records[-1].id
    span = first if first == last else f"{first}..{last}"
    where = " and ".join(c for c in (client.approvals_channel, client.teams_channel) if c)
    them = "it" if len(records) == 1 else "them"
    _say(f"queued {count(len(records), 'post')} for {client.name} ({span}); the worker reviews "
         f"{them} and posts {them} to {where} for approval")


@queue.command("list")
@click.option("--client", "client_name", help="Only this client's posts.")
@click.option("--state", type=click.Choice(["pending", "approved", "changes_requested", "rejected",
                                            "expired", "released"]))
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@_CONFIG
def list_(client_name: str | None, state: str | None, output_format: str,
          config_path: str | None) -> None:
    """The queue, soonest first (posts past their time are expired first)."""
    workspace, _, workflow = _open(config_path)
    _filter_known(workspace, client_name)
    _sweep(workflow)
    posts = workflow.store.list(client=client_name, state=state)
    if output_format == "json":
        click.echo(_json([p.summary() for p in posts]))
        return
    if not posts:
        click.echo("the queue is empty" + (" for that filter" if client_name or state else ""))
        return
    from assistant.text import terminal_safe

    for p in posts:
        text = " ".join(terminal_safe(p.post.text).split())
        text = text if len(text) <= 60 else text[:59] + "…"
        review = f"{p.verdict} {p.score}" if p.verdict else "not reviewed"
        _say(f"{p.id:<7} {p.state:<17} {p.scheduled_at:%Y-%m-%d %H:%M}Z "
             f"{p.client[:16]:<16} {p.post.platform:<9} {review:<12} {text}")


@queue.command("show")
@click.argument("post_id", metavar="ID")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@_CONFIG
def show(post_id: str, output_format: str, config_path: str | None) -> None:
    """One post: its state, its review and its audit trail."""
    import json
    import re

    from assistant.errors import InputError
    from assistant.text import count

    _, _, workflow = _open(config_path)
    _sweep(workflow)
    if re.fullmatch(r"Q\d+", post_id):  # ids are q<n>; Q12 is the same post
        post_id = post_id.lower()
    record = workflow.store.get(post_id)
    if record is None:
        raise InputError(f"no post {post_id!r} in the approval queue")
    entries = workflow.store.audit(post_id)
    if output_format == "json":
        data: dict[str, Any] = json.loads(record.model_dump_json())
        data["audit"] = [json.loads(e.model_dump_json()) for e in entries]
        click.echo(_json(data))
        return
    _say(f"{record.id}  {record.client}  {record.post.platform}  "
         f"scheduled {record.scheduled_at:%Y-%m-%d %H:%M} UTC")
    _say(f"state: {record.state} (version {record.version})"
         + (f", decided by {record.decided_by}" if record.decided_by else ""))
    findings: list[Finding] = []
    if record.review is not None:  # (of whatever version: an edited post says so)
        from assistant.review import post_score, shown_findings, shown_verdict, verdict_words

        # as every surface shows them: a post's images without alt text together, and a
        # post nobody could read not vouched for
        findings = shown_findings(record.review.findings)
        said, score = verdict_words(shown_verdict(record.review)), post_score(record.review)
        stale = "" if record.reviewed else f" of version {record.reviewed_version} (edited since)"
        _say(f"review{stale}: {said}, score {score}/100, {count(len(findings), 'finding')}")
    if not record.reviewed:
        which = f" of version {record.version}" if record.review is not None else ""
        if record.state == "pending":  # the worker reviews it
            _say(f"review{which}: not reviewed yet (`assistant worker` reviews queued posts and "
                 "posts them to the client's approvers in Slack or Teams: is one running?)")
        else:  # expired or rejected first: nothing will review it now
            _say(f"review{which}: none, it was never reviewed")
    if record.override_reason:
        _say(f"override reason: {record.override_reason}")
    if record.feedback:
        _say(f"feedback: {record.feedback}")
    _say()
    for line in record.post.text.splitlines() or [""]:
        _say(f"  | {line}")
    for media in record.post.media:
        _say(f"  [{media.type}] {media.url} alt: {media.alt or '(none)'}")
    if findings:
        _say()
        _say("findings:")
        for f in findings:
            _say(f"  {f.severity:<7} {f.rule}: {f.message}")
    _say("\naudit trail:")
    for e in entries:
        extra = "".join(f"  {label}: {value}" for label, value in
                        (("reason", e.reason), ("note", e.note)) if value)
        _say(f"  {e.at:%Y-%m-%d %H:%M:%S}Z  {e.actor:<16} {e.action:<17} v{e.version}{extra}")


@queue.command("export")
@click.option("--approved", is_flag=True, required=True,
              help="Export the approved posts (the only posts that are ever exported).")
@click.option("--format", "output_format", type=click.Choice(["buffer", "hootsuite", "jsonl"]),
              required=True, help="The scheduler's bulk-upload format.")
@click.option("--output", type=click.Path(dir_okay=False), help="File to write (never "
              "overwritten; default: stdout).")
@click.option("--client", "client_name", help="Only this client's posts (required for buffer "
              "and hootsuite: one upload file per client).")
@click.option("--platform", type=click.Choice(["x", "linkedin", "facebook", "instagram",
                                              "threads", "bluesky", "mastodon", "blog"]),
              help="Only posts for this network (a buffer or hootsuite file is uploaded to one "
              "profile, so it holds one network's posts).")
@click.option("--kind", "kinds", multiple=True, type=click.Choice(["post", "reply", "repost",
                                                                   "quote", "dm"]),
              help="Only posts of this kind (repeatable). Buffer and Hootsuite files hold "
              "public posts only: export DMs, replies and reposts with --format jsonl.")
@click.option("--tz", help="Time zone to write times in (the scheduler profile's; default UTC).")
@_CONFIG
def export(approved: bool, output_format: str, output: str | None, client_name: str | None,
           platform: str | None, kinds: tuple[str, ...], tz: str | None,
           config_path: str | None) -> None:
    """Write the approved posts and mark them released, exactly once."""
    from assistant.approvals.export import ExportRefused
    from assistant.errors import InputError
    from assistant.text import count
    from assistant.zones import zone_named

    if not approved:
        raise click.UsageError("only approved posts can be exported: add --approved")
    if output_format in ("buffer", "hootsuite") and not client_name:
        # one bulk upload goes to one client's profiles: a mixed file would post to the wrong one
        raise click.UsageError(f"a {output_format} file is uploaded to one client's profiles: "
                               "add --client NAME (jsonl can hold every client)")
    try:
        zone = zone_named(tz or "UTC")
    except ValueError as exc:
        raise InputError(f"--tz: {exc}") from None
    workspace, _, workflow = _open(config_path)
    _filter_known(workspace, client_name)
    _sweep(workflow)
    try:
        result = workflow.export(_actor(), output_format, client=client_name, platform=platform,
                                 kinds=kinds, output=output, tz=zone,
                                 sink=None if output else sys.stdout.write)
    except ExportRefused as exc:
        _say_each(exc)
        raise
    where = f" to {output}" if output and result.posts else ""
    click.echo(f"released {count(len(result.posts), 'approved post')}{where}"
               + (f" (export {result.batch})" if result.posts else ""), err=True)


@queue.command("expire")
@_CONFIG
def expire(config_path: str | None) -> None:
    """Expire every post past its scheduled time (run it from cron if the worker runs no
    scheduler); their messages lose their buttons."""
    _, _, workflow = _open(config_path)
    from assistant.text import count

    expired = _sweep(workflow)
    click.echo(f"expired {count(len(expired), 'post')}" + (f": {', '.join(expired)}" if expired else ""))
