"""The batched steps of `neardup` agree with doing them one text at a time."""

import os
import random
import subprocess
import sys

from assistant.checks import neardup
from assistant.checks.neardup import _SPILL, _batch_hashes, near_duplicate_labels, word_hashes


def test_batch_hashes_match_word_hashes_text_by_text() -> None:
    texts = [
        "the same words again",
        "",
        "!!! ... ???",
        "line one\nline two\tand a tab",
        "no\u00a0break space and\u2003em space",
        "quotes \u201clike this\u201d and dashes - here",
        "lk news example org 2a lk news example org 2b",
    ]
    assert [list(h) for h in _batch_hashes(texts)] == [word_hashes(t) for t in texts]


def test_batch_hashes_of_a_text_holding_the_gap_character() -> None:
    texts = ["before \0 after", "plain words here", "\0"]
    assert [list(h) for h in _batch_hashes(texts)] == [word_hashes(t) for t in texts]


def test_copies_of_a_text_too_short_to_group_keep_their_own_labels() -> None:
    long = "five words make a post"
    texts = ["Thanks!", long, "Thanks!", "five words make a post today", long, "Thanks!"]
    assert list(near_duplicate_labels(texts, 0.6, min_words=4)) == [0, 1, 2, 1, 1, 5]
    assert list(near_duplicate_labels(texts, 0.6)) == [0, 1, 0, 1, 1, 0]


def test_copies_keep_the_first_texts_label_in_a_feed_too_big_for_a_dict() -> None:
    """Past `_SPILL` distinct texts the digests move from a dict to sorted arrays, in blocks
    of `_BATCH`: a copy still gets the index of its first text, whether that text came in
    the same block, an earlier one, before the move or after it."""
    rnd = random.Random(7)
    pool = [f"w{i} x{i % 97} y{i % 89}" for i in range(_SPILL + 30_000)]  # 3 words: exact matches only
    texts = [rnd.choice(pool) if rnd.random() < 0.3 else pool[i] for i in range(len(pool))]
    texts += [rnd.choice(texts) for _ in range(20_000)]
    first: dict[str, int] = {}
    expected = [first.setdefault(text, i) for i, text in enumerate(texts)]
    assert len(first) > _SPILL
    assert list(near_duplicate_labels(texts)) == expected


def test_copies_are_found_with_the_string_hash_key_known_too() -> None:
    """With PYTHONHASHSEED set to any number, Python's string hash has a known key: the copies
    are told by keyed BLAKE2b instead (not the string hash), with the same labels."""
    code = ("from array import array\n"
            "from assistant.checks.neardup import _digests, near_duplicate_labels\n"
            "long = 'five words make a post'\n"
            "texts = ['Thanks!', long, 'Thanks!', 'five words make a post today', long, 'Thanks!']\n"
            "print(_digests(texts) == array('q', map(hash, texts)).tobytes())\n"
            "print(list(near_duplicate_labels(texts, 0.6)), list(near_duplicate_labels(texts, 0.6, min_words=4)))\n")
    for seed, string_hash in (("0", "False"), ("123", "False"), ("random", "True")):
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}, timeout=60)
        told, labels = done.stdout.splitlines()
        assert (told, labels) == (string_hash, "[0, 1, 0, 1, 1, 0] [0, 1, 2, 1, 1, 5]"), seed


def test_signatures_of_chosen_texts_read_in_place_are_those_of_the_texts_themselves() -> None:
    """The LSH agreement test signs the texts in shared buckets straight from the flat words
    (no array object a text): the same signatures as of the texts taken out one by one."""
    import numpy as np

    rng = random.Random(7)
    docs = neardup._FlatDocs()
    for _ in range(3000):
        docs.add(rng.randrange(1 << 32) for _ in range(rng.randint(2, 40)))
    chosen = np.array(sorted({0, len(docs) - 1, *rng.sample(range(len(docs)), 1500)}), dtype=np.int64)
    taken = neardup.signatures([docs[i] for i in chosen.tolist()])
    assert (neardup.signatures(neardup._Chosen(docs, chosen)) == taken).all()
    low = neardup.signatures(neardup._Chosen(docs, chosen), dtype=np.uint16)
    assert low.dtype == np.uint16 and (low == (taken & 0xFFFF)).all()
    assert list(neardup._Chosen(docs, chosen)[-2:]) == [docs[int(i)] for i in chosen[-2:]]
