"""assistant.toml mistakes a social media manager makes, and what they see for each: one line
naming the file, the line and the problem, exit status 2, never a traceback, and never a
verdict quietly changed by a value the rules cannot use."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.checks.registry import all_rules
from assistant.checks.ruleset import RuleSet
from assistant.config import RulesConfig
from assistant.errors import ConfigError
from assistant.models import PLATFORMS
from tests.conftest import EXAMPLES
from tests.conftest import run_cli as run

SPAM_FEED = EXAMPLES / "brightpixel_x.jsonl"


@pytest.fixture(autouse=True)
def _no_llm(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "AZURE_OPENAI_ENDPOINT", "ASSISTANT_CONFIG"):
        monkeypatch.delenv(name, raising=False)


def _config(tmp_path: Path, toml: str) -> Path:
    path = tmp_path / "assistant.toml"
    path.write_text(toml, encoding="utf-8")
    return path


def _refused(capsys: pytest.CaptureFixture[str], config: Path, expected: str) -> None:
    """`rules --config` and `audit` both refuse the file with the one line `expected`."""
    for argv in (["rules", "--config", str(config)],
                 ["audit", str(SPAM_FEED), "--config", str(config), "--no-llm",
                  "--as-of", "2026-11-11"]):
        code, out, err = run(capsys, *argv)
        assert (code, out) == (2, ""), (argv, err)
        assert err == f"assistant: error: {config}{expected}\n", argv


# --- thresholds: per-platform tables and ranges ---------------------------------------------

@pytest.mark.parametrize(("toml", "expected"), [
    # a word where a number is meant: audit crashed with a TypeError
    ('[rules.thresholds.overposting]\nmax_per_day = { x = "three" }\n',
     ":2: rules.thresholds.overposting.max_per_day.x: expected int, got str"),
    # a negative limit printed "bursts of more than -6 ... at most -3 a day"
    ("[rules.thresholds.overposting]\nmax_per_day = { x = -3 }\n",
     ":2: rules.thresholds.overposting.max_per_day.x: must be at least 1 "
     "(a count or a limit), got -3"),
    # a platform the rules do not know was silently ignored
    ("[rules.thresholds.overposting]\nmax_per_day = { twitter = 3 }\n",
     ":2: rules.thresholds.overposting.max_per_day.twitter: unknown platform 'twitter' "
     "(did you mean 'x'?); known: " + ", ".join(PLATFORMS)),
    ("[rules.thresholds.hashtag-stuffing]\nmax_hashtags = { linkedn = 3 }\n",
     ":2: rules.thresholds.hashtag-stuffing.max_hashtags.linkedn: unknown platform 'linkedn' "
     "(did you mean 'linkedin'?); known: " + ", ".join(PLATFORMS)),
    # per_day = 0 flagged a link "posted 1 times within 24 hours" as a flood
    ("[rules.thresholds.link-flood]\nper_day = 0\n",
     ":2: rules.thresholds.link-flood.per_day: must be at least 1 (a count or a limit), got 0"),
    # a share is a fraction of the posts
    ("[rules.thresholds.self-promo-ratio]\nmax_share = 20\n",
     ":2: rules.thresholds.self-promo-ratio.max_share: must be more than 0 and at most 1 "
     "(a share: 0.2 is 20%), got 20"),
    ("[rules.thresholds.repeat-post]\nsimilarity = 0.0\n",
     ":2: rules.thresholds.repeat-post.similarity: must be more than 0 and at most 1 "
     "(a share: 0.2 is 20%), got 0.0"),
    ("[rules.thresholds.overposting]\nburst_ratio = -2.0\n",
     ":2: rules.thresholds.overposting.burst_ratio: must be more than 0, got -2.0"),
    # a fraction where a count is meant: slicing the findings crashed the audit
    ("[rules.thresholds.repeat-post]\nmax_findings = 2.5\n",
     ":2: rules.thresholds.repeat-post.max_findings: expected int, got float"),
    # a phrase list holding a number crashed every review
    ("[rules.thresholds.sales-pitch]\nextra_phrases = [\"act now\", 3]\n",
     ":2: rules.thresholds.sales-pitch.extra_phrases: expected a list of str, got int in it"),
])
def test_a_threshold_the_rules_cannot_use_is_refused_with_its_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, toml: str, expected: str,
) -> None:
    _refused(capsys, _config(tmp_path, toml), expected)


@pytest.mark.parametrize(("toml", "expected"), [
    # the same key in two rules: the line is the one in the rule's own table
    ("[rules.thresholds.repeat-post]\nmax_findings = 10\n\n"
     "[rules.thresholds.link-flood]\nmax_findings = 0\n",
     ":5: rules.thresholds.link-flood.max_findings: must be at least 1 (a count or a limit), got 0"),
    # a per-platform table written as a table of its own
    ("[rules.thresholds.overposting.max_per_day]\nlinkedin = 4\nx = \"three\"\n",
     ":3: rules.thresholds.overposting.max_per_day.x: expected int, got str"),
    # a platform named after the rule's select list mentions it
    ('[rules]\nselect = ["all"]\n[rules.severity]\noverposting = "error"\n'
     "[rules.thresholds]\noverposting = { max_per_day = { facebook = 0 } }\n",
     ":6: rules.thresholds.overposting.max_per_day.facebook: must be at least 1 "
     "(a count or a limit), got 0"),
])
def test_a_bad_threshold_points_at_its_own_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, toml: str, expected: str,
) -> None:
    _refused(capsys, _config(tmp_path, toml), expected)


def test_sensible_thresholds_still_load_and_change_the_rules(
    capsys: pytest.CaptureFixture[str], tmp_path: Path,
) -> None:
    config = _config(tmp_path, "[rules.thresholds.overposting]\n"
                               "max_per_day = { x = 3, instagram = 2 }\n"
                               "burst_ratio = 3         # a whole number where a ratio is meant\n"
                               "[rules.thresholds.hashtag-stuffing]\nhard_max = { x = 10 }\n"
                               "[rules.thresholds.self-promo-ratio]\nmax_share = 1\n")
    code, out, err = run(capsys, "rules", "--config", str(config), "--format", "json")
    assert (code, err) == (0, "")
    rules = RuleSet.from_config(RulesConfig(thresholds={
        "overposting": {"max_per_day": {"x": 3, "instagram": 2}, "burst_ratio": 3},
        "hashtag-stuffing": {"hard_max": {"x": 10}},
    }))
    assert rules.by_id["overposting"].thresholds["max_per_day"]["x"] == 3
    assert rules.by_id["overposting"].thresholds["max_per_day"]["linkedin"] == 5  # the default
    assert rules.by_id["hashtag-stuffing"].thresholds["hard_max"] == {"instagram": 30, "x": 10}


def test_every_rules_default_thresholds_pass_the_same_checks() -> None:
    """The checks config values get are the rules' own contract: every default passes them,
    so a new rule with a threshold they cannot read fails here, not in a user's config."""
    from assistant.checks.ruleset import threshold_problem

    for rule in all_rules().values():
        for key, default in rule.thresholds.items():
            assert threshold_problem(default, default) is None, (rule.id, key, default)
            if isinstance(default, dict):  # a table by platform, holding what others are checked as
                assert default and set(default) <= set(PLATFORMS), (rule.id, key)
    everything = {rule.id: dict(rule.thresholds) for rule in all_rules().values()}
    RuleSet.from_config(RulesConfig(thresholds=everything))


def test_a_rule_set_built_in_code_gets_the_same_checks() -> None:
    with pytest.raises(ConfigError, match=r"max_per_day\.x: must be at least 1"):
        RuleSet.from_config(RulesConfig(thresholds={"overposting": {"max_per_day": {"x": 0}}}))


# --- own domains ------------------------------------------------------------------------------

def _self_promo(capsys: pytest.CaptureFixture[str], config: Path) -> str:
    code, out, err = run(capsys, "audit", str(SPAM_FEED), "--config", str(config), "--owner", "agency",
                         "--as-of", "2026-11-11", "--no-llm", "--select", "self-promo-ratio",
                         "--format", "concise")
    assert code == 0, err
    return out.splitlines()[0]


def test_own_domains_written_as_links_count_the_same_posts_as_the_domains(
    capsys: pytest.CaptureFixture[str], tmp_path: Path,
) -> None:
    """`own_domains = ["https://brightpixel-agency.example/"]` made self-promotion 57%
    instead of 100%: the link matched no post, and the site was guessed instead."""
    bare = _self_promo(capsys, _config(tmp_path, '[agency]\nown_domains = ["brightpixel-agency.example"]\n'))
    assert "205 of 206 posts (100%)" in bare
    for written in ("https://brightpixel-agency.example/", "www.Brightpixel-Agency.example/blog"):
        config = _config(tmp_path, f'[agency]\nown_domains = ["{written}"]\n')
        assert _self_promo(capsys, config) == bare, written


@pytest.mark.parametrize(("toml", "expected"), [
    ('[agency]\nname = "Bright Pixel"\nown_domains = ["brightpixel.example", "not a domain"]\n',
     ":3: agency.own_domains.1: 'not a domain' is not a domain name (like \"brightpixel-agency.example\")"),
    ('[agency]\nown_domains = ["a.example"]\n\n[[feeds]]\nname = "Blog"\nsource = "rss:https://b.example/f"\n'
     'own_domains = ["b.example"]\n\n[[feeds]]\nname = "Shop"\nsource = "rss:https://c.example/f"\n'
     'own_domains = ["https://"]\n',
     ":12: feeds.1.own_domains.0: 'https://' is not a domain name (like \"brightpixel-agency.example\")"),
    ('[[clients]]\nname = "Acme"\napprovers = ["U012ABC"]\nown_domains = ["acme"]\n',
     ":4: clients.0.own_domains.0: 'acme' is not a domain name (like \"brightpixel-agency.example\")"),
])
def test_an_own_domain_that_is_no_host_name_is_refused_with_its_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, toml: str, expected: str,
) -> None:
    config = _config(tmp_path, toml)
    code, out, err = run(capsys, "rules", "--config", str(config))
    assert (code, out) == (2, "")
    assert err == f"assistant: error: {config}{expected}\n"


# --- [[feeds]] and [[clients]] entries -----------------------------------------------------------

FEEDS = ('[[feeds]]\nname = "Blog"\nsource = "rss:https://a.example/feed"\n\n'
         '[[feeds]]\nname = "Shop"\nsource = "rss:https://b.example/feed"\n\n')


def _rules_refuse(capsys: pytest.CaptureFixture[str], config: Path, expected: str) -> None:
    code, out, err = run(capsys, "rules", "--config", str(config))
    assert (code, out) == (2, ""), err
    assert err == f"assistant: error: {config}{expected}\n"


@pytest.mark.parametrize(("toml", "expected"), [
    (FEEDS + '[[feeds]]\nname = "Dana"\nowner = "executive"\n',
     ":9: feeds[3] (name 'Dana') has no source"),
    (FEEDS + '[[feeds]]\nsource = "bluesky:dana.example"\n', ":9: feeds[3] has no name"),
    ('[[clients]]\nname = "Acme"\napprovers = ["U012ABC"]\n\n[[clients]]\napprovers = ["U012ABC"]\n',
     ":5: clients[2] has no name"),
])
def test_an_entry_missing_a_key_is_named_with_its_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, toml: str, expected: str,
) -> None:
    """It said "feeds.2.source: Field required", with no line."""
    _rules_refuse(capsys, _config(tmp_path, toml), expected)


def test_a_mistake_in_a_later_entry_points_at_that_entry(
    capsys: pytest.CaptureFixture[str], tmp_path: Path,
) -> None:
    config = _config(tmp_path, '[[feeds]]\nname = "Blog"\nowner = "agency"\nsource = "rss:https://a.example/f"\n\n'
                               '[[feeds]]\nname = "Shop"\nowner = 3\nsource = "rss:https://b.example/f"\n')
    _rules_refuse(capsys, config, ":8: feeds.1.owner: Input should be 'agency', 'executive' or 'client'")


@pytest.mark.parametrize(("toml", "expected"), [
    (FEEDS + '[[feeds]]\nname = "Blog"\nsource = "bluesky:blog.example"\n',
     ":10: feeds[3] (name 'Blog') has the same name as feeds[1] (line 2); give each feed its own name"),
    # `review audit blog` finds a feed whatever the case
    (FEEDS + '[[feeds]]\nname = "shop "\nsource = "bluesky:shop.example"\n',
     ":10: feeds[3] (name 'shop ') has the same name as feeds[2] (line 6); give each feed its own name"),
    ('[[clients]]\nname = "Acme"\napprovers = ["U012ABC"]\n\n'
     '[[clients]]\nname = "Acme"\napprovers = ["U034DEF"]\n',
     ":6: clients[2] (name 'Acme') has the same name as clients[1] (line 2); "
     "give each client its own name"),
])
def test_two_entries_of_one_name_are_refused_naming_both_lines(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, toml: str, expected: str,
) -> None:
    """The second feed of a name could never be audited by name, and its report lines
    would be mixed up with the first's."""
    _rules_refuse(capsys, _config(tmp_path, toml), expected)


@pytest.mark.parametrize(("toml", "expected"), [
    ('[[clients]]\nname = "Acme"\napprovers = ["U012ABC"]\napprovals_channel = "C0A"\n\n'
     '[[clients]]\nname = "Harbour Cafe"\napprovers = []\nteams_channel = "19:h@thread.tacv2"\n',
     ":8: clients[2] (name 'Harbour Cafe') has no approvers, so nobody could approve its posts; "
     "write at least one: "),
    ('[[clients]]\nname = "Acme"\napprovals_channel = "C0A"\n',
     ":1: clients[1] (name 'Acme') has no approvers, so nobody could approve its posts; "
     "write at least one: "),
])
def test_a_client_nobody_could_approve_for_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, toml: str, expected: str,
) -> None:
    """Only a client's own approvers may approve (there is no default group), so its posts
    would wait in the queue until they expired."""
    config = _config(tmp_path, toml)
    code, out, err = run(capsys, "rules", "--config", str(config))
    assert (code, out) == (2, "")
    assert err.startswith(f"assistant: error: {config}{expected}") and "slack:U012ABC" in err
    assert err.count("\n") == 1


def test_a_bad_threshold_of_a_rule_switched_off_is_refused_too(
    capsys: pytest.CaptureFixture[str], tmp_path: Path,
) -> None:
    """`rules --config` checks the whole file: the rule may be switched on again from the
    command line (`--select overposting`) or by the next edit of `ignore`."""
    config = _config(tmp_path, '[rules]\nignore = ["overposting"]\n'
                               '[rules.thresholds.overposting]\nmax_per_day = { x = 0 }\n')
    _rules_refuse(capsys, config, ":4: rules.thresholds.overposting.max_per_day.x: must be at "
                                  "least 1 (a count or a limit), got 0")
