"""Promotion: how much of the feed pushes our own content and offers (80/20, 4-1-1).

What counts as promotion: a link to the account's own domains, a promotional phrase
(`signals.promotional_phrase`), or an announcement of the account's own upload or release
("I uploaded a @YouTube video", "#github release: ...", the auto-posts a channel or a
repository sends out). What it is weighed against: everything the account puts out that
is not about itself, which includes sharing others' posts (reposts) and talking with
people (replies to others): a developer who mentions his packages among many answers is
not an advert. A repost of the account's own post is no sharing: it is judged as the
post it reposts (its own blog post reposted three times is four promotions, not one
among three shares), and the finding says how many of them were reposts.

A blog is different by nature: every article is its own content on its own domain, so
a link to itself is what a blog is, not promotion. On a blog only selling counts (offers,
calls to buy, "our new ebook").

With no own domain given, the feed's evidently own site stands in for it: a site named
after the account (@flowdesk and flowdesk.example), or one that two or more of its posts
call theirs ("NEW on the blog:", "our latest post") in at least a quarter of the posts
linking it. How often a site is linked is no evidence alone: a curator links one news site
a lot. Sites anyone publishes on (YouTube, GitHub, Medium, link shorteners) are never guessed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence

from assistant.checks.history import is_broadcast, is_self_repost, reposts_note
from assistant.checks.registry import Briefed, FeedContext, Hit, rule
from assistant.checks.signals import first_link_to, links_to, promotional_phrase
from assistant.models import Account, Post
from assistant.text import LazyRe, on_domain, url_host, without_retweet_prefix

SELF_PROMO_RATIO = rule(
    "self-promo-ratio",
    severity="warning",
    component="promotion",
    rationale=(
        "We advise clients to keep self-promotion to about one post in five (the 80/20 rule; "
        "4-1-1: four pieces of others' content and one reshare for each promotional post). "
        "A feed that is mostly about us reads like an advert and gets muted."
    ),
    thresholds={"max_share": 0.2, "min_posts": 10},
)

# The account announcing its own new upload or release, as auto-posters word it.
_OWN_RELEASE = re.compile(
    r"""\b(?:I|we)(?:'ve|\s+have)?\s+(?:just\s+)?(?:uploaded|released|published|launched)
        \s+(?:a|an|my|our|the|version|v\d)\b
      | \#github\s+release\b
      | \bnew\s+(?:videos?|release|episode)\s+(?:is\s+|are\s+)?(?:out|online|up|live)\b
      | \bnew\ on\ (?:the|our|my)\s+(?:blog|site|website|channel|podcast)\b""",
    re.IGNORECASE | re.VERBOSE,
)


# Self-promo counts a post's own links exactly as the post rules do.
own_link = links_to


def _may_announce(lowered: str) -> bool:
    """True when a lower-cased ASCII text holds one of the words each branch of _OWN_RELEASE has.

    Only for ASCII text: there the pattern's IGNORECASE is plain ASCII case, while Unicode
    text may match through "ſ" or "ı". Seven tests spelled out: ~30% cheaper than any()
    over a tuple of the words, and ~2x cheaper than one regex of them.
    """
    return ("upload" in lowered or "releas" in lowered or "publish" in lowered
            or "launch" in lowered or "video" in lowered or "episode" in lowered
            or "new on" in lowered)


# The account calling a linked page its own: "our latest post", "on my blog", "we wrote".
_CALLS_IT_OURS = LazyRe(
    r"""\b(?:our|my)\s+(?:brand[-\s])?(?:new|latest|recent)\s+(?:[\w-]+\s+){0,2}?(?:post|article|episode|video|guide
        |report|newsletter|podcast|essay|issue|edition|piece|write-?up|case\s+study|ebook|e-book|course|webinar)\b
      | \b(?:on|in)\s+(?:our|my)\s+(?:blog|site|website|newsletter|podcast|channel|shop|store)\b
      | \b(?:I|we)(?:'ve|\s+have)?\s+(?:just\s+)?(?:wrote|written|blogged|published)\b
      | \bnew\ on\ (?:the|our|my)\s+(?:blog|site|website|channel|podcast)\b""",
    re.IGNORECASE | re.VERBOSE,
)
# Sites anyone publishes on or links through: one account's posts there say nothing about
# another's (a subdomain of one, "me.github.io", may still be the account's own).
_SHARED_HOSTS = frozenset(
    """youtube.com youtu.be m.youtube.com twitter.com x.com t.co github.com gist.github.com medium.com
    substack.com linkedin.com lnkd.in facebook.com fb.me instagram.com tiktok.com vimeo.com soundcloud.com
    open.spotify.com spotify.com podcasts.apple.com apps.apple.com play.google.com docs.google.com
    drive.google.com feedproxy.google.com feeds.feedburner.com bit.ly goo.gl ow.ly buff.ly ift.tt tinyurl.com
    tmblr.co tumblr.com wordpress.com blogspot.com reddit.com eventbrite.com meetup.com amazon.com amzn.to
    flickr.com imgur.com pinterest.com bsky.app mastodon.social threads.net wikipedia.org en.wikipedia.org
    dropbox.com notion.so canva.com""".split()
)
_MIN_CALLED_OURS = 2  # posts calling a site theirs before it is taken as theirs


def _name_key(name: str) -> str:
    """An account name or a host label reduced to its letters and digits, lower case."""
    return "".join(c for c in name.lower() if c.isalnum())


def _named_after(host: str, account: str) -> bool:
    """Whether a label of `host` (its suffix left out) is the account's name: flowdesk.example
    for @flowdesk, blog.schochastics.net for schochastics."""
    key = _name_key(account)
    return len(key) >= 4 and any(_name_key(label) == key for label in host.split(".")[:-1])


def _may_call_it_ours(text: str) -> bool:
    """`_CALLS_IT_OURS` on `text`, after substring tests for the words each of its branches
    needs: most posts with a link say none of them (~10x cheaper than the pattern)."""
    lowered = text.lower()
    if not ("our" in lowered or "my" in lowered or "wr" in lowered or "blogged" in lowered
            or "publish" in lowered or "new on" in lowered):
        return False
    return _CALLS_IT_OURS.search(text) is not None


def _linked_hosts(post: Post) -> set[str]:
    """The hosts a post links, each once, leaving out sites anyone publishes on."""
    return {host for url in post.urls if (host := url_host(url)) and host not in _SHARED_HOSTS}


class _EvidentDomains:
    """The sites an account's own posts show to be its own, for a feed audited with no
    own domain given: named after the account, or called "ours" by at least two posts
    and a quarter of the posts that link it (how often a site is linked proves nothing).
    Kept per site: the posts that link it and those that call it theirs."""

    def __init__(self, account: str) -> None:
        self.account = account
        self.linked: dict[str, int] = {}
        self.called: Counter[str] = Counter()

    def add(self, post: Post) -> None:
        if not post.urls:
            return
        hosts = _linked_hosts(post)
        for host in hosts:
            self.linked[host] = self.linked.get(host, 0) + 1
        if hosts and (_may_call_it_ours(post.text) or _own_release(post.text)):
            self.called.update(hosts)

    def found(self) -> frozenset[str]:
        called = self.called
        return _outermost({host for host, count in self.linked.items()
                           if _named_after(host, self.account)
                           or (called[host] >= _MIN_CALLED_OURS and 4 * called[host] >= count)})


def _outermost(hosts: set[str]) -> frozenset[str]:
    """`hosts` without those inside another of them (dl.visbot.net beside visbot.net):
    the same sites, fewer to compare each link with."""
    return frozenset(h for h in hosts if not any(h.endswith("." + other) for other in hosts))


def _own_release(text: str) -> str | None:
    # a case-insensitive scan costs ~10 µs a post; most posts announce nothing
    if text.isascii() and not _may_announce(text.lower()):
        return None
    match = _OWN_RELEASE.search(text)
    return match.group(0) if match else None


# A broadcast that promotes, or (no way yet) may: with no own domain given, whether a post's
# links are to the account's own site is known once the whole feed has been read. The post as
# the keeper briefs it, whether it reposts the account's own, its links when they are judged
# at the end, how it promotes and the words.
_Promoting = tuple[Briefed, bool, Sequence[str] | None, tuple[str, str] | None, str | None]


@SELF_PROMO_RATIO.feed_tally
class _SelfPromoRatio:
    """The posts that promote, in order, and how; with no own domain given, also what shows
    which sites are the account's own (`_EvidentDomains`), and the broadcasts with links,
    judged once those sites are known."""

    def __init__(self, account: Account, planned: bool, ctx: FeedContext) -> None:
        self.account, self.ctx = account.name, ctx
        # A blog's links to itself are what a blog is: none count there.
        self.domains = frozenset() if account.platform == "blog" else ctx.own_domains
        self.guessing = account.platform != "blog" and not ctx.own_domains
        self.evident = _EvidentDomains(account.name)
        self.pool = 0
        self.brief = ctx.keeper.brief
        self.posts: list[_Promoting] = []  # in the feed's order

    def add(self, post: Post) -> None:
        # Reposts and replies count in the denominator: sharing others' content and talking
        # with people are the 80 of 80/20 (a repost of its own post is judged as that post).
        # DMs are private, not part of what the feed shows.
        if post.kind == "dm":
            return
        self.pool += 1
        if self.guessing and post.kind in ("post", "quote"):
            self.evident.add(post)
        if not is_broadcast(post, self.account):
            return
        if self.guessing and post.urls:  # judged at the end, when the own sites are known
            self.posts.append((self.brief(post), is_self_repost(post, self.account), post.urls, *_by_words(post)))
            return
        link = own_link(post, self.domains)
        way, hit = (_LINKS, link) if link else _by_words(post)
        if hit:
            self.posts.append((self.brief(post), is_self_repost(post, self.account), None, way, hit))

    def hits(self) -> Iterator[Hit]:
        if self.pool < self.ctx.thresholds["min_posts"]:
            return
        guessed = self.evident.found() if self.guessing else frozenset()
        domains = guessed or self.domains
        promoting: list[Briefed] = []
        reposts = 0
        # how the promoting posts promote: how many each way, and the first one's words
        ways: Counter[tuple[str, str]] = Counter()
        firsts: dict[tuple[str, str], str] = {}
        guessed_used: set[str] = set()
        for post, reposted, urls, way, hit in self.posts:
            if guessed and urls and (link := first_link_to(urls, domains)):
                way, hit = _LINKS, link
                guessed_used.add(_site_of(url_host(link), guessed))
            if hit and way:
                promoting.append(post)
                reposts += reposted
                ways[way] += 1
                firsts.setdefault(way, hit)
        limit = self.ctx.thresholds["max_share"]
        share = len(promoting) / self.pool
        if share <= limit:
            return
        yield Hit(
            f"{len(promoting)} of {self.pool} posts ({share:.0%}) promote our own content or offers"
            f"{reposts_note(reposts, len(promoting))}; the 80/20 norm is at most {limit:.0%}" + _guess_note(guessed_used),
            evidence=_how(ways, firsts),
            impact=min(1.0, (share - limit) / (1 - limit)) if limit < 1 else 0.0,
            examples=tuple(p.id for p in promoting[:5]),
            posts=tuple(p.id for p in promoting),
        )


def _by_words(post: Post) -> tuple[tuple[str, str] | None, str | None]:
    """How a post promotes by its words (a phrase, an announcement of its own release), if
    it does. A repost of its own post: its own words, as first posted."""
    text = without_retweet_prefix(post.text) if post.kind == "repost" else post.text
    if hit := promotional_phrase(text):
        return _PHRASES, hit
    if hit := _own_release(text):
        return _RELEASES, hit
    return None, None


# The ways a post promotes, as the evidence counts them: (one post, several).
_LINKS = ("links to its own site", "link to its own site")
_PHRASES = ("uses a promotional phrase", "use promotional phrases")
_RELEASES = ("announces its own upload or release", "announce its own uploads or releases")


def _how(ways: Counter[tuple[str, str]], firsts: dict[tuple[str, str], str]) -> str:
    """The evidence: the first promoting post's words, or, when posts promote in more than
    one way, how many do each ("1445 announce its own uploads or releases (first: new videos
    online); 99 link to its own site (first: ...)"): visbot's finding named the sites it
    took as its own, and a reader counting their links found 99 of the 1,545."""
    if len(ways) == 1:
        return f"first: {next(iter(firsts.values()))}"
    return "; ".join(f"{n} {way[n != 1]} (first: {firsts[way]})" for way, n in ways.most_common())


def _site_of(host: str, sites: frozenset[str]) -> str:
    """Which of `sites` a host is, or is inside of."""
    return next((site for site in sites if on_domain(host, (site,))), host)


def _guess_note(used: set[str]) -> str:
    """Which guessed sites the count rests on, so that a wrong guess can be corrected."""
    if not used:
        return ""
    sites = ", ".join(sorted(used)[:3]) + (" …" if len(used) > 3 else "")
    return f" ({sites} taken as the account's own site: no own domain was given)"
