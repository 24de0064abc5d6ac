"""`assistant report preview` as a social media manager drives it on the real exports: what
the terminal and the JSON show, and how the command answers a mistyped argument."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES
from tests.conftest import run_cli as run

DATE = "2026-11-25"


@pytest.fixture(autouse=True)
def _plain(monkeypatch: pytest.MonkeyPatch) -> None:
    """No history store, no model, no config from the shell; a wide terminal, so that a row
    is one line and can be read as one."""
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "AZURE_OPENAI_ENDPOINT", "ASSISTANT_CONFIG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("REDIS_URL", "")
    monkeypatch.setenv("COLUMNS", "250")


def preview_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:
    code, out, err = run(capsys, "report", "preview", *argv, "--date", DATE, "--no-llm",
                         "--format", "json")
    assert code == 0, err
    return json.loads(out)


def rows(out: str) -> list[str]:
    """The table's rows, one string each, without the box drawing."""
    return [" ".join(c for c in cells if c) for cells in table(out)]


def table(out: str) -> list[list[str]]:
    """The table's rows as their cells (a row's further lines, whose first cell is empty,
    joined to it)."""
    found: list[list[str]] = []
    for text in out.splitlines():
        if not text.startswith("│"):
            continue
        cells = [cell.strip() for cell in text.strip().strip("│").split("│")]
        if cells[0] or not found:
            found.append(cells)
        else:
            found[-1] = [f"{a} {b}".strip() for a, b in zip(found[-1], cells, strict=True)]
    return found


def test_a_file_gets_the_audits_verdict_and_names_the_account_the_audit_names(
        capsys: pytest.CaptureFixture[str], realdata: Path) -> None:
    """The report named the account after the file (visbot_tweets.js), so self-promo-ratio
    could not guess the account's own site: 1446 (69%) against the audit's 1466 (70%)."""
    visbot = str(realdata / "x_archive" / "visbot_tweets.js")
    code, out, _ = run(capsys, "audit", visbot, "--as-of", DATE, "--no-llm", "--format", "json")
    audit = json.loads(out)
    (line,) = preview_json(capsys, visbot)["feeds"]
    assert line["name"] == "visbot" == line["audit"]["account"]["name"]
    assert line["score"] == audit["health"]["score"]
    assert line["audit"]["health"] == audit["health"]
    promo = next(f["message"] for f in line["audit"]["findings"] if f["rule"] == "self-promo-ratio")
    assert promo == next(f["message"] for f in audit["findings"] if f["rule"] == "self-promo-ratio")
    assert "visbot.github.io" in promo, "the account's own site, guessed from its name"


def test_a_file_of_several_authors_names_the_account_judged_and_what_was_left_out(
        capsys: pytest.CaptureFixture[str], realdata: Path) -> None:
    """twcs_sample.csv was shown as "twcs_sample.csv", left_out 0, while only AppleSupport's
    13 of 93 posts were judged."""
    twcs = str(realdata / "support_tweets" / "twcs_sample.csv")
    _, said, _ = run(capsys, "audit", twcs, "--as-of", DATE, "--no-llm")
    assert "audited AppleSupport; left out 80 posts of 41 other accounts" in said
    (line,) = preview_json(capsys, twcs)["feeds"]
    assert line["name"] == "AppleSupport"
    assert line["audit"]["stats"]["posts"] == 13 and line["audit"]["stats"]["left_out"] == 80
    assert line["other_accounts"] == 41
    code, out, _ = run(capsys, "report", "preview", twcs, "--date", DATE, "--no-llm")
    assert code == 0
    assert rows(out)[0].startswith("AppleSupport ")
    assert f"{twcs}: audited AppleSupport; left out 80 posts of 41 other accounts" in out
    # a name given is the row's; the account judged is still the one the data shows
    (named,) = preview_json(capsys, twcs, "--name", "Apple support desk")["feeds"]
    assert named["name"] == "Apple support desk"
    assert named["audit"]["account"]["name"] == "AppleSupport"


def test_a_past_date_is_audited_as_of_that_day_and_says_how_many_posts_came_later(
        capsys: pytest.CaptureFixture[str], realdata: Path) -> None:
    """The report cut the posts after its date before the audit, so the audit's
    `stats.later` was 0 where `assistant audit --as-of` said 60; a live feed's too."""
    from tests.fakes.rss import fake_rss

    visbot = str(realdata / "x_archive" / "visbot_tweets.js")
    blog = realdata / "rss" / "TypePadNews.xml"
    for source, path, day in ((visbot, visbot, "2022-06-01"), (None, str(blog), "2013-02-10")):
        _, out, _ = run(capsys, "audit", path, "--as-of", day, "--no-llm", "--format", "json")
        audit = json.loads(out)
        assert audit["stats"]["later"] > 0
        with fake_rss({"/feed.xml": blog.read_bytes()}) as server:
            code, out, err = run(capsys, "report", "preview", source or f"rss:{server.url}/feed.xml",
                                 "--date", day, "--no-llm", "--format", "json")
        assert code == 0, err
        report = json.loads(out)
        (line,) = report["feeds"]
        assert line["audit"]["as_of"] == report["as_of"] == f"{day}T23:59:59Z"
        assert line["audit"]["stats"]["later"] == audit["stats"]["later"], source or "rss"
        assert line["audit"]["stats"]["posts"] == audit["stats"]["posts"], source or "rss"


def test_a_feed_silent_through_the_reports_30_days_says_so_first_and_is_not_a_clean_100(
        capsys: pytest.CaptureFixture[str], realdata: Path) -> None:
    """TypePadNews (last post 2013-02-22) served live scored "100/100 ... no problems found"
    in a 2026 report; visbot (an export, last post 2022-11-21) headlined a 2022 gap."""
    from tests.fakes.rss import fake_rss

    blog = realdata / "rss" / "TypePadNews.xml"
    visbot = str(realdata / "x_archive" / "visbot_tweets.js")
    with fake_rss({"/TypePadNews.xml": blog.read_bytes()}) as server:
        source = f"rss:{server.url}/TypePadNews.xml"
        code, out, err = run(capsys, "report", "preview", source, visbot, "--date", DATE,
                             "--no-llm")
        assert code == 0, err
        data = preview_json(capsys, source, visbot)
    shown = {row.split()[0]: row for row in rows(out)}
    assert "No posts in the last 30 days (last on 2013-02-22)" in shown["TypePadNews.xml"]
    assert "no problems found" not in shown["TypePadNews.xml"]
    assert "91/100 (quiet)" in shown["TypePadNews.xml"]  # its articles' images lack alt text
    assert "No posts in the last 30 days (last on 2022-11-21)" in shown["visbot"]
    assert "engagement-gap" not in shown["visbot"], "the 2022 gap is not the headline"
    by_name = {line["name"]: line for line in data["feeds"]}
    for name, last in (("TypePadNews.xml", "2013-02-22"), ("visbot", "2022-11-21")):
        line = by_name[name]
        assert line["quiet"] is True and line["last_post"].startswith(last)
        assert line["top_problem"]["rule"] == "no-recent-posts" == line["audit"]["findings"][0]["rule"]
    # an export keeps the audit's verdict (its whole history); the silence is said, not scored
    _, out, _ = run(capsys, "audit", visbot, "--as-of", DATE, "--no-llm", "--format", "json")
    assert by_name["visbot"]["score"] == json.loads(out)["health"]["score"]


def test_a_live_feed_is_judged_on_its_last_30_days(
        capsys: pytest.CaptureFixture[str], realdata: Path) -> None:
    """The README's "live sources fetch the last 30 days" held for Mastodon and Bluesky
    only: an RSS feed was judged on every post its document held, however old."""
    from tests.fakes.rss import fake_rss

    blog = realdata / "rss" / "TypePadNews.xml"
    _, out, _ = run(capsys, "audit", str(blog), "--as-of", "2013-03-10", "--no-llm",
                    "--format", "json")
    whole = json.loads(out)["stats"]["posts"]
    with fake_rss({"/feed.xml": blog.read_bytes()}) as server:
        code, out, err = run(capsys, "report", "preview", f"rss:{server.url}/feed.xml",
                             "--date", "2013-03-10", "--no-llm", "--format", "json")
    assert code == 0, err
    (line,) = json.loads(out)["feeds"]
    stats = line["audit"]["stats"]
    assert 0 < stats["posts"] < whole
    assert stats["first_post"] >= "2013-02-08", "nothing older than the 30 days to 2013-03-10"
    assert line["quiet"] is False and (line["top_problem"] or {}).get("rule") != "no-recent-posts"


def test_a_quiet_mastodon_account_says_when_it_last_posted(
        capsys: pytest.CaptureFixture[str], realdata: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Mastodon and Bluesky are fetched from the window's start on: a quiet account's fetch
    holds none of its posts, so its latest page is asked for, to say when it last posted."""
    from tests.fakes.mastodon import fake_mastodon

    pages = sorted((realdata / "mastodon").glob("account_statuses_schochastics_page*.json"))
    statuses = [s for page in pages for s in json.loads(page.read_text())]
    last = max(s["created_at"] for s in statuses)[:10]
    with fake_mastodon({"schochastics": statuses}) as server:
        monkeypatch.setenv("ASSISTANT_MASTODON_BASE_URL", server.url)
        monkeypatch.setenv("ASSISTANT_FETCH_MIN_INTERVAL", "0")
        (line,) = preview_json(capsys, "mastodon:@schochastics@fosstodon.org")["feeds"]
        asked = server.paths()
    assert line["quiet"] is True and line["last_post"].startswith(last)
    # the page that showed it quiet is its latest: not asked for a second time
    assert len(asked) == 2 and asked[0] == "/api/v1/accounts/lookup", asked
    assert line["top_problem"]["message"].startswith(f"No posts in the last 30 days (last on {last})")
    assert line["audit"]["stats"]["posts"] > 0, "scored on its last posts, not on nothing"


def _config(tmp_path: Path, feeds: list[tuple[str, str | Path]]) -> Path:
    path = tmp_path / "assistant.toml"
    path.write_text('[agency]\nname = "The Agency"\n\n' + "".join(
        f'[[feeds]]\nname = "{name}"\nsource = "{source}"\n\n' for name, source in feeds))
    return path


def test_feeds_are_ranked_worst_first_everywhere(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, realdata: Path) -> None:
    """Rows came in config order, so the Slack summary's "...and N more feeds in the thread"
    could cut a failing feed. Worst first: not fetched, then quiet, then by score."""
    from integrations.slack.render.report import summary_blocks
    from integrations.teams.report_card import report_card

    config = _config(tmp_path, [
        ("Quiet Studio", EXAMPLES / "quietstudio_x.jsonl"),  # 100
        ("Bright Pixel", EXAMPLES / "brightpixel_x.jsonl"),  # 4
        ("Old visbot", realdata / "x_archive" / "visbot_tweets.js"),  # quiet since 2022
        ("Gone", tmp_path / "gone.jsonl"),  # not fetched
    ])
    expected = ["Gone", "Old visbot", "Bright Pixel", "Quiet Studio"]
    argv = ("report", "preview", "--config", str(config), "--date", "2026-11-11", "--no-llm")
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    assert [cells[0] for cells in table(out)] == expected
    code, out, _ = run(capsys, *argv, "--format", "json")
    assert [f["name"] for f in json.loads(out)["feeds"]] == expected

    from datetime import date

    from assistant.config import load_workspace
    from assistant.reports.run import build_report
    from assistant.settings import Settings

    report = build_report(Settings(), load_workspace(config), day=date(2026, 11, 11), use_llm=False)
    slack = json.dumps(summary_blocks(report)[1])
    assert [slack.index(f"*{name}*") for name in expected] == sorted(
        slack.index(f"*{name}*") for name in expected)
    teams = json.dumps(report_card(report))
    assert [teams.index(name) for name in expected] == sorted(teams.index(name) for name in expected)


def test_a_tie_on_score_ranks_the_biggest_drop_since_yesterday_first(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, redis_url: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import date

    import redis

    from assistant.reports.store import ReportStore

    config = _config(tmp_path, [("A steady feed", EXAMPLES / "brightpixel_x.jsonl"),
                                ("Z fell today", EXAMPLES / "brightpixel_x.jsonl")])
    store = ReportStore(redis.Redis.from_url(redis_url))
    monkeypatch.setenv("REDIS_URL", redis_url)
    (steady, fell) = preview_json(capsys, "--config", str(config))["feeds"]
    store.save_snapshot("A steady feed", date(2026, 11, 24), {"score": steady["score"]})
    store.save_snapshot("Z fell today", date(2026, 11, 24), {"score": fell["score"] + 20})
    data = preview_json(capsys, "--config", str(config))
    assert [(f["name"], f["score"] - f["previous"]) for f in data["feeds"]] == [
        ("Z fell today", -20), ("A steady feed", 0)]


def test_the_slack_summary_cuts_the_healthiest_feeds_not_a_failing_one(tmp_path: Path) -> None:
    """Seventy healthy feeds before the one failing in the config: the summary, which has
    room for some fifty, still shows the failing one."""
    from datetime import date

    from assistant.config import load_workspace
    from assistant.reports.run import build_report
    from assistant.settings import Settings
    from integrations.slack.render.report import summary_blocks

    healthy = [(f"Healthy client feed number {n:02d}" + " with a long name" * 3,
                EXAMPLES / "quietstudio_x.jsonl") for n in range(70)]
    config = _config(tmp_path, [*healthy, ("Failing feed", EXAMPLES / "brightpixel_x.jsonl")])
    report = build_report(Settings(), load_workspace(config), day=date(2026, 11, 11), use_llm=False)
    shown = json.dumps(summary_blocks(report)[1])
    assert "more feeds in the thread" in shown, "the summary was cut"
    assert "*Failing feed*" in shown


def test_the_top_problem_counts_what_a_reader_can_check_not_example_ids(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, realdata: Path) -> None:
    """"link-only ×5: 10 of 171 posts..." where 5 was the number of example post ids (at
    most 5); hbc's repeat-post "×5" with one repeat-post finding. A rule with several
    findings says how many more there are, in words."""
    from datetime import date

    from assistant.config import load_workspace
    from assistant.reports.run import build_report
    from assistant.settings import Settings
    from integrations.slack.render.report import summary_line

    andre = str(realdata / "x_archive" / "andreruffert_tweets.js")
    hbc = realdata / "hootsuite" / "hbc_bsidesphilly_sponsors.csv"
    code, out, _ = run(capsys, "report", "preview", andre, str(hbc), "--date", "2022-11-05", "--no-llm")
    assert code == 0
    shown = {cells[0]: cells[-1] for cells in table(out)}
    assert shown["andreruffert"].startswith("link-only: ") and "of 171 posts" in shown["andreruffert"]
    assert shown["hbc_bsidesphilly_sponsors"].startswith("repeat-post: Nearly the same words")
    assert "×" not in out

    # without repeat-post, hbc's worst is link-flood: three links flooded, one shown
    config = tmp_path / "assistant.toml"
    config.write_text(f'[rules]\nignore = ["repeat-post"]\n\n[[feeds]]\nname = "Sponsors"\nsource = "{hbc}"\n')
    code, out, _ = run(capsys, "report", "preview", "--config", str(config), "--date", "2022-11-05",
                       "--no-llm")
    (row,) = table(out)
    assert row[-1] == "link-flood: drexel.edu was posted 5 times within 24 hours (and 2 more like it)"
    report = build_report(Settings(), load_workspace(config), day=date(2022, 11, 5), use_llm=False)
    slack = summary_line(report.feeds[0])
    assert "×" not in slack and "(and 2 more like it)" in slack


def test_without_a_history_store_the_change_is_not_called_new(
        capsys: pytest.CaptureFixture[str]) -> None:
    """With REDIS_URL unset every row said "Change: new", which reads as "a new feed"."""
    code, out, _ = run(capsys, "report", "preview", str(EXAMPLES / "brightpixel_x.jsonl"),
                       "--date", DATE, "--no-llm")
    assert code == 0
    header = next(line for line in out.splitlines() if line.startswith("┃"))
    assert "Change" not in header and "new" not in table(out)[0]
    assert "No change since the last report: REDIS_URL is not set, so there is no history to compare with" \
        in " ".join(out.split())
    (line,) = preview_json(capsys, str(EXAMPLES / "brightpixel_x.jsonl"))["feeds"]
    assert line["history"] is False and line["previous"] is None


def test_with_a_history_store_new_means_first_seen_today(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, redis_url: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import date

    import redis

    from assistant.reports.store import ReportStore

    feed = EXAMPLES / "quietstudio_x.jsonl"
    config = _config(tmp_path, [("First seen today", feed), ("Seen over a week ago", feed),
                                ("Seen yesterday", feed)])
    store = ReportStore(redis.Redis.from_url(redis_url))
    store.save_snapshot("Seen over a week ago", date(2026, 11, 17), {"score": 90})
    store.save_snapshot("Seen yesterday", date(2026, 11, 24), {"score": 97})
    monkeypatch.setenv("REDIS_URL", redis_url)
    code, out, err = run(capsys, "report", "preview", "--config", str(config), "--date", DATE, "--no-llm")
    assert code == 0, err
    change = {cells[0]: cells[4] for cells in table(out)}
    assert change == {"First seen today": "new", "Seen over a week ago": "n/a",
                      "Seen yesterday": "+3"}
    assert "REDIS_URL" not in out


def test_on_monday_the_change_is_since_the_last_report_and_names_its_day(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, redis_url: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Reports on weekdays only: Monday's change said "n/a" (no Sunday snapshot). It is now
    since Friday's, and says so; the JSON gives the day compared with."""
    from datetime import date

    import redis

    from assistant.reports.store import ReportStore

    feed = EXAMPLES / "quietstudio_x.jsonl"
    config = _config(tmp_path, [("Weekdays", feed), ("Every day", feed)])
    store = ReportStore(redis.Redis.from_url(redis_url))
    store.save_snapshot("Weekdays", date(2026, 11, 27), {"score": 97})
    store.save_snapshot("Every day", date(2026, 11, 29), {"score": 98})
    monkeypatch.setenv("REDIS_URL", redis_url)
    argv = ("report", "preview", "--config", str(config), "--date", "2026-11-30", "--no-llm")
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    change = {cells[0]: cells[4] for cells in table(out)}
    assert change == {"Weekdays": "+3 since Fri 27 Nov", "Every day": "+2"}
    code, out, err = run(capsys, *argv, "--format", "json")
    assert code == 0, err
    compared = {f["name"]: (f["previous"], f["previous_day"]) for f in json.loads(out)["feeds"]}
    assert compared == {"Weekdays": (97, "2026-11-27"), "Every day": (98, "2026-11-29")}


@pytest.mark.parametrize(("typed", "said"), [
    ("nope.xml", "nope.xml: file not found"),
    ("mastodn:@x@y.org", "mastodn:@x@y.org: unknown source kind 'mastodn:' (did you mean 'mastodon:'?)"),
    ("mastodon:@x", "mastodon:@x: expected mastodon:@USER@INSTANCE"),
    ("rss:feed.xml", "rss:feed.xml: expected rss:https://..."),
    ("README.md", "README.md:1: cannot tell the format"),
], ids=["missing-file", "unknown-kind", "bad-handle", "bad-rss", "not-a-feed"])
def test_a_mistyped_source_is_one_line_and_exit_2(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, typed: str,
        said: str) -> None:
    """They all exited 0 with a "not fetched" row; the typo's row showed "mastodn:x@y.org",
    and README.md's advised a --source that `report preview` does not have."""
    monkeypatch.chdir(Path(__file__).resolve().parents[2])
    healthy = str(EXAMPLES / "quietstudio_x.jsonl")
    code, out, err = run(capsys, "report", "preview", healthy, typed, "--date", DATE, "--no-llm")
    assert (code, out) == (2, "")
    assert err.startswith(f"assistant: error: {said}") and len(err.strip().splitlines()) == 1
    assert "--source" not in err, "report preview has no --source option"


@pytest.mark.parametrize(("name", "content", "said"), [
    ("plan.csv", "title,author\nLaunch day,Sam\n", "plan.csv:1: no column for text (columns: title, author)"),
    ("posts.json", '[{"id": "1", "text": "Launch day"}]', "posts.json:1: object 1: no date (created_at, date, timestamp...)"),
    ("notes.txt", "Remember to post more\n", "notes.txt:1: cannot tell the format; a report reads jsonl, "
     "x-archive, mastodon, bluesky, rss, hootsuite, buffer, csv, twcs, json, told apart by their content"),
], ids=["no-text-column", "no-date", "no-format"])
def test_a_file_the_report_cannot_read_gives_no_advice_about_audit_options(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, content: str, said: str) -> None:
    """The readers' advice names `assistant audit`'s --map and --source; a report has neither,
    so it says what it reads instead, or nothing."""
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "report", "preview", str(path), "--date", DATE, "--no-llm")
    assert (code, out) == (2, "")
    assert err.strip() == f"assistant: error: {tmp_path}/{said}"
    assert "--map" not in err and "--source" not in err


def test_a_mistyped_url_is_named_without_its_secrets(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "report", "preview", "htps://u:hunter2@a.example/f?token=s3cret")
    assert code == 2 and "unknown source kind 'htps:' (did you mean 'https:'?)" in err
    assert "hunter2" not in err and "s3cret" not in err


def test_a_live_source_that_cannot_be_fetched_is_still_a_row(capsys: pytest.CaptureFixture[str]) -> None:
    """Not the user's mistake: the feed is reported as not fetched, the others as usual."""
    from tests.conftest import free_port

    source = f"mastodon:@nobody@localhost:{free_port()}"
    code, out, _ = run(capsys, "report", "preview", source, str(EXAMPLES / "quietstudio_x.jsonl"),
                       "--date", DATE, "--no-llm")
    assert code == 0
    (failed, fine) = table(out)
    assert failed[0] == source and "not fetched" in failed[-1]
    assert fine[0] == "@quietstudio"


@pytest.mark.parametrize(("argv", "said"), [
    (["a.jsonl", "b.jsonl", "--name", "X"],
     "2 SOURCES but 1 --name: give one --name per SOURCE, in their order, or none"),
    (["a.jsonl", "--name", "A", "--name", "B"],
     "1 SOURCE but 2 --name: give one --name per SOURCE, in their order, or none"),
    (["--name", "A"], "--name names SOURCES, and none were given"),
], ids=["fewer-names", "more-names", "no-sources"])
def test_names_that_do_not_match_the_sources_are_refused(
        capsys: pytest.CaptureFixture[str], argv: list[str], said: str) -> None:
    """Fewer names than sources, or more, were accepted silently."""
    code, out, err = run(capsys, "report", "preview", *argv, "--no-llm")
    assert (code, out) == (2, "")
    assert said in err and len(err.strip().splitlines()) == 1


def test_a_config_without_feeds_is_named_not_asked_for(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """`report preview --config examples/assistant.toml` (its [[feeds]] are commented out)
    said "give SOURCES or a --config with [[feeds]]" although a config was given."""
    config = str(EXAMPLES / "assistant.toml")
    expected = f"assistant: error: {config}: no [[feeds]] in it: add some there, or give SOURCES\n"
    assert run(capsys, "report", "preview", "--config", config) == (2, "", expected)
    monkeypatch.setenv("ASSISTANT_CONFIG", config)
    assert run(capsys, "report", "preview") == (2, "", expected)
    code, _, err = run(capsys, "report", "daily", "--config", config)
    assert (code, err) == (2, f"assistant: error: {config}: no [[feeds]] in it: nothing to report\n")
    monkeypatch.delenv("ASSISTANT_CONFIG")
    code, _, err = run(capsys, "report", "preview")
    assert code == 2 and "no feeds: give SOURCES, or a --config (or ASSISTANT_CONFIG) with [[feeds]]" in err
    code, _, err = run(capsys, "report", "daily")
    assert code == 2 and "no config: give --config assistant.toml with [[feeds]] (or set ASSISTANT_CONFIG)" in err


def test_a_past_date_says_in_the_terminal_what_came_later_in_the_audits_words(
        capsys: pytest.CaptureFixture[str], realdata: Path) -> None:
    visbot = str(realdata / "x_archive" / "visbot_tweets.js")
    _, out, _ = run(capsys, "audit", visbot, "--as-of", "2022-06-01", "--no-llm")
    assert "60 posts dated later not audited" in out
    code, out, _ = run(capsys, "report", "preview", visbot, "--date", "2022-06-01", "--no-llm")
    assert code == 0
    assert "visbot: 60 posts dated later not audited (the report is as of 2022-06-01)" in out


def test_many_feeds_are_fetched_sixteen_at_a_time(capsys: pytest.CaptureFixture[str], realdata: Path) -> None:
    """An agency's report reads its blogs side by side: 20 slow blogs on 20 hosts are asked
    16 at a time (`FETCH_THREADS`), not one after another, and every one gets its line."""
    from contextlib import ExitStack

    from assistant.reports.run import FETCH_THREADS
    from tests.fakes.feed_server import SlowFeed, serve

    slow = SlowFeed((realdata / "rss" / "TypePadNews.xml").read_bytes(), 0.4)

    with ExitStack() as stack:
        servers = [stack.enter_context(serve(slow, address=f"127.0.9.{n}")) for n in range(1, 21)]
        code, out, err = run(capsys, "report", "preview", *(f"rss:{s.url}/feed.xml" for s in servers),
                             "--date", "2013-03-10", "--no-llm", "--format", "json")
    assert code == 0, err
    assert len(json.loads(out)["feeds"]) == 20
    assert slow.most == FETCH_THREADS == 16


def test_a_slow_feed_holds_up_only_its_own_line(
        tmp_path: Path, realdata: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first feed of the config answers only once the second, in at once, has been
    audited and critiqued (or after 20 s): not after it; the report has both."""
    from datetime import date

    from assistant.config import load_workspace
    from assistant.reports.run import build_report
    from assistant.settings import Settings
    from tests.fakes.feed_server import Answer, Request, SlowFeed, serve
    from tests.fakes.openai_server import FakeOpenAI, answer

    body = (realdata / "rss" / "TypePadNews.xml").read_bytes()
    critiqued_while_slow: list[int] = []
    with FakeOpenAI(default=answer({"summary": "fine", "problems": [], "suggested_post": "",
                                     "practise_what_you_preach": ""})) as llm:

        def late(request: Request) -> Answer:
            waited_until = time.monotonic() + 20
            while llm.calls == 0 and time.monotonic() < waited_until:
                time.sleep(0.05)
            critiqued_while_slow.append(llm.calls)
            return 200, {"Content-Type": "application/rss+xml"}, body

        monkeypatch.setenv("OPENAI_BASE_URL", llm.url)
        monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
        with serve(late, address="127.0.8.1") as a, serve(SlowFeed(body, 0.0), address="127.0.8.2") as b:
            config = _config(tmp_path, [("Slow blog", f"rss:{a.url}/feed.xml"),
                                        ("Quick blog", f"rss:{b.url}/feed.xml")])
            report = build_report(Settings(), load_workspace(config), day=date(2013, 3, 10), use_llm=True)
    assert critiqued_while_slow == [1], "the quick feed waited for the slow one"
    assert sorted(line.name for line in report.feeds) == ["Quick blog", "Slow blog"]
    assert all(line.error is None for line in report.feeds)


def test_a_file_that_is_no_feed_stops_the_preview_before_any_critique_is_paid_for(
        capsys: pytest.CaptureFixture[str], realdata: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Feeds are audited as they come in, but the files a user types are all read first: a
    typo in the last one is exit 2 with nothing asked of the model for the ones before it."""
    from tests.fakes.openai_server import FakeOpenAI, answer

    notes = tmp_path / "notes.txt"
    notes.write_text("Remember to post more\n", encoding="utf-8")
    with FakeOpenAI(default=answer({"summary": "fine", "problems": [], "suggested_post": "",
                                     "practise_what_you_preach": ""})) as llm:
        monkeypatch.setenv("OPENAI_BASE_URL", llm.url)
        monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
        blog = realdata / "rss" / "TypePadNews.xml"
        code, out, err = run(capsys, "report", "preview", str(blog), str(blog), str(notes), "--date", DATE)
        assert (code, out) == (2, "") and "notes.txt" in err
        assert llm.calls == 0
