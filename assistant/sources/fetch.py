"""Live feed sources: Mastodon, Bluesky, RSS/Atom over HTTP, export URLs, and local files.

A tracked feed's `source` in `assistant.toml` says where its posts live:

    mastodon:@brightpixel@mastodon.social   public Mastodon API, lookup then statuses
    bluesky:brightpixel.bsky.social         public Bluesky AppView, getAuthorFeed
    rss:https://brightpixel.example/feed    a blog's RSS or Atom feed
    https://exports.example/feed.jsonl      an export file served over HTTPS (any format)
    exports/brightpixel.js                  a local export file (any format)

Pages are fetched newest first until the window (`since`) or `max_posts` is covered, and
parsed with the same importers as files, so a live feed and its export audit alike.
Anything that goes wrong becomes a `FetchError` with a one-line reason for the report.
"""

from __future__ import annotations

import logging
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode, urljoin, urlsplit

from assistant.errors import InputError
from assistant.models import Account, Feed, Post
from assistant.source_kinds import kind_problem

from .http import AddressRule, FetchError, HttpClient, Response, public_address, redact

if TYPE_CHECKING:
    from assistant.settings import Settings
    from assistant.sources import AccountFeed

__all__ = ["FetchError", "FetchOptions", "Source", "chat_client", "fetch_feed", "fetch_setup",
           "parse_source", "public_source"]

log = logging.getLogger(__name__)

BLUESKY_APPVIEW = "https://public.api.bsky.app"
_LINK_NEXT = re.compile(r'<([^>]+)>\s*;\s*rel="?next"?')
_FEDIVERSE_HANDLE = re.compile(r"^@?([A-Za-z0-9_.-]+)@([A-Za-z0-9.-]+\.[A-Za-z]{2,}|localhost)(?::\d+)?$")


class BadSource(InputError):
    """A feed's source string that names no source of its kind: `problem` says why (without
    the source, for a caller that names it as typed)."""

    def __init__(self, shown: str, problem: str) -> None:
        super().__init__(f"source {shown!r}: {problem}")
        self.problem = problem


@dataclass(frozen=True)
class FetchOptions:
    """Where the public APIs live and how hard to try. Tests point the URLs at loopback.

    `mastodon_base_url`, when set, replaces the instance named in every mastodon source
    (a proxy, or a fake server); otherwise the instance of the handle is used over HTTPS.
    """

    mastodon_base_url: str | None = None
    bluesky_api_url: str = BLUESKY_APPVIEW
    max_posts: int = 400
    mastodon_page: int = 40
    bluesky_page: int = 100


@dataclass(frozen=True)
class Source:
    """A parsed `source` string."""

    kind: str  # mastodon | bluesky | rss | url | file
    target: str  # acct, handle, URL or path
    host: str = ""  # the Mastodon instance


def fetch_setup(settings: Settings, redis: Any = None) -> tuple[HttpClient, FetchOptions]:
    """The HTTP client and options every fetch uses (daily report, `/review audit`, preview).

    Timeouts, pacing and the API base URLs come from `settings`; conditional-request
    answers are cached in `redis` when given (shared by schedulers and workers), else in
    memory for this process.
    """
    from .http import MemoryCache, RedisCache

    client = HttpClient(
        timeout=settings.fetch_timeout,
        min_interval=settings.fetch_min_interval,
        cache=RedisCache(redis) if redis is not None else MemoryCache(),
    )
    options = FetchOptions(mastodon_base_url=settings.mastodon_base_url,
                           bluesky_api_url=settings.bluesky_api_url)
    return client, options


def chat_client(source: str, client: HttpClient, options: FetchOptions,
                allow: AddressRule = public_address) -> HttpClient:
    """The client for a source typed in chat: hosts the user named pass `allow` on every
    connection (redirects included); the configured APIs (the Bluesky AppView, a Mastodon
    base URL) are the admin's, so they are used as configured.

    It never writes to the shared (Redis) conditional-request cache: anyone in the
    workspace can type a URL, and a body cached for days per distinct URL would let them
    fill the Redis that holds the approval queue and the job queue.
    """
    spec = parse_source(source)
    uncached = replace(client, cache=None)
    if spec.kind == "bluesky" or (spec.kind == "mastodon" and options.mastodon_base_url):
        return uncached
    return uncached.guarded(allow)


def parse_source(source: str) -> Source:
    """Split a feed's `source` string; an InputError says what is wrong with it."""
    text = source.strip()
    shown = _cut_secrets(text)  # errors reach logs and channels: never a token
    scheme, _, rest = text.partition(":")
    scheme = scheme.lower()
    if scheme == "mastodon":
        rest = rest.strip()
        if rest.startswith(("https://", "http://")):  # https://instance/@user
            parts = urlsplit(rest)
            user = parts.path.strip("/").lstrip("@")
            if not user or "/" in user:
                raise BadSource(shown, "expected https://INSTANCE/@USER")
            return Source("mastodon", user, parts.netloc)
        match = _FEDIVERSE_HANDLE.match(rest)
        if not match:
            raise BadSource(shown, "expected mastodon:@USER@INSTANCE")
        return Source("mastodon", match.group(1), rest.split("@")[-1])
    if scheme == "bluesky":
        handle = rest.strip().lstrip("@")
        if not handle or any(c.isspace() or c == "/" for c in handle):
            raise BadSource(shown, "expected bluesky:HANDLE (or a did:)")
        return Source("bluesky", handle)
    if scheme == "rss":
        url = rest.strip()
        if not url.startswith(("https://", "http://")):
            raise BadSource(shown, "expected rss:https://...")
        return Source("rss", url)
    if scheme in ("https", "http") and rest.startswith("//"):
        return Source("url", text)
    if scheme == "file":
        return Source("file", rest)
    if not text:
        raise InputError("a feed has an empty source")
    problem = kind_problem(text)
    if problem is not None:  # a typo like mastodn:@x@y.social, not a file of that name
        raise InputError(problem)
    return Source("file", text)


def fetch_feed(
    source: str,
    *,
    name: str,
    owner: str = "client",
    platform: str | None = None,
    client: HttpClient | None = None,
    options: FetchOptions | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    latest_if_quiet: bool = False,
) -> AccountFeed:
    """The feed behind `source`: posts between `since` and `until`, oldest first.
    `latest_if_quiet`: a Mastodon or Bluesky account with no post since `since` gives its
    latest page instead (the page that told so), to say when it last posted without
    asking for that page again.

    A file or an export URL is named by its data, as `assistant audit` names it (the name
    the own-site guess and the pitch checks read), whatever `name` the feed is known by,
    and in a file of several authors only the main one's posts are kept (the others are
    counted in `left_out`); a live feed (Mastodon, Bluesky, RSS) is named `name`. `name`
    also labels the log line.

    Raises FetchError (with a one-line reason) when the source cannot be fetched or
    returns something that is not a feed; InputError for a malformed `source` string or
    a bad local file.
    """
    options = options or FetchOptions()
    client = client or HttpClient()
    spec = parse_source(source)  # the one parse of `source`: what follows reads `spec`
    shown = _public(spec, source)
    try:
        if spec.kind == "mastodon":
            posts, detected = _mastodon(spec, client, options, since, latest_if_quiet), "mastodon"
        elif spec.kind == "bluesky":
            posts, detected = _bluesky(spec, client, options, since, latest_if_quiet), "bluesky"
        elif spec.kind == "rss":
            posts, detected = _rss(spec.target, client), "blog"
        elif spec.kind == "url":
            return _up_to(_export_url(spec.target, client, label=name, owner=owner,
                                      platform=platform, shown=shown), until)
        else:
            return _up_to(_main_account([spec.target], owner=owner, platform=platform,
                                        shown=shown, label=name), until)
    except FetchError as exc:
        raise FetchError(exc.reason, source=shown) from None
    from assistant.sources import AccountFeed

    posts = [p for p in posts if until is None or p.created_at <= until]
    posts.sort(key=lambda p: p.created_at)
    account = Account(name=name, platform=platform or detected, owner=owner)  # type: ignore[arg-type]
    return AccountFeed(Feed(account=account, posts=posts, source=shown))


def public_source(source: str) -> str:
    """The source as it may appear anywhere it is shown (a channel, the Home tab, a report, a
    log line): URLs without query string, fragment or user info.

    The single source of truth for showing a source. It reads the string as `parse_source`
    does (any scheme case, spaces around it), so every form a fetch accepts is redacted;
    what does not parse is cut at its first `?` or `#` all the same.
    """
    try:
        spec = parse_source(source)
    except InputError:
        return _cut_secrets(source.strip())
    return _public(spec, source)


def _public(spec: Source, source: str) -> str:
    """`public_source` of a `source` already parsed as `spec`."""
    if spec.kind == "rss":
        return "rss:" + redact(spec.target)
    if spec.kind == "url":
        return redact(spec.target)
    if spec.kind == "mastodon":
        rest = source.strip().partition(":")[2].strip()
        if rest.lower().startswith(("https://", "http://")):
            return "mastodon:" + redact(rest)
        return f"mastodon:{rest}"  # a handle the pattern accepted: no room for a secret
    if spec.kind == "bluesky":
        return "bluesky:" + source.strip().partition(":")[2].strip()
    path = source.strip()  # a local file: shown as written, unless it is URL-like after all
    return _cut_secrets(path) if "://" in path else path


def _cut_secrets(text: str) -> str:
    """Anything that is not a fetchable URL, shown without user info, query or fragment."""
    text = re.sub(r"(?i)(\b[a-z][a-z0-9+.-]*:/*)[^/@\s]*@", r"\1", text)
    cut = re.search(r"[?#]", text)
    return text[:cut.start()] + "?…" if cut else text


def _parsed(parse: Callable[[Any, str], list[Post]], data: Any, response: Response,
            what: str) -> list[Post]:
    """Run an importer on `data` from `response` (its bytes, or the JSON read from them);
    garbage becomes a FetchError, not a traceback."""
    try:
        return parse(data, redact(response.url))
    except InputError as exc:
        raise FetchError(f"{redact(response.url)} did not return {what}: {exc.message}") from None


def _json(response: Response, what: str) -> Any:
    """The body's JSON, read as the importers read JSON (UTF-8, no lone surrogate, too deep
    a nesting refused like any bad JSON), so a page's importer can take the document as is."""
    from ._common import decode, parse_json

    name = redact(response.url)
    try:
        return parse_json(decode(response.body, name), name)
    except InputError:
        raise FetchError(f"{name} did not return {what} (not JSON)") from None


def _mastodon(spec: Source, client: HttpClient, options: FetchOptions,
              since: datetime | None, latest_if_quiet: bool = False) -> list[Post]:
    from .mastodon import parse_mastodon

    base = (options.mastodon_base_url or f"https://{spec.host}").rstrip("/") + "/"
    lookup = client.get(urljoin(base, "api/v1/accounts/lookup?" + urlencode({"acct": spec.target})),
                        conditional=False)
    account = _json(lookup, "a Mastodon account")
    if not isinstance(account, dict) or not account.get("id"):
        raise FetchError(f"{redact(lookup.url)} did not return a Mastodon account")
    url: str | None = urljoin(
        base, f"api/v1/accounts/{account['id']}/statuses?limit={options.mastodon_page}")
    posts: list[Post] = []
    base_host = urlsplit(base).netloc
    while url and len(posts) < options.max_posts:
        page = client.get(url)
        batch = _parsed(parse_mastodon, page.body, page, "Mastodon statuses")
        posts += batch
        if not batch or (since and min(p.created_at for p in batch) < since):
            break
        url = _next_link(page, base_host)
        if url is None and len(batch) >= options.mastodon_page:
            # No Link header (some proxies drop it): page on with max_id, as the API allows.
            url = urljoin(base, f"api/v1/accounts/{account['id']}/statuses?"
                          + urlencode({"limit": options.mastodon_page, "max_id": batch[-1].id}))
    return _window(posts, since, options.max_posts, options.mastodon_page if latest_if_quiet else 0)


def _next_link(page: Response, host: str) -> str | None:
    """The `rel="next"` URL of a Link header, only on the same host (never follow elsewhere)."""
    match = _LINK_NEXT.search(page.headers.get("link", ""))
    if not match:
        return None
    url = urljoin(page.url, match.group(1))
    return url if urlsplit(url).netloc == host else None


def _bluesky(spec: Source, client: HttpClient, options: FetchOptions,
             since: datetime | None, latest_if_quiet: bool = False) -> list[Post]:
    from .bluesky import author_feed_posts

    base = options.bluesky_api_url.rstrip("/") + "/xrpc/app.bsky.feed.getAuthorFeed?"
    cursor: str | None = None
    posts: list[Post] = []
    seen_cursors: set[str] = set()
    while len(posts) < options.max_posts:
        query = {"actor": spec.target, "limit": options.bluesky_page}
        if cursor:
            query["cursor"] = cursor
        page = client.get(base + urlencode(query))
        document = _json(page, "a Bluesky author feed")  # the page's one parse
        batch = _parsed(author_feed_posts, document, page, "a Bluesky author feed")
        posts += batch
        cursor = document.get("cursor")  # a dict: author_feed_posts checked it
        if (not batch or not isinstance(cursor, str) or cursor in seen_cursors
                or (since and min(p.created_at for p in batch) < since)):
            break
        seen_cursors.add(cursor)  # a server repeating a cursor must not loop us for ever
    return _window(posts, since, options.max_posts, options.bluesky_page if latest_if_quiet else 0)


def _window(posts: list[Post], since: datetime | None, max_posts: int, quiet_page: int = 0) -> list[Post]:
    """Newest `max_posts` posts since `since`, de-duplicated by id (pages may overlap); with
    none since then and a `quiet_page`, the newest `quiet_page` posts fetched instead."""
    unique = {p.id: p for p in posts}
    kept = [p for p in unique.values() if since is None or p.created_at >= since]
    if not kept and quiet_page:
        kept, max_posts = list(unique.values()), quiet_page
    kept.sort(key=lambda p: p.created_at, reverse=True)
    return kept[:max_posts]


def _rss(url: str, client: HttpClient) -> list[Post]:
    from .rss import parse_rss

    response = client.get(url)
    return _parsed(parse_rss, response.body, response, "an RSS or Atom feed")


def _export_url(url: str, client: HttpClient, *, label: str, owner: str, platform: str | None,
                shown: str) -> AccountFeed:
    """An export served over HTTP: saved under its own file name, then read like a file
    (named by its data; `label` names it in the log)."""
    response = client.get(url)
    with tempfile.TemporaryDirectory(prefix="assistant-export-") as folder:
        path = Path(folder) / _export_name(response.url)
        try:
            path.write_bytes(response.body)
        except OSError as exc:
            raise FetchError(f"{redact(url)} could not be saved: {exc.strerror or exc}",
                             source=shown) from None
        try:
            return _main_account([str(path)], owner=owner, platform=platform,
                                 shown=shown, label=label)
        except InputError as exc:
            raise FetchError(f"{redact(url)} is not a feed export: {exc.message}",
                             source=shown) from None


def _export_name(url: str) -> str:
    """A fixed stem with the URL's extension: the path's own name may be `..`, empty, or too
    long for the file system, and only the extension says anything about the format."""
    suffix = PurePosixPath(urlsplit(url).path).suffix
    return "export" + (suffix if re.fullmatch(r"\.[A-Za-z0-9]{1,10}", suffix) else "")


def _main_account(paths: list[str], *, owner: str, platform: str | None,
                  shown: str, label: str | None) -> AccountFeed:
    """The files' main account, named by its data and chosen as `assistant audit` names and
    chooses it: in a file with several authors (a support data set, a conversation dump)
    the others' posts are left out, not judged as the feed's words, and counted (the log
    says how many). `shown`: the source in its public form; `label`: what the log calls
    the feed (a configured feed's name), default its account's."""
    from assistant.sources import load_accounts

    main = load_accounts(paths, platform=platform, owner=owner)[0]
    if main.left_out:
        author = next((p.author for p in main.feed.posts if p.author), None)
        log.info("feed %s: judged %s's %d posts; left out %d post%s of %d other account%s",
                 label or main.feed.account.name, author, len(main.feed.posts), main.left_out,
                 "s" if main.left_out != 1 else "", main.other_accounts,
                 "s" if main.other_accounts != 1 else "")
    return replace(main, feed=main.feed.model_copy(update={"source": shown}))


def _up_to(main: AccountFeed, until: datetime | None) -> AccountFeed:
    if until is None:
        return main
    return replace(main, feed=main.feed.model_copy(
        update={"posts": [p for p in main.feed.posts if p.created_at <= until]}))
