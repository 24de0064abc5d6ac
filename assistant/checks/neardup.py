"""Near-duplicate texts: exact buckets first, then MinHash LSH, sub-quadratic.

Texts are compared as sets of word bigrams of the form the caller gives (for repeats,
`history.repeat_form`: case folded, links as page tokens, @mentions kept), so a post
that changes one word still matches. Equal forms are grouped with a dict in O(n)
before any hashing; a caller's `apart` test can keep two similar texts apart.

Why not datasketch: measured on this machine, `MinHash.update_batch` costs ~350 us a
post and `MinHash.bulk` ~85 us (64 permutations), i.e. 9-35 s for 100k posts, and its
import alone takes ~1 s (scipy). The same MinHash (64 hash functions a*x+b mod 2**32,
16 bands of 4 rows) vectorised with numpy costs a few microseconds a post. numpy is
imported only when there are more than `BRUTE_FORCE_MAX` distinct texts; below that,
exact Jaccard over all pairs is cheaper than the import. Bucket members are compared
with the bucket's first member only, so even one giant bucket stays linear.
"""

from __future__ import annotations

import os
import sys
import zlib
from abc import abstractmethod
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import chain, pairwise
from typing import TYPE_CHECKING, overload

from assistant.checks.digest import blake2b
from assistant.text import Translator

if TYPE_CHECKING:
    import numpy as np

# Punctuation becomes a space; a translation + split is ~2x faster than re.findall(r"\w+").
_PUNCT = Translator(
    dict.fromkeys("!\"#$%&'()*+,-./:;<=>?[\\]^_`{|}~\u201c\u201d\u2018\u2019\u2026\u00ab\u00bb", " ")
)
_PAIR = 0x9E3779B97F4A7C15  # mixes the first word of a bigram before adding the second
NUM_PERM = 64
BANDS = 16
BRUTE_FORCE_MAX = 300
SURE = 0.15  # signature agreement this far from the threshold needs no exact check
MIN_WORDS = 4  # shorter texts ("Thanks!", "Great news") only ever match exactly


class _WordHashes(dict[str, int]):
    """crc32 of each word, remembered: a dict hit is ~5x cheaper than encode + crc32."""

    def __missing__(self, word: str) -> int:
        # Bound the memory: a link is a word too, so a big feed has ~2 new words per link
        # it posts (~150 bytes each); 2**18 words is a language's vocabulary, ~40 MB.
        if len(self) > 1 << 18:
            self.clear()
        value = self[word] = zlib.crc32(word.encode())
        return value


_HASHES = _WordHashes()


def word_hashes(norm: str) -> list[int]:
    """32-bit hashes of the words of a normalised text (crc32: stable across runs)."""
    return list(map(_HASHES.__getitem__, _PUNCT(norm).split()))


# Texts translated at once by `_batch_hashes`: enough to amortise the call, few enough
# that the joined copies stay small (a million posts at once held ~400 MB of them).
_BATCH = 4096
# Stands between two texts of a batch: neither punctuation nor white space, so it stays
# a word of its own that marks where one text's words end.
_GAP = "\0"


def _batch_hashes(norms: Sequence[str]) -> Iterator[array[int]]:
    """`word_hashes` of each of many texts, as arrays. One translate, split and hash over
    the whole batch, cut at the gaps, is ~20% cheaper than a split and a hash per text
    (measured on 73k posts: 0.26 s against 0.33 s)."""
    joined = f" {_GAP} ".join(norms)
    if joined.count(_GAP) != len(norms) - 1:  # a text holds the gap character itself
        for norm in norms:
            yield array("I", word_hashes(norm))
        return
    words = _PUNCT(joined).split()
    words.append(_GAP)
    hashes = array("I", map(_HASHES.__getitem__, words))
    start = 0
    for _ in norms:
        end = words.index(_GAP, start)
        yield hashes[start:end]
        start = end + 1


def shingles(hashes: Sequence[int]) -> frozenset[int]:
    """The set of word bigrams (as 64-bit ints) a text is compared by."""
    if len(hashes) < 2:
        return frozenset(hashes)
    return frozenset(((a * _PAIR) + b) & 0xFFFFFFFFFFFFFFFF for a, b in pairwise(hashes))


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    """Exact Jaccard similarity of two shingle sets."""
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def _perms() -> tuple[np.ndarray, np.ndarray]:
    import numpy as np

    rng = np.random.default_rng(20261126)  # fixed: results must not change between runs
    a = rng.integers(1, 2**63, size=NUM_PERM, dtype=np.uint64) | np.uint64(1)
    b = rng.integers(0, 2**63, size=NUM_PERM, dtype=np.uint64)
    return a, b


def signatures(docs: Sequence[Sequence[int]], dtype: type[np.unsignedinteger] | None = None) -> np.ndarray:
    """MinHash signatures (n, NUM_PERM) uint32 of word-hash lists, vectorised in chunks.

    Each doc must have at least two words. Hash functions are a*x + b mod 2**32 (odd a)
    over bigrams folded to 32 bits: 32-bit arithmetic and a (perm, shingle) layout make
    the min-reduction run over contiguous memory (measured 5x faster than 64-bit rows).
    `dtype` np.uint16 keeps the low 16 bits of each minimum, half the memory, for tests of
    agreement only: two different minima then agree about once in 65,536, which can only
    raise an agreement (a pair lifted over the threshold still meets the exact check; one
    lifted over `threshold + SURE` skips it: measured, a pair in 100,000 near the line).
    """
    import numpy as np

    out = np.empty((len(docs), NUM_PERM), dtype=dtype or np.uint32)
    for start, sigs in _signature_chunks(docs):
        out[start : start + len(sigs)] = sigs
    return out


def all_band_keys(docs: Sequence[Sequence[int]], bands: range = range(BANDS)) -> np.ndarray:
    """`band_keys(signatures(docs))[:, bands]`, from the hash functions of those bands only
    and without the signatures of all docs at once (a key of 8 bytes a band, against 64
    hashes of 4 a doc: ~190 MB less at a million posts)."""
    import numpy as np

    rows = NUM_PERM // BANDS
    out = np.empty((len(docs), len(bands)), dtype=np.uint64)
    for start, sigs in _signature_chunks(docs, slice(bands.start * rows, bands.stop * rows)):
        out[start : start + len(sigs)] = band_keys(sigs)
    return out


def _signature_chunks(docs: Sequence[Sequence[int]], perms: slice = slice(None)) -> Iterator[tuple[int, np.ndarray]]:
    """The signatures of `docs` (by the hash functions `perms`), a chunk at a time: (index
    of its first doc, signatures)."""
    import numpy as np

    a, b = _perms()
    a32, b32 = a.astype(np.uint32)[perms, None], b.astype(np.uint32)[perms, None]
    chunk_docs = 1024  # ~20k shingles: the (64, m) block stays in cache
    for start in range(0, len(docs), chunk_docs):
        if isinstance(docs, _WordArrays):  # the words are one array already: no object a doc
            words, lengths = docs.span(start, start + chunk_docs)
            ends = np.cumsum(lengths)
            flat = words.astype(np.uint64)
        else:
            part = docs[start : start + chunk_docs]
            lengths = np.fromiter(map(len, part), dtype=np.int64, count=len(part))
            ends = np.cumsum(lengths)
            if all(type(doc) is array for doc in part):  # one copy of the raw words, no int objects
                flat = np.frombuffer(b"".join(part), dtype=np.uint32).astype(np.uint64)  # type: ignore[arg-type]
            else:
                flat = np.fromiter(chain.from_iterable(part), dtype=np.uint64, count=int(ends[-1]))
        keep = np.ones(len(flat), dtype=bool)
        keep[ends - 1] = False  # a bigram never spans two docs
        idx = np.nonzero(keep)[0]
        grams = flat[idx] * np.uint64(_PAIR) + flat[idx + 1]
        grams32 = ((grams >> np.uint64(32)) ^ grams).astype(np.uint32)
        starts = np.concatenate(([0], np.cumsum(lengths - 1)[:-1]))
        hashed = a32 * grams32[None, :]
        hashed += b32
        yield start, np.minimum.reduceat(hashed, starts, axis=1).T


def band_key(sigs: np.ndarray, band: int) -> np.ndarray:
    """One 64-bit key per doc for one band: docs sharing a key are LSH candidates.

    One band at a time, so the temporary stays at (n, rows) and the keys of the other
    bands never exist at once (16 x 8 bytes a doc).
    """
    import numpy as np

    rows = NUM_PERM // BANDS
    mult = (np.arange(1, rows + 1, dtype=np.uint64) * np.uint64(_PAIR)) | np.uint64(1)
    block = sigs[:, band * rows : (band + 1) * rows].astype(np.uint64)
    return (block * mult).sum(axis=1, dtype=np.uint64)


def band_keys(sigs: np.ndarray) -> np.ndarray:
    """Every band's keys, (n, bands): 16 bands of full signatures, fewer of a part."""
    import numpy as np

    return np.stack([band_key(sigs, band) for band in range(sigs.shape[1] // (NUM_PERM // BANDS))], axis=1)


class UnionFind:
    """Disjoint sets over 0..n-1; the root of a set is its smallest member."""

    def __init__(self, n: int) -> None:
        self.parent = array("q", range(n))  # no int object per member
        self.touched: set[int] = set()  # members ever joined to another

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)
            self.touched.update((i, j))


def _near_pairs_lsh(docs: _FlatDocs, threshold: float) -> Iterator[tuple[int, int]]:
    """Pairs (i, j) of similar docs: each doc against the first doc of every shared bucket.

    Comparing with the bucket's first member, not all members, keeps it linear even
    for huge buckets of template posts; clusters are then joined transitively. A pair
    whose signatures agree on at least `threshold` but less than `threshold + SURE` is
    checked with the exact Jaccard: with 64 hash functions the estimate is off by 0.06
    (one standard error) at 0.5, so without the check a few of thousands of "I uploaded
    a video: <title>" notices (true similarity 0.45) would pass and chain a whole
    template together.
    """
    import numpy as np

    # Half the bands at a time, each half's keys gone once its shared buckets are known.
    half = BANDS // 2
    groups = [*_shared_buckets(all_band_keys(docs, range(half))),
              *_shared_buckets(all_band_keys(docs, range(half, BANDS)))]
    if not groups:
        return
    pair_firsts, pair_others = _each_pair_once(groups, len(docs))
    del groups
    # Signatures again, of the docs in a shared bucket only (a few percent of a feed of
    # made-up words, about half of one of real posts: 16-bit, and no array object a doc,
    # ~130 MB less at a million real posts).
    wanted = np.unique(np.concatenate((pair_firsts, pair_others)))
    sigs = signatures(_Chosen(docs, wanted), dtype=np.uint16)
    # The pairs come ordered by their first doc: its shingles are kept while its pairs last,
    # the other's made again for each pair. (Keeping every doc's set, a million posts of
    # real words held ~390,000 sets, ~600 MB, at the audit's peak.)
    kept_for, kept = -1, frozenset[int]()

    def exact(i: int, j: int) -> bool:
        nonlocal kept_for, kept
        if kept_for != i:
            kept_for, kept = i, shingles(docs[i])
        return jaccard(kept, shingles(docs[j])) >= threshold

    # A slice at a time: two rows of 64 hashes a pair add up on a feed of templates.
    for at in range(0, len(pair_others), _PAIRS_AT_ONCE):
        firsts, others = pair_firsts[at : at + _PAIRS_AT_ONCE], pair_others[at : at + _PAIRS_AT_ONCE]
        agree = (sigs[np.searchsorted(wanted, others)] == sigs[np.searchsorted(wanted, firsts)]).mean(axis=1)
        sure = agree >= threshold + SURE
        yield from zip(firsts[sure].tolist(), others[sure].tolist())
        maybe = (agree >= threshold) & ~sure
        yield from (p for p in zip(firsts[maybe].tolist(), others[maybe].tolist()) if exact(*p))


def _each_pair_once(groups: list[tuple[np.ndarray, np.ndarray]], size: int) -> tuple[np.ndarray, np.ndarray]:
    """The (first, other) pairs of all bands' shared buckets, each pair once, as two arrays.

    Near copies share a bucket in most bands: on 100k posts ~3 in 4 pairs found were
    repeats, each costing a signature comparison and a union for nothing. One sort in
    place of the pairs as single numbers (first * size + other) finds them.
    """
    import numpy as np

    pairs = np.concatenate([firsts.astype(np.int64) * size + others for firsts, others in groups])
    pairs.sort()
    repeat = np.zeros(len(pairs), dtype=bool)
    repeat[1:] = pairs[1:] == pairs[:-1]
    return np.divmod(pairs[~repeat], size)


def _shared_buckets(keys: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
    """Per band with a shared bucket: (the bucket's first doc, another doc of it) as two arrays."""
    import numpy as np

    groups = []
    for band in range(keys.shape[1]):
        column = keys[:, band]
        order = np.argsort(column, kind="stable")
        ordered = column[order]
        new_group = np.empty(len(order), dtype=bool)
        new_group[0] = True
        new_group[1:] = ordered[1:] != ordered[:-1]
        group_first = order[np.maximum.accumulate(np.where(new_group, np.arange(len(order)), 0))]
        members = order[~new_group]
        if len(members):  # 32-bit: a feed of template posts shares buckets in every band
            groups.append((group_first[~new_group].astype(np.int32), members.astype(np.int32)))
    return groups


# Candidate pairs compared at once: their signature rows take ~40 MB.
_PAIRS_AT_ONCE = 1 << 16


def _near_pairs_brute(docs: Sequence[Sequence[int]], threshold: float) -> list[tuple[int, int]]:
    sets = [shingles(d) for d in docs]
    return [
        (i, j)
        for i in range(len(sets))
        for j in range(i + 1, len(sets))
        if jaccard(sets[i], sets[j]) >= threshold
    ]


class _WordArrays(Sequence["array[int]"]):
    """Texts whose words are read from one array (`span`), not from an object a text."""

    @abstractmethod
    def span(self, start: int, stop: int) -> tuple[np.ndarray, np.ndarray]:
        """The words of texts start..stop-1 as one uint32 array, and each text's length."""

    @abstractmethod
    def _text(self, index: int) -> array[int]:
        """The words of one text (index from 0)."""

    @overload
    def __getitem__(self, index: int) -> array[int]: ...
    @overload
    def __getitem__(self, index: slice) -> list[array[int]]: ...
    def __getitem__(self, index: int | slice) -> array[int] | list[array[int]]:
        if isinstance(index, slice):
            return [self._text(i) for i in range(*index.indices(len(self)))]
        return self._text(index + len(self) if index < 0 else index)


class _FlatDocs(_WordArrays):
    """The word hashes of many texts in one array, each text a slice of it: a million
    texts hold no million array objects (~60 bytes each)."""

    def __init__(self) -> None:
        self._words: array[int] = array("I")
        self._ends: array[int] = array("q")

    def add(self, hashes: Iterable[int]) -> None:
        self._words.extend(hashes)
        self._ends.append(len(self._words))

    def __len__(self) -> int:
        return len(self._ends)

    def span(self, start: int, stop: int) -> tuple[np.ndarray, np.ndarray]:
        import numpy as np

        stop = min(stop, len(self))
        ends = np.frombuffer(self._ends, dtype=np.int64)[start:stop]
        first = int(self._ends[start - 1]) if start else 0
        words = np.frombuffer(self._words, dtype=np.uint32)[first : int(ends[-1])]  # a view
        return words, np.diff(ends, prepend=first)

    def _text(self, index: int) -> array[int]:
        start = self._ends[index - 1] if index else 0
        return self._words[start : self._ends[index]]


class _Chosen(_WordArrays):
    """Some of the texts of a `_FlatDocs`, by index, without copying their words out."""

    def __init__(self, docs: _FlatDocs, indices: np.ndarray) -> None:
        self._docs, self._indices = docs, indices

    def __len__(self) -> int:
        return len(self._indices)

    def span(self, start: int, stop: int) -> tuple[np.ndarray, np.ndarray]:
        import numpy as np

        chosen = self._indices[start:stop]
        ends = np.frombuffer(self._docs._ends, dtype=np.int64)
        stops = ends[chosen]
        starts = np.where(chosen > 0, ends[chosen - 1], 0)
        lengths = stops - starts
        # Each word's place in the whole: its text's start, plus its place within the text.
        within = np.arange(int(lengths.sum())) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        words = np.frombuffer(self._docs._words, dtype=np.uint32)
        return words[np.repeat(starts, lengths) + within], lengths

    def _text(self, index: int) -> array[int]:
        return self._docs._text(int(self._indices[index]))


# The exact-copy digests' key: new in each process (no digest outlives it), so no text can
# be written to collide with another.
_DIGEST_KEY = os.urandom(16)
# Whether Python's own string hash can stand for a keyed digest: 64 bits of SipHash under a
# key new in this process. A PYTHONHASHSEED of a number (any number: only 0 turns the flag
# off) makes the key known, and a 32-bit build's hash is too short.
_SECRET_STRING_HASH = (
    bool(sys.flags.hash_randomization) and sys.hash_info.width >= 64
    and sys.hash_info.algorithm.startswith("siphash")
    and (bool(sys.flags.ignore_environment) or os.environ.get("PYTHONHASHSEED", "random") == "random"))


def _digests(texts: list[str]) -> bytes:
    """An 8-byte digest of each text, joined: the string hash where it is a secret one, at a
    quarter of BLAKE2b's cost; else BLAKE2b under `_DIGEST_KEY`."""
    if _SECRET_STRING_HASH:
        return array("q", map(hash, texts)).tobytes()
    return b"".join(blake2b(text.encode(), digest_size=8, key=_DIGEST_KEY).digest() for text in texts)


# Digests a dict holds before they move to sorted arrays (~8 MB of dict): a feed this small
# never loads numpy for its copies.
_SPILL = 1 << 16


class _FirstSeen:
    """The index of the first text that had each digest (8 bytes of keyed BLAKE2b).

    A dict while small; past `_SPILL` digests they move to sorted numpy runs, merged like a
    binary counter (each digest merged ~log2(n / block) times, each merge one pass). 16
    bytes a digest (about three times that while two runs merge), where a dict's entry, key
    and value took ~130 (~100 MB at 750k texts) and, freed, left the heap too fragmented to
    shrink: a million-post audit's peak in one process fell by ~60 MB.
    """

    def __init__(self) -> None:
        self._small: dict[int, int] = {}
        self._runs: list[tuple[np.ndarray, np.ndarray]] = []  # (sorted digests, first indices)

    def firsts(self, digests: bytes, start: int) -> list[int]:
        """For the texts start, start + 1, ... whose `digests` (8 bytes each) are joined
        here: the index of the first text with the same digest (its own index if new)."""
        count = len(digests) // 8
        if not self._runs and len(self._small) + count <= _SPILL:
            small = self._small
            return [small.setdefault(d, i) for i, d in enumerate(array("Q", digests), start)]
        import numpy as np

        if self._small:
            keys = np.fromiter(self._small, dtype=np.uint64, count=len(self._small))
            order = np.argsort(keys)
            self._push(keys[order], np.fromiter(self._small.values(), dtype=np.int64)[order])
            self._small = {}
        block = np.frombuffer(digests, dtype=np.uint64)
        unique, first_at, inverse = np.unique(block, return_index=True, return_inverse=True)
        found = first_at.astype(np.int64) + start
        new = np.ones(len(unique), dtype=bool)
        for keys, indices in self._runs:  # a digest lives in one run only
            at = np.minimum(np.searchsorted(keys, unique), len(keys) - 1)
            hit = keys[at] == unique
            found[hit] = indices[at[hit]]
            new &= ~hit
        self._push(unique[new], found[new])
        return found[inverse].tolist()

    def clear(self) -> None:
        self._small, self._runs = {}, []

    def _push(self, keys: np.ndarray, indices: np.ndarray) -> None:
        import numpy as np

        runs = self._runs
        if len(keys):
            runs.append((keys, indices))
        while len(runs) >= 2 and len(runs[-2][0]) <= len(runs[-1][0]):
            (newer, newer_at), (older, older_at) = runs.pop(), runs.pop()
            merged = np.concatenate((older, newer))
            order = np.argsort(merged, kind="stable")  # two sorted runs: one merge pass
            runs.append((merged[order], np.concatenate((older_at, newer_at))[order]))


def near_duplicate_labels(
    norms: Iterable[str],
    threshold: float = 0.6,
    *,
    min_words: int = 0,
    apart: Callable[[int, int], bool] | None = None,
) -> array[int]:
    """A cluster label per text: the index of the cluster's first text (`NearDuplicates`
    shown `norms` one by one)."""
    texts = NearDuplicates(threshold, min_words=min_words)
    for norm in norms:
        texts.add(norm)
    return texts.labels(apart)


class NearDuplicates:
    """Texts shown one by one, then labelled by cluster: `labels()` gives each text the index
    of its cluster's first text.

    Equal texts share a label by their digests (`_FirstSeen`), so no text is kept once its
    batch is hashed (at most two batches of `_BATCH` wait): the texts can come from a feed
    read a block at a time and never all exist at once. Distinct texts of at least
    MIN_WORDS words are joined when their bigram Jaccard is about `threshold` or more,
    unless `apart(i, j)` (indices in the order shown) says they differ in a way that
    matters. Texts of fewer than `min_words` words are never grouped, not even when equal.
    """

    def __init__(self, threshold: float = 0.6, *, min_words: int = 0) -> None:
        self.threshold, self.min_words = threshold, min_words
        self._seen = _FirstSeen()
        # Machine integers, not int objects (~32 bytes each): a million labels in 8 MB.
        self._labels: array[int] = array("q")
        self._docs = _FlatDocs()
        self._owners: array[int] = array("q")
        self._solo: set[int] = set()
        self._copies: array[int] = array("q")  # texts equal to an earlier one
        self._block: list[str] = []
        self._batch: list[str] = []
        self._batch_owners: list[int] = []

    def add(self, norm: str) -> None:
        """The next text."""
        self._block.append(norm)
        if len(self._block) >= _BATCH:
            self._take()

    def _flush(self) -> None:
        for i, hashes in zip(self._batch_owners, _batch_hashes(self._batch), strict=True):
            if len(hashes) < self.min_words:
                self._solo.add(i)
            elif len(hashes) >= MIN_WORDS:
                self._docs.add(hashes)
                self._owners.append(i)
        self._batch.clear()
        self._batch_owners.clear()

    def _take(self) -> None:
        """Label the block's texts; the first of each wording goes on to be hashed."""
        block, batch, owners = self._block, self._batch, self._batch_owners
        # 8 bytes: two of a million texts share one with odds of about 1 in 36 million.
        digests = _digests(block)
        start = len(self._labels)
        firsts = self._seen.firsts(digests, start)
        self._labels.extend(firsts)
        for i, (norm, label) in enumerate(zip(block, firsts, strict=True), start):
            if label == i:
                batch.append(norm)
                owners.append(i)
                if len(batch) >= _BATCH:
                    self._flush()
            else:
                self._copies.append(i)
        block.clear()

    def labels(self, apart: Callable[[int, int], bool] | None = None) -> array[int]:
        """A cluster label per text shown, in order (asked once: the texts' state is dropped)."""
        if self._block:
            self._take()
        self._flush()
        self._seen.clear()  # a million digests: gone before the signatures are built
        labels, docs, owners = self._labels, self._docs, self._owners
        relabel: dict[int, int] = {}
        if len(docs) >= 2:
            find_pairs = _near_pairs_brute if len(docs) <= BRUTE_FORCE_MAX else _near_pairs_lsh
            uf = UnionFind(len(docs))
            # Joined as found, never all held at once; the sets joined do not depend on the order.
            for i, j in find_pairs(docs, self.threshold):
                if apart is None or not apart(owners[i], owners[j]):
                    uf.union(i, j)
            # A doc never joined is its own root: only the joined ones need a new label.
            relabel = {owners[k]: owners[uf.find(k)] for k in uf.touched}
        self._docs, self._owners = _FlatDocs(), array("q")
        if not relabel and not self._solo:
            return labels
        # `relabel.get(label, label)` through map, in C (~5x cheaper than a loop); then the
        # copies of a text too short to group go back to a label of their own.
        result = array("q", map(relabel.get, labels, labels))
        for i in self._copies:
            if labels[i] in self._solo:
                result[i] = i
        return result
