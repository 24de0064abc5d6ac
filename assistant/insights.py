"""What works here: the account's own engagement by habit, so advice fits the account.

For each facet of a post (length, kind, pictures and alt text, links, time of day, day
of week) the posts are grouped and each group's typical likes are compared with the
account's typical post: "posts with a picture and alt text: 2.1x (n = 40)". The same
measure as `assistant.evidence` (median, or mean when most posts got nothing). It
describes what went with more engagement on this account, never why; groups under
`evidence.MIN_POSTS` posts are left out rather than guessed at.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC
from statistics import median

from pydantic import BaseModel, Field

from assistant.evidence import MIN_POSTS, measure
from assistant.models import Post


class Group(BaseModel):
    label: str
    n: int
    typical: float
    ratio: float


class Insight(BaseModel):
    """One facet: its groups, best first, against the account's typical post."""

    facet: str
    metric: str
    statistic: str
    groups: list[Group] = Field(default_factory=list)


def _length(post: Post) -> str:
    n = len(post.text)
    return "under 100 characters" if n < 100 else "100-199 characters" if n < 200 else "200 characters or more"


def _kind(post: Post) -> str:
    return {"reply": "replies", "quote": "quotes", "repost": "reposts"}.get(post.kind, "posts")


def _pictures(post: Post) -> str:
    pictures = [m for m in post.media if m.type in ("image", "gif")]
    if not pictures:
        return "no picture"
    if not all(m.alt_known for m in pictures):
        return "a picture (alt text not in the export)"
    return "a picture with alt text" if all(m.alt and m.alt.strip() for m in pictures) \
        else "a picture without alt text"


def _links(post: Post) -> str:
    return "with a link" if post.urls else "without a link"


def _hour(post: Post) -> str:
    hour = post.created_at.astimezone(UTC).hour
    return ("00-05 UTC" if hour < 6 else "06-11 UTC" if hour < 12
            else "12-17 UTC" if hour < 18 else "18-23 UTC")


def _day(post: Post) -> str:
    return "weekend (UTC)" if post.created_at.astimezone(UTC).weekday() >= 5 else "weekday (UTC)"


FACETS: dict[str, Callable[[Post], str]] = {
    "length": _length, "kind": _kind, "pictures": _pictures, "links": _links,
    "time of day": _hour, "day of week": _day,
}


def insights(posts: Sequence[Post]) -> list[Insight]:
    """Each facet with at least two groups big enough to compare; [] without counts."""
    measured = [(p, m) for p in posts if p.kind != "repost" and (m := measure(p)) is not None]
    if len(measured) < 2 * MIN_POSTS:
        return []
    metric = measured[0][1][0]
    values = [v for _, (name, v) in measured if name == metric]
    statistic = "median" if median(values) > 0 else "mean"
    centre: Callable[[Sequence[int]], float] = (
        median if statistic == "median" else (lambda xs: sum(xs) / len(xs)))
    overall = centre(values)
    if overall == 0:
        return []
    found = []
    for facet, label_of in FACETS.items():
        by_label: dict[str, list[int]] = {}
        for post, (name, value) in measured:
            if name == metric:
                by_label.setdefault(label_of(post), []).append(value)
        groups = [Group(label=label, n=len(v), typical=round(float(centre(v)), 2),
                        ratio=float(f"{centre(v) / overall:.2g}"))
                  for label, v in by_label.items() if len(v) >= MIN_POSTS]
        if len(groups) >= 2:
            groups.sort(key=lambda g: -g.ratio)
            found.append(Insight(facet=facet, metric=metric, statistic=statistic, groups=groups))
    return found


def lines(found: Sequence[Insight]) -> list[str]:
    """One line per facet for people: groups best first, with their sizes."""
    return [
        f"{i.facet} ({i.statistic} {i.metric} against the account's typical post): "
        + "; ".join(f"{g.label} {g.ratio:g}x (n = {g.n})" for g in i.groups)
        for i in found
    ]
