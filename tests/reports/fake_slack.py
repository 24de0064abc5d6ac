"""The shared fake Slack Web API plus the three calls of `files_upload_v2`, and a stall switch.

files.getUploadURLExternal returns an upload URL on this same server; the POST of the file
there is recorded with its bytes; files.completeUploadExternal finishes the upload.
`stall_channels` makes chat.postMessage to a channel hang (to kill a run half-way).
"""

from __future__ import annotations

import itertools
import time
from http.server import BaseHTTPRequestHandler
from typing import Any

from tests.fakes.slack_api import Call, FakeSlack


class FakeSlackWithFiles(FakeSlack):
    def __init__(self) -> None:
        super().__init__()
        self.uploads: dict[str, bytes] = {}
        self.stall_channels: set[str] = set()
        self._file_ids = itertools.count(1)

    def _handle(self, request: BaseHTTPRequestHandler) -> None:
        if not request.path.startswith("/upload/"):
            super()._handle(request)
            return
        raw = request.rfile.read(int(request.headers.get("Content-Length") or 0))
        file_id = request.path.removeprefix("/upload/")
        self.uploads[file_id] = raw
        self._record("upload", {"file_id": file_id, "bytes": len(raw)}, request.path, 200)
        self._send_text(request, 200, f"OK - {len(raw)}")

    def _answer(self, method: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        if method == "chat.postMessage" and body.get("channel") in self.stall_channels:
            time.sleep(60)
        if method == "files.getUploadURLExternal":
            file_id = f"F{next(self._file_ids):08d}"
            return 200, {"ok": True, "file_id": file_id, "upload_url": f"{self.url}/upload/{file_id}"}
        if method == "files.completeUploadExternal":
            return 200, {"ok": True, "files": [{"id": "F1", "title": "chart"}]}
        status, answer = super()._answer(method, body)
        if not answer.get("ok"):
            body["_refused"] = answer.get("error")  # the recorded body is this dict
        return status, answer

    def posts(self, channel: str) -> list[Call]:
        """Messages Slack accepted in `channel` (refusals such as not_in_channel left out)."""
        return [c for c in self.of("chat.postMessage")
                if c.body.get("channel") == channel and "_refused" not in c.body]
