"""The command line as users drive it: exit codes, output formats, errors on bad input."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, REALDATA, REPO, run_on_terminal
from tests.conftest import run_cli as run

SPAM_FEED = EXAMPLES / "brightpixel_x.jsonl"
HEALTHY_FEED = EXAMPLES / "quietstudio_x.jsonl"
CONFIG = EXAMPLES / "assistant.toml"
ISSUE_RULE_IDS = {
    "share-begging", "sales-pitch", "mention-push", "link-only", "too-long", "hashtag-stuffing",
    "missing-alt-text", "stale-latest", "repeat-post", "self-promo-ratio", "broadcast-only",
    "engagement-gap", "link-flood", "repeated-image", "overposting", "long-blog-post",
}


@pytest.fixture(autouse=True)
def _no_llm(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests are about the deterministic engine: no endpoint configured."""
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "AZURE_OPENAI_ENDPOINT", "ASSISTANT_CONFIG"):
        monkeypatch.delenv(name, raising=False)


def test_clean_draft_exits_zero_and_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "review", "@sam_rivera congrats on the launch, the new site looks great!")
    assert code == 0
    assert "No rule findings" in out


def test_share_begging_draft_fails_at_warning_level(capsys: pytest.CaptureFixture[str]) -> None:
    draft = "Our new guide is out! Please RT and share with your network https://brightpixel.example/g"
    code, out, _ = run(capsys, "review", draft, "--format", "json", "--fail-on", "warning")
    assert code == 1
    review = json.loads(out)
    assert review["schema"] == "assistant.review/v1"
    rules = {f["rule"] for f in review["findings"]}
    assert "share-begging" in rules
    for finding in review["findings"]:
        assert {"rule", "severity", "message", "evidence", "post_id"} <= finding.keys()
    # Default --fail-on is error: the same warnings alone exit 0.
    code, _, _ = run(capsys, "review", draft, "--format", "json")
    assert code == 0


def test_over_the_hard_limit_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "review", "word " * 100, "--format", "json")
    assert code == 1
    findings = json.loads(out)["findings"]
    assert any(f["rule"] == "too-long" and f["severity"] == "error" for f in findings)


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_review_reads_stdin(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, "Please retweet this!! https://a.example/x 🎉".encode())
    code, out, _ = run(capsys, "review", "-", "--format", "json")
    assert code == 0
    assert json.loads(out)["post"]["text"].startswith("Please retweet")


def test_non_utf8_stdin_is_an_input_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _stdin(monkeypatch, b"\xff\xfePlease share")
    code, out, err = run(capsys, "review", "-")
    assert code == 2 and out == ""
    assert "<stdin>: not UTF-8" in err


def test_empty_draft_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "review", "   ")
    assert code == 2
    assert "empty" in err and out == ""


def test_review_input_file_gives_json_lines(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "review", "--input", str(HEALTHY_FEED), "--format", "json")
    lines = out.splitlines()
    assert len(lines) == sum(1 for _ in HEALTHY_FEED.open())
    ids = [json.loads(line)["post"]["id"] for line in lines]
    assert ids[0] == "hp001"
    assert code == 0


def test_review_against_history_finds_the_repeat(capsys: pytest.CaptureFixture[str]) -> None:
    draft = "Our latest blog post: Why stories matter for brands https://brightpixel-agency.example/blog/why-stories-matter"
    code, out, _ = run(capsys, "review", draft, "--history", str(SPAM_FEED), "--format", "json",
                       "--as-of", "2026-11-10")
    rules = {f["rule"] for f in json.loads(out)["findings"]}
    assert {"stale-latest", "repeat-post"} <= rules
    assert code == 0  # warnings only; the default --fail-on is error
    # Months later the link is still stale, but the repeat is outside the 14-day window.
    _, out, _ = run(capsys, "review", draft, "--history", str(SPAM_FEED), "--format", "json",
                    "--as-of", "2027-03-01")
    rules = {f["rule"] for f in json.loads(out)["findings"]}
    assert "stale-latest" in rules and "repeat-post" not in rules
    _, out, _ = run(capsys, "review", draft, "--format", "json")
    assert not {"stale-latest", "repeat-post"} & {f["rule"] for f in json.loads(out)["findings"]}


def test_audit_spam_engine_scores_low_and_healthy_feed_high(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "audit", str(SPAM_FEED), "--config", str(CONFIG),
                       "--as-of", "2026-11-11", "--format", "json")
    spam = json.loads(out)
    assert spam["schema"] == "assistant.audit/v1"
    assert spam["health"]["score"] < 40
    assert set(spam["health"]["components"]) == {
        "conversation", "promotion", "repetition", "cadence", "accessibility"}
    rules = {f["rule"] for f in spam["findings"]}
    assert {"repeat-post", "self-promo-ratio", "engagement-gap", "repeated-image"} <= rules
    assert code == 0 or code == 1

    code, out, _ = run(capsys, "audit", str(HEALTHY_FEED), "--as-of", "2026-11-11", "--format", "json")
    healthy = json.loads(out)
    assert healthy["health"]["score"] > 70
    assert code == 0


def test_audit_text_output_shows_score_and_components(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "audit", str(SPAM_FEED), "--config", str(CONFIG), "--as-of", "2026-11-11")
    assert "/100" in out
    for component in ("conversation", "promotion", "repetition", "cadence", "accessibility"):
        assert component in out
    assert "WARNING" in out or "ERROR" in out


def test_as_of_cuts_the_feed_but_quiet_after_it_is_no_engagement_gap(capsys: pytest.CaptureFixture[str]) -> None:
    """A week into its two silent months the agency feed has no gap yet; a feed that answers
    people and then stops is not ignoring anyone, however late it is audited."""
    _, early, _ = run(capsys, "audit", str(SPAM_FEED), "--as-of", "2026-09-05", "--format", "json")
    _, late, _ = run(capsys, "audit", str(SPAM_FEED), "--as-of", "2026-11-11", "--format", "json")
    assert "engagement-gap" not in {f["rule"] for f in json.loads(early)["findings"]}
    assert "engagement-gap" in {f["rule"] for f in json.loads(late)["findings"]}
    _, dormant, _ = run(capsys, "audit", str(HEALTHY_FEED), "--as-of", "2027-06-01", "--format", "json")
    assert "engagement-gap" not in {f["rule"] for f in json.loads(dormant)["findings"]}


def test_a_link_pushed_again_says_how_often_without_guessing_the_words(
    capsys: pytest.CaptureFixture[str]
) -> None:
    """The history holds the same link 43 times in two weeks, 11 of them in nearly the draft's
    words (too short to compare): "with other words" was not true of those."""
    _, out, _ = run(capsys, "review", "--no-llm", "--history", str(EXAMPLES / "brightpixel_x.jsonl"),
                    "--as-of", "2026-11-10", "NEW on the blog: Why stories matter "
                    "https://brightpixel-agency.example/blog/why-stories-matter")
    assert "This link already went out 43 times in the last 14 days; this would be time 44" in out


def test_a_schedule_for_later_is_audited_to_its_end_not_left_out(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Next month's Hootsuite plan, audited today, was "0 posts, 100/100": every post was
    after "now". A plan is audited to its last post unless --as-of says otherwise, and
    posts left out as dated later are counted where the score is."""
    plan = tmp_path / "january.csv"
    sponsors = (REALDATA / "hootsuite" / "hbc_bsidesphilly_sponsors.csv").read_text()
    plan.write_text(sponsors.replace("2018-12-04", "2099-01-12"))
    code, out, _ = run(capsys, "audit", str(plan), "--no-llm", "--format", "json")
    audit = json.loads(out)
    assert (audit["stats"]["posts"], audit["stats"]["later"]) == (23, 0)
    assert audit["as_of"] == "2099-01-12T19:00:00Z" and audit["health"]["score"] < 50
    assert code == 0 and "repeat-post" in {f["rule"] for f in audit["findings"]}
    _, out, _ = run(capsys, "audit", str(plan), "--no-llm", "--as-of", "2099-01-12T09:00:00Z")
    assert "Health" in out and "3 posts in all over" in out
    assert "; 20 posts dated later not audited (--as-of to include them)" in out
    # the queue's own JSON Lines export of the same plan is a plan too: every post is to come
    from assistant.approvals.writers import write
    from assistant.sources import load_posts

    exported = tmp_path / "queue.jsonl"
    exported.write_text(write("jsonl", load_posts([plan])))
    _, out, _ = run(capsys, "audit", str(exported), "--no-llm", "--format", "json")
    assert (json.loads(out)["stats"]["posts"], json.loads(out)["stats"]["later"]) == (23, 0)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "empty"),
        (b'{"id": "a", "created_at": "2026-11-01T09:00:00Z", "text": "ok"}\n{"id": "b", "crea', ":2:"),
        (b"\xff\xfe\x00garbage\x80\x81", ""),
    ],
)
def test_audit_bad_file_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes, expected: str
) -> None:
    bad = tmp_path / "feed.jsonl"
    bad.write_bytes(content)
    code, out, err = run(capsys, "audit", str(bad))
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and "feed.jsonl" in err and expected in err
    assert "Traceback" not in err


@pytest.mark.parametrize("command", ["audit", "review"])
def test_csv_text_cut_at_an_unquoted_comma_is_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: str
) -> None:
    """Was exit 0 with the text after the comma dropped, in audit and in review --input."""
    bad = tmp_path / "posts.csv"
    bad.write_text("created_at,text\n"
                   "2026-01-01 10:00,Limited time! 20% off all cakes, buy now https://acme.example/shop\n")
    argv = ["audit", str(bad)] if command == "audit" else ["review", "--input", str(bad)]
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert err == (f"assistant: error: {bad}:2: 3 fields but the header has 2 columns; "
                   'a text that holds commas must be quoted ("like, this")\n')


def test_missing_file_is_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "audit", str(tmp_path / "nope.jsonl"))
    assert code == 2 and "nope.jsonl" in err


def test_bad_as_of_is_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "audit", str(HEALTHY_FEED), "--as-of", "yesterday")
    assert code == 2 and "yesterday" in err


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        ('[rules]\nignore = ["no-such-rule"]\n', ":2: rules.ignore: unknown rule 'no-such-rule'"),
        ('[rules.severity]\nlink-only = "fatal"\n', ":2: rules.severity.link-only"),
        ("[rules.thresholds.too-long]\nbogus = 3\n", "unknown threshold"),
        ("[agency\nname = 1\n", ":1: invalid TOML"),
        ("[[clients]]\nname = \"Acme\"\napprovers = [\"bob\"]\n", "not a Slack user id"),
        ('[rules]\nignore = ["repeat-psot"]\n', "(did you mean 'repeat-post'?)"),
        ('[agency]\nown_domain = ["a.example"]\n',
         ":2: agency.own_domain: unknown key 'own_domain' (did you mean 'own_domains'?); "
         "known keys: name, own_domains"),
        ("[rulez]\n", "unknown key 'rulez' (did you mean 'rules'?)"),
    ],
)
def test_config_errors_name_the_file_and_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, toml: str, expected: str
) -> None:
    config = tmp_path / "assistant.toml"
    config.write_text(toml)
    code, _, err = run(capsys, "review", "hello", "--config", str(config))
    assert code == 2
    assert str(config) in err and expected in err


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        ('[[clients]]\nname = "Acme"\napprovers = ["slak:U012ABC"]\n',
         ":3: clients.0.approvers: 'slak:U012ABC' is not a Slack user id"),
        ('[agency]\nown_handles = ["a b"]\n', ":2: agency.own_handles: 'a b' is not an account handle"),
    ],
)
def test_config_errors_from_validators_read_without_pydantics_prefix(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, toml: str, expected: str
) -> None:
    config = tmp_path / "assistant.toml"
    config.write_text(toml)
    code, out, err = run(capsys, "rules", "--config", str(config))
    assert code == 2 and not out
    assert f"{config}{expected}" in err
    assert "Value error" not in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_a_feed_source_with_an_unknown_kind_is_refused_when_the_config_is_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """`mastodn:@x@y.social` was read as a file name: `rules --config` passed and only the
    report said "file not found"."""
    config = tmp_path / "assistant.toml"
    config.write_text('[[feeds]]\nname = "a"\nsource = "rss:https://a.example/feed"\n\n'
                      '[[feeds]]\nname = "x"\nsource = "mastodn:@x@y.social"\n')
    code, out, err = run(capsys, "rules", "--config", str(config))
    assert code == 2 and not out
    assert f"{config}:7: feeds.1.source: unknown source kind 'mastodn:' (did you mean 'mastodon:'?)" in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    # the line of the feed whose source it is, not of one whose source holds it as a part
    config.write_text('[[feeds]]\nname = "a"\nsource = "notes/mastodn:@x@y.social"\n\n'
                      '[[feeds]]\nname = "x"\nsource = "mastodn:@x@y.social"\n')
    code, _, err = run(capsys, "rules", "--config", str(config))
    assert code == 2 and f"{config}:7: feeds.1.source: unknown source kind 'mastodn:'" in err
    # only the prefix is shown: the rest of a source may hold a token
    config.write_text('[[feeds]]\nname = "x"\nsource = "htps://u:hunter2@a.example/f?token=s3cret"\n')
    code, _, err = run(capsys, "rules", "--config", str(config))
    assert code == 2 and f"{config}:3: feeds.0.source: unknown source kind 'htps:'" in err
    assert "(did you mean 'https:'?)" in err and "hunter2" not in err and "s3cret" not in err


@pytest.mark.parametrize("source", [
    "feeds/a:b.jsonl",  # a colon after a slash: a path
    "./mastodn:x.jsonl",
    "notes:2026.jsonl",  # a file of that name exists
    "RSS:https://a.example/feed",
    "mastodon:@x@y.social",
    "bluesky:x.bsky.social",
    "https://a.example/export.jsonl",
    "file:exports/x.jsonl",
    "exports/x.jsonl",
])
def test_feed_sources_of_known_kinds_and_paths_with_a_colon_still_load(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, source: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes:2026.jsonl").write_text("")
    config = tmp_path / "assistant.toml"
    config.write_text(f'[[feeds]]\nname = "x"\nsource = "{source}"\n')
    code, _, err = run(capsys, "rules", "--config", str(config))
    assert (code, err) == (0, "")


def test_the_config_knows_the_source_kinds_parse_source_reads() -> None:
    """assistant.config sits below assistant.sources, so the kinds live in
    assistant.source_kinds; this keeps them the ones parse_source compares `scheme` with."""
    import ast
    import inspect

    from assistant.source_kinds import SOURCE_KINDS
    from assistant.sources.fetch import parse_source

    read: set[str] = set()
    for node in ast.walk(ast.parse(inspect.getsource(parse_source))):
        if isinstance(node, ast.Compare) and isinstance(node.left, ast.Name) and node.left.id == "scheme":
            for right in node.comparators:
                read |= {c.value for c in ast.walk(right) if isinstance(c, ast.Constant)}
    assert read == set(SOURCE_KINDS)


@pytest.mark.parametrize(("zone", "expected"), [
    ("Europe/Londn", "unknown time zone 'Europe/Londn' (did you mean 'Europe/London'?)"),
    ("utc", "unknown time zone 'utc' (did you mean 'UTC'?)"),
    ("Europe", "'Europe' is a region, not a time zone; name one of its zones (Europe/"),  # a tzdata folder: was IsADirectoryError
    ("", "unknown time zone ''"),
])
def test_an_unknown_reports_time_zone_is_refused_when_the_config_is_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, zone: str, expected: str
) -> None:
    """`rules --config` passed it; only `report preview` (or the daily run) said so."""
    config = tmp_path / "assistant.toml"
    config.write_text(f'[agency]\nname = "BP"\n\n[reports]\ntime_zone = "{zone}"\n')
    code, out, err = run(capsys, "rules", "--config", str(config))
    assert code == 2 and not out
    assert f"{config}:5: reports.time_zone: {expected}" in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    config.write_text('[reports]\ntime_zone = "America/New_York"\n')
    assert run(capsys, "rules", "--config", str(config))[0] == 0


@pytest.mark.parametrize("argv", [
    ["queue", "export", "--approved", "--format", "jsonl", "--tz", "Europe"],
    ["audit", str(HEALTHY_FEED), "--tz", "Europe"],
], ids=["queue-export", "audit"])
def test_a_zone_option_naming_a_tzdata_folder_is_one_line(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    """"Europe" is a folder of tzdata, which zoneinfo answered with IsADirectoryError: a
    traceback, where every other unknown zone was one line."""
    code, out, err = run(capsys, *argv)
    assert code == 2 and not out
    assert "'Europe' is a region, not a time zone" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_config_regrades_and_ignores_rules(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    draft = "Please RT and share with your network! https://brightpixel.example/g"
    config = tmp_path / "assistant.toml"
    config.write_text('[rules.severity]\nshare-begging = "error"\n')
    code, out, _ = run(capsys, "review", draft, "--config", str(config), "--format", "json")
    assert code == 1
    assert {"rule": "share-begging", "severity": "error"}.items() <= next(
        f for f in json.loads(out)["findings"] if f["rule"] == "share-begging").items()
    config.write_text('[rules]\nignore = ["share-begging"]\n')
    _, out, _ = run(capsys, "review", draft, "--config", str(config), "--format", "json")
    assert "share-begging" not in {f["rule"] for f in json.loads(out)["findings"]}


def test_rules_lists_every_issue_rule(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules", "--format", "json")
    assert code == 0
    listed = {r["id"]: r for r in json.loads(out)}
    assert ISSUE_RULE_IDS <= set(listed)
    for rule in listed.values():
        assert rule["rationale"] and rule["severity"] in {"info", "warning", "error"}
        assert rule["scopes"]
    _, text, _ = run(capsys, "rules")
    assert "share-begging" in text


def test_console_script_runs_as_a_process() -> None:
    exe = Path(sys.executable).with_name("assistant")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "ASSISTANT_"))}
    done = subprocess.run(
        [str(exe), "review", "Check it out https://a.example/x", "--format", "json"],
        capture_output=True, text=True, cwd=REPO, env=env, timeout=30, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "link-only" in {f["rule"] for f in json.loads(done.stdout)["findings"]}


def test_malformed_setting_names_the_variable_not_the_value(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-not-a-real-key")
    monkeypatch.setenv("ASSISTANT_LLM_TIMEOUT", "soon")
    code, _, err = run(capsys, "review", "hello")
    assert code == 2
    assert "ASSISTANT_LLM_TIMEOUT" in err and "Traceback" not in err
    assert "sk-test" not in err and "soon" not in err


def test_unreachable_redis_is_one_line_without_the_password(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.conftest import free_port

    monkeypatch.setenv("REDIS_URL", f"redis://user:hunter2@127.0.0.1:{free_port()}/0")
    code, out, err = run(capsys, "queue", "list")
    assert code == 2 and out == ""
    assert err.startswith("assistant: error: cannot reach Redis") and err.count("\n") == 1
    assert "hunter2" not in err


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["audit", "tests"], "'tests' is a directory"),
        (["audit", "HEALTHY", "--as-of", "2026-13-01"], "--as-of: '2026-13-01' is not a date"),
        (["audit", "HEALTHY", "--formt", "json"], "no such option '--formt'"),
        (["reveiw", "hello"], "no such command 'reveiw'"),
        (["review", "hello", "--select", "repeat-psot"], "(did you mean 'repeat-post'?)"),
        (["review", "hello", "--severity", "share-begging=fatal"], "--severity"),
        (["rules", "--format", "xml"], "'xml' is not one of"),
    ],
)
def test_usage_errors_are_one_line_naming_the_option_and_where_to_look(
    capsys: pytest.CaptureFixture[str], argv: list[str], expected: str
) -> None:
    argv = [str(HEALTHY_FEED) if a == "HEALTHY" else a for a in argv]
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert err.startswith("assistant: error: ") and err.count("\n") == 1, err
    assert expected in err and "--help'" in err
    assert "Usage:" not in err and "Traceback" not in err


def test_concise_output_is_one_line_per_finding_and_a_count(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "review", "Please RT and share! Check   our\nlatest https://brightpixel.example/x",
                       "--format", "concise", "--no-llm")
    lines = out.splitlines()
    assert lines[-1].startswith("Found ") and lines[-1].endswith(")."), lines
    assert all(re.match(r"draft: (error|warning|info) [a-z-]+ \S", line) for line in lines[:-1])
    assert any(" share-begging " in line for line in lines)
    assert code == 0
    code, out, _ = run(capsys, "audit", str(HEALTHY_FEED), "--format", "concise", "--no-llm",
                       "--as-of", "2026-11-11")
    assert out.splitlines()[-1] in ("No findings.",) or out.splitlines()[-1].startswith("Found ")


def test_select_ignore_and_severity_from_the_command_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    draft = "Please RT and share with your network! https://brightpixel.example/g #a #b #c #d #e #f"
    _, out, _ = run(capsys, "review", draft, "--format", "json", "--no-llm")
    everything = {f["rule"] for f in json.loads(out)["findings"]}
    assert {"share-begging", "hashtag-stuffing"} <= everything
    _, out, _ = run(capsys, "review", draft, "--format", "json", "--no-llm", "--select", "share-begging")
    assert {f["rule"] for f in json.loads(out)["findings"]} == {"share-begging"}
    _, out, _ = run(capsys, "review", draft, "--format", "json", "--no-llm", "--ignore",
                    "share-begging,hashtag-stuffing")
    assert not {"share-begging", "hashtag-stuffing"} & {f["rule"] for f in json.loads(out)["findings"]}
    code, out, _ = run(capsys, "review", draft, "--format", "json", "--no-llm", "--severity",
                       "share-begging=error")
    assert code == 1
    assert next(f for f in json.loads(out)["findings"] if f["rule"] == "share-begging")["severity"] == "error"


def test_empty_stdin_from_a_script_says_what_to_give(capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"")))
    code, _, err = run(capsys, "review")
    assert code == 2 and "give the post TEXT" in err and "stdin was empty" in err


def test_piped_text_output_is_neither_wrapped_nor_padded() -> None:
    env = {**os.environ, "COLUMNS": "200"}
    env = {k: v for k, v in env.items() if not k.startswith(("OPENAI_", "ASSISTANT_"))}
    done = subprocess.run([sys.executable, "-m", "assistant", "audit", "examples/brightpixel_x.jsonl",
                           "--as-of", "2026-11-11", "--no-llm"], capture_output=True, text=True,
                          cwd=REPO, env=env, timeout=60)
    lines = done.stdout.splitlines()
    assert len(lines) > 10
    assert not [line for line in lines if line != line.rstrip()], "no trailing padding"
    assert any(len(line) > 100 for line in lines), "long findings stay on one line"


def test_files_of_two_accounts_are_audited_one_by_one(capsys: pytest.CaptureFixture[str]) -> None:
    args = ("audit", str(HEALTHY_FEED), str(SPAM_FEED), "--as-of", "2026-11-11", "--no-llm")
    code, out, err = run(capsys, *args, "--format", "json")
    lines = out.splitlines()
    audits = [json.loads(line) for line in lines]
    assert [a["account"]["name"] for a in audits] == ["@quietstudio", "@brightpixel"]
    assert [a["stats"]["posts"] for a in audits] == [
        sum(1 for _ in open(f, encoding="utf-8")) for f in (HEALTHY_FEED, SPAM_FEED)]
    assert audits[0]["health"]["score"] > audits[1]["health"]["score"]
    assert "2 accounts" in err and "one by one" in err
    # the exit code is the worst of the audits: the healthy feed alone passes at warning
    assert run(capsys, *args, "--fail-on", "warning")[0] == 1
    assert run(capsys, *args[:2], *args[3:], "--fail-on", "warning")[0] == 0
    _, text, _ = run(capsys, *args)
    assert text.count("Health ") == 2
    assert text.index("@quietstudio") < text.index("@brightpixel")


def test_pages_of_one_account_are_one_audit(capsys: pytest.CaptureFixture[str]) -> None:
    pages = sorted((REPO / "tests" / "realdata" / "mastodon").glob("*.json"))
    code, out, _ = run(capsys, "audit", *map(str, pages), "--format", "json", "--no-llm")
    audit = json.loads(out)  # one document
    assert (audit["account"]["name"], audit["stats"]["posts"]) == ("schochastics", 100)
    assert audit["stats"]["replies"] == 60 and audit["stats"]["left_out"] == 0


def test_support_file_audits_the_brand_and_says_what_it_left_out(
    capsys: pytest.CaptureFixture[str],
) -> None:
    support = REPO / "tests" / "realdata" / "support_tweets" / "twcs_sample.csv"
    _, out, _ = run(capsys, "audit", str(support), "--format", "json", "--no-llm",
                    "--as-of", "2017-10-12")
    audit = json.loads(out)
    assert audit["account"]["name"] == "AppleSupport"
    assert (audit["stats"]["posts"], audit["stats"]["left_out"]) == (13, 80)
    _, text, _ = run(capsys, "audit", str(support), "--no-llm", "--as-of", "2017-10-12",
                     "--author", "Tesco")
    first = text.splitlines()[0]
    assert "audited Tesco" in first and "left out 85 posts" in first and "--author" not in first
    _, _, err = run(capsys, "audit", str(support), "--no-llm", "--as-of", "2017-10-12",
                    "--format", "concise")
    assert "audited AppleSupport; left out 80 posts" in err and "choose another with --author" in err
    code, _, err = run(capsys, "audit", str(support), "--author", "@nobody", "--no-llm")
    assert code == 2 and err.startswith("assistant: error: no posts by @nobody")


def test_a_terminal_sees_each_stage_of_a_long_audit_on_stderr_for_every_format(
    tmp_path: Path,
) -> None:
    """Reading (with the size), feed habits, then posts: on stderr, stdout untouched."""
    feed_file = tmp_path / "big.jsonl"
    with feed_file.open("w") as out:
        for i in range(20_000):
            out.write(json.dumps({"id": f"p{i}", "created_at": "2026-01-01T00:00:00Z",
                                  "text": f"Post number {i} about our craft"}) + "\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "ASSISTANT_"))}
    env.update(TERM="xterm-256color", COLUMNS="120")
    done, shown = run_on_terminal(
        [sys.executable, "-m", "assistant", "audit", str(feed_file), "--no-llm", "--format", "json",
         "--as-of", "2026-01-02"], terminal="stderr", env=env)
    screen = shown.decode("utf-8", "replace")
    assert "Reading 1 file (" in screen and "MB)" in screen
    assert "Checking posts" in screen
    assert json.loads(done.stdout)["stats"]["posts"] == 20_000, "stdout holds only the report"


def test_the_display_of_a_long_audit_runs_no_thread_so_the_audit_may_fork() -> None:
    """A process with a second thread never forks its audit (`audit_parallel`): drawn by
    rich's refresh thread, an audit of 100,000 posts on a terminal took 1.7x the time of the
    same audit piped. The display is drawn when the audit says where it is."""
    import threading

    from assistant.render.progress import AuditProgress

    before = set(threading.enumerate())
    with AuditProgress(enabled=True) as progress:  # (what it draws: the test above)
        progress.reading([str(SPAM_FEED)])
        progress.stage("checking posts", 10, 100)
        assert set(threading.enumerate()) == before, "the display started a thread"


def test_a_config_with_retired_thresholds_still_works_and_says_what_to_remove(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, caplog: pytest.LogCaptureFixture,
) -> None:
    config = tmp_path / "assistant.toml"
    config.write_text("[rules.thresholds.too-long]\nwarning_ratio = 3.0\ninfo_ratio = 2.0\n")
    code, out, err = run(capsys, "review", "What is the one tip you wish you had learned sooner?",
                         "--config", str(config), "--no-llm", "--format", "concise")
    assert code == 0 and out.strip() == "No findings."
    said = caplog.text + err  # logging's last-resort handler prints it on stderr outside pytest
    assert "too-long.warning_ratio is no longer used" in said and "remove it" in said


def _with_the_reader_gone(argv: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    """Run the CLI with stdout a pipe whose reader has already gone (`| head` that quit)."""
    read, write = os.pipe()
    os.close(read)
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith(("OPENAI_", "AZURE_OPENAI_", "FORCE_COLOR", "TTY_"))}
    try:
        return subprocess.run([sys.executable, "-m", "assistant", *argv], stdout=write,
                              stderr=subprocess.PIPE, text=True, cwd=REPO, env={**clean, **env},
                              timeout=120, check=False)
    finally:
        os.close(write)


@pytest.mark.parametrize("output_format, env", [
    ("text", {}), ("text", {"FORCE_COLOR": "1"}), ("json", {}), ("concise", {})],
    ids=["plain", "rich", "json", "concise"])
@pytest.mark.parametrize("fail_on, code", [("error", 0), ("warning", 1)])
def test_a_reader_that_goes_away_leaves_the_exit_code_to_the_findings(
        output_format: str, env: dict[str, str], fail_on: str, code: int) -> None:
    """`assistant audit feed | head` stops printing quietly; the exit code still says whether
    findings reach --fail-on (the example feed has warnings and no error), as it does for a
    draft's review."""
    audit = _with_the_reader_gone(["audit", str(SPAM_FEED), "--config", str(CONFIG), "--owner", "agency",
                                   "--as-of", "2026-11-11", "--no-llm", "--format", output_format,
                                   "--fail-on", fail_on], **env)
    review = _with_the_reader_gone(["review", "--no-llm", "--format", output_format, "--fail-on", fail_on,
                                    "Please RT and share with everyone you know!"], **env)
    for done in (audit, review):
        assert (done.returncode, done.stderr) == (code, "")


@pytest.mark.parametrize("argv", [
    ["rules"], ["--help"], ["queue", "--help"],
    ["report", "preview", str(REPO / "tests" / "realdata" / "bluesky" / "benoist_getAuthorFeed.json"),
     "--owner", "agency", "--date", "2026-11-25", "--no-llm"],  # a rich table
], ids=["rules", "help", "queue-help", "report-preview"])
def test_a_command_without_findings_ends_quietly_with_0_when_its_reader_goes(argv: list[str]) -> None:
    done = _with_the_reader_gone(argv, REDIS_URL="")
    assert (done.returncode, done.stderr) == (0, "")


# --- --own-domain: a link or a mistyped domain ------------------------------------------------

def _self_promo(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    code, out, err = run(capsys, "audit", str(REALDATA / "x_archive" / "visbot_tweets.js"), "--no-llm",
                         "--select", "self-promo-ratio", "--format", "concise", *argv)
    assert code == 0, err
    return out.splitlines()[0]


def test_an_own_domain_given_as_a_link_counts_the_same_posts_as_the_domain(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`--own-domain https://visbot.net/` counted 1446 posts as self-promotion and
    `--own-domain visbot.net` 1540: the link never matched, and the site was guessed."""
    bare = _self_promo(capsys, "--own-domain", "visbot.net")
    assert "1540 of 2096 posts (73%)" in bare
    for written in ("https://visbot.net/", "http://www.VisBot.net/about?x=1", "VISBOT.NET"):
        assert _self_promo(capsys, "--own-domain", written) == bare, written


@pytest.mark.parametrize("written", ["not a domain", "visbot", "https://", "-visbot.net", ""])
def test_an_own_domain_that_is_no_host_name_is_refused(
    capsys: pytest.CaptureFixture[str], written: str,
) -> None:
    code, out, err = run(capsys, "review", "hello", "--no-llm", "--own-domain", written)
    assert (code, out) == (2, "")
    assert err == (f"assistant: error: invalid value for --own-domain: {written!r} is not a "
                   "domain name (like \"brightpixel-agency.example\"); see 'assistant review --help'\n")


def test_the_audit_header_counts_every_item_and_says_which_kinds_are_among_them(
        capsys: pytest.CaptureFixture[str]) -> None:
    """"2096 posts, 77 replies, 87 reposts" read as 2,260 items, and its 77 replies beside
    broadcast-only's "34 replies" (to others) with nothing to tell why."""
    visbot = str(REALDATA / "x_archive" / "visbot_tweets.js")
    _, out, _ = run(capsys, "audit", visbot, "--no-llm", "--as-of", "2026-11-29")
    assert "2096 posts in all (77 replies, 87 reposts, 2 quotes) over 5006 days" in out


def _program(script: str) -> subprocess.CompletedProcess[str]:
    """`script` run as its own process, then the `assistant` program's `run` on the review
    of a share request that fails at --fail-on warning (exit code 1)."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("OPENAI_", "AZURE_OPENAI_", "ASSISTANT_")) and k != "PYTHONUNBUFFERED"}
    code = (script + "\nimport sys\nfrom assistant.cli import run\n"
            "sys.argv = ['assistant', 'review', '--no-llm', '--fail-on', 'warning', '--format', 'json',"
            " 'Please RT and share with everyone you know!']\nrun()\n")
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO,
                          env=env, timeout=60, check=False)


def test_the_program_ends_with_its_output_whole_its_code_and_its_exit_handlers_run() -> None:
    """The program ends without freeing its heap, but not without what a normal exit does:
    the output flushed, the exit code kept, the exit handlers (log files) run."""
    done = _program("import atexit, sys\n"
                    "atexit.register(lambda: print('handler ran', file=sys.stderr))\n"
                    "atexit.register(lambda: print('last words'))\n"
                    "class Held:\n"
                    "    def __del__(self): print('freed', file=sys.stderr)\n"
                    "held = Held()  # freed at a normal exit, with the module")
    assert done.returncode == 1
    report, last = done.stdout.rsplit("\n", 2)[:2]
    assert json.loads(report)["findings"][0]["rule"] == "share-begging"
    assert (last, done.stderr) == ("last words", "handler ran\n"), "handlers run, nothing freed"


def test_a_thread_still_running_at_the_end_is_waited_for(tmp_path: Path) -> None:
    left = tmp_path / "written-by-the-thread"
    done = _program("import threading, time, pathlib\n"
                    f"def late(): time.sleep(0.3); pathlib.Path({str(left)!r}).write_text('done')\n"
                    "threading.Thread(target=late).start()")
    assert done.returncode == 1 and json.loads(done.stdout)["verdict"]
    assert left.read_text() == "done"
