"""The rule registry: stable ids, default severities, rationales, thresholds, checks.

A rule is declared once with `rule(...)` and gets a post check, a feed check or
both through decorators:

    REPEAT_POST = rule("repeat-post", severity="warning", component="repetition",
                       rationale="...", thresholds={"window_days": 14})

    @REPEAT_POST.post_check
    def _against_history(post: Post, ctx: PostContext) -> Iterator[Hit]: ...

    @REPEAT_POST.feed_tally
    class _RepeatsInFeed:  # shown the feed's posts one by one, oldest first (`FeedTally`)
        def __init__(self, account: Account, planned: bool, ctx: FeedContext) -> None: ...
        def add(self, post: Post) -> None: ...
        def hits(self) -> Iterator[Hit]: ...

Checks are pure: they read the post or the feed's posts and the context, and yield
`Hit`s. A feed check is running state (`FeedTally`): it sees each post once, in order, and
keeps what its findings need, so no rule depends on holding the whole feed.
The rule id and the effective severity are added by the caller (`RuleSet`).

A rule declared with `component=None` is a note: it says what the tool could not judge
(a post in a language the English-only rules cannot read), which is no fault of the
post. It belongs to no health component, so it moves no feed's health, and a review's
score and verdict leave it out whatever its severity; config can ignore or re-grade it
like any rule (`--fail-on` counts it at its severity). `speaks_for` names the rules a note
is about: with none of them in force it is left out, and its check learns which are
(`PostContext.in_force`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from assistant.models import Account, Feed, Post, Severity

if TYPE_CHECKING:
    from assistant.checks.history import History

RULE_ID = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
COMPONENTS = ("conversation", "promotion", "repetition", "cadence", "accessibility")
TEXT_KINDS = frozenset({"post", "reply", "quote", "dm"})


@dataclass(frozen=True, slots=True)
class Hit:
    """What a check saw.

    `severity` overrides the rule's severity for this hit (e.g. too-long is an error
    over the hard limit, a warning over the length that performs). `impact` (0..1)
    says how far a feed is from the norm; the health score uses it. `examples` are the
    post ids shown; `posts` every post that breaks the habit (a repeat's later copies,
    a flood's posts), for the account's own engagement numbers.
    """

    message: str
    evidence: str = ""
    post_id: str | None = None
    severity: Severity | None = None
    impact: float = 1.0
    examples: tuple[str, ...] = ()
    posts: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PostContext:
    """What a post check may know besides the post."""

    thresholds: Mapping[str, Any]
    own_domains: frozenset[str] = frozenset()
    history: History | None = None
    as_of: datetime | None = None
    # The ids of the rules in force (None: every registered rule), for a note to say which
    # of the rules it speaks for did not read the post.
    in_force: frozenset[str] | None = None


class Brief(NamedTuple):
    """What a feed rule may read at the end of every post it keeps, without the post's words
    (`Keeper.brief`)."""

    id: str
    kind: str
    created_at: datetime
    author: str
    in_reply_to: str | None


# A post as a feed rule keeps it to read at the end: the post itself, or its `Brief`.
Briefed = Post | Brief


class Keeper(Protocol):
    """How a feed rule keeps posts from `add` to `hits`. `keep` gives a token for a post its
    findings may quote, `recall` the posts again for tokens, in their order; `brief` what it
    reads of every post (the post itself, or a `Brief` with the same attributes).

    While the feed is in memory a post is kept by reference (`IN_MEMORY`: no copy costs
    less). A feed read a block at a time keeps a post's id as its token and reads the feed
    again for the posts a finding shows, and briefs instead of posts (`audit.audit_blocks`),
    so its rules hold a post's words only where they judge them at the end (the DMs, for
    a mailing; a broadcast's text that tags someone, for repeat detection).
    """

    def keep(self, post: Post) -> Any: ...

    def recall(self, tokens: Sequence[Any]) -> list[Post]: ...

    def brief(self, post: Post) -> Briefed: ...


class _InMemory:
    """The feed is in memory: a post is kept by reference."""

    @staticmethod
    def keep(post: Post) -> Post:
        return post

    @staticmethod
    def recall(tokens: Sequence[Any]) -> list[Post]:
        return list(tokens)

    @staticmethod
    def brief(post: Post) -> Post:
        return post


IN_MEMORY: Keeper = _InMemory()


@dataclass(frozen=True, slots=True)
class FeedContext:
    """What a feed check may know besides the feed. Posts are sorted oldest first."""

    thresholds: Mapping[str, Any]
    as_of: datetime
    own_domains: frozenset[str] = frozenset()
    # What the feed checks of one audit share, by the class of what is shared: the rules of
    # a module that read the feed the same way read it once (see `conversation`).
    shared: dict[type, Any] = field(default_factory=dict)
    keeper: Keeper = IN_MEMORY


PostCheck = Callable[[Post, PostContext], Iterable[Hit]]
FeedCheck = Callable[[Feed, FeedContext], Iterable[Hit]]


class FeedTally(Protocol):
    """A feed check as running state: shown each post of the feed once, oldest first, then
    asked what it saw. It never reads the feed's list: what it keeps is its own choice,
    counts and times where they suffice, and posts only through its context's keeper
    (`FeedContext.keeper`): a brief of each post it reads at the end, a token for each it may
    quote. So a feed read a block at a time keeps no post's words but those a rule must judge
    at the end (`Keeper`)."""

    def add(self, post: Post) -> None: ...

    def hits(self) -> Iterable[Hit]: ...


# A feed check's running state is made for one feed: whose it is, whether it is a plan (a
# schedule or drafts), and the context.
TallyFactory = Callable[[Account, bool, FeedContext], FeedTally]


def fold(make: TallyFactory, feed: Feed, ctx: FeedContext) -> Iterable[Hit]:
    """A tally's hits on a whole feed: each post added in turn, in the feed's order (oldest
    first, as `Feed` promises; the audit sorts its posts)."""
    tally = make(feed.account, feed.planned, ctx)
    add = tally.add
    for post in feed.posts:
        add(post)
    return tally.hits()


def _fold_alone(make: TallyFactory, feed: Feed, ctx: FeedContext) -> Iterable[Hit]:
    """`fold` for one rule on its own (`Rule.feed`): it shares nothing with other checks (a
    `shared` of its own), whatever else `ctx` was given to."""
    return fold(make, feed, replace(ctx, shared={}))


@dataclass
class Rule:
    """One rule: its contract with users (id, severity, rationale, thresholds) and its checks."""

    id: str
    severity: Severity
    rationale: str
    component: str | None
    thresholds: dict[str, Any] = field(default_factory=dict)
    applies_to: frozenset[str] = TEXT_KINDS
    post: PostCheck | None = None
    feed: FeedCheck | None = None
    tally: TallyFactory | None = None
    speaks_for: tuple[str, ...] = ()

    @property
    def is_note(self) -> bool:
        """A note about what was not judged: it moves no score (see the module's doc)."""
        return self.component is None

    @property
    def scopes(self) -> tuple[str, ...]:
        return tuple(s for s, check in (("post", self.post), ("feed", self.feed)) if check)

    def post_check(self, check: PostCheck) -> PostCheck:
        """Decorator: register the check that looks at one post."""
        self.post = check
        return check

    def feed_tally(self, make: TallyFactory) -> TallyFactory:
        """Decorator: register the check that looks at a whole feed, as running state
        (`FeedTally`); `feed` folds a whole feed into it."""
        self.tally = make
        self.feed = partial(_fold_alone, make)
        return make


RULES: dict[str, Rule] = {}


def rule(
    rule_id: str,
    *,
    severity: Severity,
    rationale: str,
    component: str | None,
    thresholds: Mapping[str, Any] | None = None,
    applies_to: Iterable[str] = TEXT_KINDS,
    speaks_for: Iterable[str] = (),
) -> Rule:
    """Declare a rule. Ids are kebab-case and never reused. `component=None` declares a
    note, which moves no score; `speaks_for` the rules a note is about."""
    if not RULE_ID.match(rule_id):
        raise ValueError(f"rule id {rule_id!r} is not kebab-case")
    if rule_id in RULES:
        raise ValueError(f"rule id {rule_id!r} is declared twice")
    if component is not None and component not in COMPONENTS:
        raise ValueError(f"rule {rule_id!r}: unknown health component {component!r}")
    declared = Rule(
        id=rule_id,
        severity=severity,
        rationale=rationale,
        component=component,
        thresholds=dict(thresholds or {}),
        applies_to=frozenset(applies_to),
        speaks_for=tuple(speaks_for),
    )
    RULES[rule_id] = declared
    return declared


def all_rules() -> dict[str, Rule]:
    """Every registered rule, after importing the modules that declare them."""
    import assistant.checks.rules  # noqa: F401  (registers the built-in rules)

    return RULES


def is_note(rule_id: str) -> bool:
    """True for a finding of a note (which moves no score); False for any other rule, an
    LLM finding or a rule this version does not know."""
    declared = all_rules().get(rule_id)
    return declared is not None and declared.is_note


def iter_hits(hits: Iterable[Hit] | None) -> Iterator[Hit]:
    """Let checks return None, a list or a generator."""
    if hits:
        yield from hits
