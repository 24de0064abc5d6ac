"""Does the bench's feed cost what a real feed costs? One review of each post (every post
rule, `RuleSet.check_post`), on the real English posts the bench's chain learns from and on
as many of the bench's own posts, in µs a post: the two should be close, or the audit's
figures say nothing of a real feed.

Run: .venv/bin/python bench/bench_realism.py [--runs R]   (the best of R rounds, 3 by default)
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_audit import post_dicts, real_english_posts

from assistant.checks.ruleset import RuleSet
from assistant.models import Post

OWN = frozenset({"brightpixel.agency"})


def compared_posts(count: int | None = None) -> tuple[list[Post], list[Post]]:
    """The real English posts (the first `count`, or all) and as many of the bench's posts."""
    real = list(real_english_posts()[:count])
    return real, [Post.model_validate(d) for d in post_dicts(len(real), seed=7)]


def us_a_post(rules: RuleSet, posts: Sequence[Post], runs: int) -> float:
    """The best round's time of reviewing every post once, a post."""
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        for post in posts:
            rules.check_post(post, own_domains=OWN)
        best = min(best, time.perf_counter() - started)
    return best / len(posts) * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    rules = RuleSet.from_config()
    real, bench = compared_posts()
    us_a_post(rules, [*real, *bench], 1)  # every pattern compiled before the clock runs
    real_us, bench_us = us_a_post(rules, real, args.runs), us_a_post(rules, bench, args.runs)
    print(f"{'posts':<28}{'count':>7}{'µs a post':>11}")
    print(f"{'real English posts':<28}{len(real):>7}{real_us:>11.1f}")
    print(f"{'the bench feed':<28}{len(bench):>7}{bench_us:>11.1f}")
    print(f"the bench's posts cost {bench_us / real_us:.2f}x what the real ones do")


if __name__ == "__main__":
    main()
