"""Precision and recall of every rule on the labelled real set and the held-out drafts.

Run from the repository root:

    PYTHONPATH=$PWD python bench/precision_recall.py [--misses]

Prints Markdown tables: per rule, the posts (and feeds) judged by hand under
tests/labelled/, how many the rules got right (tp), flagged wrongly (fp) and missed
(fn); then the held-out drafts' recall and false-positive rate on clean look-alikes,
and how many posts the rules flag that nobody has judged yet. `--misses` lists every
wrong verdict and every unjudged flag with its file and id.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.labelled import labelset  # noqa: E402


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def table(title: str, scores: dict[str, labelset.Score], *, drafts: bool = False) -> list[str]:
    """One Markdown table, rules in alphabetical order."""
    if drafts:
        head = ["| rule | positives | recall | clean look-alikes | false positives "
                "| tp | fn | fp |",
                "|---|---:|---:|---:|---:|---:|---:|---:|"]
    else:
        head = ["| rule | labels | precision | recall | tp | fp | fn |",
                "|---|---:|---:|---:|---:|---:|---:|"]
    lines = [f"### {title}", "", *head]
    for rule in sorted(scores):
        s = scores[rule]
        if drafts:
            lines.append(f"| `{rule}` | {s.tp + s.fn} | {_pct(s.recall)} | {s.fp + s.tn} | "
                         f"{_pct(s.false_positive_rate)} | {s.tp} | {s.fn} | {s.fp} |")
        else:
            lines.append(f"| `{rule}` | {s.tp + s.fp + s.fn + s.tn} | {_pct(s.precision)} | "
                         f"{_pct(s.recall)} | {s.tp} | {s.fp} | {s.fn} |")
    return [*lines, ""]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list every wrong verdict")
    args = parser.parse_args(argv)
    rules = labelset.rules()
    posts = labelset.score_posts(labelset.post_labels(), rules)
    feeds = labelset.score_feeds(labelset.feed_labels(), rules)
    sections = [
        ("Real posts (tests/labelled/posts.jsonl)", posts, False),
        ("Real feeds (tests/labelled/feeds.jsonl)", feeds, False),
        *((f"Hand-written drafts ({name}: {labelset.DRAFT_SETS[name]})",
           labelset.score_drafts(labelset.read_jsonl(name), rules), True)
          for name in labelset.DRAFT_SETS),
    ]
    out: list[str] = []
    for title, scores, drafts in sections:
        out += table(title, scores, drafts=drafts)
        if args.misses:
            out += [f"- {rule}: {miss}" for rule in sorted(scores) for miss in scores[rule].misses]
            out.append("")
    unjudged = labelset.unjudged_flags(labelset.post_labels(), rules)
    out.append(f"Posts the rules flag today that have no label yet: {len(unjudged)}"
               + (" (judge them in posts.jsonl)" if unjudged else ""))
    if args.misses:
        out += [f"- {flag}" for flag in unjudged]
    print("\n".join(out).rstrip())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
