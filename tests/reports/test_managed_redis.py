"""Redis as hosted: a Cluster node (every script's keys in one slot), TLS and an ACL user.

The Cluster test runs the report's and the effects' scripts on a real redis-server in
cluster mode through redis-py's cluster client: Redis 7 refuses a script whose keys span
slots, and the client refuses a call whose KEYS do. The managed-Redis test runs a
fanned-out report through a worker and an approval as an ACL user limited to the key
prefixes the assistant and its job queue use, over TLS when this redis-server has it.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import redis as redis_lib
from redis.cluster import RedisCluster, key_slot

from assistant.effects import Effects, Lease
from assistant.reports.store import ReportStore, day_key
from tests.conftest import free_port
from tests.reports.fake_slack import StallingFakeSlack

DAY = date(2026, 11, 25)
PASSWORD = "s3cret-reporter"


def start_server(tmp_path: Path, *args: str) -> subprocess.Popen[bytes]:
    binary = shutil.which("redis-server")
    assert binary, "redis-server is not installed"
    return subprocess.Popen([binary, "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                             "--dir", str(tmp_path), *args],
                            stdout=open(tmp_path / "redis.log", "wb"), stderr=subprocess.STDOUT)  # noqa: SIM115


def wait_for(check: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except (redis_lib.RedisError, OSError):
            pass
        time.sleep(0.05)
    raise AssertionError(f"{what} did not come up")


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[RedisCluster]:
    """A one-node Redis Cluster holding all 16384 slots."""
    port = free_port()
    server = start_server(tmp_path, "--port", str(port), "--cluster-enabled", "yes",
                          "--cluster-port", str(free_port()),  # not port + 10000: may pass 65535
                          "--cluster-config-file", str(tmp_path / "nodes.conf"))
    plain = redis_lib.Redis(port=port)
    wait_for(lambda: bool(plain.ping()), "the cluster node")
    plain.execute_command("CLUSTER", "ADDSLOTSRANGE", 0, 16383)
    wait_for(lambda: b"cluster_state:ok" in plain.execute_command("CLUSTER", "INFO"),
             "the cluster state")
    client = RedisCluster(host="127.0.0.1", port=port)
    yield client
    client.close()
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture
def two_nodes(tmp_path: Path) -> Iterator[RedisCluster]:
    """A Redis Cluster of two nodes, each holding half the slots: a script that touches a
    key of the other node's slots fails there, as on any real cluster."""
    ports, buses = [free_port(), free_port()], [free_port(), free_port()]
    servers = []
    for n, (port, bus) in enumerate(zip(ports, buses, strict=True)):
        folder = tmp_path / f"node{n}"
        folder.mkdir()
        servers.append(start_server(folder, "--port", str(port), "--cluster-enabled", "yes",
                                    "--cluster-port", str(bus),
                                    "--cluster-config-file", str(folder / "nodes.conf")))
    try:
        nodes = [redis_lib.Redis(port=port) for port in ports]
        for node in nodes:
            wait_for(lambda node=node: bool(node.ping()), "a cluster node")  # type: ignore[misc]
        nodes[0].execute_command("CLUSTER", "ADDSLOTSRANGE", 0, 8191)
        nodes[1].execute_command("CLUSTER", "ADDSLOTSRANGE", 8192, 16383)
        nodes[0].execute_command("CLUSTER", "MEET", "127.0.0.1", ports[1], buses[1])
        for node in nodes:
            wait_for(lambda node=node: b"cluster_state:ok" in node.execute_command("CLUSTER", "INFO")  # type: ignore[misc]
                     and b"cluster_known_nodes:2" in node.execute_command("CLUSTER", "INFO"), "the cluster")
        client = RedisCluster(host="127.0.0.1", port=ports[0])
        yield client
        client.close()
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=10)


def test_a_report_days_keys_share_one_slot_and_other_days_do_not_collide() -> None:
    parts = ["run", "pending", "lines", "claim", "done"]
    assert len({key_slot(day_key(DAY, part).encode()) for part in parts}) == 1
    slots = {key_slot(day_key(DAY + timedelta(days=n), "run").encode()) for n in range(30)}
    assert len(slots) > 20, "days spread over the cluster rather than piling on one node"


def test_the_report_and_effect_scripts_run_on_a_cluster(cluster: RedisCluster) -> None:
    store = ReportStore(cluster)
    feeds = ["Harbour Cafe", "Lumen Studio"]
    run = store.start_run(DAY, feeds, deadline=time.time() + 60, as_of="2026-11-25T23:00:00+00:00",
                          run_id="r1")
    assert run == "r1"
    assert store.start_run(DAY, feeds, deadline=time.time() + 60, as_of="x", run_id="r2") == "r1", \
        "a repeat before the deadline keeps the running day"
    assert store.record_line(DAY, "r1", "Harbour Cafe", '{"name": "Harbour Cafe"}') == 1
    assert store.record_line(DAY, "stale", "Lumen Studio", "{}") == -1
    assert store.record_line(DAY, "r1", "Lumen Studio", '{"name": "Lumen Studio"}') == 0
    assert set(store.lines(DAY)) == set(feeds) and store.pending(DAY) == set()
    assert store.host_turn("feeds.example", 0.2) == 0.0
    assert 0.1 < store.host_turn("feeds.example", 0.2) <= 0.2, "the second fetch waits its turn"

    lease = store.hold(DAY, 30)
    assert lease is not None and store.hold(DAY, 30) is None
    lease.release()
    store.finish(DAY, {"feeds": 2})
    assert store.is_done(DAY)

    effects = Effects(cluster)  # type: ignore[arg-type]
    calls: list[str] = []

    def send() -> str:
        calls.append("sent")
        return "ts1"

    for _ in range(2):
        effects.once("report:2026-11-25:target:summary", send)
    assert calls == ["sent"]
    other = Lease(cluster, "assistant:v1:worker:lock", 5)  # type: ignore[arg-type]
    assert other.acquire()
    other.release()


def tls_args(tmp_path: Path) -> tuple[list[str], str, str]:
    """Server arguments and URL parts for TLS, or why this machine cannot have it."""
    openssl = shutil.which("openssl")
    if openssl is None:
        return [], "", "openssl is not installed, so no certificate can be made"
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run([openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key),
                    "-out", str(cert), "-days", "1", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1"], check=True, capture_output=True)
    return (["--tls-cert-file", str(cert), "--tls-key-file", str(key), "--tls-ca-cert-file",
             str(cert), "--tls-auth-clients", "no"], f"?ssl_ca_certs={cert}", "")


@pytest.fixture
def managed(tmp_path: Path) -> Iterator[str]:
    """A redis-server whose default user is off, with one ACL user limited to the
    assistant's and the job queue's keys; TLS when this build has it. Yields its URL."""
    port = free_port()
    acl = ["--user", "default", "off",
           "--user", *f"reporter on >{PASSWORD} ~assistant:v1:* ~rq:* &rq:* +@all -@admin "
                      "-@dangerous +info +client|setname +client|getname".split()]
    tls, query, why_not = tls_args(tmp_path)
    server = start_server(tmp_path, "--port", "0" if tls else str(port),
                          *(["--tls-port", str(port)] if tls else []), *tls, *acl)
    time.sleep(0.3)
    if tls and server.poll() is not None:
        why_not = "this redis-server was built without TLS: " + \
            (tmp_path / "redis.log").read_text()[-200:]
        tls, query = [], ""
        server = start_server(tmp_path, "--port", str(port), *acl)
    scheme = "rediss" if tls else "redis"
    url = f"{scheme}://reporter:{PASSWORD}@127.0.0.1:{port}/0{query}"
    print("managed Redis test over", "TLS" if tls else f"plain TCP ({why_not})")
    wait_for(lambda: bool(redis_lib.Redis.from_url(url).ping()), "the ACL redis-server")
    yield url
    server.terminate()
    server.wait(timeout=10)


def test_a_fanned_out_report_and_an_approval_as_a_restricted_acl_user(
        tmp_path: Path, realdata: Path, managed: str) -> None:
    import integrations.slack.destination  # noqa: F401 (the "slack" destination kind)
    from assistant.approvals.store import ApprovalStore
    from assistant.config import load_workspace
    from assistant.jobs import run_worker
    from assistant.models import Post
    from assistant.reports import fanout
    from assistant.settings import Settings

    outsider = redis_lib.Redis.from_url(managed)
    with pytest.raises(redis_lib.exceptions.NoPermissionError):
        outsider.set("someone-else:key", "1")  # the user really is confined to its prefixes

    config = tmp_path / "assistant.toml"
    config.write_text(f'[agency]\nname = "Bright Pixel"\n\n[reports]\nslack_channel = "CREPORT"\n'
                      f'\n[[feeds]]\nname = "Client blog"\nowner = "client"\n'
                      f'source = "{realdata / "rss" / "TypePadNews.xml"}"\n')
    workspace = load_workspace(config)
    slack = StallingFakeSlack()
    slack.start()
    try:
        settings = Settings(slack_bot_token="xoxb-test",  # type: ignore[arg-type]
                            slack_api_url=slack.api_url, redis_url=managed)
        client = redis_lib.Redis.from_url(managed)
        fanout.configure(settings, workspace, client)  # as `assistant worker` does
        as_of = datetime(2026, 11, 25, 23, 0, tzinfo=UTC)
        fanout.start(settings, workspace, client, day=DAY, as_of=as_of)
        run_worker(client, burst=True)
        assert ReportStore(client).is_done(DAY)
        summary = slack.posts("CREPORT")
        assert summary and "Client blog" in str(summary[0].body.get("blocks"))
    finally:
        slack.stop()

    store = ApprovalStore(client)
    post = Post(id="t", platform="x", created_at=datetime.now(UTC) + timedelta(days=2),
                text="Our autumn menu is here: pumpkin soup all week.")
    [record] = store.create("harbour-cafe", [post], submitter="U1")
    from assistant.service import Assistant

    store.set_review(record.id, record.version, Assistant(workspace).review(post.text))
    assert store.decide(record.id, "approve", actor="U2").ok
    assert store.get(record.id).state == "approved"  # type: ignore[union-attr]


def test_the_approval_scripts_run_on_a_cluster(two_nodes: RedisCluster) -> None:
    """The whole approval queue is one slot: submit, review, decide, edit, sweep, release and
    the audit trail each run as one script on the node that holds it, with a clock that
    moves. (With a slot per post, the posts would spread over both nodes and a script that
    indexes a post of the other node would fail.)"""
    cluster = two_nodes
    from assistant.approvals.store import ApprovalStore
    from assistant.models import Post, Review

    now = [time.time()]
    store = ApprovalStore(cluster, clock=lambda: now[0])  # type: ignore[arg-type]
    soon, later = (datetime.fromtimestamp(now[0] + h * 3600, tz=UTC) for h in (1, 48))
    first, second = store.create("Harbour Cafe", [
        Post(id="a", platform="x", created_at=soon, text="Soup of the day: leek and potato."),
        Post(id="b", platform="x", created_at=later, text="Quiz night is back on Thursday."),
    ], submitter="U0ANA")
    for record in (first, second):
        assert store.set_review(record.id, 1, Review(post=record.post)).value == "ok"
    assert store.decide(second.id, "approve", actor="U0BEN", version=1).ok
    edited = store.edit(first.id, first.post.model_copy(update={"text": "Soup: leek."}), actor="U0ANA")
    assert edited.ok and edited.post is not None and edited.post.version == 2
    now[0] += 2 * 3600  # the first post's time passes unapproved
    assert store.sweep() == [first.id]
    batch, released = store.release("csv", actor="U0BEN")
    assert [r.id for r in released] == [second.id] and batch
    entries, starts = store.claim_audit(second.id, "slack")
    assert starts and [e.action for e in entries] == ["submitted", "reviewed", "approved", "released"]
    assert [r.state for r in store.list()] == ["expired", "released"]
