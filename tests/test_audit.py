"""audit_feed: what a user of `assistant audit` sees for a whole feed."""

from __future__ import annotations

import gc
import json
import sys
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from assistant.audit import STAGE_FEED, STAGE_POSTS, audit_feed
from assistant.checks.ruleset import RuleSet
from assistant.cli import main
from assistant.config import RulesConfig
from assistant.models import Account, Feed, Media, Post, severity_rank
from tests.conftest import REALDATA, run_cli

START = datetime(2026, 10, 1, 9, 0, tzinfo=UTC)
WORDS = [
    "brand", "story", "client", "trust", "data", "video", "design", "research", "trend", "launch",
    "team", "culture"
]


def text(i: int) -> str:
    """A different sentence for every i (no two share enough words to look repeated)."""
    return " ".join(WORDS[(i * k + k * k) % len(WORDS)] + str(i % 7 + k) for k in range(1, 11))


def feed(posts: list[Post]) -> Feed:
    return Feed(account=Account(name="@bp"), posts=posts, source="test.jsonl")


def posts_over(days: int, per_day: int = 2, begging_every: int = 0) -> list[Post]:
    out = []
    for i in range(days * per_day):
        body = text(i)
        if begging_every and i % begging_every == 0:
            body += " Please retweet and share this!"
        out.append(Post(id=f"p{i}", created_at=START + timedelta(hours=24 * i / per_day), text=body))
    return out


def test_posts_after_as_of_are_not_part_of_the_audit() -> None:
    posts = posts_over(10)
    as_of = START + timedelta(days=5, minutes=-1)  # the post at exactly as_of would count
    result = audit_feed(feed(list(reversed(posts))), RuleSet.from_config(), as_of=as_of)
    assert result.stats.posts == 10 and result.stats.last_post < as_of
    assert result.stats.first_post == START and result.as_of == as_of
    assert result.account.name == "@bp" and result.source == "test.jsonl"


def test_post_rules_are_summarised_once_per_rule_with_share_and_examples() -> None:
    posts = posts_over(20, begging_every=4)  # 10 of 40 posts beg for shares
    result = audit_feed(feed(posts), RuleSet.from_config(), as_of=START + timedelta(days=30))
    begging = [f for f in result.findings if f.rule == "share-begging"]
    assert len(begging) == 1
    assert begging[0].message == "10 of 40 posts (25.0%) ask for shares"
    assert begging[0].examples == ["p0", "p4", "p8", "p12", "p16"]
    assert "retweet" in begging[0].evidence.lower() and begging[0].post_id is None
    assert "share-begging" in result.health.components["promotion"].rules


def test_rules_with_a_feed_check_do_not_also_report_every_post() -> None:
    same = "We rebuilt the onboarding flow for new clients this week and it shows"
    posts = [Post(id=f"p{i}", created_at=START + timedelta(hours=5 * i), text=same) for i in range(6)]
    result = audit_feed(feed(posts), RuleSet.from_config(), as_of=START + timedelta(days=3))
    repeats = [f for f in result.findings if f.rule == "repeat-post"]
    assert len(repeats) == 1 and repeats[0].post_id is None and "6 times" in repeats[0].message
    assert all(f.post_id is None for f in result.findings)


def test_findings_come_worst_first_and_follow_the_config() -> None:
    posts = posts_over(30, per_day=1, begging_every=2)
    config = RulesConfig(severity={"broadcast-only": "error"}, ignore=["engagement-gap"])
    result = audit_feed(feed(posts), RuleSet.from_config(config), as_of=START + timedelta(days=60))
    assert result.findings[0].rule == "broadcast-only" and result.findings[0].severity == "error"
    ranks = [severity_rank(f.severity) for f in result.findings]
    assert ranks == sorted(ranks, reverse=True)
    assert "engagement-gap" not in {f.rule for f in result.findings}


def test_progress_names_each_stage_and_counts_posts_every_thousand() -> None:
    calls: list[tuple[str, int, int]] = []
    posts = posts_over(1250, per_day=2)
    audit_feed(feed(posts), RuleSet.from_config(RulesConfig(select=["share-begging"])),
               as_of=START + timedelta(days=2000),
               progress=lambda stage, done, total: calls.append((stage, done, total)))
    assert calls == [(STAGE_FEED, 0, 0), (STAGE_POSTS, 0, 2500), (STAGE_POSTS, 1000, 2500),
                     (STAGE_POSTS, 2000, 2500), (STAGE_POSTS, 2500, 2500)]


def test_the_same_feed_gives_the_same_audit() -> None:
    posts = posts_over(40, per_day=6, begging_every=3)
    posts += [Post(id=f"r{i}", created_at=START + timedelta(hours=9 * i), text=text(3 * i)) for i in range(40)]
    rules = RuleSet.from_config()
    first = audit_feed(feed(posts), rules, as_of=START + timedelta(days=41))
    again = audit_feed(feed(list(reversed(posts))), rules, as_of=START + timedelta(days=41))
    assert first.model_dump() == again.model_dump()


def test_audits_at_once_in_threads_leave_the_collector_on_and_agree() -> None:
    """The collector pauses for an audit (no cycles, millions of objects): a worker
    running several at once, one of them failing, still ends with it back on."""
    posts = posts_over(20, per_day=4, begging_every=3)
    rules = RuleSet.from_config()
    results: list[Any] = []

    def work(failing: bool) -> None:
        try:
            # A time without a zone cannot be set beside the posts' times: the audit raises.
            when = START.replace(tzinfo=None) if failing else START + timedelta(days=21)
            results.append(audit_feed(feed(posts), rules, as_of=when).model_dump())
        except ValueError:
            results.append("failed")

    threads = [threading.Thread(target=work, args=(i == 1,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results.count("failed") == 1
    audits = [r for r in results if r != "failed"]
    assert len(audits) == 3 and audits[0] == audits[1] == audits[2]
    assert gc.isenabled()


def test_an_empty_feed_is_healthy_and_says_nothing() -> None:
    result = audit_feed(feed([]), RuleSet.from_config(), as_of=START)
    assert result.findings == [] and result.stats.posts == 0 and result.health.score == 100


def test_a_pitch_in_a_later_dm_of_a_conversation_is_not_a_first_dm_pitch() -> None:
    first = Post(id="d1", kind="dm", in_reply_to="conv1", created_at=START,
                 text="Thanks for connecting, Robert! Loved your talk on community building.")
    later = Post(id="d2", kind="dm", in_reply_to="conv1", created_at=START + timedelta(days=3),
                 text="Following up: book a free consultation with us and we'll show you the numbers.")
    opener = Post(id="d3", kind="dm", in_reply_to="conv2", created_at=START + timedelta(days=4),
                  text="Hi Sam, thanks for connecting! Book a free consultation with us today.")
    rules = RuleSet.from_config(RulesConfig(select=["sales-pitch"]))
    as_of = START + timedelta(days=5)
    later_only = audit_feed(feed([first, later]), rules, as_of=as_of).findings
    assert [(f.rule, f.severity) for f in later_only] == [("sales-pitch", "warning")]
    with_opener = audit_feed(feed([first, later, opener]), rules, as_of=as_of).findings
    # The first-DM pitch and the later one are different faults, reported apart.
    assert [(f.rule, f.severity, f.examples) for f in with_opener] == [
        ("sales-pitch", "error", ["d3"]), ("sales-pitch", "warning", ["d2"])]
    assert with_opener[0].message == (
        "1 of 3 posts (33.3%) pitches in the first DM of a conversation")


# Per-severity summaries: one rule, several severities, each reported and scored apart.

# The length that performs is set here (the shipped default follows the studies): with it
# at 100, a post of 230 characters is info-level advice, one of 80 is fine, and one of 300
# is over X's hard limit of 280 (an error) whatever the studies say.
LENGTHS = RulesConfig(select=["too-long"], thresholds={"too-long": {"performing_length": {"x": 100}}})


def sentence(i: int, length: int) -> str:
    """Plain words (no links, no mentions: nothing X counts differently), `length` characters."""
    words = (text(i) + " ") * 10
    return words[:length].rstrip() + "."


def long_and_over(over: int, long: int, short: int) -> list[Post]:
    sizes = [300] * over + [230] * long + [80] * short
    return [Post(id=f"p{i}", created_at=START + timedelta(hours=5 * i), text=sentence(i, n))
            for i, n in enumerate(sizes)]


def test_a_rule_s_hits_at_different_severities_are_reported_apart() -> None:
    posts = long_and_over(over=3, long=21, short=76)
    result = audit_feed(feed(posts), RuleSet.from_config(LENGTHS), as_of=START + timedelta(days=30))
    found = {f.severity: f for f in result.findings if f.rule == "too-long"}
    assert set(found) == {"error", "info"}
    error, info = found["error"], found["info"]
    assert error.message == "3 of 100 posts (3.0%) are over the platform's limit"
    assert error.examples == ["p0", "p1", "p2"] and "/280 " in error.evidence
    assert info.message == "21 of 100 posts (21.0%) are longer than what performs"
    assert info.examples == ["p3", "p4", "p5", "p6", "p7"] and "(the length that performs)" in info.evidence
    assert [f.severity for f in result.findings] == ["error", "info"]  # worst first


def test_each_severity_moves_the_score_by_its_own_share() -> None:
    """Three posts over the limit cost what three errors cost, not what 24 would."""
    rules = RuleSet.from_config(LENGTHS)
    as_of = START + timedelta(days=30)
    mixed = audit_feed(feed(long_and_over(over=3, long=21, short=76)), rules, as_of=as_of)
    errors_only = audit_feed(feed(long_and_over(over=3, long=0, short=97)), rules, as_of=as_of)
    all_errors = audit_feed(feed(long_and_over(over=25, long=0, short=75)), rules, as_of=as_of)
    conversation = [a.health.components["conversation"].score for a in (mixed, errors_only, all_errors)]
    # 21 info-level posts cost a little on top of three errors; a quarter of the posts
    # over the limit is as bad as it gets.
    assert conversation[1] - 10 <= conversation[0] < conversation[1] and conversation[2] == 0
    assert mixed.health.score > 85 > all_errors.health.score


def test_a_single_post_is_spoken_of_in_the_singular() -> None:
    posts = long_and_over(over=1, long=2, short=5)
    result = audit_feed(feed(posts), RuleSet.from_config(LENGTHS), as_of=START + timedelta(days=30))
    messages = [f.message for f in result.findings]
    assert messages == ["1 of 8 posts (12.5%) is over the platform's limit",
                        "2 of 8 posts (25.0%) are longer than what performs"]


def test_a_post_counts_once_per_rule_at_its_worst_hit() -> None:
    two_bad_images = Post(id="a", created_at=START, text="Two pictures from the workshop today.",
                          media=[Media(url="https://x.example/1.jpg", alt=""),
                                 Media(url="https://x.example/2.jpg", alt="IMG_2231.jpg")])
    fine = Post(id="b", created_at=START + timedelta(hours=3), text="A quiet afternoon of planning.")
    rules = RuleSet.from_config(RulesConfig(select=["missing-alt-text"]))
    result = audit_feed(feed([two_bad_images, fine]), rules, as_of=START + timedelta(days=1))
    assert [f.message for f in result.findings] == [
        "1 of 2 posts (50.0%) has a picture without alt text"]


def test_a_regraded_rule_reports_every_hit_at_the_configured_severity() -> None:
    config = RulesConfig(select=["too-long"], severity={"too-long": "warning"},
                         thresholds=LENGTHS.thresholds)
    result = audit_feed(feed(long_and_over(over=3, long=21, short=76)), RuleSet.from_config(config),
                        as_of=START + timedelta(days=30))
    assert [(f.severity, f.message) for f in result.findings] == [
        ("warning", "24 of 100 posts (24.0%) are too long")]


def _write_feed(path: Path, posts: list[Post]) -> Path:
    path.write_text("".join(p.model_dump_json() + "\n" for p in posts), encoding="utf-8")
    return path


def test_the_exit_code_follows_the_real_worst_finding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "assistant.toml"
    config.write_text('[rules]\nselect = ["too-long"]\n[rules.thresholds.too-long]\n'
                      'performing_length = { x = 100 }\n')
    long_only = _write_feed(tmp_path / "long.jsonl", long_and_over(over=0, long=60, short=40))
    one_over = _write_feed(tmp_path / "over.jsonl", long_and_over(over=1, long=60, short=39))

    def audit(path: Path, *extra: str) -> tuple[int, dict[str, Any]]:
        with pytest.raises(SystemExit) as exited:
            main(["audit", str(path), "--config", str(config), "--as-of", "2026-12-01",
                  "--format", "json", "--no-llm", *extra])
            sys.exit(0)  # main returns when nothing fails
        return int(exited.value.code or 0), json.loads(capsys.readouterr().out)

    code, result = audit(long_only)  # 60% of posts run long: advice, not a failure
    assert code == 0 and [f["severity"] for f in result["findings"]] == ["info"]
    assert result["health"]["score"] >= 90  # info findings never dominate a score
    assert audit(long_only, "--fail-on", "info")[0] == 1
    code, result = audit(one_over)  # one post really is over the limit
    assert code == 1 and [f["severity"] for f in result["findings"]] == ["error", "info"]
    assert result["findings"][0]["message"].startswith("1 of 100 posts")


def test_the_text_report_shows_each_severity_under_its_own_heading() -> None:
    from rich.console import Console

    from assistant.render.text import print_audit

    result = audit_feed(feed(long_and_over(over=1, long=2, short=5)), RuleSet.from_config(LENGTHS),
                        as_of=START + timedelta(days=30))
    console = Console(record=True, width=120, color_system=None)
    print_audit(result, console)
    out = console.export_text()
    error_part, info_part = out.split("\nERROR\n")[1].split("\nINFO\n")
    assert "too-long  1 of 8 posts (12.5%) is over the platform's limit" in error_part
    assert "too-long  2 of 8 posts (25.0%) are longer than what performs" in info_part


def test_a_rule_without_its_own_words_still_gets_a_correct_sentence() -> None:
    from assistant.audit_summary import summary

    assert summary("custom-rule", 1, 1, "warning") == "1 of 1 post (100.0%) is flagged"
    assert summary("custom-rule", 2, 3000, "info") == "2 of 3000 posts (<0.1%) are flagged"
    assert summary("link-only", 1, 3) == "1 of 3 posts (33.3%) is a bare link with nothing said about it"


def test_a_count_names_the_kinds_a_rule_checked_when_not_all_of_the_feeds() -> None:
    """The andreruffert archive: 500 items in the header, "10 of 171 posts" in link-only's
    finding, with nothing saying the rest are replies and reposts it does not check."""
    from assistant.audit_summary import summary
    from assistant.sources import load_feed

    assert summary("link-only", 9, 171, kinds=["post", "quote"]) == (
        "9 of 171 posts and quotes (5.3%) are bare links with nothing said about them")
    assert summary("share-begging", 1, 3, kinds=["post", "reply", "dm"]).startswith("1 of 3 posts, replies and DMs")
    assert summary("sales-pitch", 1, 1, "error", kinds=["dm"]).startswith("1 of 1 DM (100.0%)")
    feed = load_feed(REALDATA / "x_archive" / "andreruffert_tweets.js")
    result = audit_feed(feed, RuleSet.from_config(RulesConfig(select=["link-only"])),
                        as_of=datetime(2023, 1, 1, tzinfo=UTC))
    [link_only] = result.findings
    assert link_only.message.startswith("10 of 171 posts and quotes (5.8%)")


def test_undated_drafts_give_a_feed_no_span_of_56_years() -> None:
    """Importers put a draft without a time at the Unix epoch: a Buffer upload of two
    drafts and one dated post read "3 posts over 20481 days", first post 1970."""
    from assistant.sources import load_feed

    feed = load_feed(REALDATA / "buffer" / "X_Buffer_Import_Template.csv")
    result = audit_feed(feed, RuleSet.from_config(), as_of=datetime(2026, 1, 28, tzinfo=UTC))
    assert result.stats.posts == 3
    assert result.stats.first_post == result.stats.last_post == datetime(2026, 1, 27, 17, 30, tzinfo=UTC)
    assert result.stats.days == 0
    drafts = load_feed(REALDATA / "buffer" / "buffer-all-platforms.csv")  # every post undated
    stats = audit_feed(drafts, RuleSet.from_config(), as_of=datetime(2026, 1, 28, tzinfo=UTC)).stats
    assert (stats.first_post, stats.last_post, stats.days) == (None, None, 0.0)


def test_a_japanese_feed_is_told_once_that_the_english_only_rules_did_not_read_it() -> None:
    posts = [Post(id=f"j{i}", created_at=START + timedelta(hours=i),
                  text=f"今日は新しいブログ記事を公開しました。ぜひ読んでください {i}")
             for i in range(480)]
    posts += [Post(id=f"e{i}", created_at=START + timedelta(hours=480 + i),
                   text=f"We wrote about {text(i)} for the team this week") for i in range(20)]
    result = audit_feed(feed(posts), RuleSet.from_config(), as_of=START + timedelta(days=30))
    notes = [f for f in result.findings if f.rule == "not-english"]
    assert len(notes) == 1
    note = notes[0]
    assert note.severity == "info" and note.examples == ["j0", "j1", "j2", "j3", "j4"]
    assert note.message.startswith("480 of 500 posts (96.0%) do not read as English")
    assert "share requests, sales pitches or mention pushes" in note.message
    assert "Japanese" in note.evidence
    quiet = audit_feed(feed(posts), RuleSet.from_config(RulesConfig(ignore=["not-english"])),
                       as_of=START + timedelta(days=30))
    assert result.health == quiet.health


# Spanish posts, each long enough to tell, and one English one.
SPANISH = [f"Hoy publicamos la guía {i} de nuestra agencia: todo lo que aprendimos este año con los clientes"
           for i in range(3)]


def test_the_not_english_sentence_names_only_the_checks_in_force() -> None:
    """With mention-push ignored, nothing was going to look for mention pushes anyway: the
    sentence named all three checks whatever the config switched off."""
    from assistant.audit_summary import summary

    without_mentions = RuleSet.from_config(RulesConfig(ignore=["mention-push"])).in_force
    assert summary("not-english", 3, 10, "info", in_force=without_mentions) == (
        "3 of 10 posts (30.0%) do not read as English, so nothing checked them for share requests "
        "or sales pitches (those checks read English only): have someone who reads them check")
    pitches_only = RuleSet.from_config(RulesConfig(select=["sales-pitch", "not-english"])).in_force
    assert summary("not-english", 1, 10, "info", in_force=pitches_only) == (
        "1 of 10 posts (10.0%) does not read as English, so nothing checked it for sales pitches "
        "(that check reads English only): have someone who reads it check")
    every_rule = RuleSet.from_config().in_force
    assert summary("not-english", 3, 10, "info", in_force=every_rule) == summary("not-english", 3, 10, "info") == (
        "3 of 10 posts (30.0%) do not read as English, so nothing checked them for share requests, "
        "sales pitches or mention pushes (those checks read English only): have someone who reads them check")


def test_an_audit_with_mention_push_ignored_says_as_each_post_does_that_two_checks_did_not_read_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """`audit --ignore mention-push`: the note on each Spanish post named share requests and
    sales pitches, while the audit's sentence about the same posts named mention pushes too."""
    rows = [{"id": f"s{i}", "created_at": f"2026-10-0{i + 1}T09:00:00Z", "text": spanish}
            for i, spanish in enumerate(SPANISH)]
    rows.append({"id": "e0", "created_at": "2026-10-05T09:00:00Z", "text": f"We wrote about {text(0)}"})
    path = tmp_path / "feed.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows))

    _, out, _ = run_cli(capsys, "review", "--no-llm", "--format", "json", "--ignore", "mention-push", SPANISH[0])
    [post_note] = [f["message"] for f in json.loads(out)["findings"] if f["rule"] == "not-english"]
    assert post_note.startswith("Not checked for share requests or sales pitches: ")
    _, out, _ = run_cli(capsys, "audit", str(path), "--no-llm", "--format", "json", "--ignore", "mention-push")
    [note] = [f["message"] for f in json.loads(out)["findings"] if f["rule"] == "not-english"]
    assert note == ("3 of 4 posts (75.0%) do not read as English, so nothing checked them for share "
                    "requests or sales pitches (those checks read English only): have someone who "
                    "reads them check")
    _, out, _ = run_cli(capsys, "audit", str(path), "--no-llm", "--format", "json")
    [note] = [f["message"] for f in json.loads(out)["findings"] if f["rule"] == "not-english"]
    assert "share requests, sales pitches or mention pushes (those checks read English only)" in note


def test_the_costliest_habit_comes_first_not_the_first_rule_id() -> None:
    """Among warnings, the top problem is the one that takes most off the score, and of two
    as costly the one behind more posts: the sponsor plan's headline is the template sent 23
    times, not one of three links posted 4-5 times (rule ids sort "link-flood" first)."""
    from assistant.sources import load_feed

    feed = load_feed(REALDATA / "hootsuite" / "hbc_bsidesphilly_sponsors.csv")
    audit = audit_feed(feed, RuleSet.from_config(), as_of=datetime(2026, 11, 30, tzinfo=UTC))
    rules = [f.rule for f in audit.findings]
    assert rules[0] == "repeat-post" and "23 times" in audit.findings[0].message
    # repetition (a third of the score) at its worst before cadence (a sixth) at its worst
    assert rules.index("link-flood") < rules.index("overposting")


def test_visbot_s_broadcast_count_adds_up_to_the_replies_in_its_header() -> None:
    """visbot's header says 77 replies; broadcast-only said "34 replies" and counted "2062
    posts, quotes and reposts", quietly holding the 43 replies that continue its own threads
    (a thread is a broadcast, by design). The evidence names them, so the page adds up:
    2019 + 43 broadcasts and 34 replies are its 2096 posts, 43 + 34 its 77 replies."""
    from assistant.sources import load_feed

    feed = load_feed(REALDATA / "x_archive" / "visbot_tweets.js")
    audit = audit_feed(feed, RuleSet.from_config(), as_of=datetime(2022, 11, 22, tzinfo=UTC))
    [finding] = [f for f in audit.findings if f.rule == "broadcast-only"]
    assert (audit.stats.posts, audit.stats.replies) == (2096, 77)
    assert finding.message.startswith("2062 broadcasts for 34 replies (61 to 1)")
    assert finding.evidence == ("2019 posts, quotes and reposts, 43 replies to its own posts (threads count "
                                "as broadcasts); 34 replies to others and DMs")


def test_a_heavy_component_s_habit_outranks_a_light_one_s_at_the_same_severity() -> None:
    """A feed that never writes alt text and reposts the same words: the repeats (a third of
    the score) head the list, not the pictures (a twelfth), whatever their ids."""
    start = datetime(2026, 10, 1, tzinfo=UTC)
    pictures = [Media(type="image", url=f"https://cdn.example/{i}.jpg") for i in range(12)]
    posts = [
        Post(id=str(i), created_at=start + timedelta(days=i),
             text="Our autumn menu is here: pumpkin soup, apple cake and more." if i % 2
             else f"Day {i} at the studio: sketches, coffee and a new brush {i}.",
             media=[pictures[i]])
        for i in range(12)
    ]
    feed = Feed(account=Account(name="studio", platform="instagram"), posts=posts)
    audit = audit_feed(feed, RuleSet.from_config(), as_of=start + timedelta(days=30))
    rules = [f.rule for f in audit.findings if f.severity == "warning"]
    assert "missing-alt-text" in rules and "repeat-post" in rules
    assert rules.index("repeat-post") < rules.index("missing-alt-text")
