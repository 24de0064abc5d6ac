"""What the model must answer, and how an answer is cleaned before anyone sees it.

The wire models carry no length constraints (not every compatible server accepts them
in a strict schema); lengths are capped here in code instead (OWASP LLM05), quotes
are checked against the text they claim to quote, and control characters go.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

Principle = Literal[
    "relationships", "engagement", "value", "no-spam", "platform-norms", "real-life"
]

MAX_PROBLEMS = 6
MAX_SUMMARY = 600
MAX_ISSUE = 300
MAX_QUOTE = 280
MAX_NOTE = 600
MAX_REWRITE = 3000


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Problem(_Strict):
    """One specific problem, tied to the words of the post it is about."""

    quote: str
    issue: str
    principle: Principle
    severity: Literal["info", "warning"]


class PostCritiqueOutput(_Strict):
    """The answer to prompts/post_critique.toml."""

    verdict: Literal["publish", "revise", "reject"]
    summary: str
    problems: list[Problem]
    rewrite: str


class FeedProblem(Problem):
    """A pattern in a feed, shown by one sampled post."""

    post_id: str


class FeedCritiqueOutput(_Strict):
    """The answer to prompts/feed_critique.toml."""

    summary: str
    problems: list[FeedProblem]
    suggested_post: str
    practise_what_you_preach: str


SCHEMAS: dict[str, type[_Strict]] = {
    "post_critique/1": PostCritiqueOutput,
    "feed_critique/1": FeedCritiqueOutput,
}


def strict_json_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The model's JSON schema in the strict form structured outputs require.

    Every object closed (`additionalProperties: false`) with all its properties required.
    """
    schema = model.model_json_schema()

    def visit(node: Any) -> None:
        if isinstance(node, dict):
            node.pop("default", None)
            if node.get("type") == "object" and "properties" in node:
                node["additionalProperties"] = False
                node["required"] = list(node["properties"])
            for value in node.values():
                visit(value)
        elif isinstance(node, list):
            for value in node:
                visit(value)

    visit(schema)
    return schema


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def cap(text: str, limit: int) -> str:
    """`text` without control or bidi characters, at most `limit` characters."""
    text = _CONTROL.sub("", text).strip()
    if len(text) <= limit:
        return text
    return text[: max(limit - 1, 0)].rstrip() + "…"


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.translate(str.maketrans("‘’“”", "''\"\""))
    return " ".join(text.split())


def grounded(quote: str, sources: Iterable[str]) -> bool:
    """True when `quote` appears in one of `sources` (case, quotes and spacing aside)."""
    needle = _fold(quote).strip(" .…\"'")
    return bool(needle) and any(needle in _fold(source) for source in sources)


def clean_post_output(
    out: PostCritiqueOutput, post_text: str, char_limit: int
) -> PostCritiqueOutput:
    """Cap every field and keep only problems whose quote is really in the post."""
    problems = [
        Problem(
            quote=cap(p.quote, MAX_QUOTE),
            issue=cap(p.issue, MAX_ISSUE),
            principle=p.principle,
            severity=p.severity,
        )
        for p in out.problems
        if p.issue.strip() and grounded(p.quote, [post_text])
    ][:MAX_PROBLEMS]
    return PostCritiqueOutput(
        verdict=out.verdict,
        summary=cap(out.summary, MAX_SUMMARY),
        problems=problems,
        rewrite=cap(out.rewrite, min(char_limit, MAX_REWRITE)),
    )


def clean_feed_output(
    out: FeedCritiqueOutput, texts: dict[str, str], char_limit: int, preach: bool
) -> FeedCritiqueOutput:
    """Cap every field; problems must quote the sampled post they name (or any, if unnamed)."""
    problems = []
    for p in out.problems:
        sources = [texts[p.post_id]] if p.post_id in texts else list(texts.values())
        if not p.issue.strip() or not grounded(p.quote, sources):
            continue
        post_id = (
            p.post_id
            if p.post_id in texts
            else next((pid for pid, text in texts.items() if grounded(p.quote, [text])), "")
        )
        problems.append(
            FeedProblem(
                quote=cap(p.quote, MAX_QUOTE),
                issue=cap(p.issue, MAX_ISSUE),
                principle=p.principle,
                severity=p.severity,
                post_id=post_id,
            )
        )
    return FeedCritiqueOutput(
        summary=cap(out.summary, MAX_SUMMARY),
        problems=problems[:MAX_PROBLEMS],
        suggested_post=cap(out.suggested_post, min(char_limit, MAX_REWRITE)),
        practise_what_you_preach=cap(out.practise_what_you_preach, MAX_NOTE) if preach else "",
    )
