"""A fake Mastodon instance: account lookup and paginated statuses with Link headers."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from tests.fakes.feed_server import Answer, FakeServer, Request, serve


@contextmanager
def fake_mastodon(accounts: dict[str, list[dict[str, Any]]],
                  *, link_header: bool = True) -> Iterator[FakeServer]:
    """`accounts` maps an acct (`user`) to its statuses, newest first, as the API returns them.

    Statuses page by `max_id` (ids compared as integers, as Mastodon's snowflakes are) and
    `limit`; the `Link: <...>; rel="next"` header is sent unless `link_header` is False.
    """
    ids = {acct: str(1000 + n) for n, acct in enumerate(accounts)}
    by_id = {ids[acct]: statuses for acct, statuses in accounts.items()}
    holder: dict[str, FakeServer] = {}

    def route(request: Request) -> Answer:
        if request.path == "/api/v1/accounts/lookup":
            acct = request.query.get("acct", "").lstrip("@").split("@")[0]
            if acct not in ids:
                return 404, {"Content-Type": "application/json"}, b'{"error":"Record not found"}'
            body = {"id": ids[acct], "acct": acct, "username": acct}
            return 200, {"Content-Type": "application/json"}, json.dumps(body).encode()
        parts = request.path.strip("/").split("/")
        if len(parts) == 5 and parts[:3] == ["api", "v1", "accounts"] and parts[4] == "statuses":
            statuses = by_id.get(parts[3])
            if statuses is None:
                return 404, {}, b'{"error":"Record not found"}'
            limit = min(int(request.query.get("limit", "20")), 40)
            max_id = request.query.get("max_id")
            rest = [s for s in statuses if max_id is None or int(s["id"]) < int(max_id)]
            page = rest[:limit]
            headers = {"Content-Type": "application/json"}
            if link_header and page and len(rest) > limit:
                next_url = (f"{holder['fake'].url}/api/v1/accounts/{parts[3]}/statuses"
                            f"?limit={limit}&max_id={page[-1]['id']}")
                headers["Link"] = f'<{next_url}>; rel="next"'
            return 200, headers, json.dumps(page).encode()
        return 404, {}, b"{}"

    with serve(route) as fake:
        holder["fake"] = fake
        yield fake
