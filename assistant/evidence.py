"""The account's own numbers behind a finding: how the posts that break a rule did.

For one rule, the posts that break it are compared with the account's comparable posts
that do not (same platform and kinds, the same period): the ratio of their median likes,
the counts on both sides, a 95% bootstrap interval for the ratio and a rank test (the
mean stands in for the median when most of the account's posts got nothing). Below
`MIN_POSTS` on either side, or when the source has no counts, it says so instead.

It describes, it never explains: "got 0.4x the median likes of the account's other posts",
never "lost likes because of". Pure and deterministic (the bootstrap's seed comes from the
data), so the same feed always gives the same sentence.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from datetime import timedelta
from statistics import median

from assistant.models import Engagement, MediaRecord, Post, PostRecord

MIN_POSTS = 5
RESAMPLES = 2000
BOOTSTRAP_CAP = 2000  # posts a side resampled for the interval (all of them for the medians)
SAME_PERIOD = timedelta(days=30)  # "comparable" posts: within a month of the first and last hit


def measure(post: Post) -> tuple[str, int] | None:
    """What to compare and its value: likes when the source counts them, else reposts.

    None for a repost: its counts are not its own (the original's on Bluesky and in API
    dumps, zero in X archives and on Mastodon's boost), so a habit of reposting the
    account's own posts is judged by the posts the account wrote, as insights are."""
    metrics = post.metrics
    if metrics is None or post.kind == "repost":
        return None
    if metrics.likes is not None:
        return "likes", metrics.likes
    if metrics.shares is not None:
        return "reposts", metrics.shares
    return None


def _has_picture(post: Post) -> bool:
    return any(m.type in ("image", "gif") for m in post.media)


_A_PICTURE = [MediaRecord("image")]  # one list for every such post: nothing writes to it


def counted(post: Post) -> Post:
    """`post` as a comparison reads it (`compare_posts`, `COMPARABLE`, `AGAINST`): its id,
    kind, platform, author, time, counts and whether it carries a picture, not its words.
    What an audit read a block at a time keeps of a post with counts once its block is gone."""
    media = _A_PICTURE if _has_picture(post) else None
    return PostRecord(post.id, post.created_at, "", post.platform, post.kind, post.author,  # type: ignore[return-value]
                      None, None, None, None, media, None, post.metrics)


# Where the posts that break a rule differ from the rest by more than the habit itself,
# "comparable" is narrower: pictures without alt text against pictures with it, not
# against text-only posts.
COMPARABLE: dict[str, Callable[[Post], bool]] = {"missing-alt-text": _has_picture}
# Rules whose posts are set against another kind of post: the broadcasts of a feed that
# rarely talks against its replies (what answering people gets it, in its own numbers).
AGAINST: dict[str, tuple[Callable[[Post], bool], str]] = {
    "broadcast-only": (lambda p: p.kind in ("reply", "dm"), "the account's replies"),
}
WHAT_OTHERS: dict[str, str] = {"missing-alt-text": "the account's pictures with alt text"}


def compare_posts(hits: Sequence[Post], feed: Iterable[Post], rule: str = "") -> Engagement | None:
    """How `hits` did against the account's comparable posts in `feed`; None without counts."""
    hit_ids = {p.id for p in hits}
    kinds = {p.kind for p in hits}
    platforms = {p.platform for p in hits}
    if not hits:
        return None
    start = min(p.created_at for p in hits) - SAME_PERIOD
    end = max(p.created_at for p in hits) + SAME_PERIOD
    alike = COMPARABLE.get(rule, lambda post: True)
    if rule in AGAINST:
        chosen, against = AGAINST[rule]
        others = [p for p in feed if p.id not in hit_ids and chosen(p) and p.platform in platforms]
    else:
        against = WHAT_OTHERS.get(rule, "the account's other posts")
        others = [p for p in feed if p.id not in hit_ids and p.kind in kinds
                  and p.platform in platforms and start <= p.created_at <= end and alike(p)]
    found = compare(hits, others)
    if found is not None:
        found.against = against
    return found


def compare(hits: Sequence[Post], others: Sequence[Post]) -> Engagement | None:
    """The engagement of `hits` against `others`, with sample sizes and an honest confidence."""
    measured_hits = [m for m in map(measure, hits) if m is not None]
    measured_others = [m for m in map(measure, others) if m is not None]
    if not measured_hits and not measured_others:
        return None
    metric = (measured_hits or measured_others)[0][0]
    a = [v for name, v in measured_hits if name == metric]
    b = [v for name, v in measured_others if name == metric]
    result = Engagement(metric=metric, n_hit=len(a), n_other=len(b))
    if len(a) < MIN_POSTS or len(b) < MIN_POSTS:
        result.note = (f"too few posts to tell (n = {len(a)} vs {len(b)}; "
                       f"at least {MIN_POSTS} a side are needed)")
        return result
    result.median_hit, result.median_other = float(median(a)), float(median(b))
    result.p_value = round(mann_whitney_p(a, b), 4)
    # Small accounts get no likes on most posts: a median of 0 says nothing, the mean does.
    result.statistic = "median" if result.median_hit > 0 and result.median_other > 0 else "mean"
    centre = median if result.statistic == "median" else _mean
    if centre(b) == 0:
        result.note = f"neither these posts nor the account's others got any {metric}"
        return result
    result.ratio = _figure(centre(a) / centre(b))
    interval = bootstrap_ratio(a, b, statistic=result.statistic)
    if interval is not None:
        result.low, result.high = interval
    return result


def _figure(value: float) -> float:
    """Two significant figures: 0.43, 1.2, 0.0061 (a ratio is never more precise than that)."""
    return float(f"{value:.2g}")


def _mean(values: Sequence[int]) -> float:
    return sum(values) / len(values)


def bootstrap_ratio(a: Sequence[int], b: Sequence[int], resamples: int = RESAMPLES, *,
                    statistic: str = "median") -> tuple[float, float] | None:
    """A 95% percentile interval for centre(a) / centre(b); None when it is not defined.

    Resamples whose centre(b) is 0 have no ratio; if more than 5% of them do, the interval
    would be chosen by the zeros, so there is none.
    """
    import numpy as np

    centre = np.median if statistic == "median" else np.mean
    rng = np.random.default_rng(hash_of(a, b))
    x, y = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    # The interval of a big feed from a fixed-size sample of it: memory stays bounded.
    x = rng.choice(x, BOOTSTRAP_CAP, replace=False) if x.size > BOOTSTRAP_CAP else x
    y = rng.choice(y, BOOTSTRAP_CAP, replace=False) if y.size > BOOTSTRAP_CAP else y
    mx = centre(rng.choice(x, size=(resamples, x.size), replace=True), axis=1)
    my = centre(rng.choice(y, size=(resamples, y.size), replace=True), axis=1)
    defined = my > 0
    if defined.mean() < 0.95:
        return None
    ratios = mx[defined] / my[defined]
    low, high = np.percentile(ratios, [2.5, 97.5])
    return _figure(float(low)), _figure(float(high))


def hash_of(a: Sequence[int], b: Sequence[int]) -> int:
    """A stable seed from the data (Python's hash() of ints is stable, of tuples too)."""
    return abs(hash((tuple(a), tuple(b)))) % (2**32)


def mann_whitney_p(a: Sequence[float], b: Sequence[float]) -> float:
    """Two-sided p-value of the Mann-Whitney U test (normal approximation, ties corrected)."""
    import numpy as np

    n1, n2 = len(a), len(b)
    values = np.concatenate([np.asarray(a, dtype=float), np.asarray(b, dtype=float)])
    _, inverse, counts = np.unique(values, return_inverse=True, return_counts=True)
    mean_rank = np.cumsum(counts) - (counts - 1) / 2  # tied values share their mean rank
    u = float(mean_rank[inverse][:n1].sum()) - n1 * (n1 + 1) / 2
    n = n1 + n2
    tie_term = float((counts.astype(float) ** 3 - counts).sum())
    variance = n1 * n2 / 12 * ((n + 1) - tie_term / (n * (n - 1)))
    if variance <= 0:
        return 1.0
    z = (abs(u - n1 * n2 / 2) - 0.5) / math.sqrt(variance)
    return max(0.0, min(1.0, math.erfc(max(z, 0.0) / math.sqrt(2))))


def sentence(engagement: Engagement, what: str = "These posts") -> str:
    """One plain sentence for people: the numbers, the sample sizes, never a cause."""
    e = engagement
    if e.note:
        return f"{what}: {e.note}."
    assert e.ratio is not None
    said = (f"{what} got {e.ratio:g}x the {e.statistic} {e.metric} of {e.against} "
            f"(n = {e.n_hit} vs {e.n_other}")
    if e.low is not None and e.high is not None:
        said += f"; 95% interval {e.low:g}-{e.high:g}x"
    said += ")"
    interval_says = e.low is not None and e.high is not None and (e.high < 1 or e.low > 1)
    if e.clear:
        said += "; a clear difference"
    elif interval_says and e.p_value is not None:
        # The two measures disagree (common when most posts got nothing): say both.
        said += f"; the interval leaves out 1x but a rank test does not confirm it (p = {e.p_value:.2g})"
    elif e.p_value is not None:
        said += "; not a clear difference at this sample size"
    return said + "."
