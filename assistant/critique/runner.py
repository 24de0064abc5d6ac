"""Ask the model once, well: structured output, local validation, bounded retries, a deadline.

Who retries what (never both on the same error):
- the SDK: connection errors, timeouts, 408/409/429/5xx (`max_retries`, Retry-After);
- tenacity, here: answers the SDK accepted but we cannot use (not JSON, not the schema,
  cut off at the token limit), at most `OUTPUT_RETRIES` more times;
- `run_within`: the overall deadline, enforced on the wall clock whatever happens inside.

We call `chat.completions.create` with a strict `json_schema` response format (what
`.parse()` sends) and parse the answer ourselves: that keeps the raw completion, so the
tokens of a failed attempt are counted too, and works with servers that ignore the schema.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from assistant.critique.schema import strict_json_schema
from assistant.errors import CritiqueError

OUTPUT_RETRIES = 1
T = TypeVar("T")


class CritiqueUnavailable(CritiqueError):
    """The critique cannot be had; the message is the one-line reason shown to users."""

    def __init__(self, reason: str, usage: dict[str, int] | None = None) -> None:
        super().__init__(reason)
        self.usage = usage or {}


class BadOutput(CritiqueError):
    """An answer we cannot use; worth one more try."""


@dataclass
class Usage:
    """Tokens spent across every attempt of one critique."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    cached_prompt_tokens: int = 0
    model_calls: int = 0

    def add(self, completion: Any) -> None:
        self.model_calls += 1
        usage = getattr(completion, "usage", None)
        if usage is None:
            return
        self.prompt_tokens += usage.prompt_tokens or 0
        self.completion_tokens += usage.completion_tokens or 0
        details = getattr(usage, "prompt_tokens_details", None)
        self.cached_prompt_tokens += (getattr(details, "cached_tokens", 0) or 0) if details else 0

    def as_dict(self) -> dict[str, int]:
        return {
            "prompt_tokens": self.prompt_tokens,
            "completion_tokens": self.completion_tokens,
            "total_tokens": self.prompt_tokens + self.completion_tokens,
            "cached_prompt_tokens": self.cached_prompt_tokens,
            "model_calls": self.model_calls,
        }


@dataclass
class Answer:
    output: BaseModel
    model: str
    usage: Usage = field(default_factory=Usage)


def _one_line(text: str, limit: int = 160) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _reason(exc: Exception, settings_timeout: float, retries: int) -> str:
    """A one-line, secret-free reason for an SDK error."""
    import openai

    after = f" after {retries} retr{'y' if retries == 1 else 'ies'}" if retries else ""
    if isinstance(exc, openai.APITimeoutError):
        return f"the model endpoint did not answer within {settings_timeout:g}s{after}"
    if isinstance(exc, openai.APIConnectionError):
        return f"cannot reach the model endpoint{after}"
    if isinstance(exc, openai.AuthenticationError):
        return "the model endpoint rejected the credentials (401)"
    if isinstance(exc, openai.PermissionDeniedError):
        return "the model endpoint refused access (403)"
    if isinstance(exc, openai.NotFoundError):
        return "model or endpoint not found (404)"
    if isinstance(exc, openai.RateLimitError):
        return f"rate limited by the model endpoint (429){after}"
    if isinstance(exc, openai.APIStatusError):
        if exc.status_code >= 500:
            return f"the model endpoint failed ({exc.status_code}){after}"
        return f"the model endpoint rejected the request ({exc.status_code})"
    return f"model call failed ({type(exc).__name__})"


def ask(
    client: Any,
    *,
    model: str,
    system: str,
    user: str,
    schema: type[BaseModel],
    schema_name: str,
    max_output_tokens: int,
    timeout: float,
    max_retries: int,
    deadline_at: float,
) -> Answer:
    """One critique from the model, validated against `schema`, or `CritiqueUnavailable`."""
    import openai
    from tenacity import Retrying, retry_if_exception_type, stop_after_attempt, stop_after_delay

    usage = Usage()
    response_format = {
        "type": "json_schema",
        "json_schema": {
            "name": schema_name.replace("/", "_v"),
            "strict": True,
            "schema": strict_json_schema(schema),
        },
    }
    messages = [{"role": "system", "content": system}, {"role": "user", "content": user}]

    def attempt() -> Answer:
        remaining = deadline_at - time.monotonic()
        if remaining <= 0.05:
            raise CritiqueUnavailable("no answer before the deadline")
        try:
            completion = client.chat.completions.create(
                model=model,
                messages=messages,
                response_format=response_format,
                max_completion_tokens=max_output_tokens,
                timeout=min(timeout, remaining),
            )
        except openai.APIError as exc:
            raise CritiqueUnavailable(_reason(exc, min(timeout, remaining), max_retries)) from None
        usage.add(completion)
        if not completion.choices:
            raise BadOutput("the model's answer had no choices")
        choice = completion.choices[0]
        message = choice.message
        if getattr(message, "refusal", None):
            raise CritiqueUnavailable(f"the model refused: {_one_line(message.refusal, 100)}")
        if choice.finish_reason == "content_filter":
            raise CritiqueUnavailable("the endpoint's content filter stopped the answer")
        if choice.finish_reason == "length":
            raise BadOutput(f"the model's answer was cut off at {max_output_tokens} output tokens")
        content = message.content or ""
        try:
            output = schema.model_validate_json(content)
        except ValidationError as exc:
            if any(e["type"] == "json_invalid" for e in exc.errors()):
                raise BadOutput("the model's answer was not valid JSON") from None
            raise BadOutput("the model's answer did not match the schema") from None
        return Answer(output=output, model=completion.model or model, usage=usage)

    retrying = Retrying(
        stop=stop_after_attempt(1 + OUTPUT_RETRIES)
        | stop_after_delay(max(deadline_at - time.monotonic(), 0)),
        retry=retry_if_exception_type(BadOutput),
        reraise=True,
    )
    try:
        answer = retrying(attempt)
    except BadOutput as exc:
        attempts = usage.model_calls
        raise CritiqueUnavailable(
            f"{exc} ({attempts} attempt{'s' if attempts != 1 else ''})", usage.as_dict()
        ) from None
    except CritiqueUnavailable as exc:
        raise CritiqueUnavailable(
            str(exc), usage.as_dict() if usage.model_calls else None
        ) from None
    return answer


def run_within(seconds: float, fn: Callable[[], T], *, deadline: float | None = None) -> T:
    """Run `fn` in a daemon thread and give up after `seconds` (it may finish later, unseen).

    The SDK's own retries sleep between attempts and cannot be interrupted; this is what
    makes the deadline a promise rather than a hope.
    """
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread
            box["error"] = exc

    worker = threading.Thread(target=target, name="critique", daemon=True)
    worker.start()
    worker.join(max(seconds, 0))
    if worker.is_alive():
        raise CritiqueUnavailable(f"no answer within the {deadline or seconds:g}s deadline")
    if "error" in box:
        raise box["error"]
    return box["value"]
