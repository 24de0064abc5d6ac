"""The health score: its arithmetic, calibrated bands on synthetic feeds, and on real feeds
the bands and the ranking a social media manager gives them after reading every feed."""

from __future__ import annotations

import itertools
import json
import math
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.audit import audit_feed
from assistant.checks.ruleset import RuleSet
from assistant.config import RulesConfig
from assistant.health import WEIGHTS, RuleImpact, health_score
from assistant.models import Account, Feed, FeedAudit, Media, Post
from assistant.sources import load_feed
from tests.conftest import REALDATA

START = datetime(2026, 9, 1, 8, 0, tzinfo=UTC)
AS_OF = START + timedelta(days=91)
OWN = frozenset({"brightpixel.agency"})
RULES = RuleSet.from_config()


def spam_engine() -> Feed:
    """Everything DESIGN.md says agencies do wrong, for 90 days."""
    links = [f"https://brightpixel.agency/blog/{s}" for s in ("seo-tips", "reels-2026", "ai-content")]
    stock = Media(type="image", url="https://cdn.brightpixel.agency/stock/handshake.jpg", alt="")
    posts = []
    for day in range(90):
        for slot in range(10):
            if slot < 9:
                text = f"Our latest post is live! Please retweet and share it with your network {links[slot % 3]}"
            else:
                text = "Limited time offer: book a free consultation with our team today, DM us for pricing"
            posts.append(Post(id=f"s{day}-{slot}", created_at=START + timedelta(days=day, minutes=80 * slot),
                              text=text, media=[stock]))
    return Feed(account=Account(name="@brightpixel", owner="agency"), posts=posts)


def healthy() -> Feed:
    """Two varied posts a day, mostly others' content, pictures described, and replies."""
    rnd = random.Random(7)
    words = [
        "audience", "brand", "story", "campaign", "insight", "data", "client", "trust", "community",
        "video", "design", "strategy", "research", "trend", "launch", "team", "culture", "feedback",
        "report", "survey", "growth", "content", "channel", "idea"
    ]
    posts = []
    for day in range(90):
        for slot in range(2):
            when = START + timedelta(days=day, hours=9 + 4 * slot)
            own = rnd.random() < 0.15
            link = f"https://brightpixel.agency/blog/{day}" if own else f"https://news.example.org/{day}-{slot}"
            text = " ".join(rnd.choice(words) for _ in range(14)).capitalize() + f". {link}"
            picture = Media(url=f"https://cdn.brightpixel.agency/{day}-{slot}.jpg", alt="Our team at work")
            posts.append(Post(id=f"h{day}-{slot}", created_at=when, text=text, media=[picture]))
            posts.append(Post(id=f"r{day}-{slot}", created_at=when + timedelta(hours=1), kind="reply",
                              in_reply_to=f"them{day}{slot}", text="Good question: we measured it over six weeks."))
    return Feed(account=Account(name="@brightpixel", owner="agency"), posts=posts)


def audit(feed: Feed, as_of: datetime = AS_OF) -> FeedAudit:
    return audit_feed(feed, RULES, as_of=as_of, own_domains=OWN)


def test_no_hits_scores_100_with_every_component_named() -> None:
    health = health_score([])
    assert health.score == 100 and set(health.components) == set(WEIGHTS)
    assert all(c.score == 100 and c.rules == [] for c in health.components.values())


def test_one_full_warning_leaves_its_component_at_15_and_names_the_rule() -> None:
    health = health_score([
        RuleImpact("broadcast-only", "conversation", "warning", 1.0),
        RuleImpact("broadcast-only", "conversation", "warning", 0.2),  # same rule counts once
    ])
    component = health.components["conversation"]
    assert (component.score, component.rules) == (15, ["broadcast-only"])
    assert health.score == round(100 * 0.15 ** WEIGHTS["conversation"])


def test_a_component_the_feed_cannot_show_never_lifts_but_its_faults_still_cost() -> None:
    """A plan's conversation is unknown: a perfect one cannot lift the score. But what its
    rules find there is real: a schedule of posts X refuses as too long scored 100."""
    repeats = RuleImpact("repeat-post", "repetition", "warning", 1.0)
    over_limit = RuleImpact("too-long", "conversation", "error", 1.0)
    judged = health_score([repeats])
    plan = health_score([repeats], unjudged=("conversation",))
    assert plan.components["conversation"].weight == 0 and plan.components["conversation"].score == 100
    assert plan.score < judged.score  # the repeats weigh more once conversation is left out
    faulty = health_score([repeats, over_limit], unjudged=("conversation",))
    # shown as the score used it: on top of the judged components, which share out 1
    conversation = WEIGHTS["conversation"]
    assert faulty.components["conversation"].weight == round(conversation / (1 - conversation), 4)
    assert faulty.components["conversation"].score == 0 and faulty.score < plan.score
    shown = plan.components.values()
    assert abs(sum(c.weight for c in shown) - 1) < 0.001
    assert abs(plan.score - 100 * math.prod((c.score / 100) ** c.weight for c in shown)) <= 1
    every_post_over = health_score([over_limit], unjudged=("conversation",))
    assert every_post_over.score <= 25, "every post refused by X is not a healthy plan"
    for impact in (0.05, 0.3, 0.7):  # never above the plan without the fault
        fault = RuleImpact("too-long", "conversation", "error", impact)
        assert health_score([repeats, fault], unjudged=("conversation",)).score <= plan.score


def test_errors_weigh_more_than_warnings_and_warnings_more_than_info() -> None:
    scores = [health_score([RuleImpact("too-long", "conversation", severity, 0.5)]).components[
        "conversation"].score for severity in ("error", "warning", "info")]
    assert scores[0] < scores[1] < scores[2]


def test_a_rule_moves_its_component_once_per_severity() -> None:
    error = RuleImpact("too-long", "conversation", "error", 0.1)
    info = RuleImpact("too-long", "conversation", "info", 1.0)
    both = health_score([error, info]).components["conversation"]
    assert both.score == round(100 * 0.9 * 0.9) and both.rules == ["too-long"]


def test_info_findings_never_dominate_a_score() -> None:
    """Every rule of every component at full impact, as info: advice, so 90 at worst."""
    advice = [RuleImpact(f"{name}-{i}", name, "info", 1.0) for name in WEIGHTS for i in range(4)]
    health = health_score(advice)
    assert health.score >= 90 and all(c.score >= 90 for c in health.components.values())
    one_warning = health_score([RuleImpact("share-begging", "promotion", "warning", 0.25)])
    assert health_score(advice + [RuleImpact("share-begging", "promotion", "warning", 0.25)]).score \
        >= one_warning.score - 10


@pytest.mark.parametrize("component", ["repetition", "conversation"])
def test_one_catastrophic_habit_pulls_the_whole_score_down(component: str) -> None:
    """Two full warnings of one spam-engine component: the feed is a spam engine, whatever
    else it does well (a weighted arithmetic mean kept such a feed above 75)."""
    health = health_score([RuleImpact("a", component, "warning", 1.0),
                           RuleImpact("b", component, "warning", 1.0)])
    assert health.components[component].score == 2 and health.score < 40
    assert all(c.score == 100 for name, c in health.components.items() if name != component)


@settings(max_examples=200)
@given(st.lists(st.tuples(st.sampled_from(sorted(WEIGHTS)), st.sampled_from(["info", "warning", "error"]),
                          st.floats(0, 1)), max_size=8),
       st.tuples(st.sampled_from(sorted(WEIGHTS)), st.sampled_from(["info", "warning", "error"]),
                 st.floats(0, 1)))
def test_a_finding_never_raises_the_score_and_the_score_is_the_components_mean(
    found: list[tuple[str, str, float]], extra: tuple[str, str, float]
) -> None:
    impacts = [RuleImpact(f"r{i}", c, s, x) for i, (c, s, x) in enumerate(found)]  # type: ignore[arg-type]
    before = health_score(impacts)
    after = health_score([*impacts, RuleImpact("extra", extra[0], extra[1], extra[2])])  # type: ignore[arg-type]
    assert after.score <= before.score
    assert all(after.components[n].score <= before.components[n].score for n in WEIGHTS)
    plan = ("conversation",)  # a plan's unjudged conversation: still never raised
    extended = [*impacts, RuleImpact("extra", extra[0], extra[1], extra[2])]  # type: ignore[arg-type]
    assert health_score(extended, unjudged=plan).score <= health_score(impacts, unjudged=plan).score
    # The overall score is the weighted geometric mean of the components (up to their rounding).
    if all(c.score >= 10 for c in before.components.values()):
        mean = math.exp(sum(c.weight * math.log(c.score / 100) for c in before.components.values()))
        assert abs(before.score - 100 * mean) <= 2
    # Every move is named: a component below 100 lists the rules that moved it.
    assert all((c.score < 100) <= bool(c.rules) for c in before.components.values())


def test_a_feed_that_breaks_no_rule_scores_above_70() -> None:
    result = audit(healthy())
    assert result.health.score > 70, result.findings
    assert result.health.components["conversation"].score >= 90


def test_a_schedule_whose_every_post_x_refuses_is_not_healthy(tmp_path: Path) -> None:
    """A Buffer upload of ten posts each over X's 280: a plan's conversation is not judged,
    and too-long lives there, so it scored 100 beside "ERROR too-long 10 of 10 posts"."""
    schedule = tmp_path / "week.csv"
    rows = [f"\"{'Our week in the studio, ' * 15}day {day}\",,,2026-02-{day:02d} 09:00" for day in range(1, 11)]
    schedule.write_text("Text,Image URL,Tags,Posting Time\n" + "\n".join(rows) + "\n", encoding="utf-8")
    feed = load_feed(schedule)
    result = audit_feed(feed, RuleSet.from_config(), as_of=datetime(2026, 2, 11, tzinfo=UTC))
    assert any(f.rule == "too-long" and f.severity == "error" for f in result.findings)
    assert result.health.components["conversation"].rules == ["too-long"]
    assert result.health.score <= 25


def test_a_spam_engine_scores_below_40_and_every_component_says_why() -> None:
    result = audit(spam_engine())
    assert result.health.score < 40
    moved = {c: set(result.health.components[c].rules) for c in WEIGHTS}
    assert {"broadcast-only", "engagement-gap"} <= moved["conversation"]
    assert {"repeat-post", "stale-latest", "link-flood", "repeated-image"} <= moved["repetition"]
    assert "self-promo-ratio" in moved["promotion"] and "overposting" in moved["cadence"]
    assert all(result.health.components[c].score < 70 for c in ("conversation", "repetition", "promotion"))


# Real feeds. The bands below must survive changes to individual rules (their wording,
# their counting, how importers read kinds), so each rests on what a rule cannot
# reasonably stop seeing, and says so.


def _end(feed: Feed) -> datetime:
    """Audit an export as of the day after its last post (old exports are not "stale")."""
    return max(p.created_at for p in feed.posts) + timedelta(days=1)


def _brand_side(folder: Path) -> Feed:
    """The answering brands' side of the support sample (customers are numeric ids there)."""
    loaded = load_feed(folder / "support_tweets" / "twcs_sample.csv")
    brands = [p for p in loaded.posts if not p.author.isdigit()]
    return Feed(account=Account(name="brand support"), posts=brands, source=loaded.source)


def _mastodon(folder: Path) -> Feed:
    """The five pages, with replies read from `in_reply_to_account_id` as well.

    Mastodon leaves `in_reply_to_id` null on a reply whose parent is gone or hidden; the
    account is still answering somebody. (A no-op once the importer reads the field.)
    """
    pages = sorted((folder / "mastodon").glob("account_statuses_schochastics_page*.json"))
    loaded = load_feed(pages)
    answering = {
        str(s["id"]): str(s["in_reply_to_account_id"])
        for page in pages for s in json.loads(page.read_text(encoding="utf-8"))
        if s.get("in_reply_to_account_id") and s["in_reply_to_account_id"] != s["account"]["id"]
    }
    posts = [
        p.model_copy(update={"kind": "reply", "in_reply_to": p.in_reply_to or f"account:{answering[p.id]}"})
        if p.id in answering and p.kind == "post" else p
        for p in loaded.posts
    ]
    return Feed(account=loaded.account, posts=posts, source=loaded.source)


def _file(*parts: str):  # type: ignore[no-untyped-def]
    return lambda folder: load_feed(folder.joinpath(*parts))


# What a social media manager scores each feed after reading all of it, and why. The two
# Buffer and Hootsuite files left out are not feeds: Buffer's import template (three
# placeholder posts) and Hootsuite's example (three copies of one post at one minute).
EXPERT: dict[str, tuple[int, str, object]] = {
    "mastodon": (92, "An R developer who talks with his community: half of it is replies with "
                 "substance, his blog posts come with a sentence on what is in them, he asks #rstats "
                 "questions. Nothing repeated, nothing sold; a few pictures undescribed.", _mastodon),
    "twcs brand side": (88, "Support desks answering customers within minutes, by name, signed by "
                        "the agent. Some answers are the same DM-us template, which is what support "
                        "does; all of it is conversation.", _brand_side),
    "linchwyjournal": (88, "A road-trip journal: varied, warm, a photo from each stop, answers the "
                       "people who write. The photos are never described.",
                       _file("x_archive", "linchwyjournal_tweets.js")),
    "andreruffert": (80, "A web developer over twelve years: real replies, conference notes, good "
                     "links. Many posts are a title and a link with nothing said about them, "
                     "pictures undescribed.", _file("x_archive", "andreruffert_tweets.js")),
    # The two Buffer plans and the Bluesky page were first scored 60, 55 and 45 on "nothing
    # answers anyone" and "reposting sprees". The labelled set's judge (tests/labelled)
    # rejects both readings: replies are never scheduled, so a plan says nothing about
    # conversation; three days are too few to judge it; reposts are curation, not overposting.
    # Scored again on what these files can show.
    "buffer drafts": (90, "Thread drafts for every network, undated: decent tips, no selling, "
                      "nothing repeated. Drafts have no cadence and, like any plan, no replies "
                      "to judge.",
                      _file("buffer", "buffer-all-platforms.csv")),
    "buffer schedule": (85, "A month of scheduled hustle tips, four a day (within the norm); 17 "
                        "of 100 plug the author's app, within one in five; some ask for replies "
                        "below. A plan: nothing to say about conversation.",
                        _file("buffer", "buffer-30-day-schedule.csv")),
    "bluesky benoist": (75, "Three days of a page: 28 reposts of others (curation) and 2 own "
                        "posts with undescribed pictures. Too short to judge conversation; two "
                        "own posts are no cadence problem.",
                        _file("bluesky", "benoist_getAuthorFeed.json")),
    "visbot": (40, "An art collective's archive: in 2011 an auto-poster (263 'I uploaded a "
               "YouTube video' posts in one day), later throwbacks and reposts; 86 broadcasts "
               "for each reply. A spam engine in its busiest years.",
               _file("x_archive", "visbot_tweets.js")),
    "hbc sponsors": (25, "One sponsor-thanks template 23 times in 11 hours, the same sponsor up to "
                     "six times. Crediting sponsors is fine; this is a scheduler on repeat.",
                     _file("hootsuite", "hbc_bsidesphilly_sponsors.csv")),
}


@pytest.fixture(scope="module")
def real_audits() -> dict[str, FeedAudit]:
    """Each real feed audited once for the tests below, as of the day after its last post."""
    assert REALDATA.is_dir(), f"real data folder not found: {REALDATA}"
    audits = {}
    for name, (_, _, load) in EXPERT.items():
        feed = load(REALDATA)  # type: ignore[operator]
        audits[name] = audit_feed(feed, RULES, as_of=_end(feed))
    return audits


def test_the_hbc_sponsor_schedule_is_a_spam_engine(real_audits: dict[str, FeedAudit]) -> None:
    """Below 40 on two habits that no rewording of a rule makes go away: all 23 posts within
    11 hours (bursts: timing alone), and the same sponsor's thank-you repeated word for word
    up to six times (repeat-post, however it compares texts). Each is as bad as it gets, and
    no other habit can make up for them. A bulk-schedule file never holds replies, so its
    conversation is not judged: it weighs 0, neither a fault nor a perfect 100."""
    result = real_audits["hbc sponsors"]
    assert result.health.score < 40
    cadence = next(f for f in result.findings if f.rule == "overposting")
    assert cadence.message.startswith("23 of 23 posts went out in bursts")
    assert "23 posts in 11 hours" in cadence.evidence
    for component in ("repetition", "cadence"):
        assert result.health.components[component].score <= 20, component
    assert result.health.components["conversation"].rules == []
    assert result.health.components["conversation"].weight == 0


def test_visbot_is_clearly_below_55(real_audits: dict[str, FeedAudit]) -> None:
    """Below 50 on conversation and promotion alone: about 2,000 broadcasts for a few dozen
    replies to others, and most posts announce its own uploads and releases (1,410 "I
    uploaded a @YouTube video"). Neither depends on how repeats are clustered or how long a
    post is, and the score stays below 50 even if repeat-post found nothing at all in this
    archive. The 2011 bursts are history: cadence judges what the account does now."""
    result = real_audits["visbot"]
    assert result.health.score < 50
    assert result.health.components["conversation"].score <= 20
    assert result.health.components["promotion"].score <= 50
    feed = load_feed(REALDATA / "x_archive" / "visbot_tweets.js")
    no_repeats = RuleSet.from_config(RulesConfig(ignore=["repeat-post", "link-flood", "stale-latest"]))
    assert audit_feed(feed, no_repeats, as_of=_end(feed)).health.score < 50


def test_the_support_desk_scores_85_or_more(real_audits: dict[str, FeedAudit]) -> None:
    """Every post is a reply to a customer, so no broadcast rule applies; a post rule that
    starts flagging a few replies costs its share (two of 44 at warning level: about 3 points)."""
    result = real_audits["twcs brand side"]
    assert result.stats.replies == result.stats.posts >= 13  # at least the busiest desk's answers
    assert result.health.score >= 85
    assert not {"broadcast-only", "engagement-gap"} & set(result.health.components["conversation"].rules)


@pytest.mark.parametrize("name", ["mastodon", "linchwyjournal"])
def test_healthy_real_feeds_score_80_or_more(real_audits: dict[str, FeedAudit], name: str) -> None:
    """Both talk with people and never repeat or sell. What they get wrong (pictures without
    alt text on up to a quarter of the posts, a long post now and then) is accessibility
    (1/12 of the score) and info-level advice (at most 10% of a component)."""
    assert real_audits[name].health.score >= 80


def test_real_feeds_rank_as_the_expert_ranks_them(real_audits: dict[str, FeedAudit]) -> None:
    """Feeds the expert sets 10 or more points apart come out in the same order, and no
    score is more than 15 points from the expert's (rule changes move scores by a few points;
    a wrong order or a 15-point gap means the score no longer says what it means)."""
    scores = {name: audit.health.score for name, audit in real_audits.items()}
    for (a, (expert_a, _, _)), (b, (expert_b, _, _)) in itertools.combinations(EXPERT.items(), 2):
        if expert_a - expert_b >= 10:
            assert scores[a] > scores[b], (a, b, scores)
    far = {n: (scores[n], e) for n, (e, _, _) in EXPERT.items() if abs(scores[n] - e) > 15}
    assert not far, far


def test_no_real_feed_score_moves_without_a_finding_saying_why(
    real_audits: dict[str, FeedAudit]
) -> None:
    for name, result in real_audits.items():
        found = {f.rule for f in result.findings}
        for component in result.health.components.values():
            assert (component.score < 100) == bool(component.rules), (name, component)
            assert set(component.rules) <= found, (name, component)
        assert (result.health.score < 100) == any(c.rules for c in result.health.components.values())


def test_a_feed_in_another_language_is_no_less_healthy_for_it() -> None:
    """The note that the English-only rules could not read a feed's posts moves no component:
    the health of a Spanish feed is the health of the same feed without the note."""
    feed = healthy()
    for post in feed.posts:
        if post.kind == "post":
            post.text = f"Nuestro equipo comparte hoy las ideas de la semana con todos {post.urls[0]}"
    noted = audit(feed)
    plain = audit_feed(feed, RuleSet.from_config(RulesConfig(ignore=["not-english"])),
                       as_of=AS_OF, own_domains=OWN)
    note = [f for f in noted.findings if f.rule == "not-english"]
    assert len(note) == 1 and note[0].severity == "info"
    assert noted.health == plain.health
    assert all("not-english" not in c.rules for c in noted.health.components.values())
