"""An export URL is audited as its file is: its account named by its data (the own-site
guess reads that name), shown under the name the agency gave the feed."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.reports.loopback import Host, serve_on

DATE = "2026-11-25"
LABEL = "Data-viz client"  # how the agency calls the feed: nothing like visbot.github.io


@pytest.fixture(autouse=True)
def _plain(monkeypatch: pytest.MonkeyPatch) -> None:
    """No history store, no model, no config from the shell."""
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "AZURE_OPENAI_ENDPOINT", "ASSISTANT_CONFIG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("REDIS_URL", "")


@pytest.fixture
def export(realdata: Path) -> Iterator[Host]:
    """visbot's X archive served as an export URL on loopback."""
    body = (realdata / "x_archive" / "visbot_tweets.js").read_bytes()
    with serve_on("127.0.0.1", {"/exports/visbot_tweets.js": (200, {}, body)}) as host:
        yield host


def promo(findings: list[dict]) -> str:
    return next(f["message"] for f in findings if f["rule"] == "self-promo-ratio")


def audited(capsys: pytest.CaptureFixture[str], path: Path) -> dict:
    """`assistant audit FILE` as JSON: the verdict a feed's export gets."""
    code, out, err = run_cli(capsys, "audit", str(path), "--as-of", DATE, "--no-llm",
                             "--format", "json")
    assert code == 0, err
    return json.loads(out)


def preview(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:
    code, out, err = run_cli(capsys, "report", "preview", *argv, "--date", DATE, "--no-llm",
                             "--format", "json")
    assert code == 0, err
    return json.loads(out)


def test_a_tracked_export_url_gets_its_files_verdict_under_the_feeds_name(
        capsys: pytest.CaptureFixture[str], realdata: Path, export: Host,
        tmp_path: Path) -> None:
    """The report named the account "Data-viz client", so self-promo-ratio could not guess
    visbot's own site: 1446 posts promoting instead of the 1545 `audit` finds in the file."""
    config = tmp_path / "assistant.toml"
    config.write_text(f'[agency]\nname = "Bright Pixel"\n\n[[feeds]]\nname = "{LABEL}"\n'
                      f'source = "{export.url}/exports/visbot_tweets.js"\n')
    audit = audited(capsys, realdata / "x_archive" / "visbot_tweets.js")
    (line,) = preview(capsys, "--config", str(config))["feeds"]
    assert promo(line["audit"]["findings"]) == promo(audit["findings"])
    assert "visbot.github.io" in promo(line["audit"]["findings"])
    assert line["audit"]["health"] == audit["health"]
    assert line["name"] == LABEL, "the report shows the feed by the agency's name for it"
    assert line["audit"]["account"]["name"] == "visbot", "the account its data names"


def test_an_export_url_previewed_without_a_name_is_named_by_its_data(
        capsys: pytest.CaptureFixture[str], export: Host) -> None:
    """As a file given as SOURCE is: the row was "visbot_tweets.js", the URL's last part."""
    (line,) = preview(capsys, f"{export.url}/exports/visbot_tweets.js")["feeds"]
    assert line["name"] == "visbot" == line["audit"]["account"]["name"]
    assert "visbot.github.io" in promo(line["audit"]["findings"])


def test_an_export_url_of_several_authors_says_whose_posts_were_judged(
        capsys: pytest.CaptureFixture[str], realdata: Path) -> None:
    """A support data set served as an export URL: only AppleSupport's 13 of 93 posts were
    judged, but the report's row said nothing of the 80 left out, as a file's row does."""
    body = (realdata / "support_tweets" / "twcs_sample.csv").read_bytes()
    with serve_on("127.0.0.1", {"/exports/twcs.csv": (200, {}, body)}) as host:
        url = f"{host.url}/exports/twcs.csv"
        (line,) = preview(capsys, url)["feeds"]
        code, out, _ = run_cli(capsys, "report", "preview", url, "--date", DATE, "--no-llm")
    assert line["audit"]["stats"]["posts"] == 13 and line["audit"]["stats"]["left_out"] == 80
    assert line["other_accounts"] == 41
    said = " ".join(out.split())  # the terminal wraps the note
    assert code == 0 and f"{url}: audited AppleSupport; left out 80 posts of 41 other accounts" in said
