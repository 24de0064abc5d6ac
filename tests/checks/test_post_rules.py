"""The per-post rules: example tables, evidence, severities, configuration and real posts."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from assistant.checks.registry import COMPONENTS, TEXT_KINDS, all_rules
from assistant.checks.rules.sales_pitch import is_first_dm
from assistant.checks.rules.share_begging import share_request
from assistant.checks.ruleset import RuleSet
from assistant.config import RulesConfig
from assistant.errors import ConfigError
from assistant.models import Finding, Post
from tests.checks.examples import EXAMPLES, NOW, OWN_DOMAINS, all_examples, as_post, img, p

RULES = RuleSet.from_config()
MINE = (
    "share-begging",
    "sales-pitch",
    "mention-push",
    "link-only",
    "too-long",
    "hashtag-stuffing",
    "missing-alt-text",
)
# Tables of phrasing need many variants; tables of counting need a handful.
MINIMUM = {"share-begging": 10, "sales-pitch": 10, "mention-push": 10, "link-only": 10}


def findings(post: Post, rules: RuleSet = RULES, **kwargs: object) -> dict[str, Finding]:
    return {f.rule: f for f in rules.check_post(post, own_domains=OWN_DOMAINS, **kwargs)}  # type: ignore[arg-type]


def _cases(outcome: str) -> list[tuple[str, int]]:
    return [(rid, i) for rid, table in EXAMPLES.items() for i in range(len(table[outcome]))]


def _case_id(case: tuple[str, int], outcome: str) -> str:
    rid, index = case
    _, post = as_post(EXAMPLES[rid][outcome][index])
    return f"{rid}-{index}-{post.platform}-{post.kind}:{post.text[:40]}"


@pytest.mark.parametrize(("rule_id", "index"), _cases("fire"),
                         ids=[_case_id(c, "fire") for c in _cases("fire")])
def test_example_fires(rule_id: str, index: int) -> None:
    _history, post = as_post(EXAMPLES[rule_id]["fire"][index])
    found = findings(post, as_of=NOW)
    assert rule_id in found, f"{rule_id} did not fire on {post.text!r}"
    assert found[rule_id].evidence, "a finding must show what it saw"
    assert found[rule_id].post_id == post.id


@pytest.mark.parametrize(("rule_id", "index"), _cases("quiet"),
                         ids=[_case_id(c, "quiet") for c in _cases("quiet")])
def test_example_stays_quiet(rule_id: str, index: int) -> None:
    _history, post = as_post(EXAMPLES[rule_id]["quiet"][index])
    found = findings(post, as_of=NOW)
    assert rule_id not in found, f"{rule_id} fired on {post.text!r}: {found.get(rule_id)}"


def test_every_post_rule_has_both_kinds_of_example() -> None:
    merged = all_examples()
    for rule_id, declared in all_rules().items():
        if declared.post is None:
            continue
        table = merged.get(rule_id, {})
        assert table.get("fire"), f"{rule_id}: no example that must fire"
        assert table.get("quiet"), f"{rule_id}: no example that must stay quiet"


def test_history_tables_plug_in_beside_this_one() -> None:
    merged = all_examples()
    # examples_history.py holds (history, post) cases for repeat-post and stale-latest
    history, post = as_post(merged["repeat-post"]["fire"][0])
    assert history and isinstance(post, Post)


@pytest.mark.parametrize("rule_id", MINE)
def test_tables_of_this_module_are_big_enough(rule_id: str) -> None:
    wanted = MINIMUM.get(rule_id, 5)
    assert len(EXAMPLES[rule_id]["fire"]) >= wanted
    assert len(EXAMPLES[rule_id]["quiet"]) >= wanted


@pytest.mark.parametrize("rule_id", MINE)
def test_rules_are_declared_for_users(rule_id: str) -> None:
    declared = all_rules()[rule_id]
    assert declared.post is not None
    assert declared.component in COMPONENTS
    assert len(declared.rationale) > 60
    assert "repost" not in declared.applies_to


# --- evidence and messages -------------------------------------------------------------

def test_share_begging_shows_the_request_it_saw() -> None:
    found = findings(p("Our 2026 report is out. Pls RT 🙏 https://bp.agency/report"))
    assert found["share-begging"].evidence == "Pls RT"
    assert "Pls RT" in found["share-begging"].message
    assert found["share-begging"].severity == "warning"


# The evidence is the ask itself, never the words beside it: a reader shown “looking for” for
# "Hugs for RTs! We're looking for new volunteers" would think the tool confused.
@pytest.mark.parametrize(("text", "evidence"), [
    ("Hugs for RTs! We're looking for new volunteers this spring https://example.org/volunteer", "Hugs for RTs"),
    ("Hi Berlin I'm looking for a nice flat real soon: 2 rooms, balcony. Hugs for RTs. <3", "Hugs for RTs"),
    ("Cookies for retweets 🍪 our bake sale is on Saturday", "Cookies for retweets"),
    ("Virtual hugs for boosts! The co-op needs a second sysadmin", "Virtual hugs for boosts"),
    ("RT for reach: we're hiring two nurses for the night shift", "RT for reach"),
    ("RT's appreciated. New blog post on caching https://example.org/cache", "RT's appreciated"),
    ("Happy Friday! We're hiring 💼 RTs appreciated", "RTs appreciated"),
    # the count an ask aims at names the act: "help us reach" alone does not
    ("Who can help us reach 500 RTs? 🚀", "help us reach 500 RTs"),
    ("can we get this to 1k RTs? I promised my team tacos", "can we get this to 1k RTs"),
    # worded past the patterns, read by the speech model: the clause with the act, not the
    # n-gram that weighs most ("know what to", "looking for", "Until this")
    ("Gig tickets on sale Friday. You know what to do 🔁", "You know what to do 🔁"),
    ("We're looking for new volunteers this spring. If you only RT one thing this week make it this 👇",
     "If you only RT one thing this week make it this 👇"),
    ("Until this hits 300 RTs the zine stays at £2. Go go go", "Until this hits 300 RTs the zine stays at £2"),
])
def test_share_begging_quotes_the_ask(text: str, evidence: str) -> None:
    assert findings(p(text))["share-begging"].evidence == evidence


@pytest.mark.parametrize("text", [
    "Thanks for RTs, you lot",
    "We were asked for RTs.",
    "Our rules for retweets",
    "Paid for RTs? No thanks, we grow organically.",
    "Demand for shares fell.",
])
def test_share_begging_reads_for_rts_as_an_ask_only_with_a_reward(text: str) -> None:
    assert "share-begging" not in findings(p(text))


@pytest.mark.parametrize(("text", "asks"), [
    # following or liking is how a giveaway is entered: its rules, not a plea, however worded
    ("Giveaway! Follow us and like this post to win a £50 voucher. Winner picked Friday.", None),
    ("Giveaway time! To enter, follow us and like this post. Winner picked Friday.", None),
    # a retweet to enter still asks for the reach; a follow with no giveaway is still a plea
    ("RT and follow us to win a £50 voucher!", "RT and follow"),
    ("Follow us for more tips like this!", "Follow us"),
])
def test_a_giveaways_follow_to_enter_is_its_rules(text: str, asks: str | None) -> None:
    assert share_request(text) == asks


def test_share_begging_ignores_requests_it_quotes() -> None:
    assert share_request('He said "please retweet" was a strategy. It is not.') is None
    assert share_request("Please retweet") == "Please retweet"


def test_follow_handle_is_begging_only_for_the_authors_own_handle() -> None:
    assert share_request("Follow @brightpixel for more", "@brightpixel") == "Follow @brightpixel"
    assert share_request("Follow @jane, her threads are great", "@brightpixel") is None


def test_too_long_counts_the_platform_way_and_says_the_numbers() -> None:
    found = findings(p("Short posts work. " * 17))
    assert found["too-long"].severity == "error"
    assert found["too-long"].evidence == "306/280 weighted characters"
    # 150 CJK characters are 150 characters but 300 weighted ones on X
    assert findings(p("日本語" * 50))["too-long"].evidence == "300/280 weighted characters"
    assert findings(p("a" * 301, platform="bluesky"))["too-long"].evidence == "301/300 graphemes"


def test_too_long_bluesky_bytes_and_threads_links() -> None:
    heavy = p("👩‍💻" * 280, platform="bluesky")  # 280 graphemes, 3,080 bytes
    assert findings(heavy)["too-long"].evidence == "3080/3000 bytes"
    links = p(" ".join(f"https://e.com/{i}" for i in range(6)), platform="threads")
    assert findings(links)["too-long"].evidence == "6/5 links"


def test_too_long_on_bluesky_tells_a_long_link_from_a_long_text() -> None:
    """The Bluesky app posts a link as its host and a few characters: over the limit only
    with the link in full is a warning (a scheduler posting it in full is refused); over
    it even shortened is the platform's refusal."""
    link = "https://northpeak.example/blog/2026/11/" + "a-long-slug-" * 8
    fits = findings(p("word " * 50 + link, platform="bluesky"))["too-long"]
    assert fits.severity == "warning"
    assert fits.evidence == "385/300 graphemes; 283/300 graphemes with links shortened"
    assert "scheduler" in fits.message
    over = findings(p("word " * 60 + link, platform="bluesky"))["too-long"]
    assert (over.severity, over.evidence) == ("error", "435/300 graphemes")


def test_too_long_grades_the_length_that_performs() -> None:
    assert "too-long" not in findings(p("x" * 250))  # on X nothing within 280 underperforms
    facebook = findings(p("x" * 250, platform="facebook"))["too-long"]
    assert facebook.severity == "info"  # never more than info under the limit
    # 160 is where the note starts, twice the 80 that performs: the evidence said 160 performs
    assert facebook.evidence == "250/160 characters (twice the 80 that performs)"
    linkedin = findings(p("word " * 600, platform="linkedin"))["too-long"]
    assert linkedin.evidence == "3000/2600 characters (twice the 1,300 that performs)"
    assert "too-long" not in findings(p("x" * 150, platform="facebook"))


def test_hashtag_stuffing_evidence_and_instagram_hard_limit() -> None:
    found = findings(p("Report #marketing #socialmedia #growth"))
    assert found["hashtag-stuffing"].evidence == "3/2 hashtags: #marketing #socialmedia #growth"
    tags = " ".join(f"#tag{i}x" for i in range(31))
    assert findings(p(tags, platform="instagram"))["hashtag-stuffing"].severity == "error"
    tags = " ".join(f"#tag{i}x" for i in range(20))
    assert findings(p(tags, platform="instagram"))["hashtag-stuffing"].severity == "warning"


def test_missing_alt_text_names_each_bad_image() -> None:
    post = p("Launch", media=[img("The team cheering at the launch"), img("photo"), img(None)])
    hits = [f for f in RULES.check_post(post) if f.rule == "missing-alt-text"]
    assert [h.evidence for h in hits] == ["image 2 of 3: alt text “photo”", "image 3 of 3: no alt text"]


def test_mention_push_names_who_was_tagged() -> None:
    found = findings(p("@ana @sam thought you'd love our new guide https://bp.agency/guide"))
    assert found["mention-push"].evidence.startswith("@ana @sam: thought you'd love")


def test_mention_push_uses_own_domains_when_known() -> None:
    pushed = p("@robert have a look https://bp.agency/blog/replies")
    other = p("@robert have a look https://example.com/great-thread")
    assert "mention-push" in findings(pushed)
    assert "mention-push" not in findings(other)  # pointing someone at another's work is fine


def test_link_only_evidence_is_the_filler_or_the_link() -> None:
    assert findings(p("New post: https://bp.agency/x"))["link-only"].evidence == "New post:"
    assert findings(p("https://bp.agency/x"))["link-only"].evidence == "https://bp.agency/x"


# --- sales pitches in DMs --------------------------------------------------------------

PITCH = "Great to connect! Would you be open to a quick 15-minute call this week?"


def test_a_pitch_in_a_post_is_a_warning() -> None:
    assert findings(p(PITCH))["sales-pitch"].severity == "warning"


def test_a_pitch_in_the_first_dm_is_an_error_without_history() -> None:
    found = findings(p(PITCH, kind="dm", mentions=["@sam"]))
    assert found["sales-pitch"].severity == "error"
    assert "first DM" in found["sales-pitch"].message


def test_first_dm_is_decided_by_earlier_dms_of_the_same_conversation() -> None:
    draft = p(PITCH, kind="dm", mentions=["@sam"])
    earlier = p("Thanks for connecting, Sam!", kind="dm", id="d0", mentions=["@sam"],
                created_at=NOW - timedelta(days=2))
    their_reply = p("Likewise!", kind="dm", id="d1", author="@sam", mentions=["@brightpixel"],
                    created_at=NOW - timedelta(days=1))
    to_someone_else = p("Hi Jo!", kind="dm", id="d2", mentions=["@jo"],
                        created_at=NOW - timedelta(days=1))
    later = p("Hi Sam", kind="dm", id="d3", mentions=["@sam"], created_at=NOW + timedelta(days=1))
    public = p("Hi @sam", id="d4", created_at=NOW - timedelta(days=1))
    assert is_first_dm(draft, [])
    assert not is_first_dm(draft, [earlier])
    assert not is_first_dm(draft, [their_reply])
    assert is_first_dm(draft, [to_someone_else, later, public])
    thread = p(PITCH, kind="dm", in_reply_to="conv-7")
    assert not is_first_dm(thread, [p("Hello", kind="dm", id="c1", in_reply_to="conv-7",
                                      created_at=NOW - timedelta(hours=1))])
    anonymous = p(PITCH, kind="dm")
    assert is_first_dm(anonymous, [])
    assert not is_first_dm(anonymous, [to_someone_else])


# --- configuration ---------------------------------------------------------------------

def test_thresholds_from_config_change_behaviour() -> None:
    post = p("Report #marketing #socialmedia #growth")
    assert "hashtag-stuffing" in findings(post)
    relaxed = RuleSet.from_config(RulesConfig(thresholds={"hashtag-stuffing": {"max_hashtags": {"x": 5}}}))
    assert "hashtag-stuffing" not in findings(post, relaxed)
    # the other platforms keep their defaults
    linkedin = p("Report " + " ".join(f"#t{i}x" for i in range(6)), platform="linkedin")
    assert "hashtag-stuffing" in findings(linkedin, relaxed)


def test_performing_length_and_link_words_are_thresholds() -> None:
    stricter = RuleSet.from_config(RulesConfig(thresholds={
        "too-long": {"performing_length": {"x": 50}},
        "link-only": {"min_words": 6},
    }))
    post = p("x" * 150)
    assert "too-long" not in findings(post)
    assert findings(post, stricter)["too-long"].severity == "info"
    dark = p("Dark mode is here! https://example.com/changelog")
    assert "link-only" not in findings(dark)
    assert "link-only" in findings(dark, stricter)


def test_extra_phrases_from_config() -> None:
    post = p("Grab the bundle while it lasts")
    assert "sales-pitch" not in findings(post)
    custom = RuleSet.from_config(RulesConfig(thresholds={"sales-pitch": {"extra_phrases": ["while it lasts"]}}))
    assert findings(post, custom)["sales-pitch"].evidence == "while it lasts"


def test_regrading_severity_wins_over_the_checks_own() -> None:
    post = p("Short posts work. " * 17)
    relaxed = RuleSet.from_config(RulesConfig(severity={"too-long": "info"}))
    assert findings(post, relaxed)["too-long"].severity == "info"
    first_dm = p(PITCH, kind="dm")
    relaxed = RuleSet.from_config(RulesConfig(severity={"sales-pitch": "warning"}))
    assert findings(first_dm, relaxed)["sales-pitch"].severity == "warning"


def test_ignore_and_select() -> None:
    post = p("Please RT! Buy now https://bp.agency/x #a #b #c")
    assert {"share-begging", "sales-pitch", "hashtag-stuffing"} <= set(findings(post))
    ignored = RuleSet.from_config(RulesConfig(ignore=["share-begging"]))
    assert "share-begging" not in findings(post, ignored)
    assert "sales-pitch" in findings(post, ignored)
    selected = RuleSet.from_config(RulesConfig(select=["share-begging"]))
    assert set(findings(post, selected)) == {"share-begging"}


@pytest.mark.parametrize("config", [
    RulesConfig(select=["share-beging"]),
    RulesConfig(ignore=["no-such-rule"]),
    RulesConfig(severity={"too-longg": "error"}),
    RulesConfig(thresholds={"hashtag-stufing": {"max_hashtags": {"x": 3}}}),
])
def test_unknown_rule_id_is_a_config_error(config: RulesConfig) -> None:
    with pytest.raises(ConfigError, match="unknown rule"):
        RuleSet.from_config(config)


def test_unknown_or_mistyped_threshold_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown threshold"):
        RuleSet.from_config(RulesConfig(thresholds={"link-only": {"min_word": 3}}))
    with pytest.raises(ConfigError, match="expected int"):
        RuleSet.from_config(RulesConfig(thresholds={"link-only": {"min_words": "three"}}))


def test_reposts_are_skipped() -> None:
    repost = p("Please RT! Buy now " + "#tag " * 10 + "https://bp.agency/x", kind="repost",
               media=[img(None)])
    assert not set(findings(repost)) & set(MINE)
    assert "repost" not in TEXT_KINDS


# --- real posts ------------------------------------------------------------------------

def _real(path: Path) -> list[Post]:
    from assistant.sources import load_posts

    return load_posts([path])


def test_real_brand_support_replies_are_not_begging_or_selling(realdata: Path) -> None:
    posts = _real(realdata / "support_tweets" / "twcs_sample.csv")
    assert len(posts) == 93
    flagged = [f for post in posts for f in RULES.check_post(post)
               if f.rule in ("share-begging", "sales-pitch", "mention-push")]
    assert flagged == []


def test_real_scheduled_posts_that_beg_are_caught(realdata: Path) -> None:
    posts = _real(realdata / "buffer" / "buffer-30-day-schedule.csv")
    begging = {post.text.split("\n")[0] for post in posts
               if any(f.rule == "share-begging" for f in RULES.check_post(post))}
    assert begging == {
        "Follow for daily productivity tips.",
        "Retweet this if you've fallen for the sunk cost fallacy before.",
    }


# Poaching a competitor's clients, and sentences written to look like it. Kept out of the
# example table, which also trains the speech model: these were added after it was trained.
POACHING = [
    "Still waiting on your agency to reply? Switch to us today.",
    "Unhappy with your scheduler? Make the switch to Brightpixel today and we'll move your calendar.",
    "Ditch your agency. We do it better for half the price.",
    "Unhappy with your agency? Come over to us - we'll handle the handover.",
    "Fed up with your social media agency? Fire them and hire us.",
    "Dump your PR firm and let us run your comms.",
    "Move your account to us and we'll match your current rate.",
    "Tired of slow replies from your agency? Try us for 30 days.",
]
NOT_POACHING = [
    "Don\u2019t fire your agency before reading this: five questions to ask them first.",
    "Why we switched to a four-day week, and what it did to our reply times.",
    "If you switch to us, tell us what you liked about your last agency: we keep doing it.",
    "Before you leave your agency, ask for admin access to every ad account.",
    "Should you ditch your agency after one bad quarter? Probably not. Here's why.",
    "Quick tip for new freelancers: drop your supplier a line before the Christmas rush.",
    "Maintenance tonight: we'll move to us-east-1 at 22:00 UTC, the dashboard may blink.",
    "Reminder for the team: switch to US English spelling for the Chicago account.",
    "Move over to us on Thursday for the team lunch - we've got the big table.",
    "We loved helping Luma make the switch to TikTok this week - the first video got 40k views.",
    "Make the switch to paperless today: our office finally did, and we found 40 kg of old briefs.",
]


@pytest.mark.parametrize("text", POACHING)
def test_poaching_a_competitors_clients_is_a_pitch(text: str) -> None:
    assert "sales-pitch" in findings(p(text))


@pytest.mark.parametrize("text", NOT_POACHING)
def test_a_story_a_condition_or_advice_about_switching_is_no_pitch(text: str) -> None:
    assert "sales-pitch" not in findings(p(text))
