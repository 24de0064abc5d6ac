"""Cold outreach is not conversation: a DM that opens a conversation with a pitch.

broadcast-only and engagement-gap counted every DM as talking with people, so a recruiter
that sent six cold "quick call?" DMs got credit for six conversations. These feeds are
written the way a social media manager sees them, and the tests assert what the audit
tells the user: which conversation findings it shows, in which words, and the score.
"""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, cast

import pytest

from assistant.audit import audit_feed
from assistant.checks.history import DmThreads, History
from assistant.checks.registry import FeedContext, all_rules
from assistant.checks.rules.conversation import BROADCAST_ONLY, ENGAGEMENT_GAP, Conversations, Split
from assistant.checks.rules.sales_pitch import is_first_dm, opening_pitch
from assistant.checks.ruleset import RuleSet
from assistant.config import RulesConfig
from assistant.models import Account, Feed, FeedAudit, Post
from tests.conftest import run_cli

START = datetime(2026, 9, 1, 9, 0, tzinfo=UTC)
AS_OF = START + timedelta(days=31)
CONVERSATION = ("broadcast-only", "engagement-gap")


def post(pid: str, day: float, text: str, kind: str = "post", **fields: object) -> Post:
    return Post(id=pid, created_at=START + timedelta(days=day), text=text, kind=kind, **fields)


# A recruitment agency on LinkedIn: a job ad every morning, never a reply, and
# cold "quick call?" DMs to hiring managers it has never spoken to.
_ROLES = [
    ("Senior Data Engineer", "Leeds (hybrid)", "£65-75k"),
    ("Product Designer", "Manchester", "£50-58k"),
    ("Head of Finance", "remote (UK)", "£90k + bonus"),
    ("Backend Developer (Go)", "Bristol", "£60-70k"),
    ("Customer Success Lead", "London (3 days in office)", "£48k"),
    ("Machine Learning Engineer", "Cambridge", "£80-95k"),
    ("Payroll Specialist", "Sheffield", "£34k"),
]
_OPENERS = [
    "We're hiring for a client: {role}, {place}, {pay}. Scale-up, great team, real ownership.",
    "New role: {role} in {place}. {pay}, strong benefits and a four-day-week trial.",
    "{role} wanted! {place}, {pay}. You'll report to the CTO and shape the team from day one.",
    "Just in: {role}, {place}, paying {pay}. Interviews this month.",
    "Looking for a {role} ({place}, {pay}). Fintech, Series B, lovely people.",
]
RECRUITER_POSTS = [
    post(f"job{i}", i, _OPENERS[i % len(_OPENERS)].format(
        role=_ROLES[i % len(_ROLES)][0], place=_ROLES[i % len(_ROLES)][1], pay=_ROLES[i % len(_ROLES)][2])
        + f" Details and how to apply: https://northstar-talent.example/jobs/{1400 + i}",
        author="@northstar_talent", platform="linkedin")
    for i in range(30)
]
COLD_DMS = [
    post("dm1", 2.2, "Hi Sam, quick question: would you be open to a 15-minute call about how we fill "
         "engineering roles in under three weeks? Book here: https://calendly.com/northstar/intro",
         kind="dm", in_reply_to="conv-sam", author="@northstar_talent", platform="linkedin"),
    post("dm2", 7.3, "Hi Priya, hope you're well! We help scale-ups like yours hire senior developers "
         "40% faster. Worth a quick chat this week?",
         kind="dm", in_reply_to="conv-priya", author="@northstar_talent", platform="linkedin"),
    post("dm3", 12.1, "Hi Laura, our clients cut their time-to-hire in half. Can I grab 15 minutes of "
         "your time to show you how? https://calendly.com/northstar/intro",
         kind="dm", in_reply_to="conv-laura", author="@northstar_talent", platform="linkedin"),
    post("dm4", 17.4, "Hi Aisha, I noticed you're hiring a Head of Product. We specialise in product "
         "leadership search with a 95% retention rate after 12 months. Would you be free for a "
         "10-minute chat next week?",
         kind="dm", in_reply_to="conv-aisha", author="@northstar_talent", platform="linkedin"),
    post("dm5", 22.2, "Hi Marcus, we've just placed three senior engineers at a fintech like yours. "
         "Would you be open to a quick call on Thursday to see if we can do the same for you?",
         kind="dm", in_reply_to="conv-marcus", author="@northstar_talent", platform="linkedin"),
    post("dm6", 27.3, "Hi Elena, quick one: we're offering a free hiring audit to 5 tech leads this "
         "month. Book your slot here: https://calendly.com/northstar/audit",
         kind="dm", in_reply_to="conv-elena", author="@northstar_talent", platform="linkedin"),
]


# A small agency on X: daily posts, real replies to people, and a few DMs that answer
# what people asked, one of them with prices because the reader asked for them.
_TIPS = [
    "Your bio is the first thing people read after a good post. Say who you help and how.",
    "Alt text is not a caption: say what the picture shows and why it's there.",
    "Scheduling tip: post when your audience is awake, not when you are. Your analytics know.",
    "We asked 40 small cafés what works on Instagram. Behind-the-scenes beat latte art, every time.",
    "A reply to a customer is content too. The best brands answer like a person, not a policy.",
    "Stop counting followers for a week and count conversations instead. See what changes.",
    "Two hashtags that mean something beat twenty that don't.",
    "Threads that teach one thing well get saved. Threads that teach ten things get scrolled past.",
    "Monday question: which account do you actually look forward to seeing in your feed, and why?",
    "Our intern rewrote a bakery's captions in the owner's own voice. Comments doubled in a month.",
    "If your post needs a paragraph of context before the point, move the point to the top.",
    "Video captions aren't optional: most people watch with the sound off on the bus.",
    "The fastest way to learn your audience's words: read the questions they ask in your DMs.",
    "Reminder that 'engagement' means people talking to you. Likes are a nod across the street.",
    "A good brand voice survives being read out loud. Try it with your last five posts.",
    "Wrote up how a bike shop in Stroud grew its community with one weekly repair tip: bp.agency/blog/stroud",
    "Unpopular opinion: you don't need to be on every platform. Be good on the one your people use.",
    "Photos of real staff outperform stock photos for every client we've tested it with.",
    "When a post flops, don't delete it. Ask what the people who did reply wanted instead.",
    "Friday reading: @annhandley on writing like a human, still the best advice on the subject.",
    "If you answer a complaint publicly, finish the fix in private, then come back and say it's done.",
    "Your pinned post is your shop window. When did you last change yours?",
    "Polls are great for listening, terrible for deciding. Ask, then think.",
    "We tried posting less for a month with a florist client. Reach went down, replies went up.",
    "Write for one person you can picture. Posts written for everyone reach no one.",
    "A quick audit you can do today: scroll your last 20 posts and count how many ask a question.",
    "Emoji as bullet points are fine. Emoji instead of words make screen readers read a wall of nonsense.",
    "Local news, local names, local photos: small businesses win on what chains can't fake.",
    "The best-performing post of our year was a shop owner saying sorry for a late delivery.",
    "Consistency is not posting every day. It's sounding like yourself every time you do.",
    "September's over: thank you to everyone who asked questions last month, they shaped half our posts.",
]
AGENCY_POSTS = [post(f"tip{i}", i, text, author="@brightpixel") for i, text in enumerate(_TIPS)]
AGENCY_REPLIES = [
    post("re1", 0.5, "@cafe_lumen that's such a good point, the morning crowd is a different audience!",
         kind="reply", in_reply_to="t-lumen", author="@brightpixel"),
    post("re2", 4.6, "@jo_writes thank you! Yes, the cafés were all in Bristol and Bath.",
         kind="reply", in_reply_to="t-jo", author="@brightpixel"),
]
WARM_DMS = [
    post("wdm1", 9.4, "Thanks for your message! Yes, our social audit is £450 and takes about two "
         "weeks. Happy to send a sample report if useful.",
         kind="dm", in_reply_to="conv-harbour", author="@brightpixel"),
    # later in the same conversation, they asked for the price sheet: an offer, but asked for
    post("wdm2", 10.1, "Here's our pricing for the audit and the monthly retainer: audit £450, "
         "retainer from £900/month. Book a kick-off call whenever suits: https://bp.agency/book",
         kind="dm", in_reply_to="conv-harbour", author="@brightpixel"),
    post("wdm3", 16.5, "Thanks for the follow! Loved your post on onboarding juniors, the buddy "
         "system bit especially.", kind="dm", in_reply_to="conv-maya", author="@brightpixel"),
    post("wdm4", 23.2, "Good question! We don't run paid ads ourselves, but Kat at @adsbykat is brilliant "
         "and very honest about budgets.", kind="dm", in_reply_to="conv-tomas", author="@brightpixel"),
]


def feed(posts: list[Post], name: str, platform: str) -> Feed:
    return Feed(account=Account(name=name, platform=platform),  # type: ignore[arg-type]
                posts=sorted(posts, key=lambda p: p.created_at))


def audit(posts: list[Post], name: str = "@northstar_talent", platform: str = "linkedin",
          config: RulesConfig | None = None) -> FeedAudit:
    return audit_feed(feed(posts, name, platform), RuleSet.from_config(config), as_of=AS_OF)


def found(result: FeedAudit, rule: str) -> list[str]:
    return [f"{f.message} | {f.evidence}" for f in result.findings if f.rule == rule]


def conversation_score(result: FeedAudit) -> int:
    return result.health.components["conversation"].score


def test_the_recruiter_feed_reads_the_cold_pitches_as_outreach_not_conversation() -> None:
    """Thirty job ads, no replies, six cold "quick call?" DMs. It scored as if it had six
    conversations; it talks with nobody, and the audit says so."""
    result = audit(RECRUITER_POSTS + COLD_DMS)
    (broadcast,) = found(result, "broadcast-only")
    assert broadcast.startswith("36 broadcasts, 6 of them cold pitch DMs, for 0 replies (no replies at all)")
    assert broadcast.endswith("| 30 posts, quotes and reposts, 6 cold pitch DMs; 0 replies to others and other DMs")
    (gap,) = found(result, "engagement-gap")
    assert gap == ("29 days without a conversation while still posting: 36 broadcasts (6 of them cold pitch DMs) "
                   "from 2026-09-01 to 2026-09-30, no reply to anyone | last reply: none in the feed; "
                   "last broadcast: 2026-09-30T09:00:00+00:00")
    # the pitches themselves are still sales-pitch's errors, one finding for the six
    (pitch,) = [f for f in result.findings if f.rule == "sales-pitch"]
    assert pitch.severity == "error" and pitch.message.startswith("6 of 36 posts (16.7%) pitch in the first DM")
    # and the conversation score is the one of a feed that never answers anyone
    without_dms = audit(RECRUITER_POSTS)
    assert conversation_score(result) <= conversation_score(without_dms) < 20
    assert result.health.score < without_dms.health.score  # cold pitches cost, never credit


def test_the_recruiter_is_judged_the_same_when_sales_pitch_is_switched_off() -> None:
    """Ignoring sales-pitch hides its findings; it does not turn a cold pitch into a conversation."""
    result = audit(RECRUITER_POSTS + COLD_DMS, config=RulesConfig(ignore=["sales-pitch"]))
    assert not found(result, "sales-pitch")
    assert found(result, "broadcast-only")[0].startswith("36 broadcasts, 6 of them cold pitch DMs")
    assert "no reply to anyone" in found(result, "engagement-gap")[0]


def test_the_agency_that_answers_people_in_dms_keeps_its_conversation() -> None:
    """Two public replies and four DMs answering people: one gives prices in a conversation
    the reader started and asked for them in, one thanks a new follower. All conversation:
    no conversation finding, a perfect conversation score. Without the DMs the same feed
    would be broadcast-only (31 posts for 2 replies) with a gap, so the DMs are what counts."""
    everything = AGENCY_POSTS + AGENCY_REPLIES + WARM_DMS
    result = audit(everything, name="@brightpixel", platform="x")
    for rule in CONVERSATION:
        assert found(result, rule) == [], rule
    assert conversation_score(result) == 100
    without_dms = audit(AGENCY_POSTS + AGENCY_REPLIES, name="@brightpixel", platform="x")
    assert found(without_dms, "broadcast-only") and found(without_dms, "engagement-gap")


def test_a_pitch_later_in_a_conversation_stays_conversation_the_same_pitch_first_does_not() -> None:
    """The price sheet sent in a conversation the reader is in may well be what they asked
    for; the same words sent to a stranger open with a pitch."""
    # twenty posts and the two DMs of one conversation: two to twenty, within the norm
    rule = all_rules()["broadcast-only"]
    context = FeedContext(rule.thresholds, AS_OF)
    asked = feed([*AGENCY_POSTS[:20], WARM_DMS[0], WARM_DMS[1]], "@brightpixel", "x")
    assert list(rule.feed(asked, context) or ()) == []  # type: ignore[misc]
    cold = WARM_DMS[1].model_copy(update={"in_reply_to": "conv-stranger"})
    unasked = feed([*AGENCY_POSTS[:20], WARM_DMS[0], cold], "@brightpixel", "x")
    (hit,) = list(rule.feed(unasked, context) or ())  # type: ignore[misc]
    assert hit.message.startswith("21 broadcasts, 1 of them a cold pitch DM, for 1 reply (21 to 1)")
    assert opening_pitch(WARM_DMS[1], [WARM_DMS[0]]) is None  # the second DM of its conversation
    assert opening_pitch(cold, [WARM_DMS[0]]) is not None  # the first DM to someone new
    # to the same people (no conversation id, the recipient named) the later DM stays talk too
    first = post("n1", 3, "Hi @dana_k, thanks for the intro call request, what times suit you?",
                 kind="dm", author="@brightpixel")
    later = post("n2", 4, "@dana_k here's our pricing: audit £450, retainer from £900/month. Book "
                 "a kick-off call: https://bp.agency/book", kind="dm", author="@brightpixel")
    assert opening_pitch(later, [first]) is None and opening_pitch(later, []) is not None


def test_only_a_dm_opens_with_a_pitch_and_the_judgement_is_sales_pitchs_default() -> None:
    """A post that sells is sales-pitch's business, not outreach; a first DM that pitches
    nothing is conversation. The conversation rules judge with sales-pitch's defaults, so an
    extra phrase a user adds to sales-pitch makes no DM outreach."""
    ad = post("ad", 1, "Book a call today and get 20% off our hiring package: https://northstar-talent.example")
    assert opening_pitch(ad, []) is None
    assert opening_pitch(WARM_DMS[2], []) is None  # "Thanks for the follow!"
    assert opening_pitch(COLD_DMS[0], []) is not None
    config = RulesConfig(thresholds={"sales-pitch": {"extra_phrases": ["thanks for the follow"]}})
    result = audit(AGENCY_POSTS + AGENCY_REPLIES + WARM_DMS, name="@brightpixel", platform="x", config=config)
    assert any(f.rule == "sales-pitch" and f.post_id == "wdm3" for f in result.findings) or any(
        f.rule == "sales-pitch" and "wdm3" in f.examples for f in result.findings)
    for rule in CONVERSATION:
        assert found(result, rule) == [], rule


def test_a_feed_with_a_cold_pitch_as_its_only_dm_has_no_conversation_credit() -> None:
    """Straight from the rule: ten job ads and one cold DM are eleven broadcasts, and the DM is
    named as what it is; one warm DM instead keeps the feed within the norm of ten to one."""
    rule = all_rules()["broadcast-only"]
    context = FeedContext(rule.thresholds, AS_OF)
    posts = RECRUITER_POSTS[:10]
    hits = list(rule.feed(feed([*posts, COLD_DMS[1]], "@northstar_talent", "linkedin"), context) or ())  # type: ignore[misc]
    assert [h.message for h in hits] == [
        "11 broadcasts, 1 of them a cold pitch DM, for 0 replies (no replies at all); "
        "the norm we preach is at most 10 to 1"]
    assert "dm2" in hits[0].posts
    warm = WARM_DMS[2].model_copy(update={"author": "@northstar_talent"})
    assert list(rule.feed(feed([*posts, warm], "@northstar_talent", "linkedin"), context) or ()) == []  # type: ignore[misc]


LEADGEN_DMS = [
    "Hi Jordan, we help B2B SaaS teams book 20+ qualified demos a month with zero ad spend. Worth a "
    "15-minute call this week?",
    "Hey Nadia, quick question: are you the right person to talk to about outbound? We've got a proven "
    "system that fills calendars. Can I send over a 2-minute video?",
    "Hi Chris, I'll keep this short. Our clients see 3x more leads in 90 days, guaranteed. Would Tuesday "
    "or Wednesday work for a quick call?",
    "Hi Fatima, loved your recent post on retention! We run a done-for-you LinkedIn growth service, 10k "
    "followers in 6 months. Interested in a free strategy session?",
    "Hi Owen, congrats on the new role! Teams like yours use our lead-gen service to add £50k in pipeline "
    "a month. Open to a 15-minute chat?",
    "Hi Grace, I noticed you're scaling your sales team. We can book 10 qualified sales meetings for you "
    "in the next 30 days or you don't pay. Shall I send a calendar link?",
    "Hi Ravi, we're opening 3 spots this month for our outbound accelerator. 50% off for the first two "
    "clients. Book a call here: https://calendly.com/pipeline-pros/intro",
    "Hi Hannah, following up in case this got buried: would you be open to a quick call about doubling "
    "your inbound leads?",
    "Hi Sam, quick question: would you be open to a 15-minute call about our lead-gen service? Book here: "
    "https://calendly.com/pipeline-pros/intro",
    "Hi Priya, hope you're well! We help agencies like yours win 5 new retainers a quarter. Worth a quick "
    "chat this week?",
]


def test_an_account_that_only_sends_cold_pitches_is_not_a_perfect_conversationalist() -> None:
    """A lead-gen outfit's DM export: ten cold pitches to ten strangers over three weeks, not
    one answer. Read as ten conversations it scored a perfect 100 on conversation; it talks
    with nobody."""
    dms = [post(f"lg{i}", 2 * i + 0.3, text, kind="dm", in_reply_to=f"conv-{i}", author="@pipelinepros",
                platform="linkedin") for i, text in enumerate(LEADGEN_DMS)]
    result = audit(dms, name="@pipelinepros")
    assert found(result, "broadcast-only") == [
        "10 broadcasts, all of them cold pitch DMs, for 0 replies (no replies at all); the norm we preach "
        "is at most 10 to 1 | 0 posts, quotes and reposts, 10 cold pitch DMs; 0 replies to others and other DMs"]
    assert found(result, "engagement-gap")[0].startswith(
        "18 days without a conversation while still posting: 10 broadcasts (all of them cold pitch DMs) from "
        "2026-09-01 to 2026-09-19, no reply to anyone")
    assert conversation_score(result) < 20


def test_the_index_of_dms_finds_every_conversation_is_first_dm_would() -> None:
    """A feed of thousands of DMs asks `is_first_dm` only about the DMs that may share a
    conversation (`DmThreads`); the answer must be the one all the earlier DMs give: threads,
    replies to a DM, the same people either way round, DMs naming nobody, equal times."""
    rnd = random.Random(7)
    people = ["@ana", "@ben", "@cleo", "@dev"]
    dms = []
    for i in range(400):
        named = rnd.sample(people, rnd.choice([0, 0, 1, 1, 2]))
        thread = rnd.choice([None, None, "conv-1", "conv-2", f"m{rnd.randrange(max(i, 1))}"])
        dms.append(Post(id=f"m{i}", kind="dm", author=rnd.choice(["@bp", "@BP"]),
                        created_at=START + timedelta(hours=rnd.randrange(300)),
                        text=" ".join(f"hi {name}" for name in named) or "hello", in_reply_to=thread))
    dms.sort(key=lambda p: p.created_at)
    sent = DmThreads()
    firsts = 0
    for dm in dms:
        assert is_first_dm(dm, sent.earlier(dm)) == is_first_dm(dm, dms), dm
        firsts += is_first_dm(dm, dms)
        sent.add(dm)
    assert 20 < firsts < 380  # both answers were tested


def test_the_index_finds_what_is_first_dm_would_when_dms_greet_people_by_name() -> None:
    """DMs naming nobody that greet different people ("Hi Priya", "Hi Tom") are different
    conversations; the index keeps, per name greeted, only the earliest DMs: the answers
    must still be those all the earlier DMs give, in any order of adding, times tied."""
    rnd = random.Random(11)
    openings = ["Hi Priya, ", "Hi Tom, ", "Hey Ana! ", "Dear Ben: ", "hi priya, ", "Thanks! ", "Sure, "]
    dms = [Post(id=f"g{i}", kind="dm", author="@bp", created_at=START + timedelta(hours=rnd.randrange(60)),
                text=rnd.choice(openings) + "worth a quick call this week?",
                in_reply_to=rnd.choice([None, None, None, "conv-1"]),
                mentions=rnd.choice([[], [], ["@ana"]]))
           for i in range(300)]
    for order in (sorted(dms, key=lambda p: p.created_at), dms):
        sent, added = DmThreads(), []
        firsts = 0
        for dm in order:
            assert is_first_dm(dm, sent.earlier(dm)) == is_first_dm(dm, added), dm
            firsts += is_first_dm(dm, added)
            sent.add(dm)
            added.append(dm)
        assert 5 < firsts < 295  # both answers were tested


def test_a_pasted_cold_dm_to_six_people_is_six_first_dm_pitches() -> None:
    """Without thread ids every DM after the first was read as following it: one error and
    five warnings for one campaign. Each greets another person: each is a first DM."""
    rules = RuleSet.from_config()
    sent = DmThreads()
    severities = []
    for i, name in enumerate(["Priya", "Tom", "Ana", "Sam", "Lee", "Kim"]):
        dm = post(f"d{i}", i, f"Hi {name}, thanks for connecting! We help agencies like yours grow with "
                  "done-for-you LinkedIn content. Worth a quick 15-minute call this week?", kind="dm",
                  platform="linkedin")
        history = History(dms=[*sent.earlier(dm)])
        severities += [f.severity for f in rules.check_post(dm, history=history) if f.rule == "sales-pitch"]
        sent.add(dm)
    assert severities == ["error"] * 6
    # the same words to one person twice: the second is no first DM
    again = post("d9", 9, "Hi Priya, following up: worth a quick 15-minute call this week? We help "
                 "agencies like yours grow.", kind="dm", platform="linkedin")
    assert not is_first_dm(again, sent.earlier(again))


# An agency on LinkedIn: twelve tips in three weeks, one reply, and the same cold DM pasted
# to six new connections with only the name changed, as a DM export without thread ids or
# handles gives it (canonical JSON Lines, through `assistant audit`).
_GROWTHLOOP_TIPS = [
    "Three things we learned running 40 agency audits this year: reply faster, post less, show real people.",
    "Your bio is the first thing people read after a good post. Say who you help and how.",
    "Alt text is not a caption: say what the picture shows and why it's there.",
    "Scheduling tip: post when your audience is awake, not when you are.",
    "Two hashtags that mean something beat twenty that don't.",
    "A reply to a customer is content too. Answer like a person, not a policy.",
    "Photos of real staff outperform stock photos for every client we've tested.",
    "Write for one person you can picture. Posts written for everyone reach no one.",
    "Your pinned post is your shop window. When did you last change yours?",
    "Polls are great for listening, terrible for deciding. Ask, then think.",
    "Local news, local names, local photos: small businesses win on what chains can't fake.",
    "Consistency is not posting every day. It's sounding like yourself every time you do.",
]
_CONNECTIONS = ["Priya", "Tom", "Aisha", "Marcus", "Elena", "Owen"]


def _row(pid: str, when: str, text: str, kind: str = "post", **fields: str) -> dict[str, str]:
    return {"id": pid, "created_at": when, "text": text, "kind": kind, "platform": "linkedin",
            "author": "@growthloop", **fields}


GROWTHLOOP = [
    *(_row(f"p{i}", f"2026-09-{1 + 2 * i:02d}T09:00:00Z", text) for i, text in enumerate(_GROWTHLOOP_TIPS)),
    _row("r1", "2026-09-03T15:00:00Z", "@dana_k thanks Dana, glad it helped!", "reply", in_reply_to="x99"),
]


def pasted_dm(i: int, name: str, greeting: str = "{name}") -> dict[str, str]:
    """The first DM to a new connection: one text, only the name changed."""
    return _row(f"dm{i}", f"2026-09-{10 + 2 * i:02d}T11:00:00Z",
                f"Hi {greeting.format(name=name)}, thanks for connecting! We help agencies like yours win 5 new "
                "retainers a quarter with our outbound system. Worth a quick 15-minute call this week?", "dm")


def audit_cli(capsys: pytest.CaptureFixture[str], tmp_path: Path, rows: list[dict[str, str]]) -> dict[str, Any]:
    """`assistant audit FEED.jsonl --format json` of `rows`, as of 2026-09-25."""
    path = tmp_path / "feed.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in sorted(rows, key=lambda r: r["created_at"])))
    code, out, _ = run_cli(capsys, "audit", str(path), "--no-llm", "--format", "json", "--as-of", "2026-09-25")
    result = cast(dict[str, Any], json.loads(out))
    assert code == any(f["severity"] == "error" for f in result["findings"])  # --fail-on error
    return result


def said(result: dict[str, Any], rule: str) -> list[str]:
    return [f"{f['message']} | {f['evidence']}" for f in result["findings"] if f["rule"] == rule]


def test_one_cold_dm_pasted_to_six_people_is_six_pitches_not_five_conversations(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Twelve posts for one reply is broadcast-only (12 to 1) with a gap. Six copies of one
    cold pitch, each to a new connection, made it conversational (100): with no thread and no
    handle, the five after the first read as later DMs of one conversation. Nothing shows they
    answer anyone, and the same words went to six people: they are outreach, so both findings
    stay and the conversation score drops below the feed's without them. With handles or
    thread ids the DMs are told apart, and the audit says the same."""
    without = audit_cli(capsys, tmp_path, GROWTHLOOP)
    assert said(without, "broadcast-only")[0].startswith("12 broadcasts for 1 reply (12 to 1)")
    unthreaded = [pasted_dm(i, name) for i, name in enumerate(_CONNECTIONS)]
    handled = [pasted_dm(i, name, "@{name}") for i, name in enumerate(_CONNECTIONS)]
    threaded = [{**dm, "in_reply_to": f"conv-{dm['id']}"} for dm in unthreaded]
    for dms in (unthreaded, handled, threaded):
        result = audit_cli(capsys, tmp_path, GROWTHLOOP + dms)
        assert said(result, "broadcast-only") == [
            "18 broadcasts, 6 of them cold pitch DMs, for 1 reply (18 to 1); the norm we preach is at most 10 to 1"
            " | 12 posts, quotes and reposts, 6 cold pitch DMs (all of them copies of one message); "
            "1 reply to others and other DMs"]
        assert said(result, "engagement-gap")[0].startswith(
            "20 days without a conversation while still posting: last replied to someone on 2026-09-03; "
            "16 broadcasts (6 of them cold pitch DMs) since")
        conversation = result["health"]["components"]["conversation"]["score"]
        assert conversation < without["health"]["components"]["conversation"]["score"]


def test_a_sequence_s_follow_up_in_every_thread_is_outreach_a_support_desk_s_canned_answer_is_not() -> None:
    """Threads do not make a mailing a conversation. A sequence tool thanks each new connection
    (no pitch: conversation), then sends the same pitch as a follow-up in each thread: a later
    DM, yet nobody asked for it. A support desk sends the same "could you send your order
    number?" in each customer's thread: canned, but an answer, and no pitch; it stays talk."""
    names = ["Sam", "Priya", "Laura"]
    hello = [post(f"hi{i}", 1.5 * i + 0.2, f"Hi {name}, thanks for connecting! Always good to meet people in "
                  "the agency world.", kind="dm", in_reply_to=f"conv-{i}", author="@northstar_talent",
                  platform="linkedin") for i, name in enumerate(names)]
    bump = [post(f"fu{i}", 1.5 * i + 3.2, f"Hi {name}, following up: we help scale-ups fill engineering roles "
                 "in under three weeks. Worth a quick 15-minute call this week?", kind="dm",
                 in_reply_to=f"conv-{i}", author="@northstar_talent", platform="linkedin")
            for i, name in enumerate(names)]
    # thirty job ads and three hellos alone would be ten to one, within the norm
    assert found(audit(RECRUITER_POSTS + hello + bump), "broadcast-only") == [
        "33 broadcasts, 3 of them cold pitch DMs, for 3 replies (11 to 1); the norm we preach is at most 10 to 1 "
        "| 30 posts, quotes and reposts, 3 cold pitch DMs (all of them copies of one message); 3 replies to "
        "others and other DMs"]
    canned = [post(f"sd{i}", 1.5 * i + 0.4, f"Hi {name}, thanks for reaching out and sorry about the delay! "
                   "Could you send us your order number so we can look into it?", kind="dm",
                   in_reply_to=f"ticket-{i}", author="@northstar_talent", platform="linkedin")
              for i, name in enumerate(names)]
    assert found(audit(RECRUITER_POSTS + canned), "broadcast-only") == []


def test_cold_pitches_in_different_words_with_no_thread_are_each_outreach() -> None:
    """The lead-gen outfit's ten pitches, exported without thread ids or handles: nothing tells
    their conversations apart, so each after the first read as a later DM of one conversation,
    nine conversations for an account that talks with nobody. A pitch that nothing shows
    answers someone is outreach. A DM naming nobody that does not pitch stays talk."""
    dms = [post(f"lg{i}", 2 * i + 0.3, text, kind="dm", author="@pipelinepros", platform="linkedin")
           for i, text in enumerate(LEADGEN_DMS)]
    result = audit(dms, name="@pipelinepros")
    assert found(result, "broadcast-only") == [
        "10 broadcasts, all of them cold pitch DMs, for 0 replies (no replies at all); the norm we preach "
        "is at most 10 to 1 | 0 posts, quotes and reposts, 10 cold pitch DMs; 0 replies to others and other DMs"]
    thanks = post("ty", 20.5, "Thanks so much for the kind words about our webinar, made my week!", kind="dm",
                  author="@pipelinepros", platform="linkedin")
    split = split_feed(feed([*dms, thanks], "@pipelinepros", "linkedin"))
    assert [p.id for p in split.talks] == ["ty"] and len(split.broadcasts) == 10


def split_feed(read: Feed) -> Split:
    """A feed's broadcasts and conversations, as both conversation rules count them."""
    conversations = Conversations()
    for one in read.posts:
        conversations.add(one)
    return conversations.split()


def test_both_conversation_rules_of_one_audit_read_its_dms_once() -> None:
    """Reading each DM for a pitch is most of an audit of a DM export, and broadcast-only and
    engagement-gap both need it: in one audit the second asks the first's reading. What they
    share lives in the audit's context, so nothing of one feed outlives its audit."""
    dms = [post(f"d{i}", i, f"Hi {name}, thanks for connecting! We help agencies grow with "
                "done-for-you LinkedIn content. Worth a quick 15-minute call this week?", kind="dm")
           for i, name in enumerate(["Priya", "Tom", "Ana"])]
    one = feed(dms, "@pipelinepros", "linkedin")
    shared: dict[type, Any] = {}
    tallies = [rule.tally(one.account, False, FeedContext(rule.thresholds, AS_OF, shared=shared))
               for rule in (BROADCAST_ONLY, ENGAGEMENT_GAP) if rule.tally]
    for dm in one.posts:
        for tally in tallies:
            tally.add(dm)
    first, second = (cast(Any, tally).conversations for tally in tallies)
    assert first is second
    assert first.split() is second.split()
    assert [said.id for said in second.split().broadcasts] == ["d0", "d1", "d2"], "a DM was read twice"
    assert ENGAGEMENT_GAP.tally is not None
    another_audit = ENGAGEMENT_GAP.tally(one.account, False, FeedContext(ENGAGEMENT_GAP.thresholds, AS_OF))
    assert cast(Any, another_audit).conversations is not first
