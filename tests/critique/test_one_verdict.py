"""One verdict everywhere: a model that always answers "publish" never softens a flagged draft.

The verdict is computed once (`assistant.review.verdict`); the command line (text and
JSON), Slack and Teams must all carry it, and show the model's own answer only as such.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from assistant.models import Critique, Review
from integrations.slack.render.blocks import review_summary
from integrations.teams.cards import review_card
from tests.critique.conftest import GOOD, SPAMMY, WARNING_FINDING, make_post
from tests.critique.test_cli_critique import endpoint  # noqa: F401  (fixture)
from tests.fakes.openai_server import FakeOpenAI, answer
from tests.test_cli import run

ALWAYS_PUBLISH: dict[str, Any] = {**GOOD, "verdict": "publish", "problems": []}


def _flagged_review() -> Review:
    critique = Critique(available=True, verdict="publish", summary="Fine as it is.")
    return Review(post=make_post(), findings=[WARNING_FINDING], critique=critique)


def _texts(value: Any) -> list[str]:
    """Every string inside a Slack or Teams payload."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for v in value.values() for t in _texts(v)]
    if isinstance(value, list):
        return [t for v in value for t in _texts(v)]
    return []


def test_slack_and_teams_say_revise_when_the_model_says_publish() -> None:
    review = _flagged_review()
    slack = " ".join(_texts(review_summary(review)))
    teams = " ".join(_texts(review_card(review)))
    assert "Revise" in slack and "Ready to publish" not in slack
    assert "Verdict: Revise" in teams and "Ready to publish" not in teams


def test_cli_json_carries_the_enforced_verdict(
    capsys: pytest.CaptureFixture[str], endpoint: FakeOpenAI  # noqa: F811
) -> None:
    endpoint.script(*[answer(ALWAYS_PUBLISH)] * 3)
    _, out, _ = run(capsys, "review", SPAMMY, "--format", "json")
    review = json.loads(out)
    assert review["critique"]["verdict"] == "publish", "the model's answer is kept, as its own"
    assert review["verdict"] == "revise"
    assert 0 <= review["score"] < 100


def test_cli_text_shows_the_enforced_verdict_not_the_models(
    capsys: pytest.CaptureFixture[str], endpoint: FakeOpenAI  # noqa: F811
) -> None:
    endpoint.script(*[answer(ALWAYS_PUBLISH)] * 3)
    _, out, _ = run(capsys, "review", SPAMMY)
    assert "Verdict: revise" in out
    assert "verdict: publish" not in out
    assert "the model alone would say: publish" in out


def test_a_clean_draft_without_a_critique_is_publish(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "review", "What is the one tip you wish you had learned sooner?",
                    "--no-llm", "--format", "json")
    assert json.loads(out)["verdict"] == "publish"
