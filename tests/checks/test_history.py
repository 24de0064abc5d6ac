"""History: the index post rules use to compare a draft with the account's past posts."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant.checks.history import History
from assistant.checks.ruleset import RuleSet
from assistant.models import Finding, Post
from assistant.text import normalise
from tests.checks.examples_history import EXAMPLES_HISTORY, NOW, post

RULES = RuleSet.from_config()


def test_first_link_is_the_earliest_post_under_any_spelling_of_the_link() -> None:
    history = History.from_posts([
        post("late", 1, "again https://www.bp.agency/blog/seo/?utm_source=x"),
        post("early", 9, "first https://bp.agency/blog/seo"),
        post("middle", 4, "and https://BP.agency/blog/seo?fbclid=abc"),
    ])
    seen = history.first_link("http://bp.agency/blog/seo/")
    assert seen is not None and seen.post_id == "early"
    assert [s.post_id for s in history.link_posts("bp.agency/blog/seo")] == ["early", "middle", "late"]
    assert history.first_link("https://bp.agency/blog/other") is None


def test_same_text_ignores_case_spacing_and_tracking_but_reads_mentions_and_pages() -> None:
    history = History.from_posts([post("a", 2, "Big NEWS   from the team @ana https://bp.agency/n?utm_source=x")])
    same = post("b", 0, "big news from the team @ANA https://www.bp.agency/n/")
    assert [s.post_id for s in history.same_text(same)] == ["a"]
    assert history.same_text(post("c", 0, "big news from the team @bob https://bp.agency/n")) == []
    assert history.same_text(post("d", 0, "big news from the team @ana https://bp.agency/other")) == []
    assert history.same_text("big news from the other team") == []


def test_similar_keeps_posts_apart_that_only_tag_someone_else() -> None:
    history = History.from_posts([post("a", 3, "Our founder Ana talks calm content calendars on @showA tonight")])
    assert history.similar("Our founder Ana talks calm content calendars on @showB tonight") == []
    assert [m.post_id for m in history.similar("Our founder Ana talks calm content plans on @showA tonight")] == ["a"]


def test_similar_finds_near_copies_and_not_other_posts() -> None:
    history = History.from_posts([
        post("a", 3, "We rebuilt the onboarding flow for new clients this week and it shows"),
        post("b", 2, "Ten ideas for your next product launch on LinkedIn"),
    ])
    found = history.similar("We rebuilt the onboarding flow for our new clients this week and it shows!")
    assert [m.post_id for m in found] == ["a"]
    assert 0.6 <= found[0].similarity < 1.0
    assert history.similar("Nothing in common with anything said before here") == []


def test_replies_reposts_and_dms_are_not_indexed() -> None:
    history = History.from_posts([
        post("r", 1, "Thanks for reaching out https://bp.agency/help/1", kind="reply"),
        post("d", 1, "Here is the price list https://bp.agency/help/1", kind="dm"),
        post("p", 1, "Our guide https://bp.agency/guide"),
    ])
    assert len(history) == 1
    assert history.first_link("https://bp.agency/help/1") is None
    assert [p.id for p in history.dms] == ["d"]  # kept apart for sales-pitch's first-DM test


def test_large_history_uses_lsh_and_still_finds_the_near_copy() -> None:
    rnd = random.Random(3)
    words = [f"w{i}" for i in range(3000)]
    posts = [
        Post(id=f"h{i}", created_at=NOW - timedelta(hours=i), text=" ".join(rnd.sample(words, 15)))
        for i in range(4000)
    ]
    target = posts[1234].text.split()
    history = History.from_posts(posts)
    query = " ".join(target[:-1] + ["changed"])
    assert [m.post_id for m in history.similar(query)] == ["h1234"]


@given(st.text(alphabet=st.sampled_from(list("aZß @#:/.wWhHtTpPs\u00a0\t\n\u2003x1_-")), max_size=60))
def test_normalisation_is_stable_and_ignores_case_and_spacing(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once
    assert normalise(text.upper().replace(" ", "  ")) == normalise(text.upper())


def _cases(outcome: str) -> list[tuple[str, int]]:
    return [(rid, i) for rid, table in EXAMPLES_HISTORY.items() for i in range(len(table[outcome]))]


def _fired(rule_id: str, outcome: str, index: int) -> dict[str, Finding]:
    past, draft = EXAMPLES_HISTORY[rule_id][outcome][index]
    findings = RULES.check_post(draft, history=History.from_posts(past), as_of=NOW)
    return {f.rule: f for f in findings}


@pytest.mark.parametrize(("rule_id", "index"), _cases("fire"))
def test_history_example_fires(rule_id: str, index: int) -> None:
    found = _fired(rule_id, "fire", index)
    assert rule_id in found
    assert found[rule_id].evidence and found[rule_id].post_id == "p"


@pytest.mark.parametrize(("rule_id", "index"), _cases("quiet"))
def test_history_example_stays_quiet(rule_id: str, index: int) -> None:
    assert rule_id not in _fired(rule_id, "quiet", index)


def test_every_history_rule_has_both_kinds_of_example() -> None:
    assert set(EXAMPLES_HISTORY) == {"repeat-post", "stale-latest"}
    for table in EXAMPLES_HISTORY.values():
        assert table["fire"] and table["quiet"]


def test_stale_latest_says_when_the_link_was_first_posted() -> None:
    past, draft = EXAMPLES_HISTORY["stale-latest"]["fire"][0]
    finding = next(
        f for f in RULES.check_post(draft, history=History.from_posts(past)) if f.rule == "stale-latest"
    )
    first = (NOW - timedelta(days=30)).astimezone(UTC)
    assert "30 days earlier" in finding.message and f"{first:%Y-%m-%d}" in finding.evidence
    assert "bp.agency/blog/questions came out since" in finding.message
    assert finding.post_id == "p"


def test_stale_latest_says_how_often_the_same_latest_went_out() -> None:
    past, draft = EXAMPLES_HISTORY["stale-latest"]["fire"][1]
    finding = next(
        f for f in RULES.check_post(draft, history=History.from_posts(past)) if f.rule == "stale-latest"
    )
    assert finding.message.endswith("this is the 3rd time it goes out")


def test_newer_link_counts_the_own_domains_as_one_site() -> None:
    history = History.from_posts([
        post("a", 30, "Report https://bp.agency/reports/1"),
        post("b", 10, "Post https://blog.bp.agency/p/2"),
        post("c", 5, "Elsewhere https://news.example.org/3"),
    ])
    since, before = NOW - timedelta(days=30), NOW
    assert history.newer_link("bp.agency/reports/1", since, before) is None  # another host
    found = history.newer_link("bp.agency/reports/1", since, before, frozenset({"bp.agency"}))
    assert found is not None and found[0] == "blog.bp.agency/p/2" and found[1].post_id == "b"
    assert history.newer_link("bp.agency/reports/1", since, NOW - timedelta(days=20), frozenset({"bp.agency"})) is None


def test_post_rules_without_history_say_nothing() -> None:
    _, draft = EXAMPLES_HISTORY["repeat-post"]["fire"][0]
    assert not {"repeat-post", "stale-latest"} & {f.rule for f in RULES.check_post(draft)}



def test_the_newer_piece_named_is_one_of_the_same_section_when_there_is_one() -> None:
    """A blog post called "our latest" after a newer blog post and, later still, the shop's
    offer page: the newer blog post is what came out since, not the offer. With no newer
    piece of its section, any newer page of the site still is."""
    history = History.from_posts([
        post("a", 30, "New on the blog https://bp.agency/blog/why-stories-matter"),
        post("b", 20, "New on the blog https://bp.agency/blog/hashtag-strategy"),
        post("c", 10, "Our autumn offer https://bp.agency/offer"),
    ])
    since = NOW - timedelta(days=30)
    found = history.newer_link("bp.agency/blog/why-stories-matter", since, NOW)
    assert found is not None and found[0] == "bp.agency/blog/hashtag-strategy"
    other = history.newer_link("bp.agency/reports/2026", since - timedelta(days=1), NOW)
    assert other is not None and other[0] == "bp.agency/offer"  # the newest of the site


def test_a_repeat_of_a_post_still_to_come_says_scheduled_not_published() -> None:
    """Against the approval queue, the original is scheduled, not out: "already scheduled for
    …"; against a published feed, "already published on …"."""
    words = "Thank you to our sponsor Drexel University for making the conference possible"
    history = History.from_posts([post("a", 2, words)])
    draft = post("b", 1, words)
    [scheduled] = [f for f in RULES.check_post(draft, history=history, as_of=NOW - timedelta(days=3))
                   if f.rule == "repeat-post"]
    assert scheduled.message.startswith("This is the same post already scheduled for")
    [published] = [f for f in RULES.check_post(draft, history=history, as_of=NOW)
                   if f.rule == "repeat-post"]
    assert published.message.startswith("This is the same post already published on")


def _newest_by_walk(link: str, firsts: list[tuple[datetime, str]], since: datetime, before: datetime | None,
                    own: frozenset[str]) -> str | None:
    """What "something newer came out" meant before `NewerLinks`: walk every link first seen
    after `since` (and before `before`), newest first; the first of the same group and
    section, else the first of the group."""
    from assistant.checks.history import _section, link_group

    group = link_group(link, own)
    if group is None:
        return None
    found = None
    for moment, other in reversed([f for f in firsts if before is None or f[0] < before]):
        if moment <= since:
            break
        if other != link and link_group(other, own) == group:
            if _section(other) == _section(link):
                return other
            found = found or other
    return found


def test_the_newest_link_of_a_group_is_found_as_a_walk_of_every_link_would() -> None:
    """Sites, sections, unexpanded t.co links, links first seen at the same moment, own domains,
    with and without an end: the index answers as walking every link newest first did."""
    from assistant.checks.history import NewerLinks

    rnd = random.Random(11)
    hosts = ["bp.agency", "blog.bp.agency", "news.example.org", "t.co", "shop.example"]
    own = frozenset({"bp.agency"})
    for _ in range(300):
        links: dict[str, None] = {}
        while len(links) < 25:
            section = rnd.choice(["blog/", "shop/", "", "2026/"])
            links[f"{rnd.choice(hosts)}/{section}{rnd.randrange(40)}"] = None
        firsts = sorted((NOW - timedelta(days=rnd.randrange(10)), link) for link in links)
        for domains in (own, frozenset()):
            index = NewerLinks(domains)
            for moment, link in firsts:
                index.add(moment, link)
            for _ in range(30):
                since, link = rnd.choice(firsts)
                before = rnd.choice([None, NOW - timedelta(days=rnd.randrange(10))])
                assert index.newest(link, since, before) == _newest_by_walk(link, firsts, since, before, domains)
