"""The critique of one post against a real OpenAI client talking HTTP to a fake server."""

from __future__ import annotations

import json
import logging
import re

import pytest

from assistant.critique import apply_critique, critique_review, should_critique
from assistant.critique.payload import estimate_tokens
from assistant.critique.prompts import load_prompt
from assistant.settings import Settings
from tests.critique.conftest import (
    API_KEY,
    ERROR_FINDING,
    GOOD,
    RULES,
    SPAMMY,
    WARNING_FINDING,
    make_review,
    make_settings,
)
from tests.fakes.openai_server import FakeOpenAI, answer

BLOCK = re.compile(r"^<<<DATA ([0-9a-f]{32})>>>\n(.*)\n<<<END \1>>>$", re.DOTALL | re.MULTILINE)


def test_a_normal_answer_becomes_a_critique_and_llm_findings(
    fake: FakeOpenAI, settings: Settings
) -> None:
    review = make_review()
    result = critique_review(review, settings, rules_fingerprint=RULES)

    assert fake.calls == 1
    critique = result.critique
    assert critique.available and not critique.cached
    assert critique.verdict == "revise"
    assert critique.summary == GOOD["summary"]
    assert critique.rewrite == GOOD["rewrite"]
    assert critique.model == "fake-model"
    assert critique.usage == {
        "prompt_tokens": 120,
        "completion_tokens": 40,
        "total_tokens": 160,
        "cached_prompt_tokens": 0,
        "model_calls": 1,
    }
    [finding] = result.findings
    assert (finding.rule, finding.source, finding.severity) == ("llm-no-spam", "llm", "warning")
    assert finding.evidence == "Please RT and share" and finding.post_id == "p1"

    reviewed = apply_critique(review, result)
    assert reviewed.findings[0] == WARNING_FINDING
    assert reviewed.findings[1:] == result.findings
    assert reviewed.critique == critique


def test_the_request_is_structured_output_with_no_tools(
    fake: FakeOpenAI, settings: Settings
) -> None:
    critique_review(make_review(), settings, rules_fingerprint=RULES)

    [request] = fake.requests
    assert request.path == "/v1/chat/completions"
    assert request.headers["authorization"] == f"Bearer {API_KEY}"
    body = request.body
    assert body["model"] == "fake-model"
    assert "tools" not in body and "functions" not in body
    assert body["max_completion_tokens"] == settings.llm_max_output_tokens
    schema = body["response_format"]["json_schema"]
    assert body["response_format"]["type"] == "json_schema" and schema["strict"] is True
    assert schema["schema"]["additionalProperties"] is False
    assert set(schema["schema"]["required"]) == {"verdict", "summary", "problems", "rewrite"}
    system, user = request.messages
    # The static rubric comes first and is identical on every call (prompt caching).
    assert system == {"role": "system", "content": load_prompt("post_critique").system}
    assert "relationships" in system["content"] and "real life" in system["content"]
    data = json.loads(BLOCK.search(user["content"]).group(2))
    assert data["post"]["text"] == SPAMMY
    assert data["rule_findings"][0]["rule"] == "share-begging"
    assert user["content"].rstrip().endswith(">>>")


def test_model_output_is_capped_and_problems_must_quote_the_post(
    fake: FakeOpenAI, settings: Settings
) -> None:
    fake.script(
        answer(
            {
                "verdict": "revise",
                "summary": "word " * 500,
                "problems": [
                    {
                        "quote": "Please RT and share",
                        "issue": "x" * 1000,
                        "principle": "no-spam",
                        "severity": "warning",
                    },
                    {
                        "quote": "a sentence the post never said",
                        "issue": "invented",
                        "principle": "value",
                        "severity": "warning",
                    },
                ],
                "rewrite": "Ask a real question. " * 40 + "\u202eevil\x07",
            }
        )
    )
    result = critique_review(make_review(), settings, rules_fingerprint=RULES)

    assert len(result.critique.summary) <= 600
    assert len(result.critique.rewrite) <= 280  # X's hard limit
    assert "\u202e" not in result.critique.rewrite and "\x07" not in result.critique.rewrite
    assert [f.evidence for f in result.findings] == ["Please RT and share"]
    assert len(result.findings[0].message) <= 300


def test_a_long_post_is_clipped_to_the_token_budget(fake: FakeOpenAI) -> None:
    settings = make_settings(fake.url, llm_max_input_tokens=1500)
    text = "We are thrilled to announce our amazing new offering. " * 1200  # ~65,000 characters
    result = critique_review(
        make_review(text, platform="facebook"), settings, rules_fingerprint=RULES
    )

    [request] = fake.requests
    sent = sum(estimate_tokens(m["content"]) for m in request.messages)
    assert sent <= settings.llm_max_input_tokens
    assert "characters clipped" in request.messages[1]["content"]
    assert result.critique.available
    assert "clipped" in result.critique.note


def test_usage_is_logged_without_the_key_or_the_post(
    fake: FakeOpenAI, settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    # Set our logger's level explicitly: other tests (and libraries) may have raised a parent's.
    with caplog.at_level(logging.DEBUG), caplog.at_level(logging.DEBUG, logger="assistant.critique"):
        critique_review(make_review(), settings, rules_fingerprint=RULES)
    lines = [r.getMessage() for r in caplog.records if r.name == "assistant.critique"]
    assert any("prompt_tokens=120" in line and "completion_tokens=40" in line for line in lines)
    everything = "\n".join(r.getMessage() for r in caplog.records)
    assert API_KEY not in everything
    assert "Please RT" not in everything
    assert "relationships over" not in everything


def test_an_error_level_rule_finding_caps_an_honest_publish(
    fake: FakeOpenAI, settings: Settings
) -> None:
    fake.script(answer({**GOOD, "verdict": "publish", "problems": []}))
    review = make_review(findings=[ERROR_FINDING])
    reviewed = apply_critique(review, critique_review(review, settings, rules_fingerprint=RULES))

    assert reviewed.critique.verdict == "revise"
    assert "error-level rule findings" in reviewed.critique.note
    assert reviewed.findings == [ERROR_FINDING]


def test_no_configuration_means_no_call_and_a_one_line_reason(fake: FakeOpenAI) -> None:
    settings = Settings()
    assert not settings.llm_configured
    result = critique_review(make_review(), settings, rules_fingerprint=RULES)
    assert not result.critique.available
    assert result.critique.note.startswith("critique unavailable: no LLM endpoint configured")
    assert fake.calls == 0


def test_azure_openai_uses_the_deployment_route_and_api_key_header(fake: FakeOpenAI) -> None:
    settings = Settings(
        azure_openai_endpoint=fake.root,
        azure_openai_api_key="azure-key-xyz",
        openai_api_version="2024-10-21",
        llm_model="critique-deployment",
        llm_timeout=0.5,
    )
    result = critique_review(make_review(), settings, rules_fingerprint=RULES)

    assert result.critique.available
    [request] = fake.requests
    assert (
        request.path
        == "/openai/deployments/critique-deployment/chat/completions?api-version=2024-10-21"
    )
    assert request.headers["api-key"] == "azure-key-xyz"


def test_a_local_server_needs_no_key(fake: FakeOpenAI) -> None:
    """vLLM and Ollama: OPENAI_BASE_URL alone is enough."""
    settings = Settings(openai_base_url=fake.url, llm_model="llama3.1")
    assert settings.llm_configured
    result = critique_review(make_review(), settings, rules_fingerprint=RULES)
    assert result.critique.available and fake.requests[0].body["model"] == "llama3.1"


def test_when_commands_run_the_critique(fake: FakeOpenAI) -> None:
    configured, bare = make_settings(fake.url), Settings()
    assert should_critique(configured, None) == (True, "")
    assert should_critique(configured, False) == (False, "")
    assert should_critique(bare, True) == (True, "")
    run, why = should_critique(bare, None)
    assert not run and why.startswith("LLM critique skipped: no endpoint configured")
    assert "\n" not in why


def test_a_carousel_without_alt_text_leaves_the_model_the_posts_other_findings(
        fake: FakeOpenAI, settings: Settings) -> None:
    """Fourteen images without alt were fourteen findings, eleven of the twelve the model is
    sent: any finding listed after them (a rule checked after alt text) never reached it."""
    from assistant.checks.ruleset import RuleSet
    from assistant.review import review_post
    from tests.checks.examples import img, p

    post = p("Limited time: 20% off our brand audit. Book a call today!", platform="instagram",
             id="carousel", media=[img(None) for _ in range(14)])
    review = review_post(post, RuleSet.from_config())
    assert [f.rule for f in review.findings].count("missing-alt-text") == 14
    critique_review(review, settings, rules_fingerprint=RULES)
    [request] = fake.requests
    sent = json.loads(BLOCK.search(request.messages[1]["content"]).group(2))  # type: ignore[union-attr]
    rules = [f["rule"] for f in sent["rule_findings"]]
    assert "sales-pitch" in rules and rules.count("missing-alt-text") == 1
    assert "All 14 images have no alt text" in json.dumps(sent)
