"""A fake Bluesky AppView: `app.bsky.feed.getAuthorFeed` paginated with an opaque cursor."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from tests.fakes.feed_server import Answer, FakeServer, Request, serve

PATH = "/xrpc/app.bsky.feed.getAuthorFeed"


@contextmanager
def fake_bluesky(feeds: dict[str, list[dict[str, Any]]]) -> Iterator[FakeServer]:
    """`feeds` maps a handle to its feed items (newest first); the cursor is an offset."""

    def route(request: Request) -> Answer:
        if request.path != PATH:
            return 404, {}, b'{"error":"MethodNotImplemented"}'
        actor = request.query.get("actor", "")
        if actor not in feeds:
            body = {"error": "InvalidRequest", "message": "Profile not found"}
            return 400, {"Content-Type": "application/json"}, json.dumps(body).encode()
        limit = min(int(request.query.get("limit", "50")), 100)
        start = int(request.query.get("cursor", "0"))
        items = feeds[actor][start:start + limit]
        body = {"feed": items}
        if start + limit < len(feeds[actor]):
            body["cursor"] = str(start + limit)
        return 200, {"Content-Type": "application/json"}, json.dumps(body).encode()

    with serve(route) as fake:
        yield fake
