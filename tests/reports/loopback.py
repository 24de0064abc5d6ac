"""Tiny HTTP servers on chosen loopback addresses (127.0.0.1 "public", 127.0.0.2 "internal").

Linux routes all of 127.0.0.0/8 to the loopback interface, so two servers on different
loopback addresses let a test tell "the address the rule allows" from "an internal host"
without leaving the machine.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

# path -> (status, headers, body); "{internal}" / "{self}" in a Location header are filled in
Routes = dict[str, tuple[int, dict[str, str], bytes]]


@dataclass
class Host:
    url: str
    routes: Routes
    paths: list[str] = field(default_factory=list)


@contextmanager
def serve_on(address: str, routes: Routes) -> Iterator[Host]:
    """Serve `routes` on `address` (a free port); every request path is recorded."""
    host = Host("", routes)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            host.paths.append(self.path)
            status, headers, body = host.routes.get(self.path.split("?")[0], (404, {}, b"no"))
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer((address, 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host.url = f"http://{address}:{server.server_address[1]}"
    try:
        yield host
    finally:
        server.shutdown()
        server.server_close()


def only_127_0_0_1(address: Any) -> bool:
    """The address rule the tests use: 127.0.0.1 plays a public host, all else is private."""
    return str(address) == "127.0.0.1"
