"""Restart (SIGTERM) or kill (SIGKILL) the web process under `/review` traffic, and count
what users lose.

Starts a private redis-server, a fake Slack Web API and `assistant serve` as a real
process. C client threads send signed `/review` commands back to back, each with its own
draft. Every P seconds the web process gets the signal and is started again on the same
port. Each command ends as one of:

- answered: HTTP 200; its job must be in the queue exactly once,
- refused: the connection was refused before anything was sent (the process was down;
  nothing was half-done, and a load balancer with two pods would have sent it elsewhere),
- dropped: sent, then the connection died without an answer (the user sees an error).

Lost means answered but not queued; duplicated means queued twice.

    .venv/bin/python bench/fault_web.py [--signal TERM|KILL] [--kills 5] [--clients 8] [--every 1.5]
"""

from __future__ import annotations

import argparse
import http.client
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.bench_slack_acks import free_port, start_redis  # noqa: E402
from tests.fakes.slack_api import FakeSlack  # noqa: E402
from tests.slack.conftest import SECRET, command_body  # noqa: E402


def start_web(port: int, env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    process = subprocess.Popen([sys.executable, "-c", "from assistant.cli import main; main()",
                                "serve", "--host", "127.0.0.1", "--port", str(port)],
                               env=env, stdout=log.open("ab"), stderr=subprocess.STDOUT, cwd=REPO)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1):
                return process
        except OSError:
            time.sleep(0.05)
    sys.exit(f"assistant serve did not start; see {log}")


def send_review(port: int, draft: str, response_url: str) -> str:
    """One signed /review: "answered", "refused" or "dropped"."""
    from slack_sdk.signature import SignatureVerifier

    body = command_body(draft, response_url)
    stamp = str(int(time.time()))
    headers = {"Content-Type": "application/x-www-form-urlencoded",
               "X-Slack-Request-Timestamp": stamp,
               "X-Slack-Signature": SignatureVerifier(SECRET).generate_signature(
                   timestamp=stamp, body=body)}
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.connect()
    except ConnectionRefusedError:
        return "refused"
    try:
        connection.request("POST", "/slack/events", body=body.encode(), headers=headers)
        answer = connection.getresponse()
        answer.read()
        return "answered" if answer.status == 200 else f"status {answer.status}"
    except (OSError, http.client.HTTPException):
        return "dropped"
    finally:
        connection.close()


def queued_drafts(redis_url: str) -> Counter[str]:
    """How many times each draft's review job is in the queue."""
    import redis

    from assistant.jobs import queue

    jobs = queue(redis.Redis.from_url(redis_url)).get_jobs()
    return Counter(str(job.args[0].get("text")) for job in jobs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--signal", choices=["TERM", "KILL"], default="TERM")
    parser.add_argument("--kills", type=int, default=5)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--every", type=float, default=1.5, help="seconds between signals")
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="fault-web-")
    redis_proc, redis_url = start_redis(workdir)
    slack = FakeSlack().start()
    port = free_port()
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("SLACK_", "OPENAI_", "AZURE_", "ASSISTANT_"))}
    env.update(SLACK_BOT_TOKEN="xoxb-bench", SLACK_SIGNING_SECRET=SECRET,
               SLACK_API_URL=slack.api_url, REDIS_URL=redis_url, PYTHONPATH=str(REPO))
    log = Path(workdir) / "serve.log"
    web = start_web(port, env, log)
    outcomes: dict[str, str] = {}
    lock = threading.Lock()
    stop = threading.Event()

    def client(number: int) -> None:
        sent = 0
        while not stop.is_set():
            draft = f"Draft {number}-{sent}: our autumn menu is here"
            result = send_review(port, draft, slack.response_url(f"{number}-{sent}"))
            with lock:
                outcomes[draft] = result
            sent += 1
            if result == "refused":
                time.sleep(0.05)

    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(args.clients)]
    for thread in threads:
        thread.start()
    number = getattr(signal, f"SIG{args.signal}")
    gaps: list[float] = []
    try:
        for _ in range(args.kills):
            time.sleep(args.every)
            web.send_signal(number)
            began = time.monotonic()
            web.wait(timeout=30)
            web = start_web(port, env, log)
            gaps.append(time.monotonic() - began)
        time.sleep(args.every)
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=15)
        web.send_signal(signal.SIGTERM)
        web.wait(timeout=30)

    queued = queued_drafts(redis_url)
    counts = Counter(outcomes.values())
    answered = [draft for draft, result in outcomes.items() if result == "answered"]
    lost = [draft for draft in answered if queued[draft] == 0]
    duplicated = [draft for draft, times in queued.items() if times > 1]
    dropped_but_queued = [draft for draft, result in outcomes.items()
                          if result == "dropped" and queued[draft]]
    print(f"SIG{args.signal} x {args.kills}, {args.clients} clients: {len(outcomes)} commands")
    for result, count in sorted(counts.items()):
        print(f"  {result:<10} {count}")
    print(f"  lost (answered, not queued): {len(lost)}")
    print(f"  duplicated (queued twice):   {len(duplicated)}")
    print(f"  dropped but queued anyway:   {len(dropped_but_queued)}")
    print(f"  restart gap: median {sorted(gaps)[len(gaps) // 2]:.2f} s (signal to healthy)")
    slack.stop()
    redis_proc.terminate()


if __name__ == "__main__":
    main()
