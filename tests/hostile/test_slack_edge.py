"""The hostile corpus against a real `assistant serve` process: no request is ever
answered 500, oversized bodies get 413 without growing the process, unsigned requests
never reach the app, and a signed, well-formed request still works afterwards."""

from __future__ import annotations

import time
from collections import Counter

from integrations.slack.edge import MAX_BODY_BYTES
from tests.hostile.conftest import SECRET, Served
from tests.hostile.corpus import corpus
from tests.hostile.wire import Wire, send, signature


def test_hostile_corpus_gets_no_5xx_and_the_expected_refusals(served: Served) -> None:
    wires = list(corpus(SECRET))
    assert len(wires) >= 200
    rss_start = served.rss_kb()
    statuses: dict[str, int] = {wire.name: send("127.0.0.1", served.port, wire) for wire in wires}
    rss_first = served.rss_kb()
    for wire in corpus(SECRET):  # again: what the first pass grew must not grow further
        send("127.0.0.1", served.port, wire)
    rss_second = served.rss_kb()

    owed = {wire.name for wire in wires if wire.complete}
    failing = {name: status for name, status in statuses.items()
               if status >= 500 or (status == 0 and name in owed)}
    assert not failing, f"{len(failing)} requests answered 5xx or not at all: {failing}"
    wrong = {wire.name: statuses[wire.name] for wire in wires
             if wire.expect is not None and statuses[wire.name] != wire.expect}
    assert not wrong, f"unexpected statuses: {wrong}"
    # Over 200 MB of hostile bodies were sent twice; the process grows by a few times the
    # body limit once (thread stacks, allocator arenas, bolt's parse of the largest allowed
    # bodies), then not at all.
    first_mb, second_mb = (rss_first - rss_start) / 1024, (rss_second - rss_first) / 1024
    limit_mb = MAX_BODY_BYTES / 2**20
    assert first_mb < 10 * limit_mb, f"web process grew {first_mb:.0f} MB"
    assert second_mb < 5 * limit_mb, f"web process grew {second_mb:.0f} MB more on a second pass"
    assert "Exception while serving" not in served.stderr()  # nothing escaped to waitress
    print(Counter(statuses.values()), f"RSS growth {first_mb:.1f} MB, then {second_mb:.1f} MB")


def test_unsigned_requests_never_reach_the_app(served: Served, redis_url: str) -> None:
    import redis

    unsigned = [wire for wire in corpus(SECRET)
                if not any(name == "X-Slack-Signature" for name, _ in wire.headers)
                or wire.name.startswith("signature/")]
    assert len(unsigned) >= 100
    statuses = {send("127.0.0.1", served.port, wire) for wire in unsigned}
    assert statuses <= {0, 400, 401, 404, 405, 413, 431}
    assert [call.method for call in served.fake.calls] == ["auth.test"]
    assert "Traceback" not in served.stderr()
    client = redis.Redis.from_url(redis_url)
    assert client.keys("*") == []  # no job queued, no event claimed


def test_a_signed_request_still_works_after_the_corpus(served: Served) -> None:
    for wire in list(corpus(SECRET))[:40]:
        send("127.0.0.1", served.port, wire)
    stamp = str(int(time.time()))
    body = b'{"type": "url_verification", "challenge": "c-123", "token": "x"}'
    wire = Wire("good", headers=[("Content-Type", "application/json"),
                                 ("X-Slack-Request-Timestamp", stamp),
                                 ("X-Slack-Signature", signature(SECRET, stamp, body))], body=body)
    assert send("127.0.0.1", served.port, wire) == 200
