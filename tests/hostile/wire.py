"""Raw HTTP/1.1 on a socket: hostile requests must reach the server exactly as written.

urllib and http.client tidy up what they send (lengths, encodings); an attacker does not.
"""

from __future__ import annotations

import hashlib
import hmac
import socket
from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass
class Wire:
    """One request as bytes on the wire: head lines, body parts, and what it is for."""

    name: str
    method: str = "POST"
    path: str = "/slack/events"
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes = b""
    parts: Iterable[bytes] | None = None  # sent after the body, e.g. chunked or a long stream
    length: int | None = None  # Content-Length to claim; None: the body's, -1: none at all
    expect: int | None = None  # the status this request must get, when it is certain
    complete: bool = True  # False: the client gives up mid-request (no answer is owed)

    def head(self) -> bytes:
        lines = [f"{self.method} {self.path} HTTP/1.1", "Host: 127.0.0.1", "Connection: close"]
        names = {name.lower() for name, _ in self.headers}
        if self.length != -1 and "content-length" not in names and "transfer-encoding" not in names:
            length = len(self.body) if self.length is None else self.length
            lines.append(f"Content-Length: {length}")
        lines += [f"{name}: {value}" for name, value in self.headers]
        # Raw UTF-8 in headers, as an attacker sends it (the server reads latin-1).
        return ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8")


def signature(secret: str, timestamp: str, body: bytes) -> str:
    mac = hmac.new(secret.encode(), b"v0:" + timestamp.encode() + b":" + body, hashlib.sha256)
    return "v0=" + mac.hexdigest()


def send(host: str, port: int, wire: Wire, timeout: float = 20.0) -> int:
    """The response's status code; 0 when the server closed without answering."""
    with socket.create_connection((host, port), timeout=timeout) as sock:
        try:
            sock.sendall(wire.head() + wire.body)
            for part in wire.parts or ():
                sock.sendall(part)
            if not wire.complete:
                sock.shutdown(socket.SHUT_WR)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server answered early (413) and closed: read what it said
        data = b""
        try:
            while b"\r\n" not in data:
                chunk = sock.recv(4096)
                if not chunk:
                    break
                data += chunk
        except ConnectionResetError:
            pass
    if not data.startswith(b"HTTP/"):
        return 0
    return int(data.split(b" ", 2)[1])
