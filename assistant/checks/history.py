"""An account's past posts, indexed for the post rules that compare a draft with them.

Three lookups: canonical link -> every post that carried it (earliest first), exact
normalised text -> posts, and near-duplicate text -> posts (bigram Jaccard; brute
force on small histories, MinHash LSH built lazily on large ones). It also keeps the
account's DMs, oldest first (`dms`), so sales-pitch can tell a first DM from a later one.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any

from assistant.checks.neardup import (
    BANDS,
    BRUTE_FORCE_MAX,
    MIN_WORDS,
    band_keys,
    jaccard,
    shingles,
    signatures,
    word_hashes,
)
from assistant.models import Post
from assistant.text import canonical_url, normalise

# What counts as "posting again": own broadcasts. Replies and DMs are conversation,
# and a repost shares somebody else's words.
BROADCAST_KINDS = frozenset({"post", "quote"})


@dataclass(frozen=True, slots=True)
class Seen:
    """One earlier post: its id and when it went out."""

    post_id: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class Match:
    """An earlier post whose text is the same as, or close to, the one looked up."""

    post_id: str
    created_at: datetime
    similarity: float
    text: str


def text_key(norm: str) -> bytes:
    """A compact, stable key for an exact normalised text."""
    return hashlib.blake2b(norm.encode(), digest_size=8).digest()


@lru_cache(maxsize=1 << 18)  # several rules ask for the same links; ~80 MB at most
def canonical_link(url: str) -> str:
    """`canonical_url`, remembered: feeds repeat the same few links many times."""
    return canonical_url(url)


def content_links(post: Post) -> list[str]:
    """Canonical links of a post that name a page (a bare home page names no content)."""
    return list(_content_links(tuple(post.urls))) if post.urls else []


@lru_cache(maxsize=1 << 18)  # several rules ask for the same links; ~80 MB at most
def _content_links(urls: tuple[str, ...]) -> tuple[str, ...]:
    links = (canonical_link(url) for url in urls)
    return tuple(link for link in links if "/" in link or "?" in link)


@dataclass
class History:
    """Index of past posts. Build it with `History.from_posts`."""

    links: dict[str, list[Seen]] = field(default_factory=dict)
    texts: dict[bytes, list[Seen]] = field(default_factory=dict)
    _docs: list[list[int]] = field(default_factory=list)
    _sets: list[frozenset[int]] = field(default_factory=list)
    _doc_text: list[str] = field(default_factory=list)
    _doc_key: list[bytes] = field(default_factory=list)
    _lsh: dict[tuple[int, int], list[int]] | None = None
    size: int = 0
    dms: list[Post] = field(default_factory=list)  # earlier DMs, for sales-pitch's "first DM"

    @classmethod
    def from_posts(cls, posts: Iterable[Post]) -> History:
        """Index the broadcasts (posts and quotes) among `posts` and keep the DMs; skip the rest."""
        links: dict[str, list[Seen]] = defaultdict(list)
        texts: dict[bytes, list[Seen]] = defaultdict(list)
        history = cls()
        for post in posts:
            if post.kind == "dm":
                history.dms.append(post)
            if post.kind not in BROADCAST_KINDS:
                continue
            history.size += 1
            seen = Seen(post.id, post.created_at)
            for link in dict.fromkeys(content_links(post)):
                links[link].append(seen)
            norm = normalise(post.text)
            if not norm:
                continue
            key = text_key(norm)
            if key not in texts:
                hashes = word_hashes(norm)
                if len(hashes) >= MIN_WORDS:
                    history._docs.append(hashes)
                    history._sets.append(shingles(hashes))
                    history._doc_text.append(post.text)
                    history._doc_key.append(key)
            texts[key].append(seen)
        for seen_list in (*links.values(), *texts.values()):
            seen_list.sort(key=lambda s: s.created_at)
        history.links, history.texts = dict(links), dict(texts)
        history.dms.sort(key=lambda p: p.created_at)
        return history

    def __len__(self) -> int:
        return self.size

    def first_link(self, url: str) -> Seen | None:
        """The earliest post that carried this link (any spelling of it), or None."""
        seen = self.links.get(canonical_link(url))
        return seen[0] if seen else None

    def link_posts(self, url: str) -> list[Seen]:
        """Every post that carried this link, earliest first."""
        return list(self.links.get(canonical_link(url), ()))

    def same_text(self, text: str) -> list[Seen]:
        """Posts whose normalised text equals this one's, earliest first."""
        norm = normalise(text)
        return list(self.texts.get(text_key(norm), ())) if norm else []

    def similar(self, text: str, threshold: float = 0.6) -> list[Match]:
        """Posts with the same or nearly the same text (Jaccard >= threshold), earliest first."""
        norm = normalise(text)
        if not norm:
            return []
        key = text_key(norm)
        matches = [Match(s.post_id, s.created_at, 1.0, text) for s in self.texts.get(key, ())]
        hashes = word_hashes(norm)
        if len(hashes) >= MIN_WORDS and self._docs:
            query = shingles(hashes)
            for doc in self._candidates(hashes):
                if self._doc_key[doc] == key:
                    continue
                similarity = jaccard(query, self._sets[doc])
                if similarity >= threshold:
                    matches.extend(
                        Match(s.post_id, s.created_at, similarity, self._doc_text[doc])
                        for s in self.texts[self._doc_key[doc]]
                    )
        return sorted(matches, key=lambda m: m.created_at)

    def _candidates(self, hashes: list[int]) -> Iterable[int]:
        if len(self._docs) <= BRUTE_FORCE_MAX * 10:
            return range(len(self._docs))
        if self._lsh is None:
            self._lsh = _build_lsh(self._docs)
        keys = band_keys(signatures([hashes]))[0].tolist()
        found: set[int] = set()
        for band, value in enumerate(keys):
            found.update(self._lsh.get((band, value), ()))
        return sorted(found)


def _build_lsh(docs: list[list[int]]) -> dict[tuple[int, int], list[int]]:
    buckets: dict[tuple[int, int], list[int]] = defaultdict(list)
    keys: Any = band_keys(signatures(docs)).tolist()
    for doc, row in enumerate(keys):
        for band in range(BANDS):
            buckets[(band, row[band])].append(doc)
    return dict(buckets)
