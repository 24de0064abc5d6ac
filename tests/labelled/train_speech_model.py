"""Train the speech-act second opinion (assistant/checks/speech_model.json) from labelled text.

Per rule (`share-begging`, `sales-pitch`, `mention-push`): a logistic regression over
`assistant.checks.speech_model.features`, on
- every hand-written case of that rule in its example table (tests/checks/examples.py), the
  tune batches (tests/checks/speech_tune.py) and the draft sets named in `TRAIN_SETS` (a set left out is held out: the model never
  saw it), and
- the posts of the real exports in tests/realdata as background: each is a negative unless
  a person judged it an instance of the rule (tests/labelled/posts.jsonl, and the flags
  judged in tests/checks/test_speech_acts.py). Drafts alone teach the model what an act
  looks like next to its look-alikes, not what ordinary posts look like: trained on drafts
  only, it tagged half of a real archive's posts as pushes. The background weighs as much
  as the hand-written negatives together.

Plain Python with a fixed seed, so the same data gives the same file, on any machine, with no
extra install. The threshold comes from five folds of the training data, never from a held-out set: `fire`
is where the model flags at most 2% of the hand-written look-alikes it did not train on.

Run: python -m tests.labelled.train_speech_model [--check | --by-file]
  --check    compare with the shipped model; write nothing
  --by-file  for each real export, train without its posts and count what the rules with that
             model flag there beyond what the rules alone flag (an out-of-sample look at the
             background's effect; writes nothing)
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from assistant.checks import speech_model
from assistant.checks.ruleset import RuleSet
from assistant.checks.signals import strip_quoted
from assistant.checks.speech_model import MODEL_FILE, RuleModel, features, pack
from assistant.models import Post
from assistant.sources import load_posts
from tests.checks.examples import EXAMPLES, as_post
from tests.checks.speech_tune import BATCHES

RULES = ("share-begging", "sales-pitch", "mention-push")
HERE = Path(__file__).parent
REALDATA = HERE.parent / "realdata"
OUT = Path(__file__).resolve().parents[2] / "assistant" / "checks" / MODEL_FILE
TRAIN_SETS = (
    "drafts_heldout.jsonl", "drafts_fresh2.jsonl", "drafts_fresh3.jsonl", "drafts_fresh4.jsonl",
    "drafts_fresh5.jsonl", "drafts_fresh6.jsonl", "drafts_fresh7.jsonl",
)
SEED = 20261130
EPOCHS = 25
L2 = 1e-4
MIN_COUNT = 3  # an n-gram seen in fewer cases is those cases', not the act's
PRUNE = 0.1  # weights smaller than this are dropped: half the file, the same verdicts on held-out drafts
FOLDS = 5
FALSE_ALARMS = 0.02  # hand-written look-alikes the model may flag (out of fold)

# (features, the act is there, weight)
Example = tuple[frozenset[str], bool, float]


def hand_written(rule: str) -> list[Example]:
    """Every hand-written case of `rule`."""
    found: list[Example] = []
    for side, label in (("fire", True), ("quiet", False)):
        for case in EXAMPLES[rule][side]:
            post = as_post(case)[1]
            found.append((features(strip_quoted(post.text), post.kind), label, 1.0))
    for batch in BATCHES:
        for side, label in (("fire", True), ("quiet", False)):
            for item in batch.get(rule, {}).get(side, []):
                text, kind = (item, "post") if isinstance(item, str) else (item.text, item.kind)
                found.append((features(strip_quoted(text), kind), label, 1.0))
    for name in TRAIN_SETS:
        for line in (HERE / name).read_text(encoding="utf-8").splitlines():
            draft = json.loads(line)
            if draft["rule"] == rule:
                found.append((features(strip_quoted(draft["text"]), draft["kind"]), bool(draft["expect"]), 1.0))
    return found


def real_files() -> list[str]:
    return sorted(str(p.relative_to(REALDATA)) for p in REALDATA.glob("*/*") if p.suffix in (".js", ".json", ".csv", ".xml"))


def real_posts(name: str) -> list[Post]:
    return [p for p in load_posts([REALDATA / name]) if p.kind != "repost" and p.text.strip()]


def judged_true() -> set[tuple[str, str, str]]:
    """(file, post id, rule) a person judged an instance of the rule."""
    from tests.checks.test_speech_acts import FLAGGED

    labels = [json.loads(line) for line in (HERE / "posts.jsonl").read_text(encoding="utf-8").splitlines()]
    return {*FLAGGED, *((lb["file"], lb["id"], lb["rule"]) for lb in labels if lb["fire"])}


def background(rule: str, skip: str | None = None) -> list[Example]:
    """The real exports' posts as judged for `rule` (one example per distinct text)."""
    true = judged_true()
    seen: dict[tuple[frozenset[str], bool], None] = {}
    for name in real_files():
        if name == skip:
            continue
        for post in real_posts(name):
            seen[(features(strip_quoted(post.text), post.kind), (name, post.id, rule) in true)] = None
    return [(feats, label, 1.0) for feats, label in seen]


def weighted(cases: list[Example], extra: list[Example]) -> list[Example]:
    """`cases` with `extra` added, its negatives weighing as much as those of `cases` together."""
    negatives = sum(1 for _, label, _ in cases if not label)
    extra_negatives = sum(1 for _, label, _ in extra if not label) or 1
    scale = negatives / extra_negatives
    return cases + [(f, label, 1.0 if label else scale) for f, label, _ in extra]


def train(data: list[Example]) -> tuple[float, dict[str, float]]:
    """Logistic regression by AdaGrad, the classes' total weights balanced, L2-regularised."""
    counts = Counter(f for feats, _, _ in data for f in feats)
    mass = {True: sum(w for _, label, w in data if label), False: sum(w for _, label, w in data if not label)}
    total = mass[True] + mass[False]
    balance = {label: total / (2 * mass[label]) for label in (True, False)}
    w: dict[str, float] = {}
    g2: dict[str, float] = {}
    bias, bias_g2 = 0.0, 1e-8
    order = list(range(len(data)))
    rng = random.Random(SEED)
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for i in order:
            feats, label, weight = data[i]
            kept = sorted(f for f in feats if counts[f] >= MIN_COUNT)  # one order: the same sums anywhere
            score = bias + sum(w.get(f, 0.0) for f in kept)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))
            grad = (p - label) * balance[label] * weight
            bias_g2 += grad * grad
            bias -= 0.5 * grad / math.sqrt(bias_g2)
            for f in kept:
                g = grad + L2 * w.get(f, 0.0)
                g2[f] = g2.get(f, 1e-8) + g * g
                w[f] = w.get(f, 0.0) - 0.5 * g / math.sqrt(g2[f])
    return bias, {f: round(v, 4) for f, v in w.items() if abs(v) >= PRUNE}


def threshold(cases: list[Example], extra: list[Example]) -> float:
    """`fire`, from out-of-fold probabilities of the hand-written look-alikes in `cases`."""
    order = list(range(len(cases)))
    random.Random(SEED).shuffle(order)
    clean: list[float] = []
    for fold in range(FOLDS):
        held = set(order[fold::FOLDS])
        bias, w = train(weighted([cases[i] for i in order if i not in held], extra))
        fold_model = RuleModel(bias, w, fire=1.0)
        clean += [fold_model.probability(cases[i][0]) for i in held if not cases[i][1]]
    clean.sort()
    return round(max(clean[min(len(clean) - 1, math.ceil(len(clean) * (1 - FALSE_ALARMS)))], 0.5), 4)


def build() -> dict:
    model: dict = {
        "about": "Second opinion for the speech-act rules; see assistant/checks/speech_model.py. "
                 "Made by tests/labelled/train_speech_model.py.",
        "trained_on": ["tests/checks/examples.py", "tests/checks/speech_tune.py",
                       *(f"tests/labelled/{n}" for n in TRAIN_SETS),
                       "tests/realdata (background, as judged)"],
        "threshold": f"fire: at most {FALSE_ALARMS:.0%} of hand-written look-alikes flagged, out of {FOLDS} folds",
        "rules": {},
    }
    for rule in RULES:
        cases, extra = hand_written(rule), background(rule)
        fire = threshold(cases, extra)
        bias, weights = train(weighted(cases, extra))
        model["rules"][rule] = {
            "cases": len(cases), "background": len(extra), "fire": fire, "bias": round(bias, 4),
            **pack(dict(sorted(weights.items()))),
        }
        print(f"{rule}: {len(cases)} cases, {len(extra)} real posts, {len(weights)} weights, fire {fire}",
              file=sys.stderr)
    return model


@contextmanager
def _using(models: dict[str, RuleModel] | None) -> Iterator[None]:
    """Run the rules with `models` as their second opinion (None: the rules alone)."""
    speech_model.use(models)
    try:
        yield
    finally:
        speech_model.use(None)


def _flags(rules: RuleSet, posts: list[Post], models: dict[str, RuleModel]) -> set[tuple[str, str]]:
    """(post id, rule) of every speech-act flag on `posts` with `models` as the second opinion."""
    with _using(models):
        return {(p.id, f.rule) for p in posts for f in rules.check_post(p) if f.rule in RULES}


def by_file() -> None:
    """Per real export: flags that a model trained without its posts adds or removes there."""
    rules = RuleSet.from_config()
    shipped = speech_model.shipped()
    cases = {rule: hand_written(rule) for rule in RULES}
    for name in real_files():
        models = {}
        for rule in RULES:
            bias, weights = train(weighted(cases[rule], background(rule, skip=name)))
            models[rule] = RuleModel(bias, weights, shipped[rule].fire)
        posts = real_posts(name)
        alone, held_out = _flags(rules, posts, {}), _flags(rules, posts, models)
        print(f"{name}: {len(posts)} posts; the rules alone flag {len(alone)}; a model that never saw "
              f"this file adds {len(held_out - alone)} and removes {len(alone - held_out)}")
        for post_id, rule in sorted(held_out ^ alone):
            text = next(p.text for p in posts if p.id == post_id)
            print(f"  {'+' if (post_id, rule) in held_out else '-'} {rule} {post_id}: {' '.join(text.split())[:110]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--check", action="store_true", help="compare with the shipped model; write nothing")
    group.add_argument("--by-file", action="store_true", help="leave each real export out in turn; write nothing")
    args = parser.parse_args()
    if args.by_file:
        by_file()
        return 0
    text = json.dumps(build(), ensure_ascii=False, separators=(",", ":")) + "\n"
    if args.check:
        same = OUT.read_text(encoding="utf-8") == text
        print("the shipped model is what the data gives" if same else "the shipped model differs: retrain")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
