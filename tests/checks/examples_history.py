"""Example tables for post rules that compare a post with the account's history.

`EXAMPLES_HISTORY[rule_id]["fire"]` holds (history posts, post) cases the rule must flag,
`["quiet"]` cases it must leave alone. The post is reviewed with
`History.from_posts(history)` as `ctx.history`.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from assistant.models import Post

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
Case = tuple[list[Post], Post]


def post(pid: str, days_ago: float, text: str, kind: str = "post", **fields: object) -> Post:
    """A post `days_ago` days before NOW."""
    return Post(id=pid, created_at=NOW - timedelta(days=days_ago), text=text, kind=kind, **fields)


SEO = "Five things we learned running SEO audits for forty local shops this year"
EXAMPLES_HISTORY: dict[str, dict[str, list[Case]]] = {
    "repeat-post": {
        "fire": [
            # the same words, a different tracking link
            ([post("h1", 3, f"{SEO} https://bp.agency/blog/seo?utm_source=x")],
             post("p", 0, f"{SEO} https://bp.agency/blog/seo?utm_source=li")),
            # one word changed, a mention added, case changed
            ([post("h1", 2, "Our team spent the week rebuilding the onboarding flow for clients")],
             post("p", 0, "@ana our TEAM spent the week rebuilding the onboarding process for clients")),
            # other words each time, but the same article for the fifth time in ten days
            ([post("h1", 10, "Read why reels beat carousels https://bp.agency/blog/reels"),
              post("h2", 7, "Still on carousels? Our numbers say otherwise https://bp.agency/blog/reels"),
              post("h3", 4, "Reels or carousels: the data from 40 accounts https://bp.agency/blog/reels"),
              post("h4", 2, "What we learned comparing formats https://bp.agency/blog/reels")],
             post("p", 0, "Carousels are dead? Not quite. https://www.bp.agency/blog/reels/")),
        ],
        "quiet": [
            # the same post, but months ago: an evergreen repost
            ([post("h1", 90, SEO)], post("p", 0, SEO)),
            # same topic, different post
            ([post("h1", 2, "Our team spent the week rebuilding the onboarding flow for clients")],
             post("p", 0, "Three questions every client asks in their first week with an agency")),
            # a home-page link is a signature, not content
            ([post("h1", 1, "Morning! Coffee and briefs today https://bp.agency")],
             post("p", 0, "Workshop notes from Lisbon are up soon https://bp.agency/")),
            # replies are conversation, not reposting
            ([post("h1", 1, "Thanks for reaching out, we will look into it today", kind="reply")],
             post("p", 0, "Thanks for reaching out, we will look into it today")),
            # the same article once more in new words: a reshare, not a push
            ([post("h1", 1, "Read why reels beat carousels https://bp.agency/blog/reels")],
             post("p", 0, "Carousels are dead? Not quite. https://www.bp.agency/blog/reels/")),
            # the same words to a different show: different news
            ([post("h1", 3, "Our founder Ana talks calm content calendars on @showA tonight at 8")],
             post("p", 0, "Our founder Ana talks calm content calendars on @showB tonight at 8")),
            # the same upload template for a different video
            ([post("h1", 1, "I uploaded a @YouTube video https://youtu.be/izs6mJM [VB067] balloons")],
             post("p", 0, "I uploaded a @YouTube video https://youtu.be/sbwlweu [VB067] blossom")),
        ],
    },
    "stale-latest": {
        "fire": [
            # something newer came out on our site since
            ([post("h1", 30, "Ten lessons from our rebrand https://bp.agency/blog/rebrand"),
              post("h2", 10, "What clients ask us in week one https://bp.agency/blog/questions")],
             post("p", 0, "Our latest post: ten lessons from our rebrand https://bp.agency/blog/rebrand")),
            # the same "new" link coming back a third time
            ([post("h1", 5, "New post https://bp.agency/blog/ai?utm_medium=social"),
              post("h2", 3, "NEW: AI for briefs, the honest version https://bp.agency/blog/ai")],
             post("p", 0, "NEW: how we use AI for briefs https://bp.agency/blog/ai")),
            ([post("h1", 3, "https://bp.agency/blog/pricing"),
              post("h2", 2, "Why we stopped billing by the hour https://bp.agency/blog/hours")],
             post("p", 0, "Fresh off the press! Our pricing guide https://bp.agency/blog/pricing")),
            ([post("h1", 2, "Why stories matter https://bp.agency/blog/stories"),
              post("h2", 1, "Three things our interns taught us https://bp.agency/blog/interns")],
             post("p", 0, "NEW on the blog: Why stories matter https://bp.agency/blog/stories")),
            # "NEW" on an article first posted six months ago, though nothing newer came out
            ([post("h1", 193, "How charities can use LinkedIn newsletters https://bp.agency/blog/charities")],
             post("p", 0, "NEW on the blog: how charities can use LinkedIn newsletters "
                          "https://bp.agency/blog/charities")),
            ([post("h1", 45, "Our pricing guide https://bp.agency/blog/pricing")],
             post("p", 0, "Just published: why we stopped billing by the hour https://bp.agency/blog/pricing")),
        ],
        "quiet": [
            # a new link really is new
            ([post("h1", 30, "Ten lessons from our rebrand https://bp.agency/blog/rebrand")],
             post("p", 0, "Our latest post: what clients ask us https://bp.agency/blog/questions")),
            # an old link without claiming it is new
            ([post("h1", 30, "Ten lessons from our rebrand https://bp.agency/blog/rebrand"),
              post("h2", 10, "What clients ask us in week one https://bp.agency/blog/questions")],
             post("p", 0, "From the archive: ten lessons from our rebrand https://bp.agency/blog/rebrand")),
            # "new" about something else, not the post
            ([post("h1", 30, "Our guide to onboarding https://bp.agency/blog/onboarding")],
             post("p", 0, "We're new in the city! Our guide still helps https://bp.agency/blog/onboarding")),
            # posted a few hours ago on another network's schedule: still new today
            ([post("h1", 0.2, "Just published https://bp.agency/blog/q4")],
             post("p", 0, "Just published: our Q4 outlook https://bp.agency/blog/q4")),
            # a reminder a week later while it still is our latest report; others' news is not ours
            ([post("h1", 7, "Our latest report: what 400 agencies post https://bp.agency/reports/2026"),
              post("h2", 3, "Great read on reply times https://news.example.org/replies")],
             post("p", 0, "ICYMI: our latest report, what 400 agencies post https://bp.agency/reports/2026")),
            # "latest" months on is still true while nothing newer came out: only "new" ages
            ([post("h1", 120, "Our annual report: what 400 agencies post https://bp.agency/reports/2026")],
             post("p", 0, "Our latest report, in case you missed it https://bp.agency/reports/2026")),
            # "new" three weeks on, once: within the month a new piece is still new
            ([post("h1", 21, "How charities can use LinkedIn newsletters https://bp.agency/blog/charities")],
             post("p", 0, "New on the blog: LinkedIn newsletters for charities https://bp.agency/blog/charities")),
        ],
    },
}
