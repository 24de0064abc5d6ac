"""Tiny HTTP servers on chosen loopback addresses (127.0.0.1 "public", 127.0.0.2 "internal").

Linux routes all of 127.0.0.0/8 to the loopback interface, so two servers on different
loopback addresses let a test tell "the address the rule allows" from "an internal host"
without leaving the machine.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from tests.fakes.feed_server import Answer, FakeServer, Request, serve

# path -> (status, headers, body)
Routes = dict[str, Answer]


@dataclass
class Host:
    """A fake host whose routes can still be changed once it is serving."""

    server: FakeServer
    routes: Routes

    @property
    def url(self) -> str:
        return self.server.url

    @property
    def paths(self) -> list[str]:
        return self.server.paths()


@contextmanager
def serve_on(address: str, routes: Routes) -> Iterator[Host]:
    """Serve `routes` on `address` (a free port); every request path is recorded."""

    def route(request: Request) -> Answer:
        return routes.get(request.path, (404, {}, b"no"))

    with serve(route, address=address) as server:
        yield Host(server, routes)


def only_127_0_0_1(address: Any) -> bool:
    """The address rule the tests use: 127.0.0.1 plays a public host, all else is private."""
    return str(address) == "127.0.0.1"
