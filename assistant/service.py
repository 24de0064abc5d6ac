"""The service layer: review, audit and report in a workspace's context, for every surface.

One `Assistant` is built at the edge (a CLI command, a chat app, the chat worker) from
the settings and `assistant.toml`. It owns the rule set, the agency's own domains,
the critic and the stores, so the terminal, Slack and Teams ask the same questions of the
same object and get the same answers. Heavy parts (pydantic-settings, the LLM client,
Redis) load only when a call needs them, so `assistant review` stays fast.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from assistant.context import Critic, Target, domains_for, own_domains, rule_set
from assistant.errors import InputError
from assistant.models import Feed, FeedAudit, Post, PostRecord, Review

if TYPE_CHECKING:
    from redis import Redis

    from assistant.approvals.workflow import Workflow
    from assistant.checks.history import History
    from assistant.checks.ruleset import RuleSet
    from assistant.config import FeedConfig, WorkspaceConfig
    from assistant.reports.run import ReportResult
    from assistant.settings import Settings
    from assistant.sources import StreamedFeed
    from assistant.sources.fetch import FetchOptions
    from assistant.sources.http import AddressRule, HttpClient

NOT_PUBLIC = "not a public address I can reach"
NOT_A_FEED = "not a feed I can read"


class Assistant:
    """Review posts, audit feeds, run reports and reach the approval workflow for one
    workspace."""

    def __init__(self, workspace: WorkspaceConfig | None = None, *,
                 settings: Settings | None = None, rules: RuleSet | None = None,
                 redis: Redis | None = None, extra_domains: Iterable[str] = ()) -> None:
        self._workspace = workspace
        self._settings = settings
        self.rules = rules if rules is not None else rule_set(workspace)
        self.redis = redis
        self.own_domains = own_domains(workspace.agency.own_domains if workspace else (),
                                       extra_domains)
        self._critic: Critic | None = None
        self._fetcher: tuple[HttpClient, FetchOptions] | None = None
        self._approvals: Workflow | None = None

    @property
    def workspace(self) -> WorkspaceConfig:
        """The workspace config (built-in defaults when no file was given)."""
        if self._workspace is None:  # built on use: the config models are slow to build
            from assistant.config import WorkspaceConfig

            self._workspace = WorkspaceConfig()
        return self._workspace

    @property
    def approvals(self) -> Workflow:
        """The approval workflow on this workspace's queue (submit, decide, edit, expire,
        export; `assistant.approvals.workflow`). The queue lives in Redis."""
        if self._approvals is None:
            if self.redis is None:
                from assistant.errors import ConfigError

                raise ConfigError("REDIS_URL is not set: the approval queue lives in Redis")
            from assistant.approvals.workflow import Workflow

            self._approvals = Workflow(self.redis, self.workspace)
        return self._approvals

    @property
    def settings(self) -> Settings:
        """Process settings, read from the environment on first use when none were given."""
        if self._settings is None:
            from assistant.settings import load_settings

            self._settings = load_settings()
        return self._settings

    def domains_for(self, owner: str | None = None, extra: Iterable[str] = ()) -> frozenset[str]:
        """Own domains for an account: the agency's for its own and its executives' feeds
        (and for drafts, `owner=None`), a client's only its own (`extra`)."""
        return domains_for(self.own_domains, owner, extra)

    def tracked_feed(self, name: str) -> FeedConfig | None:
        """The `[[feeds]]` entry with this name (case-insensitive), if any."""
        return next((f for f in self.workspace.feeds if f.name.casefold() == name.casefold()),
                    None)

    # -- review and audit ---------------------------------------------------------------

    def review(self, post: Post | PostRecord | str, *, platform: str = "x",
               history: History | None = None, as_of: datetime | None = None,
               extra_domains: Iterable[str] = (), critique: bool = False) -> Review:
        """The rules' review of one post (a `Post` or `PostRecord`, or a draft's text), with
        the critique (or a note saying why there is none) when `critique` is set."""
        from assistant.review import review_post

        now = as_of or datetime.now(UTC)
        if isinstance(post, str):
            post = Post(id="draft", platform=platform, created_at=now, text=post)  # type: ignore[arg-type]
        result = review_post(post, self.rules, history=history,
                             own_domains=self.domains_for(None, extra_domains), as_of=now)
        return self.critique(result) if critique else result

    def audit(self, feed: Feed, *, as_of: datetime | None = None, extra_domains: Iterable[str] = (),
              owner: str | None = None,
              progress: Callable[[str, int, int], None] | None = None,
              critique: bool = False, left_out: int = 0) -> FeedAudit:
        """The health audit of one feed as of `as_of` (default: now, or the end of a plan);
        `owner` picks whose own domains apply (default: the agency's, as for any feed
        audited on request); `left_out`: other authors' posts kept out of `feed`."""
        from assistant.audit import audit_feed, default_as_of

        result = audit_feed(feed, self.rules, as_of=as_of or default_as_of(feed, datetime.now(UTC)),
                            own_domains=self.domains_for(owner, extra_domains), progress=progress,
                            left_out=left_out)
        return self.critique(result, feed.posts) if critique else result

    def audit_in_blocks(self, streamed: StreamedFeed, *, as_of: datetime | None = None,
                        extra_domains: Iterable[str] = (), owner: str | None = None,
                        progress: Callable[[str, int, int], None] | None = None) -> FeedAudit | None:
        """`audit` of a canonical JSON Lines file read a block at a time (`audit_blocks`): the
        same audit in about half the memory. None when the file turns out to be one to read
        whole (a post out of order, a line not written the canonical way: `NotStreamable`),
        or may be a plan while `as_of` is not given (its first post still to come: a plan's
        audit runs to its end, known once it is read whole, `default_as_of`)."""
        from assistant.audit import OutOfOrder, audit_blocks
        from assistant.sources import NotStreamable

        if as_of is None:
            as_of = datetime.now(UTC)
            if streamed.first.created_at > as_of:
                return None
        try:
            return audit_blocks(streamed.read, streamed.account, self.rules, as_of=as_of,
                                source=streamed.path, size=streamed.size, blocks=streamed.blocks,
                                own_domains=self.domains_for(owner, extra_domains), progress=progress)
        except (NotStreamable, OutOfOrder):
            return None

    @staticmethod
    def history(posts: Sequence[Post]) -> History:
        """An account's past posts, as the repeat and stale-latest rules look them up."""
        from assistant.checks.history import History

        return History.from_posts(posts)

    @staticmethod
    def insights(feed: Feed, as_of: datetime) -> list[Any]:
        """What works for this account: its own engagement by length, kind, pictures, links
        and time, from the posts up to `as_of` (empty without counts)."""
        from assistant.insights import insights

        return insights([p for p in feed.posts if p.created_at <= as_of])

    # -- feeds named in chat ---------------------------------------------------------------

    def fetcher(self) -> tuple[HttpClient, FetchOptions]:
        """The HTTP client and fetch options, as the daily report fetches (same settings,
        same Redis ETag cache), built once."""
        if self._fetcher is None:
            from assistant.sources.fetch import fetch_setup

            self._fetcher = fetch_setup(self.settings, self.redis)
        return self._fetcher

    def audit_source(self, source: str, *,
                     address_rule: AddressRule) -> tuple[FeedAudit, list[Post]]:
        """Audit a tracked feed (by name) or a source typed in chat; the audit and its posts.

        Tracked feeds (an admin wrote them) report why a fetch failed, and are read and
        judged as the daily report reads and judges them now: their owner's own domains, a
        live one's last 30 days (led by "no posts in the last 30 days" when it went quiet). A source typed in chat
        is fetched through `address_rule` (every hop, pinned to the checked address), and a
        failure says only "not a feed I can read": error details (HTTP status, connection
        errors, importer messages quoting the body) would turn the command into a scanner.
        A file or an export URL is judged as its data names it, as the report judges it,
        and shown under the name the feed is asked by (see `_shown_as`).
        Raises `InputError` with a line fit for the chat.
        """
        from assistant.sources.fetch import chat_client, fetch_feed, public_source
        from assistant.sources.http import FetchError

        http, options = self.fetcher()
        tracked = self.tracked_feed(source)
        if tracked:
            from assistant.reports.run import fetch_one, lead_if_quiet

            now = datetime.now(UTC)
            fetched = fetch_one(tracked, http, options, now)  # what the report reads of it
            if fetched.feed is None:
                raise InputError(fetched.error or "not fetched")
            feed = fetched.feed
            audit = self.audit(feed, extra_domains=tracked.own_domains, owner=tracked.owner,
                               left_out=fetched.left_out)
            lead_if_quiet(feed, audit)
            return _shown_as(audit, tracked.name), list(feed.posts)
        _check_chat_source(source, address_rule, options)
        shown = public_source(source)
        client = chat_client(source, http, options, address_rule)
        try:
            got = fetch_feed(source, name=shown, owner="client", platform=None, client=client,
                             options=options)
        except (FetchError, InputError) as exc:
            import logging  # only here: a review does not pay for loading it

            logging.getLogger(__name__).warning("chat audit of %s failed: %s", shown, exc)
            raise InputError(NOT_A_FEED) from None
        audit = self.audit(got.feed, left_out=got.left_out)  # an export of several authors
        return _shown_as(audit, shown), list(got.feed.posts)

    # -- the critique ---------------------------------------------------------------------

    @property
    def critic(self) -> Critic:
        """The critic for this rule set (its cache in Redis when REDIS_URL is set), built once."""
        if self._critic is None:
            self._critic = Critic(self.settings, self.rules)
        return self._critic

    def critique(self, target: Target, posts: Sequence[Post] | None = None, *,
                 strict: bool = False) -> Target:
        """`target` with the LLM critique (see `Critic`): a note instead when it fails,
        unless `strict`."""
        return self.critic(target, posts, strict=strict)

    def record_health(self, audit: FeedAudit) -> None:
        """Remember a feed's latest score (the chat Home view shows it); no Redis, no-op."""
        if self.redis is None:
            return
        from assistant.store import Store

        Store(self.redis).record_health(audit.account.name, audit.health.score,
                                        audit.as_of.isoformat(), audit.source)

    # -- reports ---------------------------------------------------------------------------

    def report(self, **options: Any) -> ReportResult:
        """Build and deliver the report (`assistant.reports.run.run_report`'s options)."""
        from assistant.reports.run import run_report

        return run_report(self.settings, self.workspace, rules=self.rules, critic=self.critic,
                          **options)


def _shown_as(audit: FeedAudit, name: str) -> FeedAudit:
    """The audit under the name the chat asked for: a tracked feed's configured name (the
    Home tab's key too), a typed source's public form. The rules judged the account its
    data names (the own-site guess reads that name), as the report does."""
    if audit.account.name == name:
        return audit
    return audit.model_copy(update={"account": audit.account.model_copy(update={"name": name})})


def _check_chat_source(source: str, allow: AddressRule, options: FetchOptions) -> None:
    """Anyone in the workspace can type a source: no server files, no private addresses.

    Tracked feeds in assistant.toml are trusted (an admin wrote them); a chat-given URL must
    resolve to addresses `allow` accepts (public ones), so an audit asked in chat cannot probe
    the internal network. This is the early, friendly answer; the fetch checks again on
    every connection and redirect, connecting only to the address it checked.
    """
    from urllib.parse import urlsplit

    from assistant.sources.fetch import parse_source
    from assistant.sources.http import AddressRefused, checked_addresses

    spec = parse_source(source)
    if spec.kind == "file":
        raise InputError("from chat I audit tracked feeds (by name), URLs and handles, not "
                         "files (a tracked feed's name, rss:https://..., mastodon:@user@server, "
                         "bluesky:handle)")
    if spec.kind == "bluesky" or (spec.kind == "mastodon" and options.mastodon_base_url):
        return  # fetched from the configured AppView or Mastodon proxy, whatever the handle says
    url = spec.target if spec.kind in ("rss", "url") else f"https://{spec.host}"
    try:
        checked_addresses(urlsplit(url).hostname or "", None, allow)
    except AddressRefused:
        # one answer whether the name does not resolve or resolves inside: otherwise the
        # worker's resolver would tell a member which internal host names exist
        raise InputError(NOT_PUBLIC) from None


__all__ = ["NOT_A_FEED", "NOT_PUBLIC", "Assistant", "own_domains"]
