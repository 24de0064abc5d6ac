"""An account's past posts, indexed for the post rules that compare a draft with them.

Three lookups: canonical link -> every post that carried it (earliest first), exact
repeat form -> posts, and near-duplicate repeat form -> posts (bigram Jaccard; brute
force on small histories, MinHash LSH built lazily on large ones). It also keeps the
account's DMs, oldest first (`dms`), so sales-pitch can tell a first DM from a later one.

The repeat form (`repeat_form`) is how a reader compares two posts: the words with their
@mentions ("on @showA" and "on @showB" are different news), and the page each links,
so a template that announces a different video or article each time is not "the same
post", while the same words with a different tracking code still are.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property, lru_cache
from typing import Any

from assistant.checks.digest import blake2b
from assistant.checks.neardup import (
    BANDS,
    BRUTE_FORCE_MAX,
    MIN_WORDS,
    band_keys,
    jaccard,
    shingles,
    signatures,
    word_hashes,
)
from assistant.models import Post
from assistant.text import (
    Translator,
    canonical_url,
    extract_mentions,
    extract_urls,
    handle_key,
    normalise,
    on_domain,
    strip_urls,
    without_retweet_prefix,
)

# X wraps every link in t.co: unexpanded, its code says nothing about which page it is.
_OPAQUE_LINKS = ("t.co/",)

# What counts as "posting again": own broadcasts. Replies and DMs are conversation, and
# a repost of somebody else's post shares their words. A repost of the account's own post
# (`is_self_repost`) puts its own words and links out again: a broadcast too (`is_broadcast`).
BROADCAST_KINDS = frozenset({"post", "quote"})


def is_self_repost(post: Post, account: str = "") -> bool:
    """True for a repost of the account's own post: the original's author, as the source
    names it (`Post.original_author`), is the reposter, or `account` (the feed's name).
    A repost whose source does not say whose post it passes on is not one."""
    if post.kind != "repost":
        return False
    original = post.original_author
    if not original:
        return False
    key = handle_key(original)
    return key == handle_key(post.author) or (bool(account) and key == handle_key(account))


def is_broadcast(post: Post, account: str = "") -> bool:
    """True for the account's own broadcasts: posts, quotes and reposts of its own posts."""
    return post.kind in BROADCAST_KINDS or is_self_repost(post, account)


def self_repost_note(posts: Sequence[Post], account: str = "", *, one_post: bool = False) -> str:
    """ " (3 of them reposts of its own post)": how many of `posts` are reposts of the
    account's own posts, said for a finding's message so the habit shows; "" when none is.
    `one_post`: the posts are copies of one post (a repeat, a link's flood), so when at
    most one of them is not a repost, they repost "its own post"."""
    return reposts_note(sum(1 for p in posts if is_self_repost(p, account)), len(posts), one_post=one_post)


def reposts_note(n: int, total: int, *, one_post: bool = False) -> str:
    """`self_repost_note` of `total` posts of which `n` are reposts of the account's own."""
    if not n:
        return ""
    what = "its own post" if n == 1 or (one_post and total - n <= 1) else "its own posts"
    if n == total:
        return f" (all of them reposts of {what})" if n > 1 else f" (a repost of {what})"
    return f" ({n} of them {'a repost' if n == 1 else 'reposts'} of {what})"


@dataclass(frozen=True, slots=True)
class Seen:
    """One earlier post: its id and when it went out."""

    post_id: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class Match:
    """An earlier post whose text is the same as, or close to, the one looked up."""

    post_id: str
    created_at: datetime
    similarity: float
    text: str


def text_key(norm: str) -> bytes:
    """A compact, stable key for an exact repeat form."""
    return blake2b(norm.encode(), digest_size=8).digest()


@lru_cache(maxsize=1 << 18)  # several rules ask for the same links; ~80 MB at most
def canonical_link(url: str) -> str:
    """`canonical_url`, remembered: feeds repeat the same few links many times."""
    return canonical_url(url)


def content_links(post: Post) -> tuple[str, ...]:
    """Canonical links of a post that name a page, each once, in order (a bare home page
    names no content). Remembered: the same tuple comes back for the same links (read in
    blocks, until the caches are trimmed: `trim_link_caches`).

    When an importer found no links but the text has some (old X archive tweets carry
    their links in the text with empty entities), the text's links count, minus t.co
    wrappers, which stand for an attachment or a link the importer already expanded.
    """
    urls = post.urls  # a property: read once
    if urls:
        return _content_links(tuple(urls))
    text = post.text
    if "/" not in text:  # one scan: this runs for every post without links; a page has a path
        return ()
    return _content_links(tuple(u for u in extract_urls(text) if not canonical_link(u).startswith(_OPAQUE_LINKS)))


def all_links(post: Post) -> tuple[str, ...]:
    """Canonical links of a post, each once, home pages included (for link-flood: someone
    else's home page pushed all day is still pushed). Same fallback as `content_links`."""
    if post.urls:
        return _all_links(tuple(post.urls))
    if "/" not in post.text:
        return ()
    return _all_links(tuple(u for u in extract_urls(post.text) if not canonical_link(u).startswith(_OPAQUE_LINKS)))


@lru_cache(maxsize=1 << 16)
def _all_links(urls: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(canonical_link(url) for url in urls))


@lru_cache(maxsize=1 << 18)  # several rules ask for the same links; ~80 MB at most
def _content_links(urls: tuple[str, ...]) -> tuple[str, ...]:
    links = (canonical_link(url) for url in urls)
    return tuple(dict.fromkeys(link for link in links if "/" in link or "?" in link))


# Read in blocks, the link caches are emptied once one holds more links than this: room
# for a block's links and for those a feed repeats, which stay cached from block to block
# (emptied after every block, a small block's links were worked out again by every process).
LINKS_KEPT = 1 << 14


def trim_link_caches() -> None:
    """Empty the link caches once one holds more than `LINKS_KEPT` entries. A feed read a
    block at a time calls this as each block is done with: caches of 2^18 entries would
    otherwise keep the links of that many posts long gone."""
    caches = (canonical_link, _all_links, _content_links)
    if max(cache.cache_info().currsize for cache in caches) > LINKS_KEPT:
        for cache in caches:
            cache.cache_clear()


# Links become one word each: punctuation out, so the word survives `neardup`'s split.
_LINK_WORD = Translator(dict.fromkeys("!\"#$%&'()*+,-./:;<=>?[\\]^_`{|}~"))


def _link_words(links: Sequence[str]) -> str:
    # Two words per page: a link then weighs as much as a changed word in a sentence
    # (two bigrams), so a template that links a different page each time falls apart.
    if len(links) == 1:  # most posts that link: no list, sort or join (~30% cheaper)
        if links[0].startswith(_OPAQUE_LINKS):
            return ""
        word = _LINK_WORD(links[0])
        return f" lk{word}a lk{word}b"
    words = [_LINK_WORD(link) for link in links if not link.startswith(_OPAQUE_LINKS)]
    if len(words) > 1:
        words = sorted(set(words))
    return "".join(f" lk{word}a lk{word}b" for word in words)


def repeat_form(text: str, links: Sequence[str] = ()) -> str:
    """The form compared for repeats: lower case, links out of the words, @mentions kept,
    then one token pair per canonical page linked (sorted, so order does not matter).

    `links` are canonical content links (`content_links`); unexpanded t.co links are
    left out, since two of them may name the same page. A retweet's "RT @user: " is left
    out too: a repost of the account's own post says the original's words again.
    """
    text = without_retweet_prefix(text)
    form = strip_urls(text).casefold() if "." in text else text.casefold()
    # Runs of spaces and line breaks become one space; the test is ~10x cheaper than
    # always splitting and joining, and rarer white space (NBSP) is only a word break
    # to the near-duplicate step, which reads the same words either way.
    if "  " in form or "\n" in form or "\t" in form or "\r" in form:
        form = " ".join(form.split())
    else:
        form = form.strip()
    return form + _link_words(links) if links else form


def post_repeat_form(post: Post) -> str:
    """`repeat_form` of a post's text and the pages it links."""
    return repeat_form(post.text, content_links(post))


def tagged_apart(a: str, b: str) -> bool:
    """True when two texts say the same words to different people: only their @mentions
    differ, and both tag someone. "X on @showA now!" and "X on @showB now!" are two
    pieces of news, however long X is; texts that also change their words are judged
    by similarity instead."""
    if "@" not in a or "@" not in b:
        return False
    tagged_a = {m.casefold() for m in extract_mentions(a)}
    tagged_b = {m.casefold() for m in extract_mentions(b)}
    return bool(tagged_a and tagged_b and tagged_a != tagged_b and normalise(a) == normalise(b))


def link_group(link: str, own_domains: frozenset[str]) -> str | None:
    """Which links are "the same kind of thing" as `link`: the account's own site (any
    of its domains) or else the link's host. A newer link in the group is a newer piece.
    None for unexpanded t.co links, whose host says nothing about the page."""
    if link.startswith(_OPAQUE_LINKS):
        return None
    host = link.split("/", 1)[0].split("?", 1)[0]
    if on_domain(host, own_domains):
        return "\0own"
    return host


def _section(link: str) -> str:
    """The first part of a link's path when the path has more ("blog" of site/blog/x): dates
    and single pages ("site/offer") are no section."""
    parts = link.split("?", 1)[0].split("/")
    return parts[1] if len(parts) > 2 and parts[2] and not parts[1].isdigit() else ""


class NewerLinks:
    """Links by their group (`link_group`), and by group and section (`_section`), each in
    the order they were first seen: the newest other link of a group since a moment is the
    last of its list, found by a search. (Walking every link first seen since then, newest
    first, cost a feed of 100,000 posts ~7,000 links for each post that called a link new.)"""

    def __init__(self, own_domains: frozenset[str]) -> None:
        self.own_domains = own_domains
        self._seen: dict[str | tuple[str, str], list[tuple[datetime, str]]] = {}

    def add(self, moment: datetime, link: str) -> None:
        """A link first seen at `moment`, no earlier than the links added before it."""
        group = link_group(link, self.own_domains)
        if group is not None:
            self._seen.setdefault(group, []).append((moment, link))
            self._seen.setdefault((group, _section(link)), []).append((moment, link))

    def newest(self, link: str, since: datetime, before: datetime | None = None) -> str | None:
        """The newest other link of `link`'s group first seen after `since` (and before
        `before`): proof that something newer than `link` came out. One of the same section
        is preferred (a newer blog post for a blog post, not the shop's /offer page posted
        since)."""
        group = link_group(link, self.own_domains)
        if group is None:
            return None
        for key in ((group, _section(link)), group):
            seen = self._seen.get(key, ())
            end = len(seen) if before is None else bisect_left(seen, (before,))
            while end and seen[end - 1][0] > since:
                end -= 1
                if seen[end][1] != link:
                    return seen[end][1]
        return None


# The words a DM greets someone with, before their name ("Hi Priya, ...", "Dear Tom:").
GREETINGS = "hi|hey|hello|hiya|dear"
_GREETING_NAME = re.compile(rf"^\W*(?i:{GREETINGS})\s+([A-Z][\w'\u2019-]*)")


def greeted(text: str) -> str | None:
    """The name a DM opens by greeting, case-folded ("Hi Priya, thanks ..." -> "priya"), or
    None. Two DMs naming nobody else that greet different people are two conversations, as
    sales-pitch's `is_first_dm` reads them: a DM export without thread ids holds a campaign
    of "Hi Priya", "Hi Tom", ... each a first DM."""
    match = _GREETING_NAME.match(text)
    return match.group(1).casefold() if match else None


def people_of(post: Post) -> frozenset[str]:
    """Who a DM is between, as sales-pitch tells one conversation from another: its author
    and the people it names, lower case, without "@"."""
    names = {post.author, *post.mentions}
    return frozenset(n.lower().lstrip("@") for n in names if n)


class DmThreads:
    """DMs, found again by what sales-pitch's `is_first_dm` reads as one conversation (the
    same `in_reply_to`, a reply to one of them, the same people), so that a feed of
    thousands of DMs asks it about the few that may share a DM's conversation, not all of
    them. `earlier(post)` holds the DMs `is_first_dm` could find there (for a DM that greets
    someone by name and names no one, the earliest of those it would follow, which answer for
    all): it must read what `is_first_dm` reads (tests hold the two to the same answers)."""

    __slots__ = ("_all", "_by_people", "_by_thread", "_earliest")

    def __init__(self, dms: Iterable[Post] = ()) -> None:
        self._all: list[Post] = []
        self._by_thread: dict[str, list[Post]] = {}
        self._by_people: dict[frozenset[str], list[Post]] = {}
        # The two earliest DMs greeting each name (None: greeting nobody by name). A DM naming
        # nobody follows any earlier DM that greets its person or no one: the earliest of those
        # answers for all (the second, when the first is the DM itself).
        self._earliest: dict[str | None, list[Post]] = {}
        for dm in dms:
            self.add(dm)

    def add(self, dm: Post) -> None:
        self._all.append(dm)
        earliest = self._earliest.setdefault(greeted(dm.text), [])
        earliest.append(dm)
        if len(earliest) > 2:
            earliest.sort(key=lambda p: p.created_at)
            del earliest[2:]
        for key in {dm.in_reply_to, dm.id}:
            if key:
                self._by_thread.setdefault(key, []).append(dm)
        if len(people := people_of(dm)) > 1:  # (the author alone names no conversation)
            self._by_people.setdefault(people, []).append(dm)

    def earlier(self, post: Post) -> list[Post]:
        if not (post.in_reply_to or post.mentions):
            name = greeted(post.text)
            if name is None:
                return self._all  # a DM that names nobody follows any earlier DM
            # ...unless it greets someone: then only those greeting the same person, or no one
            return self._earliest.get(name, []) + self._earliest.get(None, [])
        people = people_of(post)
        found = self._by_people.get(people, []) if len(people) > 1 else []
        if post.in_reply_to:
            found = found + self._by_thread.get(post.in_reply_to, [])
        return found


@dataclass
class History:
    """Index of past posts. Build it with `History.from_posts`."""

    links: dict[str, list[Seen]] = field(default_factory=dict)
    texts: dict[bytes, list[Seen]] = field(default_factory=dict)
    _docs: list[list[int]] = field(default_factory=list)
    _sets: list[frozenset[int]] = field(default_factory=list)
    _doc_text: list[str] = field(default_factory=list)
    _doc_key: list[bytes] = field(default_factory=list)
    _lsh: dict[tuple[int, int], list[int]] | None = None
    _newer: dict[frozenset[str], NewerLinks] = field(default_factory=dict)  # by own domains
    size: int = 0
    dms: list[Post] = field(default_factory=list)  # earlier DMs, for sales-pitch's "first DM"

    @cached_property
    def conversations(self) -> DmThreads:
        """The DMs, indexed by conversation (built on first use: most feeds hold none)."""
        return DmThreads(self.dms)

    def add_dm(self, dm: Post) -> None:
        """One more DM, sent no earlier than those kept (an audit shown a feed in blocks)."""
        self.dms.append(dm)
        if "conversations" in self.__dict__:  # indexed already
            self.conversations.add(dm)

    @classmethod
    def from_posts(cls, posts: Iterable[Post]) -> History:
        """Index the broadcasts (posts, quotes, reposts of the account's own posts:
        `is_broadcast`) among `posts` and keep the DMs; skip the rest."""
        links: dict[str, list[Seen]] = defaultdict(list)
        texts: dict[bytes, list[Seen]] = defaultdict(list)
        history = cls()
        for post in posts:
            if post.kind == "dm":
                history.dms.append(post)
            if not is_broadcast(post):
                continue
            history.size += 1
            seen = Seen(post.id, post.created_at)
            for link in content_links(post):
                links[link].append(seen)
            norm = post_repeat_form(post)
            if not norm:
                continue
            key = text_key(norm)
            if key not in texts:
                hashes = word_hashes(norm)
                if len(hashes) >= MIN_WORDS:
                    history._docs.append(hashes)
                    history._sets.append(shingles(hashes))
                    history._doc_text.append(post.text)
                    history._doc_key.append(key)
            texts[key].append(seen)
        for seen_list in (*links.values(), *texts.values()):
            seen_list.sort(key=lambda s: s.created_at)
        history.links, history.texts = dict(links), dict(texts)
        history.dms.sort(key=lambda p: p.created_at)
        return history

    def __len__(self) -> int:
        return self.size

    def first_link(self, url: str) -> Seen | None:
        """The earliest post that carried this link (any spelling of it), or None."""
        seen = self.links.get(canonical_link(url))
        return seen[0] if seen else None

    def link_posts(self, url: str) -> list[Seen]:
        """Every post that carried this link, earliest first."""
        return list(self.links.get(canonical_link(url), ()))

    def same_text(self, post: Post | str) -> list[Seen]:
        """Posts with the same repeat form (words, @mentions, pages linked), earliest first."""
        norm = _form(post)
        return list(self.texts.get(text_key(norm), ())) if norm else []

    def similar(self, post: Post | str, threshold: float = 0.6) -> list[Match]:
        """Posts with the same or nearly the same repeat form (Jaccard >= threshold), earliest first.

        A plain string is compared as words alone, as if it linked nothing.
        """
        norm = _form(post)
        if not norm:
            return []
        key = text_key(norm)
        text = post if isinstance(post, str) else post.text
        matches = [Match(s.post_id, s.created_at, 1.0, text) for s in self.texts.get(key, ())]
        hashes = word_hashes(norm)
        if len(hashes) >= MIN_WORDS and self._docs:
            query = shingles(hashes)
            for doc in self._candidates(hashes):
                if self._doc_key[doc] == key or tagged_apart(text, self._doc_text[doc]):
                    continue
                similarity = jaccard(query, self._sets[doc])
                if similarity >= threshold:
                    matches.extend(
                        Match(s.post_id, s.created_at, similarity, self._doc_text[doc])
                        for s in self.texts[self._doc_key[doc]]
                    )
        return sorted(matches, key=lambda m: m.created_at)

    def newer_link(self, link: str, since: datetime, before: datetime,
                   own_domains: frozenset[str] = frozenset()) -> tuple[str, Seen] | None:
        """The most recent other link of `link`'s group (`link_group`) first posted after
        `since` and before `before`: proof that something newer than `link` came out."""
        newer = self._newer.get(own_domains)
        if newer is None:
            newer = NewerLinks(own_domains)
            for moment, each in sorted((seen[0].created_at, lk) for lk, seen in self.links.items()):
                newer.add(moment, each)
            self._newer[own_domains] = newer  # shared once whole
        other = newer.newest(link, since, before)
        return (other, self.links[other][0]) if other is not None else None

    def _candidates(self, hashes: list[int]) -> Iterable[int]:
        if len(self._docs) <= BRUTE_FORCE_MAX * 10:
            return range(len(self._docs))
        if self._lsh is None:
            self._lsh = _build_lsh(self._docs)
        keys = band_keys(signatures([hashes]))[0].tolist()
        found: set[int] = set()
        for band, value in enumerate(keys):
            found.update(self._lsh.get((band, value), ()))
        return sorted(found)


def _form(post: Post | str) -> str:
    return repeat_form(post) if isinstance(post, str) else post_repeat_form(post)


def _build_lsh(docs: list[list[int]]) -> dict[tuple[int, int], list[int]]:
    buckets: dict[tuple[int, int], list[int]] = defaultdict(list)
    keys: Any = band_keys(signatures(docs)).tolist()
    for doc, row in enumerate(keys):
        for band in range(BANDS):
            buckets[(band, row[band])].append(doc)
    return dict(buckets)
