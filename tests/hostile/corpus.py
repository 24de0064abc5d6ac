"""A corpus of hostile requests to `/slack/events`: what an attacker, a broken proxy or a
confused client sends. Each case says which status it must get when that is certain; every
case must get an answer below 500.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from urllib.parse import quote, urlencode

from integrations.slack.edge import MAX_BODY_BYTES
from tests.hostile.wire import Wire, signature

FORM = "application/x-www-form-urlencoded"
JSON = "application/json"

# Bodies no parser should choke on: broken syntax, wrong shapes, bad bytes, hostile sizes.
BAD_BODIES: dict[str, bytes] = {
    "json-truncated": b"{bad",
    "form-broken-payload": b"payload={broken",
    "form-payload-truncated": b"payload=" + quote('{"type": "block_actions", "actions": [').encode(),
    "invalid-utf8": b"\xff\xfe\xfd",
    "invalid-utf8-in-json": b'{"type": "event_callback", "x": "\xc3\x28"}',
    "invalid-utf8-percent": b"payload=%FF%FE",
    "lone-surrogate-escape": b'{"type": "event_callback", "event": {"type": "app_mention", "text": "\\ud800"}}',
    "json-array": b"[1, 2, 3]",
    "json-number": b"42",
    "json-string": b'"payload"',
    "json-null": b"null",
    "json-true": b"true",
    "json-empty-object": b"{}",
    "form-payload-array": b"payload=" + quote("[]").encode(),
    "form-payload-string": b"payload=" + quote('"x"').encode(),
    "form-payload-null": b"payload=null",
    "deep-array": b"[" * 100_000 + b"]" * 100_000,
    "deep-object": b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
    "deep-payload": b"payload=" + quote("[" * 20_000).encode(),
    "huge-integer": b'{"type": ' + b"9" * 5000 + b"}",
    "nan": b'{"type": NaN}',
    "nul-bytes": b'{"type": "event_callback\x00"}',
    "nuls-only": b"\x00" * 1000,
    "empty": b"",
    "whitespace": b"   \r\n\t ",
    "binary": bytes(range(256)) * 4,
    "bom-json": b"\xef\xbb\xbf{}",
    "repeated-payload": b"payload=%7B%7D&payload=%5B%5D",
    "percent-garbage": b"%%%%%=%%&&&==",
    "crlf-injection": b"a=1\r\nX-Evil: 1\r\n\r\nb=2",
    "many-keys": b"&".join(b"k%d=v" % i for i in range(20_000)),
    "long-value": b"text=" + b"A" * (MAX_BODY_BYTES - 10),
}

# Signed bodies that parse, but whose shapes are wrong for Slack's payloads.
BAD_SHAPES: list[tuple[str, str, dict | str]] = [
    ("event-is-string", JSON, {"type": "event_callback", "event_id": "Ev1", "event": "app_mention"}),
    ("event-type-number", JSON, {"type": "event_callback", "event_id": "Ev2", "event": {"type": 7}}),
    ("event-type-list", JSON, {"type": "event_callback", "event_id": "Ev2b", "event": {"type": ["app_mention"]}}),
    ("event-no-event", JSON, {"type": "event_callback", "event_id": "Ev3"}),
    ("event-id-object", JSON, {"type": "event_callback", "event_id": {"a": 1},
                               "event": {"type": "app_mention"}}),
    ("mention-text-number", JSON, {"type": "event_callback", "event_id": "Ev4",
                                   "event": {"type": "app_mention", "text": 5, "channel": [], "ts": {}}}),
    ("home-no-user", JSON, {"type": "event_callback", "event_id": "Ev5",
                            "event": {"type": "app_home_opened", "tab": "home"}}),
    ("team-is-int", JSON, {"type": "event_callback", "team_id": 5, "team": 5, "event_id": "Ev6",
                           "event": {"type": "app_mention"}}),
    ("authorizations-string", JSON, {"type": "event_callback", "authorizations": "x",
                                     "event_id": "Ev7", "event": {"type": "app_mention"}}),
    ("authorizations-list-of-ints", JSON, {"type": "event_callback", "authorizations": [1],
                                           "event_id": "Ev8", "event": {"type": "app_mention"}}),
    ("enterprise-int", JSON, {"type": "event_callback", "enterprise": 3, "event_id": "Ev9",
                              "event": {"type": "app_mention"}}),
    ("user-list", JSON, {"type": "event_callback", "user": [1], "event_id": "Ev10",
                         "event": {"type": "app_mention"}}),
    ("channel-int", JSON, {"type": "event_callback", "channel": 9, "event_id": "Ev11",
                           "event": {"type": "app_mention"}}),
    ("shared-channel-odd", JSON, {"type": "event_callback", "is_ext_shared_channel": True,
                                  "event": "x", "event_id": "Ev12"}),
    ("url-verification-no-challenge", JSON, {"type": "url_verification"}),
    ("url-verification-challenge-object", JSON, {"type": "url_verification", "challenge": {"a": [1]}}),
    ("type-number", JSON, {"type": 12}),
    ("type-null", JSON, {"type": None}),
    ("unknown-type", JSON, {"type": "no_such_type"}),
    ("view-null", "payload", {"type": "view_submission", "view": None}),
    ("view-string", "payload", {"type": "view_submission", "view": "x"}),
    ("view-state-odd", "payload", {"type": "view_submission", "view": {"callback_id": "review_modal",
                                                                      "state": {"values": []}}}),
    ("view-installed-team-odd", "payload", {"type": "view_submission",
                                            "view": {"app_installed_team_id": [1]}}),
    ("actions-not-list", "payload", {"type": "block_actions", "actions": "approve"}),
    ("actions-list-of-strings", "payload", {"type": "block_actions", "actions": ["a"]}),
    ("action-id-number", "payload", {"type": "block_actions", "actions": [{"action_id": 5}]}),
    ("approve-no-value", "payload", {"type": "block_actions", "user": {"id": "U1"},
                                     "actions": [{"action_id": "approve", "type": "button"}]}),
    ("approve-value-garbage", "payload", {"type": "block_actions", "user": "U1",
                                          "actions": [{"action_id": "approve", "value": "{bad"}]}),
    ("shortcut-message-list", "payload", {"type": "message_action", "callback_id": "review_message",
                                          "message": [], "channel": "C1"}),
    ("shortcut-channel-string", "payload", {"type": "message_action", "callback_id": "review_message",
                                            "message": {"text": 5}, "channel": "C1", "user": "U"}),
    ("shortcut-team-string", "payload", {"type": "message_action", "callback_id": "review_message",
                                         "team": "T1", "message": {"ts": []}}),
    ("global-shortcut-odd", "payload", {"type": "shortcut", "callback_id": ["x"], "trigger_id": 1}),
    ("function-odd", JSON, {"type": "event_callback", "event_id": "Ev13",
                            "event": {"type": "function_executed", "function_execution_id": [],
                                      "inputs": "x"}}),
    ("command-no-channel", "form", {"command": "/review", "text": "hello world", "team_id": "T0001"}),
    ("command-no-text", "form", {"command": "/review", "channel_id": "C1"}),
    ("command-unknown", "form", {"command": "/nope", "text": "x"}),
    ("command-huge-text", "form", {"command": "/review", "text": "x" * 200_000, "channel_id": "C1"}),
    ("command-nul", "form", {"command": "/review\x00", "text": "\x00", "channel_id": "C1"}),
    ("ssl-check", "form", {"ssl_check": "1", "token": "x"}),
    ("form-no-payload", "form", {"a": "b"}),
]

CONTENT_TYPES = [JSON, FORM, "text/plain", "multipart/form-data; boundary=x", "",
                 "application/JSON; charset=utf-8", "application/x-www-form-urlencoded; charset=latin-1",
                 "application/xml", "\u00e9/\u00e9"]


def _signed(name: str, body: bytes, content_type: str, secret: str, *, ts: str | None = None,
            expect: int | None = None, extra: list[tuple[str, str]] | None = None) -> Wire:
    stamp = ts if ts is not None else str(int(time.time()))
    headers = [("X-Slack-Request-Timestamp", stamp),
               ("X-Slack-Signature", signature(secret, stamp, body))]
    if content_type:
        headers.append(("Content-Type", content_type))
    return Wire(name, headers=headers + (extra or []), body=body, expect=expect)


def _shape_body(kind: str, value: dict | str) -> tuple[bytes, str]:
    if kind == JSON:
        return json.dumps(value).encode(), JSON
    if kind == "payload":
        return urlencode({"payload": json.dumps(value)}).encode(), FORM
    return urlencode(value).encode(), FORM  # type: ignore[arg-type]


def corpus(secret: str) -> Iterator[Wire]:
    """Every hostile request, built now (timestamps are fresh)."""
    now = int(time.time())
    # 1. Bad bodies, unsigned, under every content type: refused as unauthenticated.
    for name, body in BAD_BODIES.items():
        for content_type in (JSON, FORM, "text/plain", ""):
            headers = [("Content-Type", content_type)] if content_type else []
            yield Wire(f"unsigned/{name}/{content_type or 'none'}", headers=headers, body=body,
                       expect=401)
    # 2. The same bodies correctly signed: malformed, so 400 (or 415 for odd types).
    for name, body in BAD_BODIES.items():
        for content_type in (JSON, FORM):
            yield _signed(f"signed/{name}/{content_type}", body, content_type, secret)
    yield _signed("signed/{bad/json", b"{bad", JSON, secret, expect=400)
    yield _signed("signed/payload-broken/form", b"payload={broken", FORM, secret, expect=400)
    yield _signed("signed/invalid-utf8/form", b"\xff\xfe", FORM, secret, expect=400)
    yield _signed("signed/json-array/json", b"[1]", JSON, secret, expect=400)
    yield _signed("signed/deep/json", b"[" * 100_000, JSON, secret, expect=400)
    # 3. Signed, well-formed, wrong shapes.
    for name, kind, value in BAD_SHAPES:
        body, content_type = _shape_body(kind, value)
        yield _signed(f"shape/{name}", body, content_type, secret)
    # 4. Content types a signed request must not come with.
    ok_body = json.dumps({"type": "no_such_type"}).encode()
    for content_type in CONTENT_TYPES:
        yield _signed(f"content-type/{content_type!r}", ok_body, content_type, secret)
    yield _signed("content-type/xml", ok_body, "application/xml", secret, expect=415)
    # 5. Timestamps: garbage, stale (a replay), future, not ASCII digits.
    body = b"command=%2Freview&text=hello&channel_id=C1"
    for stamp in ("abc", "", " ", "-1", "0", "1e9", f" {now}", f"{now} ", f"+{now}", f"{now}.5",
                  "\u0661\u0662\u0663", "9" * 40, str(now - 400), str(now - 86_400),
                  str(now + 400), str(now + 10**9), "0x10", "None", "null", "١٧٠٠٠٠٠٠٠٠"):
        wire = _signed(f"timestamp/{stamp!r}", body, FORM, secret, ts=stamp.strip() or "0")
        wire.headers[0] = ("X-Slack-Request-Timestamp", stamp)
        wire.expect = 401 if stamp.strip() != str(now) else None
        yield wire
    replay = _signed("replayed-after-6-minutes", body, FORM, secret, ts=str(now - 360), expect=401)
    yield replay
    # 6. Signatures: missing, malformed, wrong secret, wrong scheme, not ASCII.
    stamp = str(now)
    good = signature(secret, stamp, body)
    for name, sig in (("missing", None), ("empty", ""), ("v0-only", "v0="), ("v1", "v1=" + good[3:]),
                      ("uppercase", "v0=" + good[3:].upper()), ("short", good[:-2]),
                      ("long", good + "00"), ("wrong-secret", signature("nope", stamp, body)),
                      ("other-body", signature(secret, stamp, body + b"&x=1")),
                      ("latin1", "v0=\u00e9" * 10), ("spaces", " " * 100),
                      ("twice", f"{good}, {good}")):
        headers = [("X-Slack-Request-Timestamp", stamp), ("Content-Type", FORM)]
        if sig is not None:
            headers.append(("X-Slack-Signature", sig))
        yield Wire(f"signature/{name}", headers=headers, body=body, expect=401)
    yield Wire("signature/null-byte", headers=[("X-Slack-Request-Timestamp", stamp),
               ("X-Slack-Signature", "v0=\x00")], body=body)  # waitress: 400, bad header
    yield Wire("no-headers-at-all", headers=[], body=body, expect=401)
    # 7. Sizes: over the limit by Content-Length (mostly unsent), by chunks, and exactly at it.
    for size in (MAX_BODY_BYTES + 1, 10 * MAX_BODY_BYTES, 100 * 1024 * 1024, 1 << 30, 10**15):
        yield Wire(f"too-large/content-length-{size}", headers=[("Content-Type", FORM)],
                   body=b"a" * 1024, length=size, expect=413)
    yield _signed("too-large/signed", b"a=" + b"b" * MAX_BODY_BYTES, FORM, secret, expect=413)
    chunk = b"x" * 65536
    chunked = [b"%x\r\n" % len(chunk) + chunk + b"\r\n"] * (MAX_BODY_BYTES // len(chunk) + 8)
    yield Wire("too-large/chunked", headers=[("Transfer-Encoding", "chunked"),
                                             ("Content-Type", FORM)],
               parts=chunked + [b"0\r\n\r\n"], expect=413)
    yield Wire("too-large/streamed-20MB", headers=[("Content-Type", JSON)], length=20 * 1024 * 1024,
               parts=[b"[" * 65536] * 320, expect=413)
    at_limit = b"a=" + b"b" * (MAX_BODY_BYTES - 2)
    yield Wire("at-limit/unsigned", headers=[("Content-Type", FORM)], body=at_limit, expect=401)
    # 8. Framing that proxies and servers disagree about.
    for name, headers, raw in (
        ("cl-negative", [("Content-Length", "-1")], b""),
        ("cl-not-a-number", [("Content-Length", "abc")], b""),
        ("cl-twice-different", [("Content-Length", "3"), ("Content-Length", "4")], b"abcd"),
        ("cl-and-chunked", [("Content-Length", "4"), ("Transfer-Encoding", "chunked")],
         b"0\r\n\r\n"),
        ("chunked-garbage", [("Transfer-Encoding", "chunked")], b"zz\r\nabc\r\n0\r\n\r\n"),
        ("te-gzip", [("Transfer-Encoding", "gzip")], b"abc"),
        ("cl-shorter-than-body", [("Content-Length", "2")], b"{bad}"),
        ("huge-header", [("X-Filler", "a" * 100_000)], b""),
        ("many-headers", [(f"X-H{i}", "v") for i in range(2000)], b""),
    ):
        yield Wire(f"framing/{name}", headers=[("Content-Type", JSON), *headers], body=raw)
    yield Wire("framing/chunked-no-end", headers=[("Transfer-Encoding", "chunked")],
               body=b"3\r\nabc\r\n", complete=False)
    yield Wire("framing/body-shorter-than-length", headers=[("Content-Type", FORM)],
               body=b"{bad", length=1000, complete=False)
    # 9. Methods and paths.
    for method in ("GET", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "BREW"):
        yield Wire(f"method/{method}", method=method, headers=[("Content-Type", FORM)], body=b"",
                   expect=405 if method in ("GET", "PUT", "DELETE", "PATCH", "OPTIONS") else None)
    for path in ("/slack/events/", "//slack/events", "/slack/events/../healthz", "/slack/%00",
                 "/slack/events?payload=%7Bbad", "/" + "a" * 20_000, "/slack/events#frag",
                 "*", "http://evil.example/slack/events", "/%ZZ"):
        yield Wire(f"path/{path[:40]}", path=path, headers=[("Content-Type", FORM)], body=b"{bad")
