"""The critique as users meet it: `assistant review` and `audit` against an endpoint on loopback."""

from __future__ import annotations

import json

import pytest

from tests.conftest import EXAMPLES
from tests.critique.conftest import GOOD, SPAMMY
from tests.critique.test_feed import feed_answer
from tests.fakes.openai_server import FakeOpenAI, answer, status
from tests.test_cli import run


@pytest.fixture
def endpoint(monkeypatch: pytest.MonkeyPatch, fake: FakeOpenAI) -> FakeOpenAI:
    monkeypatch.setenv("OPENAI_BASE_URL", fake.url)
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-cli-0123456789")
    monkeypatch.setenv("ASSISTANT_LLM_DEADLINE", "5")
    monkeypatch.delenv("REDIS_URL", raising=False)
    return fake


def test_review_adds_the_critique_and_its_findings(
    capsys: pytest.CaptureFixture[str], endpoint: FakeOpenAI
) -> None:
    code, out, err = run(capsys, "review", SPAMMY, "--format", "json")
    review = json.loads(out)
    assert endpoint.calls == 1
    assert review["critique"]["available"] and review["critique"]["verdict"] == "revise"
    assert review["critique"]["rewrite"] == GOOD["rewrite"]
    assert review["critique"]["usage"], "token usage is in the JSON output"
    sources = {f["source"] for f in review["findings"]}
    assert sources == {"rule", "llm"}
    assert "skipped" not in err and code == 0


def test_no_llm_makes_no_call(capsys: pytest.CaptureFixture[str], endpoint: FakeOpenAI) -> None:
    _, out, err = run(capsys, "review", SPAMMY, "--format", "json", "--no-llm")
    assert endpoint.calls == 0
    assert json.loads(out)["critique"] is None and err == ""


def test_a_dead_endpoint_still_gives_the_rule_review(
    capsys: pytest.CaptureFixture[str], endpoint: FakeOpenAI, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ASSISTANT_LLM_MAX_RETRIES", "0")
    endpoint.script(status(500))
    code, out, _ = run(capsys, "review", SPAMMY, "--format", "json")
    review = json.loads(out)
    assert not review["critique"]["available"]
    assert review["critique"]["note"].startswith("critique unavailable")
    assert {f["rule"] for f in review["findings"]} >= {"share-begging"}
    assert code == 0


def test_agency_audit_gets_one_call_and_the_practise_note(
    capsys: pytest.CaptureFixture[str], endpoint: FakeOpenAI
) -> None:
    endpoint.script(answer(feed_answer("bp005")))
    _, out, _ = run(capsys, "audit", str(EXAMPLES / "brightpixel_x.jsonl"), "--owner", "agency",
                    "--as-of", "2026-11-11", "--format", "json")
    audit = json.loads(out)
    assert endpoint.calls == 1, "one call per feed audit, never one per post"
    assert audit["critique"]["practise_what_you_preach"].startswith("Prospective clients")
    assert audit["health"]["score"] < 40
