"""The interface a chat platform implements to present approvals, and this process's registry.

A presenter shows queued posts on one platform. The core decides (`workflow`) and runs
the jobs (`jobs`); it calls every registered presenter whose platform the post's client
uses (`serves`). Each integration registers its presenter when its worker or app starts:

    from assistant.approvals.presenter import register
    register(MyPresenter(...))

The contract:
- `platform` names it ("slack", "teams"): the key of its message reference in
  `QueuedPost.messages` and of its audit-trail bookmark.
- `serves(client)`: the client shows its posts on this platform (Slack: an
  `approvals_channel`; Teams: a `teams_channel`).
- `show(record, client, remember)`: after the review of `record.version`, present it for
  approval: the first message (then `remember(ref)` at once, with the platform's own
  reference dict, e.g. `{"channel": ..., "ts": ...}`), or the earlier version's message
  redrawn, and the full review in its thread. Called again after a crash or a retry, it
  must send only what is missing (keep idempotency keys: `assistant.effects`). Raise on a
  failure worth retrying: the job is retried and every presenter is called again.
- `redraw(record, client, strict)`: update the message (`record.messages[platform]`) to
  the post's current state (decided, edited, expired, released: buttons gone or back).
  False when there is no message; with `strict`, raise when the platform refused.
- `post_trail(record, entries, continued)`: audit entries into the message's thread
  (each entry is handed to a platform once: `ApprovalStore.claim_audit`; when
  `post_trail` raises, the entries are handed back for the retry). When the entries
  include a `changes_requested` decision, show the feedback too.
- `tell_submitter(record)`: tell the person who submitted it (an actor of this platform)
  what was decided.
Everything a presenter renders came from users, files or a model: escape it for the surface.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from assistant.approvals.model import AuditEntry, QueuedPost
    from assistant.config import ClientConfig

Remember = Callable[[dict[str, str]], None]


class Presenter(Protocol):
    """One chat platform's way of showing queued posts (see the module docstring)."""

    platform: str

    def serves(self, client: ClientConfig) -> bool: ...

    def show(self, record: QueuedPost, client: ClientConfig, remember: Remember) -> None: ...

    def redraw(self, record: QueuedPost, client: ClientConfig | None, *,
               strict: bool = False) -> bool: ...

    def post_trail(self, record: QueuedPost, entries: Sequence[AuditEntry], *,
                   continued: bool) -> None: ...

    def tell_submitter(self, record: QueuedPost) -> None: ...


_registry: dict[str, Presenter] = {}


def register(presenter: Presenter) -> None:
    """Use `presenter` for its platform in this process (replacing an earlier one)."""
    _registry[presenter.platform] = presenter


def unregister(platform: str) -> None:
    """Stop presenting on `platform` in this process."""
    _registry.pop(platform, None)


def registered() -> list[Presenter]:
    """The presenters of this process, in the order they were registered."""
    return list(_registry.values())
