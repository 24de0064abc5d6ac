"""mention-push and self-promo-ratio as a social media manager meets them: a courtesy used as
cover for a pitch, and a feed's own site when no own domain is given.

The review cases live here rather than in examples.py: that table trains the speech model,
and these are read by the patterns alone.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from assistant.checks.ruleset import RuleSet
from assistant.models import Post
from tests.checks.examples import NOW, OWN_DOMAINS, p
from tests.conftest import run_cli

CONGRATS_THEN_PITCH = ("Congrats @sarahchen on the new role! If your team needs help with onboarding, "
                       "our new guide might help: https://flowdesk.example/guide")


@pytest.fixture(autouse=True)
def _no_llm(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "AZURE_OPENAI_ENDPOINT", "ASSISTANT_CONFIG"):
        monkeypatch.delenv(name, raising=False)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """The CLI's standard output."""
    return run_cli(capsys, *argv)[1]


@pytest.mark.parametrize(("platform", "draft"), [
    ("x", CONGRATS_THEN_PITCH),
    ("linkedin", CONGRATS_THEN_PITCH.replace("@sarahchen", "@Sarah Chen")),
])
def test_congratulating_then_pitching_our_guide_at_her_is_a_push(
    capsys: pytest.CaptureFixture[str], platform: str, draft: str
) -> None:
    out = run(capsys, "review", "--no-llm", "--own-domain", "flowdesk.example", "--platform", platform, draft)
    assert "mention-push" in out and "score 100/100" not in out
    who = "@Sarah Chen" if platform == "linkedin" else "@sarahchen"
    assert f"Congratulates {who}, then aims our own content at them" in out
    assert f"“{who}: If your team needs help with onboarding, our new guide might help”" in out


@pytest.mark.parametrize("draft", [
    "Congrats @sarahchen on the new role!",
    "Congrats @sarahchen! We loved working with you on this: https://flowdesk.example/work/acme",
])
def test_congratulations_alone_or_with_work_we_did_with_her_stay_clean(
    capsys: pytest.CaptureFixture[str], draft: str
) -> None:
    out = run(capsys, "review", "--no-llm", "--own-domain", "flowdesk.example", draft)
    assert "No rule findings" in out


def _saas_feed(path: Path) -> Path:
    """84 posts of @flowdesk, every one linking its own blog, half of them "NEW on the blog:"."""
    start = datetime(2026, 10, 1, 9, tzinfo=UTC)
    rows = []
    for n in range(84):
        slug = f"post-{n // 2}"
        text = (f"NEW on the blog: lesson {n // 2} on onboarding https://flowdesk.example/blog/{slug}"
                if n % 2 == 0 else
                f"Our latest post: lesson {n // 2} on onboarding https://flowdesk.example/blog/{slug} #SaaS")
        rows.append({"id": f"s{n}", "created_at": (start + timedelta(hours=7 * n)).isoformat(),
                     "platform": "x", "kind": "post", "author": "@flowdesk", "text": text})
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.mark.parametrize("given", [(), ("--own-domain", "flowdesk.example")], ids=["guessed", "given"])
def test_a_feed_linking_its_own_blog_in_every_post_is_all_promotion(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, given: tuple[str, ...]
) -> None:
    feed = _saas_feed(tmp_path / "saas.jsonl")
    out = run(capsys, "audit", str(feed), "--no-llm", *given)
    assert "84 of 84 posts (100%) promote our own content" in out
    guessed = "flowdesk.example taken as the account's own site"
    assert (guessed in out) == (not given)


COURTESY_PUSHES = [
    ("Congrats @sarahchen on the new role! If your team needs help with onboarding, "
     "our new guide might help: https://bp.agency/guide"),
    p("Congrats @Sarah Chen on the new role! If your team needs help with onboarding, "
      "our new guide might help: https://bp.agency/guide", platform="linkedin"),
    "@sarahchen congrats on the new role! You'll want our onboarding checklist: https://bp.agency/checklist",
    "Huge congratulations to @acme and @tomlee on the raise! Our pricing guide could help you scale: "
    "https://bp.agency/pricing",
    "Welcome aboard, @maxr! Our new onboarding template will come in handy for your team https://bp.agency/t",
    "Happy birthday @jo! If you're planning 2027, our new content calendar is for you https://bp.agency/cal",
    p("Thanks for the kind words @jo! If you're hiring this year, our hiring playbook will help "
      "https://bp.agency/playbook", kind="reply"),
]
COURTESIES = [
    "Congrats @sarahchen on the new role! Onboarding is lucky to have you.",
    p("Congrats @Sarah Chen on the new role! Well deserved.", platform="linkedin"),
    # the work we did with her, shown to our audience: credit, not a pitch at her
    "Congrats @sarahchen! We loved working with you on this: https://bp.agency/work/acme-onboarding",
    "Thanks @ana for sharing our new guide! It took us a month to write https://bp.agency/guide",
    "Welcome @maxr to the team! Our new office is finally open too https://bp.agency/blog/office",
    # help aimed at her, but not ours
    ("Congrats @sarahchen on the new role! This guide by @lee might help your team: "
     "https://leewrites.example/onboarding"),
    # answers: what follows thanks for a question or a report is help
    p("Thanks for flagging @jo! Our status page might help while we fix it: https://bp.agency/status",
      kind="reply"),
    p("Thanks for asking @jo! Our setup guide might help: https://bp.agency/guide/setup", kind="reply"),
    p("You're welcome @jo! Our setup guide might help next time too https://bp.agency/guide", kind="reply"),
]


def _pushes(case: str | Post) -> list[str]:
    post = p(case) if isinstance(case, str) else case
    found = RuleSet.from_config().check_post(post, own_domains=OWN_DOMAINS, as_of=NOW)
    return [f.message for f in found if f.rule == "mention-push"]


@pytest.mark.parametrize("case", COURTESY_PUSHES, ids=lambda c: str(getattr(c, "text", c))[:40])
def test_a_courtesy_then_our_content_aimed_at_them_is_a_push(case: str | Post) -> None:
    assert _pushes(case), case


@pytest.mark.parametrize("case", COURTESIES, ids=lambda c: str(getattr(c, "text", c))[:40])
def test_courtesies_credit_and_answers_stay_clean(case: str | Post) -> None:
    assert _pushes(case) == []


def test_the_evidence_counts_each_way_the_posts_promote(capsys: pytest.CaptureFixture[str]) -> None:
    """visbot's finding named the sites it took as its own; a reader counting their links
    found 99 of the 1,545 promoting posts: most announce its own uploads. The evidence says
    how many promote which way."""
    visbot = Path(__file__).resolve().parents[1] / "realdata" / "x_archive" / "visbot_tweets.js"
    _, out, _ = run_cli(capsys, "audit", str(visbot), "--no-llm", "--format", "json", "--as-of", "2026-11-29")
    [finding] = [f for f in json.loads(out)["findings"] if f["rule"] == "self-promo-ratio"]
    assert finding["message"].startswith("1545 of 2096 posts (74%) promote our own content or offers")
    assert finding["evidence"].startswith(
        "1445 announce its own uploads or releases (first: new videos online); "
        "99 link to its own site (first: http://www.visbot.net/?p=479); 1 uses a promotional phrase (first: ")
