"""The batched steps of `neardup` agree with doing them one text at a time."""

from assistant.checks.neardup import _batch_hashes, near_duplicate_labels, word_hashes


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
