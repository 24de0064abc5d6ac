"""The labelled set: real posts and feeds judged by hand, and what the rules say about them.

Three files beside this module, one JSON object a line:
- `posts.jsonl`: {file, id, rule, fire, reason}. `file` is a path under tests/realdata
  (a glob for a feed of several pages); `id` is the post id the importer assigns.
- `feeds.jsonl`: {file, rule, fire, reason} for the feed rules, one line per feed and rule.
- `drafts_*.jsonl`: hand-written drafts {id, rule, expect, kind, platform, text,
  own_domains?, reason, history?} for the paraphrase rules; `DRAFT_SETS` says how each set
  was used (its misses seen while tuning, the speech model trained on it, or held out).

A rule "fires" on a post when the audit's per-post check gives it a finding;
`too-long` counts from warning up, because its info note ("longer than what
performs") is advice, not a verdict. `repeat-post` and `stale-latest` on a post are
judged as `review --history` would: against the account's earlier posts. Feed rules
are judged on the audit of the whole feed as of its last post.

Judgements that recur (each label still carries its own reason):
- Someone else's words (a customer's tweet in a support file, a repost) are never the
  account's share request, pitch or hashtags.
- X archives do not export alt text, so no image of an X archive is "missing" it.
- A bulk-schedule file (Hootsuite, Buffer) holds planned broadcasts only: it says
  nothing about replies, so the conversation rules should not judge it.
- A quote post shows the quoted post inline; a reaction to it is not a bare link.
  A headline or a title that says what is behind a link is enough for link-only.
- Credit, thanks, co-authors, "on/with/via @X" and replies in a conversation are not
  mention-push; tagging people at a link to put it in front of them is.
- A blog article's own images (a photo, chart, screenshot or logo the author put in it) are
  missing alt text with no alt attribute, with `alt=""` although they carry meaning (a title
  or a caption, or photo-sized), or with a CMS default that says where the picture came
  from, not what it shows ("image from x.typepad.com"). Terse alt that names what is shown
  is not missing. Tracking pixels, feed-service buttons (FeedFlare, share and "email this"
  buttons), emoji and spacers are not the author's images and never count; `alt=""` on a
  small decorative image is correct.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from assistant.audit import audit_feed
from assistant.checks.history import History
from assistant.checks.ruleset import RuleSet
from assistant.config import RulesConfig
from assistant.models import Feed, Post, severity_rank
from assistant.sources import load_accounts, load_feed

HERE = Path(__file__).parent

# Each set was written by an experienced social media manager who saw none of the rules;
# the rules were then tuned on other cases (tests/checks/speech_tune.py). "Scored N times"
# counts how often the set's totals (never its cases) were looked at while tuning went on.
DRAFT_SETS = {
    "drafts_heldout.jsonl": "the first set; its misses were seen while tuning",
    "drafts_fresh2.jsonl": "written independently; its totals were seen after each round of tuning",
    "drafts_fresh3.jsonl": "written independently; its totals and the kinds of its false alarms "
                           "guided the last two rounds",
    "drafts_fresh4.jsonl": "written independently; scored after the fourth round, its totals "
                           "the only thing the last round knew of it",
    "drafts_fresh5.jsonl": "sales-pitch only, written independently; totals only, scored before "
                           "and after the last round",
    "drafts_fresh6.jsonl": "written independently; scored once untuned (share-begging 0.92 / 0.02, "
                           "sales-pitch 0.90 / 0.03, mention-push 0.87 / 0.00 with its bare links read "
                           "as links, 0.48 as written), then mention-push was tuned on its misses; it "
                           "trains the speech model",
    "drafts_fresh7.jsonl": "written independently; scored once untuned (share-begging 0.88 / 0.02, "
                           "sales-pitch 0.98 / 0.06, mention-push 0.72 / 0.04), then the development "
                           "set of the speech model; it trains the shipped one",
    "drafts_fresh8.jsonl": "written independently and held out: never tuned on, never trained on; "
                           "scored once, and once more after a code review's fixes, its misses "
                           "never read",
    "drafts_fresh9.jsonl": "sales-pitch only, 45 boundary cases written with the rules in view for two "
                           "rounds of fixes (a first DM inviting to a free event or a job, a reply that "
                           "answers a question about an offer, a follow-up after a call, a followers "
                           "milestone, \"no sales pitch\", a free webinar in a first DM); not held out: "
                           "every case must hold",
    "drafts_fresh10.jsonl": "sales-pitch only, 29 boundary cases from a third manager review, written with "
                            "the rules in view (an upsell in a support reply or DM, after an apology or "
                            "thanks or alone; \"Head of Paid Social\" beside a free webinar; a soft first DM "
                            "offering the sender's services), and the amends, answers and free events "
                            "that stay clean beside them; not held out: every case must hold",
}
REALDATA = HERE.parent / "realdata"
# What a user would pass as --own-domain when auditing each feed (for self-promo-ratio).
OWN_DOMAINS: dict[str, frozenset[str]] = {
    "x_archive/linchwyjournal_tweets.js": frozenset({"lincolnhighwayjournal.com"}),
    "x_archive/visbot_tweets.js": frozenset({"visbot.net", "whyeye.org", "visbot.github.io"}),
    "mastodon/account_statuses_schochastics_page*.json": frozenset(
        {"schochastics.net", "schochastics.github.io"}
    ),
    "buffer/buffer-30-day-schedule.csv": frozenset({"goalachieverpro.com"}),
    "buffer/buffer-all-platforms.csv": frozenset({"goalachieverpro.com"}),
    "buffer/X_Buffer_Import_Template.csv": frozenset({"goalachieverpro.com"}),
    "rss/AmazonWebServicesBlog.xml": frozenset({"aws.typepad.com"}),
    "rss/DarrenHermanMarketingAdvertisingMediaandTechnologyBlo.xml": frozenset(
        {"darrenherman.com", "feeds.feedburner.com"}
    ),
    "rss/GiantRobotsSmashingIntoOtherGiantRobots.xml": frozenset({"robots.thoughtbot.com"}),
    "rss/LinkBuildingBlog.xml": frozenset({"blog.mediawhiz.com"}),
    "rss/TypePadNews.xml": frozenset({"everything.typepad.com"}),
    "rss/youtube_atom.xml": frozenset({"youtube.com"}),
}
# Rules whose info-level hits are advice rather than a verdict; counted from this severity up.
MIN_SEVERITY = {"too-long": "warning"}
HISTORY_RULES = frozenset({"repeat-post", "stale-latest"})
DRAFT_DOMAINS = frozenset({"brightpixel-agency.example"})
DRAFT_TIME = datetime(2026, 11, 10, 10, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Label:
    """One judgement: should `rule` fire on this post (or feed, when `post_id` is None)?"""

    file: str
    post_id: str | None
    rule: str
    fire: bool
    reason: str


@dataclass
class Score:
    """Confusion counts for one rule, and the measures a reader wants from them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    misses: list[str] = field(default_factory=list)  # ids of the wrong verdicts

    def add(self, expected: bool, fired: bool, where: str) -> None:
        if expected and fired:
            self.tp += 1
        elif fired:
            self.fp += 1
            self.misses.append(f"FP {where}")
        elif expected:
            self.fn += 1
            self.misses.append(f"FN {where}")
        else:
            self.tn += 1

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def false_positive_rate(self) -> float | None:
        return self.fp / (self.fp + self.tn) if self.fp + self.tn else None


def read_jsonl(name: str) -> list[dict]:
    """The objects of one labels file, in order."""
    with (HERE / name).open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def post_labels() -> list[Label]:
    rows = read_jsonl("posts.jsonl")
    return [Label(d["file"], d["id"], d["rule"], d["fire"], d["reason"]) for d in rows]


def feed_labels() -> list[Label]:
    rows = read_jsonl("feeds.jsonl")
    return [Label(d["file"], None, d["rule"], d["fire"], d["reason"]) for d in rows]


def rules() -> RuleSet:
    """The rules as shipped (no workspace config)."""
    return RuleSet.from_config(RulesConfig())


@cache
def feed(file: str) -> Feed:
    """A labelled feed as the importer reads it (a glob names the pages of one feed)."""
    paths = sorted(REALDATA.glob(file))
    if not paths:
        raise FileNotFoundError(f"tests/realdata/{file}: no such file")
    return load_feed(paths)


@cache
def account_feed(file: str) -> Feed:
    """A labelled feed as `assistant audit` reads it, for the feed rules: one account.

    `load_accounts` keeps the file's main account (in a support file, the side that
    answers) and leaves others' posts out, where `feed` keeps every post for post labels.
    """
    paths = sorted(REALDATA.glob(file))
    accounts = load_accounts(paths)
    if len(accounts) != 1:
        raise ValueError(f"tests/realdata/{file}: {len(accounts)} accounts; label one per file")
    return accounts[0].feed


def as_of(feed_: Feed) -> datetime:
    """Audit a real export as of its last post, as the README tells users to."""
    return max(p.created_at for p in feed_.posts)


def _counts(rule: str, severity: str) -> bool:
    return severity_rank(severity) >= severity_rank(MIN_SEVERITY.get(rule, "info"))


def fired_on_posts(
    file: str, ruleset: RuleSet, wanted: Iterable[tuple[str, str]]
) -> set[tuple[str, str]]:
    """Which (post id, rule) pairs of `wanted` the rules fire on in this feed.

    Post rules see the post with the feed's DMs as history (as the audit runs them);
    repeat-post and stale-latest see the account's earlier broadcasts (as review --history).
    """
    feed_ = feed(file)
    index = {p.id: n for n, p in enumerate(feed_.posts)}
    own = OWN_DOMAINS.get(file, frozenset())
    dms = History(dms=[p for p in feed_.posts if p.kind == "dm"])
    fired: set[tuple[str, str]] = set()
    wanted_by_post: dict[str, set[str]] = defaultdict(set)
    for post_id, rule in wanted:
        wanted_by_post[post_id].add(rule)
    for post_id, rule_ids in wanted_by_post.items():
        post = feed_.posts[index[post_id]]
        findings = ruleset.check_post(post, history=dms, own_domains=own, as_of=post.created_at)
        if rule_ids & HISTORY_RULES:
            # Earlier in the feed's order: rows scheduled for the same minute follow each other.
            earlier = History.from_posts(feed_.posts[: index[post_id]])
            findings += ruleset.check_post(
                post, history=earlier, own_domains=own, as_of=post.created_at
            )
        fired |= {
            (post_id, f.rule)
            for f in findings
            if f.rule in rule_ids and _counts(f.rule, f.severity)
        }
    return fired


def fired_on_feed(file: str, ruleset: RuleSet) -> set[str]:
    """The rules whose findings the audit of this feed shows (at the severities that count)."""
    feed_ = account_feed(file)
    own = OWN_DOMAINS.get(file, frozenset())
    audit = audit_feed(feed_, ruleset, as_of=as_of(feed_), own_domains=own)
    return {f.rule for f in audit.findings if _counts(f.rule, f.severity)}


def score_posts(labels: list[Label], ruleset: RuleSet) -> dict[str, Score]:
    """Per rule: post labels against what the rules fire on."""
    by_file: dict[str, list[Label]] = defaultdict(list)
    for label in labels:
        by_file[label.file].append(label)
    scores: dict[str, Score] = defaultdict(Score)
    for file, group in by_file.items():
        fired = fired_on_posts(file, ruleset, [(lb.post_id or "", lb.rule) for lb in group])
        for lb in group:
            scores[lb.rule].add(lb.fire, (lb.post_id, lb.rule) in fired, f"{file} {lb.post_id}")
    return dict(scores)


def unjudged_flags(labels: list[Label], ruleset: RuleSet) -> list[str]:
    """Posts of the labelled feeds a post rule flags today that nobody has judged for that rule.

    A rule that starts flagging new posts is unmeasured on them until they are labelled.
    """
    judged = {(lb.file, lb.post_id, lb.rule) for lb in labels}
    found = []
    for file in sorted({lb.file for lb in labels}):
        feed_ = feed(file)
        dms = History(dms=[p for p in feed_.posts if p.kind == "dm"])
        own = OWN_DOMAINS.get(file, frozenset())
        for post in feed_.posts:
            for f in ruleset.check_post(post, history=dms, own_domains=own, as_of=post.created_at):
                if _counts(f.rule, f.severity) and (file, post.id, f.rule) not in judged:
                    found.append(f"{f.rule}: {file} {post.id}")
    return sorted(set(found))


def score_feeds(labels: list[Label], ruleset: RuleSet) -> dict[str, Score]:
    """Per feed rule: feed labels against the audit's findings."""
    scores: dict[str, Score] = defaultdict(Score)
    fired_by_file = {file: fired_on_feed(file, ruleset) for file in {lb.file for lb in labels}}
    for lb in labels:
        scores[lb.rule].add(lb.fire, lb.rule in fired_by_file[lb.file], lb.file)
    return dict(scores)


# A bare "name.example/path" in a draft is the writer's link: a platform links a bare domain
# with a real top-level domain, and the reserved .example stands in for one (it is never
# linked as written, so without this a draft's link would vanish).
_BARE_EXAMPLE = re.compile(r"(?<![\w/.@-])[\w-]+(?:\.[\w-]+)*\.example(?:/\S*)?")


def draft_post(draft: dict) -> Post:
    """A hand-written draft as the Post the reviewer sees."""
    post = Post(
        id=draft["id"], platform=draft.get("platform", "x"), kind=draft.get("kind", "post"),
        author="@brightpixel", created_at=DRAFT_TIME, text=draft["text"],
    )
    bare = [f"https://{m.group(0).rstrip('.,!?)')}" for m in _BARE_EXAMPLE.finditer(draft["text"])]
    return post.model_copy(update={"urls": [*post.urls, *bare]}) if bare else post


def draft_history(draft: dict) -> History:
    """Earlier messages of a DM thread, when the draft gives them (else a first DM)."""
    earlier = [
        Post(id=f"{draft['id']}-h{n}", kind="dm", platform=draft.get("platform", "x"),
             author="@someone", created_at=DRAFT_TIME.replace(hour=9, minute=n), text=text)
        for n, text in enumerate(draft.get("history", []))
    ]
    return History(dms=earlier)


def score_drafts(drafts: list[dict], ruleset: RuleSet) -> dict[str, Score]:
    """Per rule: held-out drafts (positives and clean look-alikes) against the review."""
    scores: dict[str, Score] = defaultdict(Score)
    for draft in drafts:
        review = ruleset.check_post(
            draft_post(draft), history=draft_history(draft),
            own_domains=frozenset(draft.get("own_domains", DRAFT_DOMAINS)),
            as_of=DRAFT_TIME,
        )
        fired = any(f.rule == draft["rule"] for f in review)
        scores[draft["rule"]].add(draft["expect"], fired, draft["id"])
    return dict(scores)
