"""Wall time of the daily report of N feeds: in one process, and fanned out over 1, 2, 4 workers.

Serves N RSS feeds (20 recent posts each) on loopback, one host per feed (127.0.x.y, so
per-host politeness spaces nothing), each answering after `--latency` seconds like a
distant blog; starts a private redis-server; then times, for the same config and day,
`assistant report daily --in-process` and `assistant report daily --fan-out` with 1, 2
and 4 `assistant worker --burst` processes (their start-up included). The config routes
the report nowhere, so what is timed is fetching, auditing and assembling, not posting.

    .venv/bin/python bench/bench_report_fanout.py [--feeds 500] [--latency 0.1] [--workers 1 2 4]
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from assistant.reports.run import FETCH_THREADS  # noqa: E402
from bench.bench_slack_acks import free_port, start_redis  # noqa: E402

CODE = "from assistant.cli import main; main()"
TOPICS = ["our autumn menu", "a behind-the-scenes look at the studio", "five tips for new runners",
          "the team's favourite reads", "how we plan a content calendar", "a customer story",
          "what changed in our opening hours", "a recipe for cold mornings"]


def host(n: int) -> str:
    return f"127.0.{1 + n // 250}.{1 + n % 250}"


def rss(n: int) -> bytes:
    now = datetime.now(UTC)
    items = "".join(
        f"<item><title>{escape(TOPICS[(n + k) % len(TOPICS)].capitalize())}</title>"
        f"<link>https://feed{n}.example/posts/{k}</link><guid>feed{n}-{k}</guid>"
        f"<description>{escape(f'Post {k} of feed {n}: ' + TOPICS[(n * 3 + k) % len(TOPICS)])}"
        f" and what we learned. Tell us yours!</description>"
        f"<pubDate>{format_datetime(now - timedelta(hours=7 * k + 1))}</pubDate></item>"
        for k in range(20))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {n}</title>'
            f"<link>https://feed{n}.example/</link><description>feed</description>{items}"
            "</channel></rss>").encode()


def serve_feeds(feeds: int, port: int, latency: float, ready: multiprocessing.synchronize.Event) -> None:
    """One asyncio process serving every feed, each on its own loopback address."""
    bodies = [rss(n) for n in range(feeds)]

    async def main() -> None:
        def handler_for(n: int):  # noqa: ANN202
            async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
                try:
                    while (await reader.readline()) not in (b"\r\n", b"\n", b""):
                        pass
                    await asyncio.sleep(latency)
                    body = bodies[n]
                    writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n"
                                 b"Connection: close\r\nContent-Length: " + str(len(body)).encode()
                                 + b"\r\n\r\n" + body)
                    await writer.drain()
                finally:
                    writer.close()
            return handle

        servers = [await asyncio.start_server(handler_for(n), host(n), port, backlog=64)
                   for n in range(feeds)]
        ready.set()
        await asyncio.gather(*(s.serve_forever() for s in servers))

    asyncio.run(main())


def run(env: dict[str, str], workers: int, flush: str) -> float:
    import redis

    redis.Redis.from_url(flush).flushall()
    started = time.perf_counter()
    if workers == 0:
        subprocess.run([sys.executable, "-c", CODE, "report", "daily", "--in-process"], env=env,
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return time.perf_counter() - started
    daily = subprocess.Popen([sys.executable, "-c", CODE, "report", "daily", "--fan-out",
                              "--deadline-seconds", "3600"], env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE)
    client = redis.Redis.from_url(flush)
    while not client.keys("assistant:v1:report:{day:*}:run"):  # queued: now the workers start
        time.sleep(0.01)
    procs = [subprocess.Popen([sys.executable, "-c", CODE, "worker", "--burst"], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
             for _ in range(workers)]
    _, err = daily.communicate()
    took = time.perf_counter() - started
    for proc in procs:
        proc.wait()
    if daily.returncode != 0:
        sys.exit(f"the fanned-out report failed: {err.decode()[-500:]}")
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--feeds", type=int, default=500)
    parser.add_argument("--latency", type=float, default=0.1, help="seconds per feed request")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    args = parser.parse_args()

    port = free_port()
    ready = multiprocessing.Event()
    server = multiprocessing.Process(target=serve_feeds, args=(args.feeds, port, args.latency, ready),
                                     daemon=True)
    server.start()
    ready.wait(60)
    with tempfile.TemporaryDirectory() as workdir:
        redis_proc, redis_url = start_redis(workdir)
        config = Path(workdir) / "assistant.toml"
        config.write_text('[agency]\nname = "Bench Agency"\n' + "".join(
            f'\n[[feeds]]\nname = "Feed {n}"\nowner = "client"\n'
            f'source = "rss:http://{host(n)}:{port}/feed.xml"\n' for n in range(args.feeds)))
        env = {k: v for k, v in os.environ.items()
               if k not in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "AZURE_OPENAI_ENDPOINT",
                            "AZURE_OPENAI_API_KEY")}
        env.update({"REDIS_URL": redis_url, "ASSISTANT_CONFIG": str(config),
                    "SLACK_BOT_TOKEN": "xoxb-bench", "SLACK_API_URL": "http://127.0.0.1:9/api/",
                    "PYTHONPATH": str(REPO)})
        try:
            print(f"{args.feeds} feeds, {args.latency * 1000:.0f} ms a request, "
                  f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
            base = run(env, 0, redis_url)
            print(f"in one process ({FETCH_THREADS} fetch threads): {base:6.1f} s")
            first = None
            for workers in args.workers:
                took = run(env, workers, redis_url)
                first = first or took
                print(f"fanned out, {workers} worker{'s' if workers > 1 else ' '}:       "
                      f"{took:6.1f} s  ({first / took:.1f}x the 1-worker speed)")
        finally:
            redis_proc.terminate()
            server.terminate()


if __name__ == "__main__":
    main()
