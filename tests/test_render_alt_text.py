"""A carousel with images missing alt text: the terminal and the concise format show one
finding per problem, while the score, the verdict, `--fail-on` and JSON still count each
image (grouping once scored four images as one warning)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.checks.ruleset import RuleSet
from assistant.models import Review
from assistant.render.concise import review_lines
from assistant.render.plain import PlainConsole
from assistant.render.present import shown_findings
from assistant.render.text import print_review
from assistant.review import post_score, review_post, verdict
from tests.checks.examples import img, p
from tests.conftest import run_cli

ALTS = ["A designer sketching the new logo", None, "", "IMG_123", None, "DSC_0042",
        "Swatches on a wall", "Sticky notes", None, "A tote bag"]
NO_ALT = "4 of 10 images have no alt text: describe what they show for people who cannot see them."
NO_ALT_IMAGES = "images 2, 3, 5 and 9 of 10: no alt text"
JUNK = "2 of 10 images have junk alt text: describe what they show for people who cannot see them."
JUNK_IMAGES = "images 4 and 6 of 10: alt text “IMG_123” and “DSC_0042”"


def carousel() -> Review:
    post = p("Ten sketches from the first week of our rebrand.", platform="instagram",
             id="carousel", media=[img(alt) for alt in ALTS])
    return review_post(post, RuleSet.from_config())


def test_the_terminal_shows_one_line_per_problem(capsys: pytest.CaptureFixture[str]) -> None:
    review = carousel()
    print_review(review, PlainConsole())
    out = capsys.readouterr().out
    assert out.count("missing-alt-text") == 2
    assert f"missing-alt-text  {NO_ALT}\n      “{NO_ALT_IMAGES}”\n" in out
    assert f"missing-alt-text  {JUNK}\n      “{JUNK_IMAGES}”\n" in out
    assert f"score {post_score(review)}/100" in out


def test_concise_has_a_line_per_shown_finding_and_counts_them() -> None:
    assert list(review_lines([carousel()], source="drafts.jsonl")) == [
        f"drafts.jsonl:carousel: warning missing-alt-text {NO_ALT}",
        f"drafts.jsonl:carousel: warning missing-alt-text {JUNK}",
        "Found 2 findings (2 warnings).",
    ]


def test_score_verdict_fail_on_and_json_charge_every_image(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    review = carousel()
    score, said = post_score(review), verdict(review)
    grouped = Review(post=review.post, findings=shown_findings(review.findings))
    assert post_score(grouped) != score, "grouped, the carousel would score better: the case to guard"
    draft = tmp_path / "drafts.jsonl"
    draft.write_text(json.dumps({
        "id": "carousel", "created_at": "2026-11-20T09:00:00Z", "platform": "instagram",
        "kind": "post", "author": "@brightpixel", "text": review.post.text,
        "media": [{"type": "image", "url": "https://cdn.bp.agency/a.jpg", **({} if a is None else {"alt": a})}
                  for a in ALTS]}) + "\n", encoding="utf-8")

    code, out, _ = run_cli(capsys, "review", "--input", str(draft), "--no-llm", "--format", "json",
                           "--fail-on", "warning")
    data = json.loads(out)
    assert code == 1 and (data["score"], data["verdict"]) == (score, said)
    assert [f["evidence"] for f in data["findings"] if f["rule"] == "missing-alt-text"] == [
        "image 2 of 10: no alt text", "image 3 of 10: no alt text", "image 4 of 10: alt text “IMG_123”",
        "image 5 of 10: no alt text", "image 6 of 10: alt text “DSC_0042”", "image 9 of 10: no alt text"]

    code, out, _ = run_cli(capsys, "review", "--input", str(draft), "--no-llm", "--fail-on", "warning")
    assert code == 1 and f"Verdict: {said}   score {score}/100" in out
    assert NO_ALT in out and JUNK in out and "Image 2 of 10" not in out
