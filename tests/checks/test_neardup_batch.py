"""The batched word hashing of `neardup` agrees with hashing one text at a time."""

from assistant.checks.neardup import _batch_hashes, word_hashes


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
