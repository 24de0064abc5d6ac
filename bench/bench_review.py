"""How fast is one review? In-process per post, and `assistant review "text"` as a whole process.

Also every real post of `tests/realdata` (exports of X, Mastodon, Bluesky, Buffer, Hootsuite,
support tweets and blogs' RSS) reviewed in-process: real posts are longer than the bench's
five drafts, and a blog entry of several thousand characters asks many more patterns.

Run: .venv/bin/python bench/bench_review.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from bench_startup import INSTALLED_ENV

from assistant.checks.ruleset import RuleSet
from assistant.errors import InputError
from assistant.models import Post
from assistant.review import review_post

TEXTS = [
    ("Our latest blog post: 5 tips to boost engagement https://brightpixel-agency.example/blog/5 "
     "Please RT! #socialmedia #marketing"),
    "@sam_rivera great question: we schedule less and reply more. Fewer posts, better conversations.",
    "Limited time: 20% off our audit. Book a call today! https://brightpixel-agency.example/offer",
    "Thoughtful piece on why trust beats reach for service businesses. https://hbr.org/2026/10/trust",
    "今日はソーシャルメディアの話をしましょう 🎉👍🏽 https://example.jp/a",
]


def in_process(rounds: int = 20_000) -> tuple[float, float]:
    """Median and p99 microseconds to review one post (post already parsed)."""
    rules = RuleSet.from_config()
    now = datetime.now(UTC)
    posts = [Post(id=str(i), created_at=now, text=t) for i, t in enumerate(TEXTS)]
    for post in posts:  # warm up compiled patterns
        review_post(post, rules)
    samples = []
    for i in range(rounds):
        post = posts[i % len(posts)]
        start = time.perf_counter_ns()
        review_post(post, rules)
        samples.append((time.perf_counter_ns() - start) / 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.99)]


REALDATA = Path(__file__).resolve().parent.parent / "tests" / "realdata"
LONG = 2000  # characters: a blog entry, not a social post


def real_posts(rounds: int = 3) -> tuple[int, float, float, float, float]:
    """Every real post reviewed `rounds` times: (posts, mean, p50 and p99 µs a post, and µs
    per 1,000 characters of the posts longer than `LONG`)."""
    from assistant.sources import load_posts

    posts = []
    for path in sorted(REALDATA.rglob("*")):
        if path.is_file() and path.suffix != ".md":
            try:
                posts += load_posts([path])
            except InputError:  # a file of accounts, not posts
                continue
    rules = RuleSet.from_config()
    for post in posts:
        review_post(post, rules)
    best: dict[int, float] = {}
    for _ in range(rounds):
        for index, post in enumerate(posts):
            start = time.perf_counter_ns()
            review_post(post, rules)
            took = (time.perf_counter_ns() - start) / 1000
            best[index] = min(took, best.get(index, took))
    samples = sorted(best.values())
    long = [i for i, post in enumerate(posts) if len(post.text) > LONG]
    per_kchar = sum(best[i] for i in long) / sum(len(posts[i].text) for i in long) * 1000 if long else 0.0
    return (len(posts), statistics.fmean(samples), statistics.median(samples),
            samples[int(len(samples) * 0.99)], per_kchar)


def whole_process(runs: int = 30) -> tuple[float, float]:
    """Median and 90th percentile seconds for `assistant review "text"`, exec to exit."""
    exe = Path(sys.executable).with_name("assistant")
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([str(exe), "review", TEXTS[0]], capture_output=True, check=False, env=INSTALLED_ENV)
        times.append(time.perf_counter() - start)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.9)]


if __name__ == "__main__":
    p50, p99 = in_process()
    print(f"review_post in-process: p50 {p50:.0f} µs, p99 {p99:.0f} µs")
    count, mean, p50, p99, per_kchar = real_posts()
    print(f"review_post of {count} real posts: mean {mean:.0f} µs, p50 {p50:.0f} µs, p99 {p99:.0f} µs; "
          f"posts over {LONG} characters {per_kchar:.0f} µs per 1,000 characters")
    median, p90 = whole_process()
    print(f"assistant review \"text\" (whole process, 30 runs): median {median:.2f} s, p90 {p90:.2f} s")
