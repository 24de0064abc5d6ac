"""How fast and how big is `audit_feed` with every rule, on synthetic feeds of 10k to 1M posts?

Each size runs in a fresh child process so that its peak memory (getrusage maxrss) is
its own. Post construction (pydantic validation, entity extraction) is timed apart
from the audit. The feed is generated on the fly: posts written by a chain of the words of
real posts (`tests/realdata`: X archives, Mastodon, Bluesky, Buffer and customer-support
tweets, the English ones, links, tags and mentions left out), each next word one that
follows the last two somewhere there; about 5% exact repeats and 5% near repeats (one word
changed), links to a few hundred articles (some posted again), replies, reposts, quotes
and pictures, and 2% of posts in Spanish.

Why the real posts' words in their order: the rules ask first whether a post holds a word
their patterns need ("we", "our", "free", "thanks"...), then try the patterns, and how
often both happen is what an audit costs. Measured on the post rules, these posts cost
54 µs each, the real English posts themselves 52 µs. The made-up words of a few syllables
this bench used before held no English word and cost 24 µs: every rule stopped at its first
test, so the bench showed half of what a real feed costs. (A few of those words were
Spanish or Italian, "de", "el", "lo", which sent 40% of the posts through the not-English
rule's full reading instead.) Words drawn at random from the real posts, in no order, cost
108 µs: they put trigger words side by side that real posts keep apart. The feed follows
`tests/realdata` and this checkout's reading of languages: figures of two commits that
change either are of two feeds.

Run: .venv/bin/python bench/bench_audit.py [sizes...]   (default 10000 100000 1000000)
     .venv/bin/python bench/bench_audit.py --jsonl FILE N  (write the feed for `assistant audit`)
"""

from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.models import Post

REAL_POSTS = Path(__file__).resolve().parents[1] / "tests" / "realdata"
_REAL_FEEDS = ("x_archive", "mastodon", "bluesky", "buffer", "support_tweets")
_SPANISH = ("Hoy en el blog: cómo escribir para las personas que nos leen",
            "Gracias a todos por venir ayer, nos vemos el mes que viene",
            "Nuevo episodio del podcast: lo que aprendimos este año con nuestros clientes")


_END = ""  # where a post ends, in the chain


@cache
def real_english_posts() -> tuple[Post, ...]:
    """The real posts the chain learns from: those of `_REAL_FEEDS` that read as English."""
    from assistant.checks.language import foreign_language
    from assistant.sources import load_accounts

    files = sorted(str(f) for name in _REAL_FEEDS for f in (REAL_POSTS / name).iterdir())
    return tuple(post for account in load_accounts(files) for post in account.feed.posts
                 if foreign_language(post.text) is None)


@cache
def _real_chain() -> tuple[tuple[str, ...], dict[tuple[str, str], tuple[str, ...]]]:
    """The real English posts as a chain of words: how they start (their first two words),
    and each pair of words followed by every word that follows it there (`_END` where a post
    ended), as often as it does."""
    starts: list[str] = []
    follows: dict[tuple[str, str], list[str]] = {}
    for post in real_english_posts():
        words = [w for w in post.text.split()
                 if not w.startswith(("@", "#", ".@")) and "http" not in w and "/" not in w]
        if len(words) < 3:
            continue
        starts.append(" ".join(words[:2]))
        for a, b, c in zip(words, words[1:], [*words[2:], _END], strict=False):
            follows.setdefault((a, b), []).append(c)
    return tuple(starts), {pair: tuple(nexts) for pair, nexts in follows.items()}


def _sentence(rnd: random.Random, most: int) -> str:
    """A post's words as the real posts run on: each next word drawn from those that follow
    the last two there, up to where a post ended or `most` words."""
    starts, follows = _real_chain()
    words = rnd.choice(starts).split()
    while len(words) < most:
        following = follows.get((words[-2], words[-1]))
        if not following:
            break
        word = rnd.choice(following)
        if word == _END:
            break
        words.append(word)
    return " ".join(words)


def post_dicts(n: int, seed: int = 42) -> list[dict[str, Any]]:
    """n posts as the canonical JSON-like dicts an importer would produce."""
    rnd = random.Random(seed)
    templates = [_sentence(rnd, 40) for _ in range(200)]
    articles = [f"https://brightpixel.agency/blog/{i}" for i in range(300)]
    start = datetime(2020, 1, 1, tzinfo=UTC)
    step = timedelta(days=365 * 3) / n
    out = []
    for i in range(n):
        roll = rnd.random()
        if roll < 0.05:
            text = rnd.choice(templates)
        elif roll < 0.10:
            parts = rnd.choice(templates).split()
            parts[rnd.randrange(len(parts))] = rnd.choice(_sentence(rnd, 3).split())
            text = " ".join(parts)
        else:
            text = _sentence(rnd, 60)
        if rnd.random() < 0.4:
            text += " " + (rnd.choice(articles) if rnd.random() < 0.5 else f"https://news.example.org/{i}")
        if rnd.random() < 0.1:
            text = f"@user{rnd.randrange(5000)} " + text
        if rnd.random() < 0.1:
            text += " #" + (rnd.choice(_sentence(rnd, 3).split()).strip(".,!?:;") or "news")
        if rnd.random() < 0.02:
            text += " Please retweet!"
        if rnd.random() < 0.02:
            text = f"{rnd.choice(_SPANISH)} ({rnd.randrange(10**6)})"
        kind = rnd.choices(["post", "reply", "repost", "quote"], weights=[70, 15, 10, 5])[0]
        record: dict[str, Any] = {
            "id": str(i),
            "created_at": start + step * i,
            "text": text,
            "kind": kind,
            "in_reply_to": f"t{rnd.randrange(10**6)}" if kind == "reply" else None,
        }
        if rnd.random() < 0.2:
            record["media"] = [{"url": f"https://cdn.example/{rnd.randrange(n // 5 + 1)}.jpg", "alt": ""}]
        out.append(record)
    return out


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def run_one(n: int) -> dict[str, float]:
    """Build and audit one feed of n posts in this process; timings and peak memory."""
    from assistant.audit import audit_feed
    from assistant.checks.history import canonical_link
    from assistant.checks.ruleset import RuleSet
    from assistant.config import RulesConfig
    from assistant.models import Account, Feed, Post

    rules = RuleSet.from_config()
    dicts = post_dicts(n)
    base = _maxrss_mb()
    started = time.perf_counter()
    posts = [Post.model_validate(d) for d in dicts]
    del dicts
    built = time.perf_counter() - started
    feed = Feed(account=Account(name="@bench"), posts=posts)
    after_build = _maxrss_mb()
    started, cpu = time.perf_counter(), time.process_time()
    result = audit_feed(feed, rules, as_of=datetime(2030, 1, 1, tzinfo=UTC),
                        own_domains=frozenset({"brightpixel.agency"}))
    audited, audit_cpu = time.perf_counter() - started, time.process_time() - cpu
    # The same audit with the feed rules alone: how the time splits between the two kinds.
    feed_only = RuleSet.from_config(RulesConfig(select=[a.id for a in rules.feed_rules]))
    canonical_link.cache_clear()  # start as cold as the full audit did
    started = time.process_time()
    audit_feed(feed, feed_only, as_of=datetime(2030, 1, 1, tzinfo=UTC),
               own_domains=frozenset({"brightpixel.agency"}))
    feed_cpu = time.process_time() - started
    return {
        "posts": n, "build_s": built, "audit_s": audited, "audit_cpu_s": audit_cpu,
        "feed_rules_cpu_s": feed_cpu, "rss_before_mb": base,
        "rss_after_build_mb": after_build, "peak_rss_mb": _maxrss_mb(),
        "findings": len(result.findings), "score": result.health.score,
    }


def main(sizes: list[int]) -> None:
    print(f"{'posts':>9} {'build s':>8} {'audit s':>8} {'cpu s':>6} {'feed rules cpu s':>16} "
          f"{'audit us/post':>13} "
          f"{'rss MB after build':>18} {'peak rss MB':>11} findings score")
    for n in sizes:
        child = subprocess.run([sys.executable, __file__, "--one", str(n)],
                               capture_output=True, text=True, check=True)
        r = json.loads(child.stdout.strip().splitlines()[-1])
        print(f"{r['posts']:>9} {r['build_s']:>8.2f} {r['audit_s']:>8.2f} {r['audit_cpu_s']:>6.2f} "
              f"{r['feed_rules_cpu_s']:>16.2f} "
              f"{r['audit_s'] / n * 1e6:>13.1f} {r['rss_after_build_mb']:>18.0f} "
              f"{r['peak_rss_mb']:>11.0f} {r['findings']:>8} {r['score']:>5}", flush=True)


def write_jsonl(path: str, n: int) -> None:
    """The same synthetic feed as canonical JSON Lines, to time `assistant audit` end to end."""
    with open(path, "w", encoding="utf-8") as out:
        out.writelines(json.dumps(record, default=str) + "\n" for record in post_dicts(n))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--one":
        print(json.dumps(run_one(int(sys.argv[2]))))
    elif len(sys.argv) == 4 and sys.argv[1] == "--jsonl":
        write_jsonl(sys.argv[2], int(sys.argv[3]))
    else:
        main([int(a) for a in sys.argv[1:]] or [10_000, 100_000, 1_000_000])
