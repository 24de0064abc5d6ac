"""Redis as hosted: a Cluster (every script's keys in one slot), TLS and an ACL user.

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
from tests.conftest import free_port, run_worker_burst
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
def two_nodes(cluster_url: str) -> Iterator[RedisCluster]:
    """A cluster client on `cluster_url`'s two nodes."""
    client = RedisCluster.from_url(cluster_url)
    yield client
    client.close()


@pytest.fixture
def cluster_url(tmp_path: Path) -> Iterator[str]:
    """A Redis Cluster of two nodes, each holding half the slots (a script that touches a
    key of the other node's slots fails there, as on any real cluster): one node's URL."""
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
        yield f"redis://127.0.0.1:{ports[0]}/0"
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


def test_state_on_a_cluster_and_jobs_on_their_own_redis_run_a_report_and_an_approval(
        tmp_path: Path, realdata: Path, cluster_url: str, redis_url: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """ASSISTANT_REDIS_CLUSTER on: every key of the assistant's lands on the two-node cluster,
    every key of the job queue on the single Redis, and a fanned-out report and an approval
    reviewed by a worker run through both as they do on one Redis."""
    from slack_sdk import WebClient

    import integrations.slack.destination  # noqa: F401 (the "slack" destination kind)
    from assistant.approvals import jobs as approval_jobs
    from assistant.approvals import presenter
    from assistant.approvals.policy import Action, Actor
    from assistant.approvals.workflow import Workflow
    from assistant.config import load_workspace
    from assistant.connections import connect, job_connection
    from assistant.jobs import run_worker
    from assistant.models import Post
    from assistant.reports import fanout
    from assistant.settings import Settings
    from integrations.slack.approval_presenter import SlackPresenter

    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "AZURE_OPENAI_ENDPOINT"):
        monkeypatch.delenv(name, raising=False)
    saved = presenter.registered()
    for other in saved:
        presenter.unregister(other.platform)
    config = tmp_path / "assistant.toml"
    config.write_text(f'[agency]\nname = "Bright Pixel"\n\n[reports]\nslack_channel = "CREPORT"\n'
                      f'\n[[feeds]]\nname = "Client blog"\nowner = "client"\n'
                      f'source = "{realdata / "rss" / "TypePadNews.xml"}"\n'
                      '\n[[clients]]\nname = "Harbour Cafe"\napprovers = ["U0BEN"]\n'
                      'approvals_channel = "C0APPROVALS"\n')
    workspace = load_workspace(config)
    slack = StallingFakeSlack()
    slack.start()
    try:
        settings = Settings(slack_bot_token="xoxb-test",  # type: ignore[arg-type]
                            slack_api_url=slack.api_url, redis_url=cluster_url,
                            redis_cluster=True, queue_redis_url=redis_url)
        state = connect(settings, "the test keeps its state in Redis")
        jobs = job_connection(state)
        assert isinstance(state, RedisCluster) and not isinstance(jobs, RedisCluster)

        fanout.configure(settings, workspace, state)  # as `assistant worker` does
        fanout.start(settings, workspace, state, day=DAY, as_of=datetime(2026, 11, 25, 23, 0, tzinfo=UTC))
        workflow = approval_jobs.configure(settings, workspace, state)
        # as the Slack worker does: the approval message posted once, recorded on the state
        presenter.register(SlackPresenter(WebClient("xoxb-test", base_url=slack.api_url),
                                          workflow.redis))
        post = Post(id="t", platform="x", created_at=datetime.now(UTC) + timedelta(days=2),
                    text="Our autumn menu is here: pumpkin soup all week.")
        submitted = workflow.submit(Actor("slack", "U0ANA", "ana"), "Harbour Cafe", [post])
        assert submitted.ok
        run_worker(state, burst=True)  # the feed jobs, the assembly and the review

        assert ReportStore(state).is_done(DAY)
        summary = slack.posts("CREPORT")
        assert summary and "Client blog" in str(summary[0].body.get("blocks"))
        record = Workflow(state, workspace).store.get(submitted.records[0].id)
        assert record is not None and record.review is not None, "the worker reviewed it"
        assert Workflow(state, workspace).decide(Actor("slack", "U0BEN", "ben"), record.id,
                                                 Action.APPROVE, version=record.version).ok
        assert slack.posts("C0APPROVALS"), "the approval request went to its channel"
    finally:
        slack.stop()
        presenter.unregister("slack")
        for other in saved:
            presenter.register(other)

    names = [k.decode() for k in state.scan_iter(match="*")]
    assert names and all(k.startswith("assistant:v1:") for k in names), names
    queued = [k.decode() for k in jobs.scan_iter(match="*")]
    assert any(k.startswith("rq:") for k in queued)
    # the workers' lock on reaping the queue's registries is the queue's own
    stray = [k for k in queued if k.startswith("assistant:") and not k.startswith("assistant:v1:worker:")]
    assert stray == [], "state stayed off the queue's Redis"


def test_a_cluster_without_a_redis_for_its_jobs_is_a_clear_error(tmp_path: Path) -> None:
    done = run_worker_burst({"REDIS_URL": "redis://127.0.0.1:7000/0", "ASSISTANT_REDIS_CLUSTER": "1",
                             "SLACK_BOT_TOKEN": "xoxb-test"}, tmp_path)
    assert done.returncode == 2
    assert "ASSISTANT_QUEUE_REDIS_URL is not set" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize("env", [
    {"REDIS_URL": "redis://:hunter2/xyz@127.0.0.1:6390/0"},
    {"REDIS_URL": "redis://127.0.0.1:6390/0", "ASSISTANT_QUEUE_REDIS_URL": "redis://jobs:hunter2/xyz@127.0.0.1:6391"},
    {"REDIS_URL": "redis://:hunter2/xyz@127.0.0.1:7000/0", "ASSISTANT_REDIS_CLUSTER": "1",
     "ASSISTANT_QUEUE_REDIS_URL": "redis://127.0.0.1:6391"},
], ids=["state", "queue", "cluster"])
def test_a_redis_url_with_an_unescaped_slash_in_its_password_is_named_not_printed(
        tmp_path: Path, env: dict[str, str]) -> None:
    """redis-py reads "hunter2" as the port and says so: that message must not reach the
    logs. One line names the setting and how to write it, exit 2."""
    done = run_worker_burst({**env, "SLACK_BOT_TOKEN": "xoxb-test"}, tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "hunter2" not in done.stderr + done.stdout
    wrong = "ASSISTANT_QUEUE_REDIS_URL" if "jobs" in env.get("ASSISTANT_QUEUE_REDIS_URL", "") else "REDIS_URL"
    assert f"error: {wrong} is not a Redis URL" in done.stderr and "percent-encoded" in done.stderr


def test_the_critique_cache_and_its_lock_work_on_a_cluster(cluster_url: str) -> None:
    from assistant.critique.cache import CritiqueCache

    cache = CritiqueCache(cluster_url, cluster=True)
    token = cache.acquire("k1", ttl=5)
    assert token and cache.locked("k1") and cache.acquire("k1", ttl=5) is None
    cache.put("k1", {"answer": "fine"})
    cache.release("k1", token)
    assert not cache.locked("k1") and cache.get("k1") == {"answer": "fine"}
    assert cache.enabled, "no call failed"
    cache.close()


def test_a_cluster_setting_on_a_plain_redis_is_one_line_not_a_traceback(
        tmp_path: Path, redis_url: str) -> None:
    done = run_worker_burst({"REDIS_URL": redis_url, "ASSISTANT_REDIS_CLUSTER": "1",
                             "ASSISTANT_QUEUE_REDIS_URL": redis_url, "SLACK_BOT_TOKEN": "xoxb-test"},
                            tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "cannot use the Redis Cluster" in done.stderr and "ASSISTANT_REDIS_CLUSTER" in done.stderr


def test_the_teams_bots_references_work_on_a_cluster(two_nodes: RedisCluster) -> None:
    """Saved with the team's channel list, found, listed and forgotten, whatever node each
    key lands on (a reference and its team's list lie in different slots)."""
    from integrations.teams.bot.refs import ConversationRef, ConversationRefs

    refs = ConversationRefs(two_nodes)  # type: ignore[arg-type]
    channels = [f"19:channel-{n}@thread.tacv2" for n in range(6)]
    for channel in channels:
        refs.save(ConversationRef(channel, "https://smba.example/emea/", tenant_id="t1", team_id="team-1",
                                  conversation_type="channel"))
    slots = {key_slot(refs._key(c).encode()) for c in channels}
    assert len({s < 8192 for s in slots}) == 2, "the references lie on both nodes"
    assert refs.team_channels("team-1") == sorted(channels)
    assert refs.get(channels[3]).service_url == "https://smba.example/emea/"
    assert refs.first_delivery(channels[0], "a1") and not refs.first_delivery(channels[0], "a1")
    refs.forget_team("team-1")
    assert refs.team_channels("team-1") == [] and all(refs.find(c) is None for c in channels)
