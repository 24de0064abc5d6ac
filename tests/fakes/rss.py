"""A fake blog: serves RSS/Atom documents by path, with ETag and Last-Modified revalidation."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager

from tests.fakes.feed_server import Answer, FakeServer, Request, serve

LAST_MODIFIED = "Wed, 25 Nov 2026 08:00:00 GMT"


@contextmanager
def fake_rss(documents: dict[str, bytes], *, validators: bool = True) -> Iterator[FakeServer]:
    """`documents` maps a path (`/feed.xml`) to its bytes; 304 when the client's copy is current."""

    def route(request: Request) -> Answer:
        body = documents.get(request.path)
        if body is None:
            return 404, {"Content-Type": "text/html"}, b"<html>not found</html>"
        headers = {"Content-Type": "application/rss+xml; charset=utf-8"}
        if validators:
            etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
            headers.update({"ETag": etag, "Last-Modified": LAST_MODIFIED})
            if request.headers.get("if-none-match") == etag:
                return 304, {"ETag": etag}, b""
        return 200, headers, body

    with serve(route) as fake:
        yield fake
