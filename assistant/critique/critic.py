"""The public critique step: one model call per post review and one per feed audit.

The model only ever adds: its problems become `Finding`s with `source="llm"` (at most
warnings), appended after the rule findings, which it can neither remove nor downgrade.
A post with an error-level rule finding never gets "publish" (enforced here, in code).
Any failure (refusal, dead endpoint, timeout, unusable answer) becomes
`Critique(available=False, note="critique unavailable: <reason>")` within the deadline.
"""

from __future__ import annotations

import logging
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ValidationError

from assistant.critique.availability import SKIPPED_NOTE
from assistant.critique.cache import CritiqueCache, cache_key
from assistant.critique.client import build_client, endpoint_kind
from assistant.critique.payload import (
    PLATFORM_LIMITS,
    dumps,
    estimate_tokens,
    feed_data,
    new_boundary,
    post_data,
)
from assistant.critique.prompts import Prompt, load_prompt
from assistant.critique.runner import CritiqueUnavailable, ask, run_within
from assistant.critique.schema import (
    SCHEMAS,
    FeedCritiqueOutput,
    PostCritiqueOutput,
    clean_feed_output,
    clean_post_output,
    strict_json_schema,
)
from assistant.models import Critique, FeedAudit, Finding, Post, Review

if TYPE_CHECKING:
    from assistant.settings import Settings

log = logging.getLogger("assistant.critique")

POST_VARIABLES = ("platform", "kind", "char_limit", "boundary", "data")
FEED_VARIABLES = ("platform", "owner", "boundary", "data")
FLOOR_NOTE = "verdict capped at revise: the post has error-level rule findings"
NOT_CONFIGURED = (
    "no LLM endpoint configured (set OPENAI_API_KEY, OPENAI_BASE_URL or AZURE_OPENAI_ENDPOINT)"
)
PREACHERS = ("agency", "executive")

Target = TypeVar("Target", Review, FeedAudit)


@dataclass(frozen=True)
class CritiqueResult:
    """A critique and the findings it adds (all `source="llm"`)."""

    critique: Critique
    findings: list[Finding] = field(default_factory=list)


@dataclass
class _Outcome:
    output: BaseModel
    model: str
    usage: dict[str, int]
    cached: bool


def unavailable(
    reason: str, model: str = "", usage: dict[str, int] | None = None
) -> CritiqueResult:
    """The result of a critique that could not be had, with its one-line reason."""
    return CritiqueResult(
        Critique(
            available=False, note=f"critique unavailable: {reason}", model=model, usage=usage or {}
        )
    )


def should_critique(settings: Settings, use_llm: bool | None) -> tuple[bool, str]:
    """Whether a command runs the critique (`--llm`/`--no-llm`/default) and, if not, why.

    The reason is one line for stderr; it is empty when the user asked to skip (`--no-llm`).
    With `--llm` and nothing configured the critique runs and reports itself unavailable.
    """
    if use_llm is False:
        return False, ""
    if use_llm or settings.llm_configured:
        return True, ""
    return False, SKIPPED_NOTE


def enforce_floor(critique: Critique, findings: Sequence[Finding]) -> Critique:
    """No "publish" for a post with an error-level rule finding, whatever the model said."""
    if critique.verdict == "publish" and any(
        f.severity == "error" and f.source == "rule" for f in findings
    ):
        note = f"{critique.note}; {FLOOR_NOTE}" if critique.note else FLOOR_NOTE
        return critique.model_copy(update={"verdict": "revise", "note": note})
    return critique


def apply_critique(target: Target, result: CritiqueResult) -> Target:
    """`target` with the critique attached and its findings appended after the rule findings.

    Rule findings are kept exactly as they were; findings from an earlier critique are
    replaced; model findings are never above "warning"; the verdict floor is enforced again.
    """
    kept = [f for f in target.findings if f.source != "llm"]
    added = [
        replace(f, source="llm", severity="info" if f.severity == "info" else "warning")
        for f in result.findings
    ]
    critique = result.critique
    if isinstance(target, Review):
        critique = enforce_floor(critique, kept)
    return _with(target, findings=kept + added, critique=critique)


def _with(target: Target, **changes: Any) -> Target:
    """A copy of `target` with `changes`: a review is a dataclass, an audit a model."""
    if isinstance(target, Review):
        return replace(target, **changes)
    return target.model_copy(update=changes)


def _key_text(text: str) -> str:
    """The post text as compared for caching: same characters and words, spacing aside."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def _data_budget(settings: Settings, prompt: Prompt) -> int:
    """Tokens left for the data block once the fixed parts (and the schema) are counted."""
    schema = dumps(strict_json_schema(SCHEMAS[prompt.output_schema]))
    fixed = estimate_tokens(prompt.system) + estimate_tokens(prompt.user) + estimate_tokens(schema)
    return settings.llm_max_input_tokens - fixed - 40


def _key_base(settings: Settings, prompt: Prompt, rules_fingerprint: str) -> dict[str, Any]:
    return {
        "prompt": prompt.id,
        "prompt_version": prompt.version,
        "schema": prompt.output_schema,
        "endpoint": endpoint_kind(settings),
        "base_url": settings.openai_base_url or settings.azure_openai_endpoint or "",
        "model": settings.llm_model,
        "params": {
            "max_output_tokens": settings.llm_max_output_tokens,
            "max_input_tokens": settings.llm_max_input_tokens,
        },
        "rules": rules_fingerprint,
    }


def _obtain(
    *,
    settings: Settings,
    prompt: Prompt,
    key: str,
    render: Callable[[], str],
    clean: Callable[[Any], BaseModel],
    cache: CritiqueCache | None,
    client: Any,
) -> _Outcome:
    """The cleaned answer from the cache or the model; `CritiqueUnavailable` otherwise."""
    schema = SCHEMAS[prompt.output_schema]
    deadline_at = time.monotonic() + settings.llm_deadline

    def from_cache(entry: dict[str, Any] | None) -> _Outcome | None:
        if not entry:
            return None
        try:
            output = schema.model_validate(entry.get("output"))
        except ValidationError:
            return None
        return _Outcome(output, str(entry.get("model", "")), dict(entry.get("usage", {})), True)

    if cache is not None:
        hit = from_cache(cache.get(key))
        if hit:
            return hit
    token = cache.acquire(key, settings.llm_deadline + 5) if cache is not None else ""
    if token is None and cache is not None:
        hit = from_cache(cache.wait(key, max(deadline_at - time.monotonic(), 0)))
        if hit:
            return hit
        token = cache.acquire(key, settings.llm_deadline + 5)

    def call() -> _Outcome:
        own = client is None
        active = build_client(settings) if own else client
        try:
            answer = ask(
                active,
                model=settings.llm_model,
                system=prompt.system,
                user=render(),
                schema=schema,
                schema_name=prompt.output_schema,
                max_output_tokens=settings.llm_max_output_tokens,
                timeout=settings.llm_timeout,
                max_retries=settings.llm_max_retries,
                deadline_at=deadline_at,
            )
        finally:
            if own:
                active.close()
        output = clean(answer.output)
        usage = answer.usage.as_dict()
        if cache is not None:
            entry = {
                "output": output.model_dump(mode="json"),
                "model": answer.model,
                "usage": usage,
                "created": time.time(),
            }
            cache.put(key, entry, settings.llm_cache_ttl)
        return _Outcome(output, answer.model, usage, False)

    try:
        remaining = deadline_at - time.monotonic()
        if remaining <= 0:
            raise CritiqueUnavailable(f"no answer within the {settings.llm_deadline:g}s deadline")
        return run_within(remaining, call, deadline=settings.llm_deadline)
    finally:
        if cache is not None:
            cache.release(key, token)


def _log(
    what: str,
    subject: str,
    prompt: Prompt,
    outcome: _Outcome | None,
    reason: str,
    started: float,
    clipped: int = 0,
    usage: dict[str, int] | None = None,
) -> None:
    usage = outcome.usage if outcome else (usage or {})
    log.info(
        "critique %s=%s prompt=%s %s cached=%s prompt_tokens=%d completion_tokens=%d "
        "model_calls=%d clipped_chars=%d seconds=%.2f",
        what,
        subject,
        prompt.ref,
        f"model={outcome.model}" if outcome else f"unavailable={reason!r}",
        bool(outcome and outcome.cached),
        usage.get("prompt_tokens", 0),
        usage.get("completion_tokens", 0),
        0 if outcome and outcome.cached else usage.get("model_calls", 0),
        clipped,
        time.monotonic() - started,
    )


def critique_review(
    review: Review,
    settings: Settings,
    *,
    rules_fingerprint: str,
    cache: CritiqueCache | None = None,
    client: Any = None,
) -> CritiqueResult:
    """Critique one reviewed post: one model call at most, never an exception for a model failure.

    `client` is an `openai.OpenAI`-compatible client to reuse (a worker keeps one); by
    default one is built from `settings`. Bad prompt files raise `InputError`.
    """
    if client is None and not settings.llm_configured:
        return unavailable(NOT_CONFIGURED)
    started = time.monotonic()
    prompt = load_prompt("post_critique", settings.prompts_dir, needs=POST_VARIABLES)
    post = review.post
    limit = PLATFORM_LIMITS.get(post.platform, 3000)
    data, clipped = post_data(review, _data_budget(settings, prompt))
    rule_findings = [f for f in review.findings if f.source == "rule"]
    key = cache_key(
        {
            **_key_base(settings, prompt, rules_fingerprint),
            "platform": post.platform,
            "kind": post.kind,
            "title": _key_text(post.title or ""),
            "text": _key_text(post.text),
            "media": [[m.type, m.url, m.alt or "", m.content_hash or ""] for m in post.media],
            "findings": [[f.rule, f.severity, f.evidence] for f in rule_findings],
        }
    )

    def render() -> str:
        blob = dumps(data)
        return prompt.render_user(
            platform=post.platform,
            kind=post.kind,
            char_limit=str(limit),
            boundary=new_boundary(blob),
            data=blob,
        )

    def clean(output: PostCritiqueOutput) -> PostCritiqueOutput:
        return clean_post_output(output, post.text, limit)

    try:
        outcome = _obtain(
            settings=settings,
            prompt=prompt,
            key=key,
            render=render,
            clean=clean,
            cache=cache,
            client=client,
        )
    except CritiqueUnavailable as exc:
        _log("post", post.id, prompt, None, str(exc), started, clipped, exc.usage)
        return unavailable(str(exc), settings.llm_model, exc.usage)
    _log("post", post.id, prompt, outcome, "", started, clipped)
    output: PostCritiqueOutput = outcome.output  # type: ignore[assignment]
    critique = Critique(
        available=True,
        verdict=output.verdict,
        summary=output.summary,
        rewrite=output.rewrite,
        model=outcome.model,
        cached=outcome.cached,
        usage=outcome.usage,
        note=f"post clipped to the token budget ({clipped} characters not sent)" if clipped else "",
    )
    findings = [
        Finding(
            rule=f"llm-{p.principle}",
            severity=p.severity,
            message=p.issue,
            evidence=p.quote,
            post_id=post.id,
            source="llm",
        )
        for p in output.problems
    ]
    return CritiqueResult(enforce_floor(critique, rule_findings), findings)


def critique_audit(
    audit: FeedAudit,
    posts: Sequence[Post],
    settings: Settings,
    *,
    rules_fingerprint: str,
    cache: CritiqueCache | None = None,
    client: Any = None,
) -> CritiqueResult:
    """Critique a whole feed in one model call: its numbers, findings and a budgeted sample.

    `posts` are the feed's posts (any number: they are sampled and clipped to the token
    budget). Agency and executive feeds get a "practise what you preach" note.
    """
    if client is None and not settings.llm_configured:
        return unavailable(NOT_CONFIGURED)
    started = time.monotonic()
    prompt = load_prompt("feed_critique", settings.prompts_dir, needs=FEED_VARIABLES)
    account = audit.account
    limit = PLATFORM_LIMITS.get(account.platform, 3000)
    data = feed_data(audit, posts, _data_budget(settings, prompt))
    sampled = {item["id"] for item in data["posts"]}
    texts = {p.id: p.text for p in posts if p.id in sampled}
    preach = account.owner in PREACHERS
    key = cache_key({**_key_base(settings, prompt, rules_fingerprint), "data": data})

    def render() -> str:
        blob = dumps(data)
        return prompt.render_user(
            platform=account.platform, owner=account.owner, boundary=new_boundary(blob), data=blob
        )

    def clean(output: FeedCritiqueOutput) -> FeedCritiqueOutput:
        return clean_feed_output(output, texts, limit, preach)

    try:
        outcome = _obtain(
            settings=settings,
            prompt=prompt,
            key=key,
            render=render,
            clean=clean,
            cache=cache,
            client=client,
        )
    except CritiqueUnavailable as exc:
        _log("feed", account.name, prompt, None, str(exc), started, usage=exc.usage)
        return unavailable(str(exc), settings.llm_model, exc.usage)
    _log("feed", account.name, prompt, outcome, "", started)
    output: FeedCritiqueOutput = outcome.output  # type: ignore[assignment]
    critique = Critique(
        available=True,
        summary=output.summary,
        rewrite=output.suggested_post,
        practise_what_you_preach=output.practise_what_you_preach,
        model=outcome.model,
        cached=outcome.cached,
        usage=outcome.usage,
        note=f"sampled {data['posts_sampled']} of {data['posts_total']} posts for the token budget"
        if data["posts_sampled"] < data["posts_total"]
        else "",
    )
    findings = [
        Finding(
            rule=f"llm-{p.principle}",
            severity=p.severity,
            message=p.issue,
            evidence=p.quote,
            post_id=p.post_id or None,
            source="llm",
        )
        for p in output.problems
    ]
    return CritiqueResult(critique, findings)


CRITIQUE_SKIPPED = "No LLM critique this time (the critique step is unavailable); rule findings only."


def critique_or_note(
    target: Target,
    settings: Settings,
    *,
    rules_fingerprint: str,
    cache: CritiqueCache | None,
    posts: Sequence[Post] | None = None,
) -> Target:
    """`target` with its critique (a review, or a feed audit of `posts`), cached in `cache`.

    For the chat answers and the daily report alike: whatever goes wrong (a bad prompt
    file, a broken client) becomes a note on the target, never a lost review or report.
    """
    try:
        if isinstance(target, Review):
            result = critique_review(target, settings, rules_fingerprint=rules_fingerprint,
                                     cache=cache)
        else:
            result = critique_audit(target, posts or [], settings,
                                    rules_fingerprint=rules_fingerprint, cache=cache)
        return apply_critique(target, result)
    except Exception as exc:  # noqa: BLE001 - the rule findings must still go out
        log.warning("critique skipped: %s: %s", type(exc).__name__, exc)
        note = Critique(available=False, note=CRITIQUE_SKIPPED)
        return _with(target, critique=note)
