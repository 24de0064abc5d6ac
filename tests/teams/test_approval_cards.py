"""The Teams approval card, rendered from any text a post, a person or a model can carry:
always a valid Adaptive Card 1.5 under Teams' size limit, with that text only in rich text
runs (never a mention, HTML or markdown), and buttons only while a decision is possible
(after a request for changes, only the edit)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.approvals.model import AuditEntry, QueuedPost
from assistant.models import Critique, Finding, Post, Review
from integrations.teams.bot.approvals.card import (
    approval_card,
    audit_card,
    decision_card,
    feedback_card,
)
from tests.teams.cardcheck import card_problems
from tests.teams.conftest import markdown_fields, texts

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
HOSTILE = st.sampled_from(["<at>General</at>", "<at id='0'>Everyone</at>", "<b>", "</at>",
                           "[x](https://evil.example/)", "**", "<img src=x onerror=y>", "\n",
                           "&lt;at&gt;", "# ", "\u202e", "😀"])
TEXT = st.lists(st.one_of(HOSTILE, st.text(max_size=40)), max_size=12).map("".join)
STATES = st.sampled_from(["pending", "approved", "changes_requested", "rejected", "expired",
                          "released"])


def _record(text: str, name: str, note: str, state: str, long: bool) -> QueuedPost:
    body = text * 200 if long else text
    post = Post(id="q1", platform="linkedin", created_at=NOW + timedelta(days=1),  # type: ignore[arg-type]
                text=body)
    review = Review(post=post, findings=[
        Finding(rule="share-begging", severity="error", message=note or "m", evidence=text),
        Finding(rule="too-long", severity="warning", message=text or "m")],
        critique=Critique(available=True, summary=note, rewrite=text))
    return QueuedPost(id="q1", client="Acme <at>Bakery</at>", state=state,  # type: ignore[arg-type]
                      version=2, reviewed_version=2, has_error=True, submitter="teams:abc",
                      submitter_name=name, scheduled_at=NOW + timedelta(days=1), created_at=NOW,
                      updated_at=NOW, decided_by="teams:def" if state != "pending" else "",
                      decided_by_name=name, decided_at=NOW, override_reason=note,
                      feedback=note, post=post, review=review)


def _check(card: dict[str, Any], *untrusted: str) -> None:
    assert card_problems(card) == []
    every = texts(card)
    assert not any("<at" in s.lower() or "<b>" in s or "<img" in s for s in every)
    fields = " ".join(markdown_fields(card))
    for text in untrusted:
        for piece in ("evil.example", "**"):
            if piece in text:
                assert piece not in fields


@settings(max_examples=60, deadline=None)
@given(text=TEXT, name=TEXT, note=TEXT, state=STATES, long=st.booleans())
def test_any_text_gives_a_valid_inert_card(text: str, name: str, note: str, state: str,
                                          long: bool) -> None:
    record = _record(text, name, note, state, long)
    entry = AuditEntry(id="1-0", at=NOW, actor="teams:def", actor_name=name, action="approved",
                       version=2, reason=note, note=note)
    for card in (approval_card(record, record.client), audit_card(record, [entry] * 50,
                                                                   continued=True),
                 feedback_card(record), decision_card(record, record.client)):
        _check(card, text, name, note)


def test_buttons_only_while_a_reviewed_version_waits_for_a_decision() -> None:
    pending = _record("Hello", "Ana", "why", "pending", False)
    verbs = {a.get("verb") or a["card"]["actions"][0]["verb"]
             for a in approval_card(pending, "Acme")["actions"]}
    assert verbs == {"approve", "request_changes", "reject"}
    unreviewed = pending.model_copy(update={"reviewed_version": 1})
    assert "actions" not in approval_card(unreviewed, "Acme")
    for state in ("approved", "rejected", "expired", "released"):
        decided = pending.model_copy(update={"state": state})
        assert "actions" not in approval_card(decided, "Acme")
    changes = approval_card(pending.model_copy(update={"state": "changes_requested"}), "Acme")
    assert [a["title"] for a in changes["actions"]] == ["Edit post…"]
