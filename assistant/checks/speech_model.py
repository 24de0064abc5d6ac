"""A second opinion for the speech-act rules: a small linear model over the post's words.

`share-begging`, `sales-pitch` and `mention-push` read a speech act, and people word acts in
more ways than any pattern list holds: "a repost might land it in front of the right
person", "your upvote would mean the world". Each rule keeps its patterns (they say exactly
which words made the call); where they find nothing, the rule may ask this model, which flags
the post when it is confident the act is there (probability at or over the rule's `fire`
threshold), with the words that weighed most as the evidence.

The rule asks only where the post has what the act needs (a word of distribution for a share
request, people tagged for a push, a DM or money for a pitch). The model never overrules a
pattern's hit: measured on the real exports with each export left out of training in turn,
a veto dropped two of four real pitches (long posts unlike any draft), so there is none.

The model is data, not code: `speech_model.json` beside this module holds, per rule, a bias,
the weight of each word n-gram and the threshold. It is a logistic regression trained offline
by `tests/labelled/train_speech_model.py` on the hand-written tune batches and labelled drafts,
with the real exports as background, and the threshold chosen on held-out folds (the file
records how). Loading it is one JSON read, on first use; scoring a post is a few dozen dict
lookups.
"""

from __future__ import annotations

import base64
import json
import math
import re
import sys
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

MODEL_FILE = "speech_model.json"
_URL = re.compile(r"https?://\S+|\bwww\.\S+|\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/\S*|\b[\w-]+\.(?:com|org|net|io|co|uk)\b")
_HANDLE = re.compile(r"@[\w.]+(?:@[\w.-]+)?")
_DIGITS = re.compile(r"\d+")
# What links, handles and numbers become: tokens no word is.
LINK, HANDLE, NUMBER = "zzlink", "zzhandle", "0"
_WORD = re.compile(r"[a-z][a-z']*")
# Words (with inner apostrophes), and the marks that carry an act: ?, !, and emoji.
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[?!]|[\U0001F300-\U0001FAFF\u2600-\u27BF]")


@lru_cache(maxsize=8)  # the three rules read the same post one after another
def features(text: str, kind: str) -> frozenset[str]:
    """The features of a post: its kind, and its word 1-, 2- and 3-grams, with links, handles
    and numbers each reduced to one token (what is said, not to whom or where)."""
    text = text.replace("\u2019", "'").lower()
    # Each pattern needs a character most posts lack: testing for it is ~20x cheaper.
    if "." in text or "://" in text:
        text = _links_as_tokens(text)
    if "@" in text:
        text = _HANDLE.sub(f" {HANDLE} ", text)
    tokens = _TOKEN.findall(_DIGITS.sub(NUMBER, text))
    found = {f"kind={kind}", *tokens}
    # joined in C (map over zip): about half the cost of a generator of f-strings
    after = tokens[1:]
    found.update(map(" ".join, zip(tokens, after, strict=False)))
    found.update(map(" ".join, zip(tokens, after, tokens[2:], strict=False)))
    return frozenset(found)


def _links_as_tokens(text: str) -> str:
    """`_URL.sub(f" {LINK} ", text)` run only on the words that may hold a link. No link spans
    white space, and on a whole post the pattern costs ~15 µs (its later branches backtrack
    at every word); the white space between words never makes a feature."""
    return " ".join([_URL.sub(f" {LINK} ", word) if "." in word or "://" in word else word
                     for word in text.split()])


@dataclass(frozen=True, slots=True)
class RuleModel:
    """One rule's weights and the probability at which it flags a post."""

    bias: float
    weights: dict[str, float]
    fire: float

    def score(self, found: frozenset[str]) -> float:
        """The log-odds of the act given the features `found`."""
        # the n-grams with a weight, found by a set intersection in C (most have none)
        weights = self.weights
        return self.bias + sum([weights[f] for f in weights.keys() & found])

    def probability(self, found: frozenset[str]) -> float:
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, self.score(found)))))

    def strongest(self, found: frozenset[str]) -> str:
        """The n-gram present that weighs most towards the act, of those with at least two
        words said (not a link, a handle, a number or a mark): the evidence shown; "" when
        no such n-gram weighs towards it."""
        present = [(weight, f) for f in found
                   if (weight := self.weights.get(f, 0.0)) > 0 and sum(map(_said, f.split())) >= 2]
        return max(present)[1] if present else ""


def _said(token: str) -> bool:
    return token not in (LINK, HANDLE) and _WORD.fullmatch(token) is not None


def pack(weights: dict[str, float]) -> dict[str, str]:
    """Weights as two compact fields (n-grams joined by newlines, little-endian float32s in
    base64): loading them is a split and an array read, several times faster than a JSON
    object of as many keys, on every start of a review."""
    values = array("f", weights.values())
    if sys.byteorder == "big":
        values.byteswap()
    return {"terms": "\n".join(weights), "weights": base64.b64encode(values.tobytes()).decode("ascii")}


def unpack(packed: dict[str, str]) -> dict[str, float]:
    """The weights `pack` stored."""
    values = array("f", base64.b64decode(packed["weights"]))
    if sys.byteorder == "big":
        values.byteswap()
    terms = packed["terms"].split("\n") if packed["terms"] else []
    return dict(zip(terms, values, strict=True))


@cache
def _file() -> dict:
    # Beside this module, read as a file: importlib.resources would add ~3 ms to every start.
    return json.loads(Path(__file__).with_name(MODEL_FILE).read_text(encoding="utf-8"))


@cache
def _shipped(rule: str) -> RuleModel | None:
    """One rule's shipped model, unpacked when that rule first asks (a review often asks one)."""
    m = _file()["rules"].get(rule)
    return None if m is None else RuleModel(bias=m["bias"], weights=unpack(m), fire=m["fire"])


def shipped() -> dict[str, RuleModel]:
    """The models that ship with the package (speech_model.json)."""
    return {rule: model for rule in _file()["rules"] if (model := _shipped(rule)) is not None}


_chosen: dict[str, RuleModel] | None = None


def use(models: dict[str, RuleModel] | None) -> None:
    """Give the rules other models (an empty dict: the rules alone), or the shipped ones
    again (None). For measuring a model the package does not ship."""
    global _chosen
    _chosen = models


def model_evidence(rule: str, text: str, kind: str, spans: Sequence[str] = ()) -> str | None:
    """The words that make the model confident `text` (a post of `kind`) is an instance of
    `rule`, or None when it is not confident (or has no model for the rule).

    Given `spans`, the parts of `text` where the rule's act can be said (for a share
    request, the clauses that name distribution), the one the model weighs most: the n-gram
    that weighs most may be words beside the act ("looking for" in "I'm looking for a flat.
    Hugs for RTs"). Without them, that n-gram (the text's opening words when no phrase of
    two words weighs towards it)."""
    model = _shipped(rule) if _chosen is None else _chosen.get(rule)
    if model is None:
        return None
    found = features(text, kind)
    if model.probability(found) < model.fire:
        return None
    if spans:
        return max(spans, key=lambda span: model.score(features(span, kind)))
    strongest = model.strongest(found)
    if not strongest:
        return " ".join(text.split()[:8]) + " …"
    return _as_written(strongest, text)


# What each stand-in token was in the post, to find an n-gram's words where they were written.
_WRITTEN = {LINK: f"(?:{_URL.pattern})", HANDLE: _HANDLE.pattern}


def _written(token: str) -> str:
    """A pattern for what `token` was in the post: a link, a handle, a word whole (its
    digit runs read as "0"), or a mark."""
    if token in _WRITTEN:
        return _WRITTEN[token]
    pattern = "".join(r"\d+" if ch == NUMBER else re.escape(ch) for ch in token)
    return rf"\b{pattern}\b" if token[0].isalnum() and token[-1].isalnum() else pattern


def _as_written(gram: str, text: str) -> str:
    """The words of `text` the n-gram `gram` was read from, as the post wrote them ("@tom_b
    we wrote", not the model's "zzhandle we wrote"); the n-gram itself if they cannot be
    found."""
    pattern = r"\W*".join(map(_written, gram.split()))
    # a curly apostrophe read as a straight one, as `features` reads it (same length)
    found = re.search(pattern, text.replace("\u2019", "'"), re.IGNORECASE)
    if found:
        return text[found.start():found.end()]
    return " ".join({LINK: "<link>", HANDLE: "@…"}.get(token, token) for token in gram.split())
