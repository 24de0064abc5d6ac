"""The `assistant` command line: review a post, audit a feed, list the rules.

Exit codes follow linters: 0 nothing at or above `--fail-on`, 1 findings at or
above it, 2 usage or input error (one line on stderr naming the file and line).
Heavy libraries (rich tables, feed parsing, the LLM client) load inside commands.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TypeVar

import click

from assistant.errors import AssistantError, InputError, exit_code
from assistant.models import PLATFORMS, POST_KINDS, SEVERITIES, Review, severity_rank

if TYPE_CHECKING:
    from assistant.models import FeedAudit, Post
    from assistant.service import Assistant
    from assistant.sources import AccountFeed

F = TypeVar("F", bound=Callable[..., Any])


def _own_domains(ctx: click.Context, param: click.Parameter, values: Sequence[str]) -> tuple[str, ...]:
    """`--own-domain`s as hosts (a link given for one is reduced to its host, as the rules
    read links); anything that names no host is a usage error naming it."""
    from assistant.text import own_domain

    try:
        return tuple(own_domain(value) for value in values)
    except ValueError as exc:
        raise click.BadParameter(str(exc), ctx=ctx, param_hint="--own-domain") from None


def _common(func: F) -> F:
    """Options every checking command takes."""
    options = [
        click.option("--config", "config_path", type=click.Path(dir_okay=False),
                     envvar="ASSISTANT_CONFIG", help="assistant.toml (default: $ASSISTANT_CONFIG)."),
        click.option("--format", "output_format", type=click.Choice(["text", "json", "concise"]),
                     default="text", show_default=True,
                     help="text for people, json for machines, concise for one line per finding."),
        click.option("--select", multiple=True, metavar="RULE[,RULE]",
                     help="Run only these rules (repeatable; replaces the config's selection)."),
        click.option("--ignore", multiple=True, metavar="RULE[,RULE]",
                     help="Do not run these rules (repeatable; adds to the config's)."),
        click.option("--severity", "regrade", multiple=True, metavar="RULE=LEVEL",
                     help="Re-grade a rule: info, warning or error (repeatable; over the config)."),
        click.option("--fail-on", type=click.Choice(list(SEVERITIES)), default="error",
                     show_default=True, help="Exit 1 when a finding is at or above this severity."),
        click.option("--own-domain", "own_domains", multiple=True, metavar="DOMAIN",
                     callback=_own_domains,
                     help="A domain of the account's own site (repeatable); adds to the config."),
        click.option("--llm/--no-llm", "use_llm", default=None,
                     help="Force or skip the LLM critique (default: run it when one is configured)."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _import_options(func: F) -> F:
    """Options that tell the importers how to read a file."""
    options = [
        click.option("--source", help="Input format when auto-detection is not enough "
                     "(jsonl, x-archive, mastodon, bluesky, rss, hootsuite, buffer, csv, twcs, "
                     "json)."),
        click.option("--tz", help="Time zone of CSV times that carry none (default UTC), "
                     "e.g. Europe/London."),
        click.option("--map", "mapping", multiple=True, metavar="FIELD=COLUMN",
                     help="For csv and json: which column (or json path, e.g. user.handle) "
                     "holds a post field (repeatable); kind=COLUMN, or repost=, reply=, "
                     "quote= a yes/no column."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _mapping(pairs: Sequence[str]) -> dict[str, str] | None:
    """`--map text=body --map created_at=date` as a dict."""
    mapping = {}
    for pair in pairs:
        field, sep, column = pair.partition("=")
        if not sep or not field.strip() or not column.strip():
            raise click.BadParameter(f"{pair!r} is not FIELD=COLUMN", param_hint="--map")
        mapping[field.strip()] = column.strip()
    return mapping or None


def _without_pydantic_plugins() -> None:
    """Files and configs are validated by pydantic, which has no use for plugins here:
    looking for them reads the metadata of every installed package (`PYDANTIC_DISABLE_PLUGINS=`
    in the environment looks again)."""
    import os

    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")


def _service(config_path: str | None, own_domains: Sequence[str],
             overrides: _RuleOptions | None = None) -> Assistant:
    """The service every checking command builds once at the edge: the workspace's rules
    (with the command line's changes) and own domains (with `--own-domain`)."""
    from assistant.service import Assistant

    workspace = None
    rules = None
    if config_path is not None or (overrides and overrides.given):
        from assistant.config import RulesConfig, load_workspace

        workspace = load_workspace(config_path) if config_path else None
        rules = workspace.rules if workspace else RulesConfig()
        if overrides:
            rules = overrides.applied_to(rules)
    from assistant.context import rule_set

    return Assistant(workspace, rules=rule_set(workspace, rules), extra_domains=own_domains)


class _RuleOptions:
    """`--select`, `--ignore` and `--severity`, checked against the rule ids (as ruff's)."""

    def __init__(self, select: Sequence[str], ignore: Sequence[str], regrade: Sequence[str]) -> None:
        from assistant.checks.registry import all_rules

        known = set(all_rules())
        self.select = _rule_ids(select, known, "--select")
        self.ignore = _rule_ids(ignore, known, "--ignore")
        self.severity: dict[str, str] = {}
        for pair in regrade:
            rule, sep, level = (part.strip() for part in pair.partition("="))
            if not sep or level not in SEVERITIES:
                raise click.BadParameter(f"{pair!r} is not RULE=LEVEL (level: info, warning or "
                                         "error)", param_hint="--severity")
            self.severity[_rule_ids([rule], known, "--severity")[0]] = level
        self.given = bool(self.select or self.ignore or self.severity)

    def applied_to(self, rules: Any) -> Any:
        """The config's `[rules]` with the command line on top."""
        return rules.model_copy(update={
            "select": self.select or rules.select,
            "ignore": [*rules.ignore, *self.ignore],
            "severity": {**rules.severity, **self.severity},
        })


def _rule_ids(values: Sequence[str], known: set[str], option: str) -> list[str]:
    from assistant.errors import did_you_mean

    ids = [v.strip() for value in values for v in value.split(",") if v.strip()]
    for rule in ids:
        if rule not in known and rule != "all":
            raise click.BadParameter(f"unknown rule {rule!r}{did_you_mean(rule, known)}; "
                                     "`assistant rules` lists them", param_hint=option)
    return ids


def _fails(severities: Iterable[str], fail_on: str) -> bool:
    threshold = severity_rank(fail_on)
    return any(severity_rank(s) >= threshold for s in severities)


def _parse_as_of(value: str | None) -> datetime:
    if value is None:
        return datetime.now(UTC)
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD or ISO 8601)",
                                 param_hint="--as-of") from None
    if parsed.tzinfo is None:
        # A bare date means the end of that day, so posts made on it count.
        if len(value) <= 10:
            parsed = parsed.replace(hour=23, minute=59, second=59)
        parsed = parsed.replace(tzinfo=UTC)
    return parsed


class _ReaderGone(Exception):
    """Our reader went away (`| head`). Not an OSError: click would turn that into exit 1,
    which to this CLI means findings."""


@contextmanager
def _reader_gone_past_click() -> Iterator[None]:
    try:
        yield
    except BrokenPipeError as exc:
        raise _ReaderGone from exc


class _LazyGroup(click.Group):
    """A group whose commands are named by import path and imported when invoked, so
    `assistant review` does not load the worker, the chat platforms or the report runner.
    `--help` still lists them all (it imports each one for its summary)."""

    def __init__(self, *args: Any, lazy: dict[str, str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy = dict(lazy or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *self.lazy})

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        with _reader_gone_past_click():  # `--help` and `--version` print here
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx: click.Context) -> Any:
        with _reader_gone_past_click():
            return super().invoke(ctx)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.lazy:
            from importlib import import_module

            module, _, name = self.lazy[cmd_name].partition(":")
            self.add_command(getattr(import_module(module), name), cmd_name)
        return self.commands.get(cmd_name)


# The commands beyond the core's; each module imports its heavy libraries lazily too.
_LAZY_COMMANDS = {
    "report": "assistant.reports.cli:report",
    "serve": "integrations.slack.cli:serve",
    "worker": "assistant.worker:worker",
    "queue": "assistant.approvals.cli:queue",
    "teams": "integrations.teams.bot.cli:teams",  # the Teams bot (`assistant teams`)
}


@click.group(cls=_LazyGroup, lazy=_LAZY_COMMANDS,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="agency-assistant", prog_name="assistant")
def cli() -> None:
    """Review social posts and feeds the way a good agency would: relationships, not spam."""


@cli.command()
@click.argument("text", required=False)
@click.option("--platform", type=click.Choice(list(PLATFORMS)), default="x", show_default=True)
@click.option("--kind", type=click.Choice(list(POST_KINDS)), default="post", show_default=True)
@click.option("--history", "history_paths", multiple=True, type=click.Path(dir_okay=False),
              help="The account's past posts (any importer format), for repeat-post and stale-latest.")
@click.option("--input", "input_path", type=click.Path(dir_okay=False),
              help="Review every post of this file (any importer format); JSON Lines output.")
@click.option("--as-of", "as_of", help="Review the draft as if posted then (YYYY-MM-DD or ISO "
              "8601; default: now): --history repeats are looked for before it.")
@_import_options
@_common
def review(
    text: str | None,
    platform: str,
    kind: str,
    history_paths: tuple[str, ...],
    input_path: str | None,
    as_of: str | None,
    source: str | None,
    tz: str | None,
    mapping: tuple[str, ...],
    config_path: str | None,
    output_format: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    regrade: tuple[str, ...],
    fail_on: str,
    own_domains: tuple[str, ...],
    use_llm: bool | None,
) -> None:
    """Review one post (TEXT, or - for stdin) or every post of --input."""
    from assistant.models import PostRecord

    _without_pydantic_plugins()

    if input_path and text:
        raise click.UsageError("give either TEXT or --input, not both")
    if text is None and not input_path:
        if sys.stdin.isatty():
            raise click.UsageError("give the post TEXT, - to read it from stdin, or --input FILE")
        text = "-"
        implicit_stdin = True
    else:
        implicit_stdin = False
    if text == "-":
        from assistant.sources._common import MAX_TEXT, read_input

        # A draft is one post: a few KB. Capped, so `yes | assistant review -` cannot grow forever.
        data = read_input("-", limit=4 * MAX_TEXT)[1]
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(f"not UTF-8 text ({exc.reason} at byte {exc.start})",
                             path="<stdin>") from None
    loaded = click.get_current_context().with_resource(_collected_once())
    service = _service(config_path, own_domains, _RuleOptions(select, ignore, regrade))
    loaded()
    now = _parse_as_of(as_of)

    history = None
    if history_paths:
        from assistant.sources import load_posts

        history = service.history(
            load_posts(history_paths, source=source, tz=tz, mapping=_mapping(mapping))
        )

    if input_path:
        from assistant.sources import load_posts

        posts: Sequence[Post | PostRecord] = load_posts([input_path], source=source, tz=tz,
                                                        mapping=_mapping(mapping))
    else:
        if not text or not text.strip():
            if implicit_stdin:
                raise click.UsageError("no post to review: give the post TEXT, - to read it "
                                       "from stdin, or --input FILE (stdin was empty)")
            raise InputError("the post to review is empty")
        # Click has checked the platform and kind, and the time carries its zone: all
        # `Post` would check, so the draft needs no pydantic.
        posts = [PostRecord("draft", now, text, platform=platform, kind=kind)]

    reviews = [service.review(p, history=history, as_of=now) for p in posts]
    reviews = _critique_reviews(reviews, service, use_llm)

    with _printed_while_read():
        _print_reviews(reviews, output_format, source=input_path or "")
    if _fails((f.severity for r in reviews for f in r.findings), fail_on):
        sys.exit(1)


def _print_reviews(reviews: Sequence[Review], output_format: str, *, source: str) -> None:
    if output_format == "json":
        from assistant.render.json import review_json

        for item in reviews:
            click.echo(review_json(item))
    elif output_format == "concise":
        from assistant.render.concise import review_lines

        for line in review_lines(reviews, source=source):
            click.echo(line)
    else:
        from assistant.render.text import print_review

        for item in reviews:
            print_review(item)


@contextmanager
def _collected_once() -> Iterator[Callable[[], None]]:
    """The cyclic collector for a command that loads, works once and exits.

    Paused until the command calls `loaded()`: what the rules and the service make lives
    until exit, so collecting meanwhile frees nothing. Then those objects are frozen, so
    no later collection walks them again, nor, for a caller of `main` that exits the normal
    way (`run` does not), the one at interpreter exit (a tenth of a review's time).
    In-process callers (tests) get the collector back as it was.
    """
    import atexit
    import gc

    was_enabled = gc.isenabled()
    gc.disable()

    def loaded() -> None:
        gc.freeze()
        if was_enabled:
            gc.enable()

    try:
        yield loaded
    finally:
        gc.unfreeze()
        if was_enabled:
            gc.enable()
        atexit.unregister(gc.freeze)
        atexit.register(gc.freeze)


def _critique_may_run(use_llm: bool | None) -> bool:
    """Whether the critique may run: forced (--llm), or not refused (--no-llm) and an
    endpoint may be configured (the settings are not read)."""
    import os

    from assistant.critique.availability import endpoint_may_be_configured

    return use_llm is True or (use_llm is None and endpoint_may_be_configured(os.environ))


def _wants_critique(service: Assistant, use_llm: bool | None) -> bool:
    """Whether the critique should run, saying in one line on stderr why it will not
    (nothing with --no-llm). The settings are read only when it may run."""
    if use_llm is False:
        return False
    if not _critique_may_run(use_llm):
        from assistant.critique.availability import SKIPPED_NOTE

        click.echo(SKIPPED_NOTE, err=True)
        return False
    from assistant.critique import should_critique

    run, why = should_critique(service.settings, use_llm)
    if not run and why:
        click.echo(why, err=True)
    return run


def _critique_reviews(reviews: list[Review], service: Assistant,
                      use_llm: bool | None) -> list[Review]:
    """Add the LLM critique to each review when one is configured (or forced with --llm)."""
    if not _wants_critique(service, use_llm):
        return reviews
    return [service.critique(r, strict=True) for r in reviews]


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(dir_okay=False))
@_import_options
@click.option("--platform", type=click.Choice(list(PLATFORMS)), help="Override the feed's platform.")
@click.option("--owner", type=click.Choice(["agency", "executive", "client"]), default="client",
              show_default=True, help="Whose feed this is (agency feeds get the practise-what-you-preach note).")
@click.option("--name", help="Account name to show (default: from the data).")
@click.option("--author", metavar="HANDLE", help="The account to audit in files with several "
              "authors (default: the one with most posts; in support data, the one answering).")
@click.option("--as-of", "as_of", help="Audit as of this date (YYYY-MM-DD or ISO 8601; default: "
              "now, or for a schedule or drafts file the time of its last post).")
@click.option("--insights", "with_insights", is_flag=True,
              help="Add what works here: the account's own engagement by length, kind, "
              "pictures, links and time (when the export has counts).")
@click.option("--read", "reading", type=click.Choice(["auto", "blocks", "whole"]), default="auto",
              show_default=True, help="How to read one canonical JSON Lines file: in blocks "
              "(the same audit in about half the memory, a little slower), whole, or auto: in "
              "blocks from 64 MB, or when the memory left is short.")
@_common
def audit(
    paths: tuple[str, ...],
    source: str | None,
    tz: str | None,
    mapping: tuple[str, ...],
    platform: str | None,
    owner: str,
    name: str | None,
    author: str | None,
    as_of: str | None,
    with_insights: bool,
    reading: str,
    config_path: str | None,
    output_format: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    regrade: tuple[str, ...],
    fail_on: str,
    own_domains: tuple[str, ...],
    use_llm: bool | None,
) -> None:
    """Audit feeds: health score, components, findings, one account at a time.

    Files of one account (pages) merge; files of different accounts are audited one by
    one (text: one block each; JSON: one object per line). In a file with several
    authors only the main account is judged (--author to choose).
    """
    from assistant.render.progress import AuditProgress
    from assistant.sources import load_accounts
    from assistant.text import terminal_safe

    _without_pydantic_plugins()
    when = _parse_as_of(as_of) if as_of is not None else None  # None: now, or a plan's end
    service = _service(config_path, own_domains, _RuleOptions(select, ignore, regrade))
    # Read in blocks, no post stays in memory: only an audit that reads no post after it can.
    blocks = (reading != "whole" and len(paths) == 1 and not _critique_may_run(use_llm)
              and not with_insights and tz is None and not mapping and author is None)
    if reading == "blocks" and not blocks:
        click.echo("assistant: read whole: --read blocks takes one file, and neither --insights, "
                   "a critique (--no-llm), --author, --tz nor --map", err=True)
    with AuditProgress() as shown:
        shown.reading(paths)
        audited = _audit_in_blocks(service, paths[0], when, reading == "blocks", shown.stage,
                                   source=source, platform=platform, owner=owner,
                                   name=name) if blocks else None
        # Each audit, with the feed it read when read whole (the critique and insights read it).
        done: list[tuple[FeedAudit, AccountFeed | None]]
        if audited is not None:
            done = [(audited, None)]
        else:
            shown.reading(paths)  # (again, after a reading in blocks that gave up part-way)
            accounts = load_accounts(paths, source=source, platform=platform, owner=owner,
                                     name=name, tz=tz, mapping=_mapping(mapping), author=author)
            done = [(service.audit(a.feed, as_of=when, progress=shown.stage, left_out=a.left_out), a)
                    for a in accounts]
    if len(done) > 1:
        names = ", ".join(terminal_safe(result.account.name) for result, _ in done)
        click.echo(f"assistant: {len(paths)} files hold {len(done)} accounts ({names}): "
                   "audited one by one", err=True)
    critique = _wants_critique(service, use_llm)
    failed = False
    audits: list[Any] = []
    for result, loaded in done:
        found = None
        if loaded is not None:
            if critique:
                result = service.critique(result, loaded.feed.posts, strict=True)
            if with_insights:
                found = service.insights(loaded.feed, result.as_of)
        audits.append(result)
        with _printed_while_read():
            _print_audit(result, loaded, output_format, several=len(done) > 1, found=found,
                         chosen=author is not None)
        failed = failed or _fails((f.severity for f in result.findings), fail_on)
    if output_format == "concise":
        from assistant.render.concise import audit_lines

        with _printed_while_read():
            for line in audit_lines(audits):
                click.echo(line)
    if failed:
        sys.exit(1)


def _audit_in_blocks(service: Assistant, path: str, when: datetime | None, asked: bool,
                     progress: Callable[[str, int, int], None], **import_options: Any) -> FeedAudit | None:
    """The audit of a canonical JSON Lines file of one account read a block at a time, when
    `asked` (--read blocks) or better so (`better_in_blocks`: a big file, or memory short);
    None for a file to read whole (`stream_feed`, `Assistant.audit_in_blocks`)."""
    if not asked:
        import os

        from assistant.audit_parallel import better_in_blocks

        try:
            if not better_in_blocks(os.stat(path).st_size):
                return None
        except (OSError, ValueError):  # read whole, which words the problem
            return None
    from assistant.sources import stream_feed

    streamed = stream_feed(path, **import_options)
    audited = None if streamed is None else service.audit_in_blocks(streamed, as_of=when, progress=progress)
    if audited is None and asked:
        from assistant.text import terminal_safe

        click.echo(f"assistant: read whole: {terminal_safe(path)} is not canonical JSON Lines of "
                   "one account, oldest first, each id once (or is a plan, audited to its end "
                   "without --as-of)", err=True)
    return audited


def _print_audit(result: Any, loaded: AccountFeed | None, output_format: str, *, several: bool,
                 found: list[Any] | None = None, chosen: bool = False) -> None:
    """One audit: indented JSON alone, one JSON object per line among several, or text;
    concise lines come after all audits. Whose posts were left out of the feed `loaded`
    (None: read in blocks, which leaves nobody out) is said in every format (stdout for
    text, stderr otherwise). `found` are the --insights, when asked for."""
    if loaded is not None and loaded.left_out:
        from assistant.audit_summary import left_out_note
        from assistant.text import terminal_safe

        # the source and the name come from the file: no escape sequence of theirs is shown
        note = (left_out_note(terminal_safe(result.source), terminal_safe(result.account.name),
                              loaded.left_out, loaded.other_accounts)
                + ("" if chosen else " (choose another with --author)"))
        click.echo(note, err=output_format != "text")
    if output_format == "concise":
        return
    if output_format == "json":
        import json

        from assistant.render.json import audit_dict

        data = audit_dict(result)
        if found is not None:
            data["insights"] = [i.model_dump(mode="json") for i in found]
        click.echo(json.dumps(data, ensure_ascii=False, indent=None if several else 2))
        return
    from assistant.render.text import print_audit

    print_audit(result)
    if found is not None:
        from assistant.insights import lines

        click.echo("WHAT WORKS HERE (this account's own engagement; what went with more, not why)")
        for line in lines(found) or ["the export has too few posts with counts to tell"]:
            click.echo(f"  {line}")
        click.echo()


@cli.command()
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), envvar="ASSISTANT_CONFIG")
def rules(output_format: str, config_path: str | None) -> None:
    """List the rules: id, scope, severity in force, rationale and thresholds."""
    service = _service(config_path, ())
    if output_format == "json":
        from assistant.render.json import rules_json

        click.echo(rules_json(service.rules))
    else:
        from assistant.render.text import print_rules

        print_rules(service.rules)


# What the core is given of the chat platforms. This module is the one place in the core
# that names `integrations`: each entry loads its platform only when used.

def _slack_worker(settings: Any, workspace: Any) -> tuple[str | None, str]:
    from integrations.slack.cli import serves

    return serves(settings, workspace)


def _teams_worker(settings: Any, workspace: Any) -> tuple[str | None, str]:
    from assistant.dispatch import on_configure
    from integrations.teams.worker import serves

    on_configure(_present_in_teams)
    return serves(settings, workspace)


def _present_in_teams(core: Any) -> None:
    """Approvals for clients with a Teams channel are presented there too."""
    from integrations.teams.bot.worker_setup import configure

    configure(core.settings, core.workspace, core.redis)


def _destinations() -> None:
    """Register the report destinations of every chat platform (by kind)."""
    import integrations.slack.destination
    import integrations.teams.channel
    import integrations.teams.destination  # noqa: F401


WIRING: dict[str, Any] = {
    "workers": [_slack_worker, _teams_worker],  # what `assistant worker` answers on
    "destinations": _destinations,  # where reports can go
}


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point: user mistakes become one line on stderr and exit code 2."""
    try:
        cli.main(args=argv, prog_name="assistant", standalone_mode=False, obj=WIRING)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.UsageError as exc:
        _error(_usage_problem(exc))
        sys.exit(2)
    except click.ClickException as exc:
        _error(_one_line(exc.format_message()))
        sys.exit(2)
    except click.exceptions.Abort:
        click.echo("assistant: aborted", err=True)
        sys.exit(130)
    except AssistantError as exc:
        _error(str(exc))
        sys.exit(exit_code(exc))
    except (BrokenPipeError, _ReaderGone):
        _quiet_broken_pipe()
    except Exception as exc:
        problem = _unreachable_service(exc)
        if problem is None:
            raise
        _error(problem)
        sys.exit(2)


def run() -> None:
    """The `assistant` program (its console script and `python -m assistant`): `main`, then
    out without taking the heap apart.

    At a normal exit the interpreter frees every object one by one: after an audit of 100,000
    posts that took ~0.15 s, 5% of the whole audit, after its output was written. So once the
    command is done and the exit handlers have run (log files, temporary files), the output is
    flushed and the process ends at once, as mypy's `hard_exit` does. A command that leaves a
    thread running (a server stopped by a signal) exits the normal way, which waits for it."""
    import atexit
    import os
    import threading

    try:
        main()
        status: str | int | None = 0
    except SystemExit as exc:
        status = exc.code
    if threading.active_count() > 1:
        sys.exit(status)
    code = _exit_status(status)
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (BrokenPipeError, ValueError):  # the reader went away; the stream was closed
            pass
        except OSError:  # the output is not whole (a full disk): 120, as the interpreter says it
            if stream is sys.stdout:
                code = 120
    os._exit(code)


def _exit_status(status: str | int | None) -> int:
    """The process's exit code for `sys.exit(status)`: None is 0, a number itself, anything
    else is printed on stderr and is 1 (as the interpreter does)."""
    if status is None:
        return 0
    if isinstance(status, int):
        return status & 0xFF
    try:
        print(status, file=sys.stderr)
    except (OSError, ValueError, AttributeError):  # no stderr to say it on
        pass
    return 1


def _error(problem: str) -> None:
    """The one line a failure is told in; a file name or value quoted in it may hold escape
    sequences, which are not passed on to the terminal."""
    from assistant.text import terminal_safe

    click.echo(f"assistant: error: {terminal_safe(problem)}", err=True)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _usage_problem(exc: click.UsageError) -> str:
    """Click's usage error as one line: what is wrong, then where to read how to do it."""
    where = exc.ctx.command_path if exc.ctx is not None else "assistant"
    problem = _one_line(exc.format_message())
    problem = problem[0].lower() + problem[1:].rstrip(".") if problem else "usage error"
    return f"{problem}; see '{where} --help'"


def _quiet_broken_pipe() -> None:
    """The reader went away (`| head`): stop quietly, with no traceback at exit either."""
    _stdout_to_nowhere()
    sys.exit(0)


def _stdout_to_nowhere() -> None:
    """Point stdout at /dev/null, so what is still buffered or printed goes nowhere."""
    import os

    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except OSError:
        pass


@contextmanager
def _printed_while_read() -> Iterator[None]:
    """Print what a command found; when the reader goes away (`| head`), stop printing but
    not the command, so its exit code still says what was found, not how it was read."""
    try:
        yield
    except BrokenPipeError:
        _stdout_to_nowhere()


def _unreachable_service(exc: Exception) -> str | None:
    """One line for a peer the user pointed us at that does not answer (Redis, Slack).

    Looked up in `sys.modules` so that a command which never loaded redis or slack_sdk
    does not import them here.
    """
    redis = sys.modules.get("redis.exceptions")
    if redis is not None and isinstance(exc, redis.ConnectionError | redis.TimeoutError):
        return f"cannot reach Redis ({_redacted(exc)}); check REDIS_URL"
    if redis is not None and isinstance(exc, redis.RedisClusterException):
        # no node answers, or REDIS_URL is no cluster node ("Cluster mode is not enabled")
        return f"cannot use the Redis Cluster ({_redacted(exc)}); check REDIS_URL and ASSISTANT_REDIS_CLUSTER"
    slack = sys.modules.get("slack_sdk.errors")
    if slack is not None and isinstance(exc, slack.SlackApiError):
        return f"Slack refused the request: {exc.response.get('error', 'unknown error')}; " \
            "check SLACK_BOT_TOKEN"
    if isinstance(exc, OSError) and _raised_in(exc, "slack_sdk"):
        return f"cannot reach Slack ({getattr(exc, 'reason', exc)}); check SLACK_API_URL"
    return None


def _raised_in(exc: BaseException, package: str) -> bool:
    """True when a frame of `package` is on the exception's traceback."""
    tb = exc.__traceback__
    while tb is not None:
        if f"{package}/" in tb.tb_frame.f_code.co_filename.replace("\\", "/"):
            return True
        tb = tb.tb_next
    return False


def _redacted(exc: Exception) -> str:
    """An error message's first line without credentials that a URL in it may carry."""
    from assistant.text import without_credentials

    return without_credentials(str(exc).splitlines()[0] if str(exc) else "")
