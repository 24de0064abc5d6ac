"""The "Submit a post for approval" and "Edit post" dialogs: their form (an Adaptive Card in a
task module) and reading what was submitted into a post, with the problems to show again.

Teams' date and time inputs carry no time zone: the form says the time is UTC, and reads
it so.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from integrations.teams.bot.approvals.card import EDIT_DIALOG, SUBMIT_DIALOG
from integrations.teams.bot.cards import Card, Element, card, heading, plain

if TYPE_CHECKING:
    from assistant.models import Post

TITLE = "Submit for approval"
TEXT_MAX = 3000


def open_button() -> Element:
    """The card button that opens the dialog (a task module fetched from the bot)."""
    return {"type": "Action.Submit", "title": "Submit a post for approval…",
            "data": {"msteams": {"type": "task/fetch"}, "dialog": SUBMIT_DIALOG}}


def open_card() -> Card:
    """The answer to `review submit`: what it does, and the button that opens the form."""
    return card([heading("Submit a post for approval", "Default"),
                 plain("Queue a client's post: it is reviewed, then sent to the client's "
                       "approvers. Not approved by its scheduled time, it expires and is never "
                       "released.")], [open_button()])


def _choice(value: str) -> dict[str, str]:
    return {"title": value[:200], "value": value[:200]}


def values_of(post: Post) -> dict[str, str]:
    """A queued post as the form's values (to edit it)."""
    image = next((m for m in post.media if m.url), None)
    return {"platform": post.platform, "text": post.text,
            "date": f"{post.created_at.astimezone(UTC):%Y-%m-%d}",
            "time": f"{post.created_at.astimezone(UTC):%H:%M}",
            "image": image.url if image else "", "alt": (image.alt or "") if image else ""}


def form_card(clients: Sequence[str], values: Mapping[str, Any] | None = None,
              problems: Sequence[str] = (), *, edit: Mapping[str, Any] | None = None) -> Card:
    """The form: client, platform, text, date and time (UTC), image URL and alt text.

    `values` fills it in again (after a problem, which `problems` lists at the top).
    `edit` (`{"id", "v"}`) makes it the form of a new version of that post: no client."""
    from assistant.models import PLATFORMS

    values = values or {}
    body: list[Element] = [plain(p, 300, weight="Bolder", color="Attention") for p in problems]
    if not clients and edit is None:
        body.append(plain("No client has an approvals channel yet: add approvals_channel or "
                          "teams_channel to a [[clients]] entry in assistant.toml."))
        return card(body)

    def keep(name: str, default: str = "") -> str:
        return str(values.get(name) or default)[:TEXT_MAX]

    if edit is None:
        body.append({"type": "Input.ChoiceSet", "id": "client", "label": "Client",
                     "isRequired": True, "errorMessage": "Pick a client.",
                     "choices": [_choice(c) for c in clients[:100]],
                     "value": keep("client", clients[0] if len(clients) == 1 else "")})
    else:
        body.append(plain(f"A new version of {edit['id']}: it is reviewed again and goes back "
                          "to the approvers.", 300))
    body += [
        {"type": "Input.ChoiceSet", "id": "platform", "label": "Platform", "isRequired": True,
         "choices": [_choice(p) for p in PLATFORMS if p != "blog"], "value": keep("platform", "x")},
        {"type": "Input.Text", "id": "text", "label": "Post text", "isMultiline": True,
         "isRequired": True, "errorMessage": "Write the post.", "maxLength": TEXT_MAX,
         "value": keep("text")},
        {"type": "Input.Date", "id": "date", "label": "Scheduled date (UTC)", "isRequired": True,
         "errorMessage": "Pick the date.", "value": keep("date")},
        {"type": "Input.Time", "id": "time", "label": "Scheduled time (UTC)", "isRequired": True,
         "errorMessage": "Pick the time.", "value": keep("time")},
        {"type": "Input.Text", "id": "image", "label": "Image URL (optional)", "value": keep("image")},
        {"type": "Input.Text", "id": "alt", "label": "Image alt text (optional)",
         "isMultiline": True, "maxLength": 1000, "value": keep("alt")},
        plain("Not approved by then, the post expires and is never released.", isSubtle=True),
    ]
    data = {"dialog": SUBMIT_DIALOG} if edit is None else {
        "dialog": EDIT_DIALOG, "id": str(edit["id"]), "v": int(edit["v"])}
    return card(body, [{"type": "Action.Submit", "title": "Submit" if edit is None else "Save",
                        "data": data}])


def read_post(values: Mapping[str, Any], now: datetime) -> tuple[Post | None, list[str]]:
    """The post the form describes, or the problems to show in it."""
    from assistant.approvals.intake import hard_limit_problems
    from assistant.models import PLATFORMS, Post

    problems: list[str] = []
    platform = str(values.get("platform") or "x")
    text = str(values.get("text") or "")
    image = str(values.get("image") or "").strip()
    alt = str(values.get("alt") or "").strip()
    if platform not in PLATFORMS:
        problems.append("Pick a platform.")
    if not text.strip():
        problems.append("Write the post.")
    if len(text) > TEXT_MAX:
        problems.append(f"The post is longer than {TEXT_MAX:,} characters.")
    scheduled = None
    try:
        scheduled = datetime.fromisoformat(f"{values.get('date')}T{values.get('time')}") \
            .replace(tzinfo=UTC)
    except (TypeError, ValueError):
        problems.append("Pick the date and time it is scheduled for.")
    if scheduled is not None and scheduled <= now:
        problems.append("The scheduled time must be in the future.")
    if image and not image.startswith(("https://", "http://")):
        problems.append("An image URL starts with https://")
    if alt and not image:
        problems.append("Alt text describes an image: add the image URL too.")
    if problems or scheduled is None:
        return None, problems
    media = [{"type": "image", "url": image, "alt": alt or None}] if image else []
    post = Post(id="teams", platform=platform, created_at=scheduled, text=text,  # type: ignore[arg-type]
                media=media)  # type: ignore[arg-type]
    over = hard_limit_problems(post, now)
    return (None, [over[0][:300]]) if over else (post, [])
