"""Feed rules: each one fires on a feed that breaks the norm and stays quiet on one that keeps it."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta, timezone

import pytest

from assistant.audit import audit_feed
from assistant.checks.neardup import BRUTE_FORCE_MAX, near_duplicate_labels
from assistant.checks.registry import FeedContext, Hit, all_rules
from assistant.checks.ruleset import RuleSet
from assistant.config import RulesConfig
from assistant.models import Account, Feed, FeedAudit, Media, Post

START = datetime(2026, 10, 1, 8, 0, tzinfo=UTC)
AS_OF = START + timedelta(days=30)
OWN = frozenset({"bp.agency"})
FEED_RULES = {
    "repeat-post", "stale-latest", "link-flood", "self-promo-ratio", "broadcast-only",
    "engagement-gap", "repeated-image", "overposting", "long-blog-post",
}
_rnd = random.Random(11)
_WORDS = ["audience", "brand", "story", "campaign", "insight", "data", "client", "trust", "community", "video", "design", "strategy", "research", "trend", "launch", "team", "culture", "feedback", "report", "survey", "growth", "content", "channel", "idea", "question", "answer", "lesson", "budget", "pitch", "workshop"]


def varied() -> str:
    """A sentence unlike any other in the feed."""
    return " ".join(_rnd.choice(_WORDS) for _ in range(12)).capitalize() + "."


def at(hours: float, text: str | None = None, kind: str = "post", **fields: object) -> Post:
    at.n += 1  # type: ignore[attr-defined]
    return Post(id=f"p{at.n}", created_at=START + timedelta(hours=hours),  # type: ignore[attr-defined]
                text=varied() if text is None else text, kind=kind, **fields)


at.n = 0  # type: ignore[attr-defined]


def feed(posts: list[Post], platform: str = "x") -> Feed:
    return Feed(account=Account(name="@bp", platform=platform), posts=sorted(posts, key=lambda p: p.created_at))


def hits(rule_id: str, posts: list[Post], platform: str = "x", **thresholds: object) -> list[Hit]:
    rules = RuleSet.from_config(RulesConfig(select=[rule_id], thresholds={rule_id: thresholds}))
    active = rules.by_id[rule_id]
    context = FeedContext(active.thresholds, AS_OF, OWN)
    return list(active.rule.feed(feed(posts, platform), context) or ())  # type: ignore[misc]


def test_every_feed_rule_is_declared_with_a_rationale_and_a_component() -> None:
    registry = all_rules()
    for rule_id in FEED_RULES:
        declared = registry[rule_id]
        assert declared.feed is not None and len(declared.rationale) > 40
    assert "80/20" in registry["self-promo-ratio"].rationale
    assert "4-1-1" in registry["self-promo-ratio"].rationale
    assert "23" in registry["broadcast-only"].rationale and "Sprout" in registry["broadcast-only"].rationale


# repeat-post

def test_repeat_post_counts_a_post_posted_again_and_again() -> None:
    text = "Five things we learned running SEO audits for forty local shops this year"
    repeats = [at(24 * d, f"{text} https://bp.agency/blog/seo?utm_source=d{d}") for d in range(4)]
    found = hits("repeat-post", [*repeats, *(at(h) for h in range(5, 90, 7))])
    assert len(found) == 1
    assert "went out 4 times" in found[0].message and "x4" in found[0].evidence
    assert "2026-10-01" in found[0].evidence and "2026-10-04" in found[0].evidence
    assert found[0].examples == tuple(p.id for p in repeats)


def test_repeat_post_joins_near_copies_but_not_posts_that_only_share_a_link() -> None:
    posts = [
        at(0, "We rebuilt the onboarding flow for new clients this week and it shows"),
        at(30, "@ana we rebuilt the onboarding flow for our new clients this week and it shows!"),
        at(50, "Reels beat carousels, here is why https://bp.agency/blog/reels"),
        at(70, "Still thinking about formats? https://www.bp.agency/blog/reels/"),
        *(at(h) for h in range(80, 200, 9)),
    ]
    found = hits("repeat-post", posts)
    assert [h.examples for h in found] == [(posts[0].id, posts[1].id)]
    assert found[0].message.startswith("Nearly the same words went out 2 times")


def test_repeat_post_keeps_a_year_of_different_news_linking_one_page_apart() -> None:
    # Investor-relations style: a different announcement every four days, all linking one page.
    news = [at(96 * i, f"{varied()} https://bp.agency/investors/news") for i in range(90)]
    assert hits("repeat-post", news) == []


def test_repeat_post_tells_one_link_pushed_in_new_words_from_a_reshare() -> None:
    pushed = [at(24 * d, f"{varied()} https://bp.agency/blog/seo") for d in range(6)]
    found = hits("repeat-post", [*pushed, *(at(h) for h in range(3, 140, 11))])
    assert len(found) == 1
    assert found[0].message == "The same link with different words went out 6 times in 6 days: bp.agency/blog/seo"
    assert "6 wordings" in found[0].evidence and found[0].examples == tuple(p.id for p in pushed[:5])
    assert hits("repeat-post", pushed[:4]) == []  # a reshare schedule, not a push


def test_repeat_post_reads_mentions_and_links_as_part_of_the_post() -> None:
    shows = [at(0, "Our founder Ana talks calm content calendars on @showA tonight at 8"),
             at(30, "Our founder Ana talks calm content calendars on @showB tonight at 8")]
    videos = [at(40 + i, f"I uploaded a @YouTube video https://youtu.be/v{i} [VB067] {name}")
              for i, name in enumerate(["dissipate", "balloons", "blossom"])]
    assert hits("repeat-post", shows + videos) == []
    again = at(45, "I uploaded a @YouTube video https://youtu.be/v1 [VB067] balloons")
    found = hits("repeat-post", [*shows, *videos, again])
    assert [h.examples for h in found] == [(videos[1].id, again.id)]
    assert found[0].message.startswith("The same words and the same link went out 2 times")


def test_repeat_post_is_quiet_for_evergreen_reposts_replies_and_home_page_links() -> None:
    text = "Five things we learned running SEO audits for forty local shops this year"
    posts = [
        at(0, text), at(24 * 40, text),  # two months apart
        at(5, "Thanks for reaching out, we will look into it today", kind="reply"),
        at(6, "Thanks for reaching out, we will look into it today", kind="reply"),
        at(7, "Morning from the studio https://bp.agency"), at(30, "Briefs all day https://bp.agency/"),
    ]
    assert hits("repeat-post", posts) == []


def test_repeat_post_impact_grows_with_the_share_of_repeats() -> None:
    text = "Five things we learned running SEO audits for forty local shops this year"
    few = hits("repeat-post", [at(0, text), at(5, text), *(at(h) for h in range(6, 300, 3))])
    many = hits("repeat-post", [*(at(h, text) for h in range(0, 60, 3)), *(at(h) for h in range(61, 90, 3))])
    assert 0 < few[0].impact < many[0].impact == 1.0


def test_near_duplicates_scale_past_brute_force_with_lsh() -> None:
    rnd = random.Random(5)
    words = [f"w{i}" for i in range(5000)]
    texts = [" ".join(rnd.sample(words, 16)) for _ in range(BRUTE_FORCE_MAX * 4)]
    planted = texts[7].split()
    texts.append(" ".join(planted[:-1] + ["changed"]))  # near copy of 7
    texts.append(texts[99])  # exact copy of 99
    labels = near_duplicate_labels(texts)
    assert labels[-2] == 7 and labels[-1] == 99
    assert len(set(labels)) == len(texts) - 2


# stale-latest

def test_stale_latest_flags_the_same_latest_links_every_day() -> None:
    links = [f"https://bp.agency/blog/{slug}" for slug in ("seo", "reels", "ai")]
    posts = [at(26 * d + i, f"Our latest post is up! {link}") for d in range(5) for i, link in enumerate(links)]
    found = hits("stale-latest", posts)
    assert len(found) == 1
    assert found[0].message.startswith("12 posts call a link new")
    assert "first posted 2026-10-01" in found[0].evidence and found[0].impact == 1.0


def test_stale_latest_is_quiet_when_each_latest_link_is_new() -> None:
    posts = [at(24 * d, f"Our latest post is up! https://bp.agency/blog/post-{d}") for d in range(10)]
    posts.append(at(300, "From the archive: https://bp.agency/blog/post-1"))
    assert hits("stale-latest", posts) == []


def test_stale_latest_leaves_a_reminder_alone_while_the_latest_still_is_the_latest() -> None:
    report = "https://bp.agency/reports/2026-benchmark"
    posts = [
        at(0, f"Our latest report: what 400 agencies post and what works {report}"),
        at(50, f"{varied()} https://news.example.org/industry"),  # someone else's news is not ours
        at(24 * 7, f"ICYMI, our latest report on what actually works {report}"),
    ]
    assert hits("stale-latest", posts) == []


def test_stale_latest_fires_once_something_newer_came_out() -> None:
    report = "https://bp.agency/reports/2026-benchmark"
    posts = [
        at(0, f"Our latest report: what 400 agencies post and what works {report}"),
        at(24 * 3, f"{varied()} https://blog.bp.agency/posts/reply-times"),  # a newer piece, own site
        at(24 * 7, f"ICYMI, our latest report on what actually works {report}"),
    ]
    found = hits("stale-latest", posts)
    assert len(found) == 1 and found[0].examples == (posts[2].id,)
    assert "blog.bp.agency/posts/reply-times came out since" in found[0].evidence


def test_stale_latest_fires_when_new_is_said_of_an_article_months_old() -> None:
    """Once more after six months, "NEW on the blog" is untrue whatever came after it; a
    "latest" that still is the latest is not."""
    article = "https://bp.agency/blog/charity-newsletters"
    posts = [at(0, f"How charities can use LinkedIn newsletters {article}"),
             at(24 * 193, f"NEW on the blog: LinkedIn newsletters for charities {article}")]
    found = hits("stale-latest", posts)
    assert len(found) == 1 and found[0].examples == (posts[1].id,)
    assert found[0].evidence.endswith("called new once since; the first 193 days later")
    posts[1] = at(24 * 193, f"Our latest guide, in case you missed it {article}")
    assert hits("stale-latest", posts) == []


def test_stale_latest_fires_when_the_same_latest_keeps_coming_back() -> None:
    report = "https://bp.agency/reports/2026-benchmark"
    posts = [at(48 * d, f"Our latest report is out {report}") for d in range(3)]
    found = hits("stale-latest", posts)
    assert len(found) == 1 and found[0].examples == (posts[1].id, posts[2].id)
    assert "went out 3 times in all" in found[0].evidence
    assert hits("stale-latest", posts[:2]) == []  # once again is a reminder
    assert hits("stale-latest", posts, comebacks=3) == []


# link-flood

def test_link_flood_flags_one_link_three_times_in_a_day() -> None:
    posts = [at(h, f"{varied()} https://bp.agency/offer") for h in (1, 5, 9)] + [at(h) for h in range(30, 90, 6)]
    found = hits("link-flood", posts)
    assert len(found) == 1 and "3 times within 24 hours" in found[0].message
    assert found[0].examples == tuple(p.id for p in posts[:3])


def test_link_flood_says_on_how_many_days_it_happened() -> None:
    """A flood every day for three weeks read like one busy day: "posted 3 times within 24
    hours (61 posts at or over the limit in all)". The days are counted, and the count of
    posts says what it counts."""
    posts = [at(24 * d + h, f"{varied()} https://bp.agency/offer") for d in range(21) for h in (1, 5, 9)]
    [found] = hits("link-flood", posts)
    assert found.message == ("bp.agency/offer was posted 3 times within 24 hours, "
                             "and 3 or more times in 24 hours on 21 days")
    assert found.evidence.endswith("(61 posts in all were its 3rd or later in 24 hours)")


def test_one_burst_across_midnight_is_one_flood_not_two_days() -> None:
    """Four posts from 21:00 to 00:30 UTC span two dates but are one flood; a count of one
    post takes "was"."""
    posts = [at(h, f"{varied()} https://bp.agency/offer") for h in (13, 14, 15, 16.5)]  # START is 08:00
    [found] = hits("link-flood", posts)
    assert found.message == "bp.agency/offer was posted 4 times within 24 hours"
    assert found.evidence.endswith("(2 posts in all were its 3rd or later in 24 hours)")
    [single] = hits("link-flood", posts[:3])
    assert single.evidence.endswith("(1 post in all was its 3rd or later in 24 hours)")


def test_link_flood_counts_someone_elses_home_page_but_not_our_signature() -> None:
    sponsor = [at(h, f"{varied()} https://www.nostarch.com/") for h in (1, 5, 9)]
    found = hits("link-flood", sponsor)
    assert len(found) == 1 and found[0].message == "nostarch.com was posted 3 times within 24 hours"
    ours = [at(h, f"{varied()} https://bp.agency") for h in range(0, 30, 2)]
    assert hits("link-flood", ours) == []  # bp.agency is one of our own domains (OWN)
    signed = [at(h, f"{varied()} https://brightpixel.example") for h in range(0, 30, 2)]
    rules = RuleSet.from_config(RulesConfig(select=["link-flood"]))
    unknown = FeedContext(rules.by_id["link-flood"].thresholds, AS_OF)  # no own domains given
    assert list(rules.by_id["link-flood"].rule.feed(feed(signed), unknown)) == []  # type: ignore[misc]
    assert len(list(rules.by_id["link-flood"].rule.feed(feed(sponsor), unknown))) == 1  # type: ignore[misc]


def test_link_flood_is_quiet_for_the_same_link_on_three_days_and_respects_the_threshold() -> None:
    assert hits("link-flood", [at(h, f"{varied()} https://bp.agency/offer") for h in (1, 30, 60)]) == []
    two = [at(h, f"{varied()} https://bp.agency/offer") for h in (1, 5)]
    assert hits("link-flood", two) == [] and len(hits("link-flood", two, per_day=2)) == 1


# self-promo-ratio

def test_self_promo_ratio_flags_a_feed_about_ourselves() -> None:
    own = [at(h, f"{varied()} https://bp.agency/blog/{h}") for h in range(0, 12, 2)]
    others = [at(h, f"{varied()} https://news.example.org/{h}") for h in range(1, 12, 2)]
    found = hits("self-promo-ratio", own + others)
    assert "6 of 12 posts (50%)" in found[0].message and found[0].examples[0] == own[0].id
    assert found[0].impact == pytest.approx((0.5 - 0.2) / 0.8)


def test_self_promo_ratio_is_quiet_at_one_in_five_and_counts_reposts_as_sharing() -> None:
    own = [at(h, f"{varied()} https://bp.agency/blog/{h}") for h in (0, 1)]
    shares = [at(h, varied(), kind="repost") for h in range(2, 10)]
    assert hits("self-promo-ratio", own + shares) == []


def guessed(posts: list[Post], account: str = "@bp") -> list[Hit]:
    """self-promo-ratio on a feed audited with no own domain given."""
    active = RuleSet.from_config(RulesConfig(select=["self-promo-ratio"])).by_id["self-promo-ratio"]
    context = FeedContext(active.thresholds, AS_OF, frozenset())
    audited = Feed(account=Account(name=account), posts=sorted(posts, key=lambda p: p.created_at))
    return list(active.rule.feed(audited, context) or ())  # type: ignore[misc]


def test_with_no_own_domain_the_domain_named_after_the_account_is_its_own() -> None:
    posts = [at(h, f"{varied()} https://blog.flowdesk.example/{h}") for h in range(6)]
    posts += [at(h) for h in range(6, 12)]
    found = guessed(posts, account="@flowdesk")
    assert "6 of 12 posts (50%)" in found[0].message
    assert "blog.flowdesk.example taken as the account's own site" in found[0].message


def test_with_no_own_domain_the_domain_its_our_blog_posts_link_is_its_own() -> None:
    """"NEW on the blog:" and "our latest post" say whose site it is; the same site's links
    without those words are ours as well."""
    said = [at(h, f"NEW on the blog: {varied()} https://notes.example/{h}") for h in range(2)]
    said += [at(h, f"Our latest post: {varied()} https://notes.example/{h}") for h in range(2, 4)]
    plain = [at(h, f"{varied()} https://notes.example/{h}") for h in range(4, 8)]
    others = [at(h) for h in range(8, 12)]
    found = guessed(said + plain + others)
    assert "8 of 12 posts (67%)" in found[0].message


@pytest.mark.parametrize("text", [
    "{words} https://news.example.com/{h}",
    "Our pick of the day: {words} https://news.example.com/{h}",
    "Must read from our friends at the paper: {words} https://news.example.com/{h}",
])
def test_a_curator_linking_one_news_site_a_lot_is_not_promoting_itself(text: str) -> None:
    posts = [at(h, text.format(words=varied(), h=h)) for h in range(12)]
    assert guessed(posts, account="@dailypicks") == []


def test_a_platform_others_publish_on_is_never_guessed_to_be_ours() -> None:
    """Two "our new video" posts on YouTube do not make every YouTube link ours."""
    own = [at(h, f"Our new video: {varied()} https://youtu.be/own{h}") for h in range(2)]
    shared = [at(h, f"{varied()} https://youtu.be/other{h}") for h in range(2, 12)]
    assert guessed(own + shared) == []


def test_one_our_blog_post_on_a_site_does_not_make_the_site_ours() -> None:
    once = [at(0, "Our new article is on the paper's site today https://news.example.com/0")]
    posts = once + [at(h, f"{varied()} https://news.example.com/{h}") for h in range(1, 12)]
    assert guessed(posts) == []


def test_own_domains_given_are_used_as_given_and_nothing_is_guessed() -> None:
    posts = [at(h, f"NEW on the blog: {varied()} https://notes.example/{h}") for h in range(6)]
    posts += [at(h) for h in range(6, 12)]
    found = hits("self-promo-ratio", posts)  # bp.agency given
    assert "6 of 12 posts (50%)" in found[0].message and "taken as" not in found[0].message


# broadcast-only and engagement-gap

def test_broadcast_only_flags_a_feed_that_never_answers() -> None:
    found = hits("broadcast-only", [at(h) for h in range(0, 300, 10)])
    assert "30 broadcasts for 0 replies" in found[0].message and found[0].impact == 1.0


def test_broadcast_only_counts_replies_to_others_not_own_threads() -> None:
    posts = [at(h) for h in range(0, 200, 10)]
    thread = [at(h + 1, kind="reply", in_reply_to=p.id) for h, p in zip(range(0, 200, 10), posts, strict=True)]
    assert len(hits("broadcast-only", posts + thread)) == 1
    talks = [at(h + 2, kind="reply", in_reply_to=f"someone-{h}") for h in range(0, 200, 40)]
    assert hits("broadcast-only", posts + talks) == []


def test_engagement_gap_counts_the_days_from_the_last_reply_to_the_last_broadcast() -> None:
    posts = [at(0, kind="reply", in_reply_to="x1"), *(at(24 * d) for d in range(1, 30))]
    (found,) = hits("engagement-gap", posts)
    assert found.message == ("29 days without a conversation while still posting: last replied to someone on "
                             "2026-10-01; 29 broadcasts since, from 2026-10-02 to 2026-10-30")
    assert 0 < found.impact < 1


def test_engagement_gap_ends_at_the_last_broadcast_not_at_the_audit() -> None:
    """The quiet time after the last post is no gap: a feed audited a year after it went
    dormant reads as it did the day it stopped, and never claims days it does not cover."""
    posts = [at(0, kind="reply", in_reply_to="x1"), *(at(24 * d) for d in range(1, 30))]
    at_the_end = hits("engagement-gap", posts)
    rule = RuleSet.from_config(RulesConfig(select=["engagement-gap"])).by_id["engagement-gap"]
    a_year_on = FeedContext(rule.thresholds, AS_OF + timedelta(days=365), OWN)
    assert list(rule.rule.feed(feed(posts), a_year_on) or ()) == at_the_end  # type: ignore[misc]
    quiet_since = [at(0, kind="reply", in_reply_to="x2"), *(at(24 * d) for d in range(1, 10))]
    assert hits("engagement-gap", quiet_since) == []  # 9 days of posting, then 20 quiet ones


def test_engagement_gap_is_judged_in_the_whole_days_it_shows() -> None:
    """14.4 days read "14 days": no breach of a 14-day norm (a Mastodon page said just that)."""
    replied = at(0, kind="reply", in_reply_to="x3")
    daily = [at(24 * d) for d in range(1, 14)]
    assert hits("engagement-gap", [replied, *daily, at(24 * 14 + 10)]) == []
    (found,) = hits("engagement-gap", [replied, *daily, at(24 * 14 + 14)])
    assert found.message.startswith("15 days without a conversation while still posting")


def test_engagement_gap_is_quiet_after_a_recent_reply_or_on_a_dormant_account() -> None:
    recent = [*(at(24 * d) for d in range(25)), at(24 * 25, kind="reply", in_reply_to="x")]
    assert hits("engagement-gap", recent) == []
    dormant = [at(0), at(1, kind="reply", in_reply_to="x")]  # nothing posted since the reply
    assert hits("engagement-gap", dormant) == []


# repeated-image

def test_repeated_image_spots_the_same_picture_behind_different_urls() -> None:
    stock = [Media(url=f"https://cdn.bp.agency/{i}.jpg", content_hash="abc123") for i in range(6)]
    posts = [at(h, media=[m]) for h, m in zip(range(6), stock, strict=True)] + [at(h) for h in range(6, 12)]
    found = hits("repeated-image", posts)
    assert "6 of 12 posts (50%)" in found[0].message and found[0].evidence == "abc123"


def test_repeated_image_is_quiet_for_a_logo_on_a_few_posts() -> None:
    logo = Media(url="https://cdn.bp.agency/logo.png")
    posts = [at(h, media=[logo]) for h in range(2)] + [at(h) for h in range(2, 20)]
    assert hits("repeated-image", posts) == []


def test_repeated_image_leaves_a_blogs_template_images_alone() -> None:
    """A blog's images are read from its articles' HTML: a logo in every article is the
    blog's template; the same picture on every social post is the habit."""
    logo = Media(url="https://bp.agency/wp-content/uploads/signature.png")
    posts = [at(24 * d, media=[logo]) for d in range(10)]
    assert hits("repeated-image", posts, platform="blog") == []
    assert "10 of 10 posts" in hits("repeated-image", posts, platform="linkedin")[0].message


# overposting

def test_overposting_uses_the_platform_norm() -> None:
    three_a_day = [at(24 * d + h) for d in range(10) for h in (1, 5, 9)]
    assert hits("overposting", three_a_day, platform="x") == []
    found = hits("overposting", three_a_day, platform="facebook")
    assert "3.0 posts a day on Facebook" in found[0].message and found[0].impact == pytest.approx(0.25)


def test_overposting_rates_the_recent_window_and_ignores_replies() -> None:
    old_busy = [at(24 * d + h) for d in range(4) for h in (1, 4, 7, 10, 13, 16, 19)]  # 7 a day, then calm
    calm = [at(24 * d + 3) for d in range(5, 30)]
    replies = [at(24 * d + 4 + i / 10, kind="reply", in_reply_to="x") for d in range(5, 30) for i in range(10)]
    assert hits("overposting", old_busy + calm + replies, window_days=14) == []
    assert "5.6 posts a day on X on the 5 days it posted in the 14 days to its last post" in hits(
        "overposting", old_busy, window_days=14)[0].message


def test_overposting_says_the_rate_is_per_day_posted_not_per_day_of_the_window() -> None:
    """Ten posts on each of 3 days in a 28-day window: 10 a day on the days it posted, and
    the message says so, not "10 a day over the last 28 days"."""
    bursts = [at(24 * d + h) for d in (0, 10, 20) for h in range(10)]
    [found] = hits("overposting", bursts, platform="x")
    assert found.message.startswith("10.0 posts a day on X on the 3 days it posted in the 28 days to its last post")


def test_a_burst_is_overposting_even_on_a_short_export() -> None:
    """The Hootsuite sponsor file: 23 posts every 30 minutes, 11 hours, one day. Too few days
    for a rate; a burst all the same."""
    schedule = [at(0.5 * i) for i in range(23)]
    found = hits("overposting", schedule)
    assert len(found) == 1 and found[0].impact == 1.0
    assert found[0].message == ("23 of 23 posts went out in bursts of more than 10 within 24 hours "
                                "(on 1 day); the norm on X is at most 5 a day")
    assert found[0].evidence.startswith("23 posts in 11 hours, ")
    assert found[0].examples == tuple(p.id for p in schedule[:5])


def test_bursts_count_wherever_they_are_in_the_feed_by_their_share() -> None:
    old_burst = [at(h / 2) for h in range(20)]  # 20 posts in ten hours, then a calm month
    calm = [at(24 * d + 3) for d in range(2, 62)]
    found = hits("overposting", old_burst + calm)
    assert len(found) == 1 and "20 of 80 posts went out in bursts" in found[0].message
    assert found[0].impact == pytest.approx(0.25)


def test_bursts_and_rate_judge_what_the_account_does_now_not_years_ago() -> None:
    """An archive's auto-poster years back is history; the recent months are the habit."""
    years_ago = [at(h / 2 - 24 * 700) for h in range(40)]  # 40 posts in 20 hours, two years back
    calm = [at(24 * d + 3) for d in range(0, 120, 2)]
    assert hits("overposting", years_ago + calm) == []
    assert hits("overposting", years_ago + calm, burst_window_days=1000)


def test_reposts_are_curation_not_overposting() -> None:
    """A spree of reposts passes on others' posts; what the account writes is two posts."""
    spree = [at(h / 4, kind="repost") for h in range(28)] + [at(30), at(50)]
    assert hits("overposting", spree) == []
    assert hits("overposting", [at(h / 4) for h in range(28)])


def test_a_busy_day_within_twice_the_norm_is_not_a_burst_and_replies_never_are() -> None:
    event_day = [at(h) for h in range(10)]  # ten on a conference day: twice the X norm, not more
    calm = [at(24 * d + 3) for d in range(1, 30)]
    answers = [at(12 + i / 6, kind="reply", in_reply_to="x") for i in range(60)]  # an hour of answers
    assert hits("overposting", event_day + calm + answers) == []
    assert hits("overposting", [at(h) for h in range(11)] + calm)[0].message.startswith("11 of 40")


def test_burst_thresholds_come_from_config() -> None:
    four_in_an_hour = [at(24 * d + m / 60) for d in range(0, 30, 3) for m in (0, 15, 30, 45)]
    assert hits("overposting", four_in_an_hour) == []  # four a day on X is within the norm
    found = hits("overposting", four_in_an_hour, burst_hours=1, burst_ratio=0.6)
    assert "40 of 40 posts went out in bursts of more than 3 within 1 hour (on 10 days)" in found[0].message


def test_undated_drafts_are_not_a_burst() -> None:
    epoch = datetime(1970, 1, 1, tzinfo=UTC)
    drafts = [Post(id=f"d{i}", created_at=epoch, text=varied()) for i in range(29)]
    assert hits("overposting", drafts) == []


def test_instagram_is_judged_by_the_week_its_norm_is_given_in() -> None:
    """Instagram's norm is 3-7 posts a week (README). A studio posting twice on Tuesdays and
    twice on Fridays, 4 a week, answering comments and describing every picture, read as
    "2.0 posts a day on Instagram on the 8 days it posted; the norm is at most 1" and its
    cadence fell to 57. Twice every day is 14 a week: that is overposting, and so is a
    scheduler's 23 posts in 11 hours."""
    picture = [Media(url="https://cdn.example/pot.jpg", alt="A blue glazed bowl on the workbench")]
    # START is a Thursday: days 5 and 8 of each week are a Tuesday and a Friday
    hours = [24 * (7 * week + day) + hour for week in range(3) for day in (5, 8) for hour in (1, 7)]
    tue_fri = [at(h, media=picture) for h in hours]
    answers = [at(h + 2, kind="reply", in_reply_to=f"c{h}") for h in hours]
    assert hits("overposting", tue_fri, platform="instagram") == []
    studio = audit_feed(feed(tue_fri + answers, platform="instagram"), RuleSet.from_config(), as_of=AS_OF)
    assert studio.health.components["cadence"].score == 100
    daily = [at(24 * day + hour) for day in range(28) for hour in (1, 7)]
    [found] = hits("overposting", daily, platform="instagram")
    assert found.message == ("14 posts in 7 days on Instagram (its busiest week in the 28 days to its last "
                             "post); the norm is at most 7 a week")
    assert found.impact == pytest.approx(0.5) and len(found.posts) == 56
    [burst] = hits("overposting", [at(0.5 * i) for i in range(23)], platform="instagram")
    assert burst.message.startswith("23 posts in 7 days on Instagram") and burst.impact == 1.0


# long-blog-post

def test_long_blog_post_flags_very_long_articles_on_blog_feeds_only() -> None:
    long_text = "<p>" + " ".join(["word"] * 3500) + "</p>"
    posts = [at(0, long_text, platform="blog", title="Everything about SEO"), at(24, "Short note.")]
    found = hits("long-blog-post", posts, platform="blog")
    assert "1 of 2 articles" in found[0].message and "Everything about SEO" in found[0].evidence
    on_x = [at(0, long_text), at(24, "Short note.")]
    assert hits("long-blog-post", on_x, platform="x") == []
    assert hits("long-blog-post", posts, platform="blog", max_words=5000) == []


@pytest.mark.parametrize("url", [
    "https://bp.agency/blog/1", "https://www.BP.agency/x?utm_source=y", "https://blog.bp.agency/a",
    "https://notbp.agency/a", "www.bp.agency", "https://example.org/bp.agency",
])
def test_self_promo_counts_own_links_exactly_like_the_shared_signal(url: str) -> None:
    from assistant.checks.rules.promotion import own_link
    from assistant.checks.signals import links_to

    post = Post(id="a", created_at=START, text=f"Read {url}")
    assert own_link(post, OWN) == links_to(post, OWN)


def test_a_schedule_or_drafts_file_is_not_judged_on_conversation() -> None:
    """Replies are never scheduled: a plan (a bulk-upload file, `Feed.planned`) says nothing
    about conversation. The same posts as a published feed are broadcast-only."""
    posts = [at(24 * day) for day in range(20)]
    for rule_id in ("broadcast-only", "engagement-gap"):
        active = RuleSet.from_config(RulesConfig(select=[rule_id])).by_id[rule_id]
        context = FeedContext(active.thresholds, AS_OF, OWN)
        published = Feed(account=Account(name="@bp"), posts=posts)
        planned = published.model_copy(update={"planned": True})
        assert list(active.rule.feed(published, context) or ()), rule_id  # type: ignore[misc]
        assert list(active.rule.feed(planned, context) or ()) == [], rule_id  # type: ignore[misc]


@pytest.mark.parametrize("epoch", [
    datetime(1970, 1, 1, tzinfo=UTC),
    datetime(1969, 12, 31, 19, tzinfo=timezone(timedelta(hours=-5))),  # the same instant in New York
], ids=["utc", "west-of-utc"])
def test_undated_drafts_have_no_conversation_gap(epoch: datetime) -> None:
    """Buffer drafts imported at the epoch are not "20,000 days without a reply", in
    whatever zone the importer wrote the epoch."""
    drafts = [Post(id=f"d{i}", created_at=epoch, text=varied()) for i in range(3)]
    published = [at(24 * d) for d in range(1, 30)]  # a month of posts, no reply
    found = hits("engagement-gap", [*drafts, *published])
    assert found[0].message == ("28 days without a conversation while still posting: 29 broadcasts "
                                "from 2026-10-02 to 2026-10-30, no reply to anyone")
    assert hits("engagement-gap", drafts) == []


def test_a_few_days_are_too_few_to_judge_conversation() -> None:
    """A three-day page of a feed has not had the time to show whom the account answers."""
    three_days = [at(h) for h in range(0, 72, 3)]
    assert hits("broadcast-only", three_days) == []
    assert hits("broadcast-only", three_days, min_days=2)


def test_a_blog_is_not_asked_to_reply() -> None:
    """Conversation rules judge social accounts; a blog's articles have nobody to answer."""
    articles = [at(24 * day) for day in range(20)]
    for rule_id in ("broadcast-only", "engagement-gap"):
        assert hits(rule_id, articles, platform="x"), rule_id
        assert hits(rule_id, articles, platform="blog") == [], rule_id


def test_a_blogs_links_to_itself_are_what_a_blog_is_but_selling_still_counts() -> None:
    articles = [at(24 * d, f"New article {varied()} https://bp.agency/blog/{d}") for d in range(12)]
    assert hits("self-promo-ratio", articles, platform="x")
    assert hits("self-promo-ratio", articles, platform="blog") == []
    offers = [at(24 * d, f"{varied()} Buy now: https://bp.agency/shop/{d}") for d in range(12)]
    assert hits("self-promo-ratio", offers, platform="blog")


def test_replies_to_people_weigh_against_self_promotion() -> None:
    """A developer who links his own blog in a quarter of his posts but answers people in
    most of what he writes is not an advert."""
    own = [at(h, f"Wrote about parsing {h} https://bp.agency/blog/{h}") for h in range(3)]
    others = [at(h) for h in range(3, 12)]
    talks = [at(h + 0.5, kind="reply", in_reply_to=f"someone-{h}") for h in range(3, 21)]
    assert hits("self-promo-ratio", own + others)
    assert hits("self-promo-ratio", own + others + talks) == []


@pytest.mark.parametrize("text", [
    "I uploaded a @YouTube video http://youtu.be/abc [VB178] 04 I'm Home",
    "#github release: webvsc v0.4.1 https://github.com/x/webvsc",
    "We've just released version 2 of the plugin",
    "New video is up: how we edit",
])
def test_announcing_ones_own_uploads_and_releases_is_self_promotion(text: str) -> None:
    posts = [at(h, f"{text} {h}") for h in range(8)] + [at(h) for h in range(8, 12)]
    assert hits("self-promo-ratio", posts)


@pytest.mark.parametrize("text", [
    "I liked a @YouTube video http://youtu.be/abc",
    "They released a new version of Python today",
    "Has anyone uploaded the slides yet?",
])
def test_others_releases_and_likes_are_not_self_promotion(text: str) -> None:
    posts = [at(h, f"{text} {h}") for h in range(8)] + [at(h) for h in range(8, 12)]
    assert hits("self-promo-ratio", posts) == []


def test_bulk_schedule_files_are_plans_and_published_exports_are_not() -> None:
    """What the importers say about each real export, as the audit reads it (one account)."""
    from assistant.sources import load_accounts
    from tests.conftest import REALDATA

    plans = ["hootsuite/hbc_bsidesphilly_sponsors.csv", "hootsuite/example.csv",
             "buffer/buffer-30-day-schedule.csv", "buffer/buffer-all-platforms.csv",
             "buffer/X_Buffer_Import_Template.csv"]
    published = ["x_archive/visbot_tweets.js", "bluesky/benoist_getAuthorFeed.json",
                 "support_tweets/twcs_sample.csv", "rss/TypePadNews.xml"]
    for name in plans + published:
        (account,) = load_accounts([REALDATA / name])
        assert account.feed.planned == (name in plans), name


# engagement-gap on real exports, audited long after they end (the CLI's default: now)

YEARS_LATER = datetime(2026, 11, 30, tzinfo=UTC)


def _real_audit(name: str, as_of: datetime | None = None) -> FeedAudit:
    """`assistant audit tests/realdata/NAME --as-of AS_OF`, by default the day after it ends."""
    from assistant.sources import load_accounts
    from tests.conftest import REALDATA

    (account,) = load_accounts([REALDATA / name])
    end = max(p.created_at for p in account.feed.posts) + timedelta(days=1)
    return audit_feed(account.feed, RuleSet.from_config(), as_of=as_of or end)


def _gaps(result: FeedAudit) -> list[str]:
    return [f.message for f in result.findings if f.rule == "engagement-gap"]


@pytest.mark.parametrize("name", ["x_archive/linchwyjournal_tweets.js",
                                  "x_archive/andreruffert_tweets.js"])
def test_an_account_that_replied_and_then_went_quiet_has_no_gap_years_later(name: str) -> None:
    """Both replied the day before their last post. Audited now they said "1480 days without
    a conversation, 2 broadcasts since" and scored 62 and 59 against 100 and 95: a dormant
    account is not ignoring anyone."""
    later = _real_audit(name, YEARS_LATER)
    assert _gaps(later) == []
    assert later.health.score == _real_audit(name).health.score


def test_andreruffert_two_months_after_its_last_post_keeps_its_score() -> None:
    """It replied on 2022-11-02 and posted once more the next day; at the end of 2022 that
    was "59 days without a conversation" and 71 instead of 95."""
    name = "x_archive/andreruffert_tweets.js"
    at_year_end = _real_audit(name, datetime(2022, 12, 31, tzinfo=UTC))
    assert _gaps(at_year_end) == []
    assert at_year_end.health.score == _real_audit(name).health.score


def test_a_two_day_page_never_shows_years_without_a_conversation() -> None:
    """The Bluesky page covers 2024-11-01 to 2024-11-03; audited now it said 759 days."""
    assert _gaps(_real_audit("bluesky/benoist_getAuthorFeed.json", YEARS_LATER)) == []


def test_visbots_gap_is_the_four_months_it_kept_posting_whenever_it_is_audited() -> None:
    """It last answered someone on 2022-07-23 and broadcast until 2022-11-21: 121 days, not
    the 1591 that ran on to the audit."""
    name = "x_archive/visbot_tweets.js"
    expected = ["121 days without a conversation while still posting: last replied to someone on 2022-07-23; "
                "44 broadcasts since, from 2022-08-01 to 2022-11-21"]
    assert _gaps(_real_audit(name)) == expected
    assert _gaps(_real_audit(name, YEARS_LATER)) == expected


def test_an_audit_before_the_feed_ends_measures_the_gap_to_then() -> None:
    """`--as-of` still cuts the feed: posts after it are not published yet."""
    posts = [at(0, kind="reply", in_reply_to="x1"), *(at(24 * d) for d in range(1, 60))]
    mid = audit_feed(feed(posts), RuleSet.from_config(RulesConfig(select=["engagement-gap"])),
                     as_of=START + timedelta(days=20, hours=12))
    assert _gaps(mid) == ["20 days without a conversation while still posting: last replied to someone on 2026-10-01; "
                          "20 broadcasts since, from 2026-10-02 to 2026-10-21"]
