"""Ack latency of `/review` under load, with an LLM that takes 5 s per call.

Starts a private redis-server, a fake Slack Web API and a slow fake OpenAI-compatible
server on loopback, the real app behind waitress, and N worker processes (`assistant
worker`), then fires C concurrent signed `/review` commands (distinct drafts, so the
critique cache cannot help) and reports ack p50/p99/max and when every review was posted.

    .venv/bin/python bench/bench_slack_acks.py [--commands 20] [--workers 10] [--llm-delay 5]
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.fakes.openai_server import FakeOpenAI, answer
from tests.fakes.slack_api import FakeSlack
from tests.slack.conftest import SECRET, command_body, signed_post

CRITIQUE = {
    "verdict": "revise",
    "summary": "Leads with the product and asks for nothing but a click.",
    "problems": [],
    "rewrite": "We tried three ways to plan a content calendar; here is what worked for us.",
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_redis(workdir: str) -> tuple[subprocess.Popen[bytes], str]:
    binary = shutil.which("redis-server")
    if binary is None:
        sys.exit("redis-server is not installed")
    port = free_port()
    process = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                                "--appendonly", "no", "--dir", workdir],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            break
        except OSError:
            time.sleep(0.05)
    return process, f"redis://127.0.0.1:{port}/0"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--commands", type=int, default=20)
    parser.add_argument("--workers", type=int, default=10)
    parser.add_argument("--llm-delay", type=float, default=5.0)
    parser.add_argument("--timeout", type=float, default=180.0)
    args = parser.parse_args()

    for name in ("SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET"):
        os.environ.pop(name, None)
    workdir = tempfile.mkdtemp(prefix="bench-slack-")
    redis_proc, redis_url = start_redis(workdir)
    slack = FakeSlack().start()
    llm = FakeOpenAI(default=lambda body: answer(CRITIQUE, delay=args.llm_delay)).start()
    env = {**os.environ, "REDIS_URL": redis_url, "SLACK_BOT_TOKEN": "xoxb-bench",
           "SLACK_SIGNING_SECRET": SECRET, "SLACK_API_URL": slack.api_url,
           "OPENAI_BASE_URL": llm.url, "OPENAI_API_KEY": "sk-bench"}
    os.environ.update(env)
    workers: list[subprocess.Popen[bytes]] = []
    stop_http = None
    try:
        import redis

        from assistant.config import load_workspace
        from assistant.settings import load_settings
        from integrations.slack.app import create_app
        from integrations.slack.server import serve_in_thread

        settings = load_settings()
        client = redis.Redis.from_url(redis_url)
        app = create_app(settings, load_workspace(None), redis=client)
        url, stop_http = serve_in_thread(app, port=free_port(), redis=client)
        code = "from assistant.cli import main; main(['worker'])"
        workers = [subprocess.Popen([sys.executable, "-c", code], cwd=REPO, env=env,
                                    stderr=subprocess.DEVNULL) for _ in range(args.workers)]
        from rq import Worker

        deadline = time.monotonic() + 60  # let the workers import and register before the burst
        while Worker.count(connection=client) < args.workers and time.monotonic() < deadline:
            time.sleep(0.2)
        time.sleep(1.0)

        def fire(n: int) -> tuple[int, float, str]:
            body = command_body(f"Draft {n}: check out our latest blog post and please share it "
                                f"https://brightpixel.example/blog/{n}", slack.response_url(f"b{n}"))
            reply = signed_post(url + "/slack/events", body, "application/x-www-form-urlencoded")
            return reply.status, reply.seconds, reply.body

        started = time.monotonic()
        with ThreadPoolExecutor(max_workers=args.commands) as pool:
            results = list(pool.map(fire, range(args.commands)))
        acks = [seconds for status, seconds, _ in results if status == 200]

        def tops() -> int:
            return sum(1 for c in slack.of("chat.postMessage") if "thread_ts" not in c.body)

        slack.wait_for(lambda _: tops() >= args.commands, timeout=args.timeout)
        elapsed = time.monotonic() - started
        critiqued = sum(1 for c in slack.of("chat.postMessage")
                        if "Suggested rewrite" in str(c.body.get("blocks")))
        print(f"commands: {args.commands} concurrent, workers: {args.workers}, "
              f"LLM delay: {args.llm_delay:.1f} s per call (fake OpenAI-compatible server)")
        print(f"acks: {len(acks)}/{args.commands} answered 200; "
              f"p50 {statistics.median(acks) * 1000:.0f} ms, p99 {percentile(acks, 0.99) * 1000:.0f} ms, "
              f"max {max(acks) * 1000:.0f} ms")
        print(f"reviews posted: {tops()}/{args.commands} top-level messages, "
              f"{critiqued} thread messages with the critique's rewrite, "
              f"{llm.calls} LLM calls, all posted {elapsed:.1f} s after the burst")
        if len(acks) != args.commands or tops() != args.commands or max(acks) >= 3.0:
            sys.exit(1)
    finally:
        for process in workers:
            process.terminate()
        for process in workers:
            process.wait(timeout=10)
        if stop_http:
            stop_http()
        llm.stop()
        slack.stop()
        redis_proc.terminate()
        redis_proc.wait(timeout=10)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
