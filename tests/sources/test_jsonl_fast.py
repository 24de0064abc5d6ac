"""Canonical JSON Lines read with the fast JSON parser give exactly the posts and errors json gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.errors import InputError
from assistant.models import Post, PostRecord, as_post
from assistant.sources import load_posts
from assistant.sources.jsonl import lines_of, parse_jsonl
from bench.bench_audit import post_dicts

ROOT = Path(__file__).resolve().parents[2]

TRICKY = [
    {"id": "a", "created_at": "2026-11-01T09:00:00Z", "text": "see www.example.com and @sam #tag"},
    {"id": "b", "created_at": "2026-11-01T09:00:00.123+05:30", "text": "x", "kind": "dm",
     "platform": "bluesky", "author": "me", "title": "T", "in_reply_to": "c1"},
    {"id": "c", "created_at": "2026-11-01 09:00:00-08:00", "text": "given", "urls": ["https://a.b/c"],
     "mentions": [], "hashtags": None},
    {"id": "d", "created_at": "2026-11-01T09:00:00Z", "media": [
        {"type": "video", "url": "https://v/1", "alt": None, "alt_known": False, "content_hash": "h"},
        {"url": "https://i/2.jpg"}], "metrics": {"likes": 3, "shares": None, "impressions": 10}},
    {"id": "e", "created_at": "2026-11-01T09:00:00Z", "metrics": None, "media": []},
    # Shapes the fast way leaves to validation: coerced or odd values still come out the same.
    {"id": "f", "created_at": "2026-11-01T09:00:00.1234567Z", "text": "seven digits"},
    {"id": "g", "created_at": 1767258000, "text": "a unix time"},
    {"id": "h", "created_at": "2026-11-01T09:00:00Z", "metrics": {"likes": True}},
    {"id": "i", "created_at": "2026-11-01T09:00:00Z", "urls": "", "mentions": 0},
    {"id": "k", "created_at": "2026-11-01T09:00:00Z", "media": [{"type": "gif", "alt_known": 1}]},
    {"id": "l", "created_at": "2026-11-01T09:00:00Z", "media": [{"type": "image", "alt": "a cat"}, {}]},
    {"id": "j", "created_at": "2026-11-01T09:00:00-00:00", "text": "odd zero", "author": "@a",
     "urls": [], "mentions": None},
    # A repost's original author: given, given as null, or read from "RT @user:".
    {"id": "m", "created_at": "2026-11-01T09:00:00Z", "kind": "repost", "text": "RT @bp: hi", "author": "@bp"},
    {"id": "n", "created_at": "2026-11-01T09:00:00Z", "kind": "repost", "text": "hi",
     "original_author": "bp.example"},
    {"id": "o", "created_at": "2026-11-01T09:00:00Z", "kind": "repost", "text": "RT @x: y",
     "original_author": None},
    {"id": "q", "created_at": "2026-11-01T09:00:00Z", "text": "RT @x: a post, as its kind says"},
]


def _validated(records: list[dict]) -> list[Post]:
    return [Post.model_validate(json.loads(json.dumps(r, default=str))) for r in records]


def _same(fast: list[Post | PostRecord], slow: list[Post]) -> None:
    assert len(fast) == len(slow)
    for a, b in zip(fast, slow, strict=True):
        assert {f: getattr(a, f) for f in Post.model_fields} == {f: getattr(b, f) for f in Post.model_fields}
        assert as_post(a).model_dump_json() == b.model_dump_json()
        if isinstance(a, Post):  # a line the fast way left to validation
            assert a.model_fields_set == b.model_fields_set
        # The same instant written the same way (a typed line's zone is the standard
        # library's, a validated one's pydantic's: only their tzname differs, never used).
        assert a.created_at.isoformat() == b.created_at.isoformat()
        assert a.created_at.utcoffset() == b.created_at.utcoffset()
        if isinstance(a, Post):
            assert [m.model_fields_set for m in a.media] == [m.model_fields_set for m in b.media]


# Text is read line by line into dicts; bytes, as a file is, decoded straight into typed
# records (msgspec) where a line allows, into dicts where not.
AS_TEXT_AND_BYTES = pytest.mark.parametrize("as_bytes", [False, True], ids=["text", "bytes"])


def _data(text: str, as_bytes: bool) -> str | bytes:
    return text.encode() if as_bytes else text


@AS_TEXT_AND_BYTES
def test_bench_feed_reads_the_same_as_validation(as_bytes: bool) -> None:
    records = post_dicts(3000)
    data = "".join(json.dumps(r, default=str) + "\n" for r in records)
    _same(parse_jsonl(_data(data, as_bytes), "feed.jsonl"), _validated(records))


@AS_TEXT_AND_BYTES
@pytest.mark.parametrize("record", TRICKY, ids=[r["id"] for r in TRICKY])
def test_every_canonical_shape_reads_the_same_as_validation(record: dict, as_bytes: bool) -> None:
    """One shape a file: a line with seven decimals would send a whole block the dict way."""
    _same(parse_jsonl(_data(json.dumps(record) + "\n", as_bytes), "tricky.jsonl"), _validated([record]))


def test_a_time_with_seven_decimals_is_cut_as_validation_cuts_it() -> None:
    """msgspec would round .9999995 up to the next second; pydantic cuts to .999999."""
    line = b'{"id": "r", "created_at": "2026-11-01T09:00:00.9999995Z", "text": "x"}\n'
    assert parse_jsonl(line, "posts.jsonl")[0].created_at.isoformat() == "2026-11-01T09:00:00.999999+00:00"


def test_labelled_sets_read_the_same_as_validation() -> None:
    for path in (ROOT / "tests" / "labelled").glob("*.jsonl"):
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        records = [json.loads(line) for line in lines]
        if not all("created_at" in r and "id" in r for r in records):
            continue  # not canonical posts
        _same(parse_jsonl(path.read_bytes(), path.name), _validated(records))


@pytest.mark.parametrize(("line", "message"), [
    ('{"id": 1, "created_at": "2026-11-01T09:00:00Z"}', "invalid post: id: Input should be a valid string"),
    ('{"id": "1", "created_at": "2026-11-01T09:00:00"}', "created_at must carry a time zone"),
    ('{"id": "1", "created_at": "2026-11-01T09:00:00Z", "colour": "red"}', "colour: Extra inputs"),
    ('{"id": "1", "created_at": "2026-11-01T09:00:00Z", "kind": "story"}', "kind: Input should be"),
    ('{"id": "1", "created_at": "2026-11-01T09:00:00Z", "text": NaN}', "invalid post: text"),
])
def test_a_bad_line_is_still_named_by_validation(line: str, message: str) -> None:
    good = '{"id": "0", "created_at": "2026-11-01T09:00:00Z", "text": "fine"}'
    with pytest.raises(InputError) as caught:
        parse_jsonl(f"{good}\n{line}\n", "posts.jsonl")
    assert caught.value.line == 2
    assert message in str(caught.value)


def test_the_last_of_duplicate_keys_wins_as_with_json() -> None:
    line = '{"id": "1", "created_at": "2026-11-01T09:00:00Z", "text": "first", "text": "second"}'
    assert parse_jsonl(line, "posts.jsonl")[0].text == "second"


_BREAKY = st.lists(st.sampled_from(["a", "{}", "\n", "\r", "\r\n", "\x85", "\u2028", "\x0b", "\x1c", " "]),
                   max_size=30)


@settings(max_examples=500, deadline=None)
@given(_BREAKY)
def test_lines_are_counted_exactly_as_splitlines_counts_them(parts: list[str]) -> None:
    text = "".join(parts)
    assert list(lines_of(text)) == text.splitlines()


def _outcome(data: bytes | str) -> object:
    try:
        return [as_post(p).model_dump_json() for p in parse_jsonl(data, "posts.jsonl")]
    except InputError as exc:
        return str(exc)


GOOD = '{"id": "0", "created_at": "2026-11-01T09:00:00Z", "text": "fine www.example.com"}\n'


@pytest.mark.parametrize("rest", [
    "",
    "\n   \n" + GOOD.replace('"0"', '"1"'),
    '{"id": 1, "created_at": "2026-11-01T09:00:00Z"}\n',
    '{"id": "1", "created_at": 1767258000}\n',  # converted by validation, read all the same
    '{"id": "1", "created_at": "2026-11-01T09:00:00+24:00"}\n',
    '{"id": "1", "created_at": "2026-11-01T09:00:00Z", "text": "\\ud800"}\n',
    '{"id": "1", "created_at": "2026-11-01T09:00:00Z", "text": "caf\u00e9 \u2028 line"}\n',
    '{"id": "1", "created_at": "2026-11-01T09:00:00Z"}\r\n{"id": "2", "created_at": "2026-11-01T09:00:00Z"}',
    '[1, 2]\n',
    '{"id": "1", "created_at": "2026-11-01T09:00:00Z", "media": [{"type": "sticker"}]}\n',
    '{"id": "1", "created_at": "2026-11-01T09:00:00Z", "media": [{"url": "u", "alt_known": "yes"}]}\n',
    "\u00a0\n",
    # Where a typed decoder and validation could part ways: each must read as validation reads.
    '{"id": "1", "created_at": "2026-11-01t09:00:00z"}\n',
    '{"id": "1", "created_at": "2026-11-01T09:00:00.9999995+05:30"}\n',
    '{"id": "1", "created_at": "2026-11-01T09:00:00-00:00", "media": null}\n',
    '{"id": "1", "created_at": "2026-11-01T09:00:00Z", "metrics": {"likes": -1}}\n',
    '{"id": "1", "created_at": "2026-11-01T09:00:00Z", "kind": "story"}\n',
    '{"id": "1", "created_at": "2026-11-01T09:00Z", "colour": "red"}\n',
    '{"id": "1", "created_at": "2026-11-01T09:00:00Z", "text": "a\u000b"}\n',
])
def test_a_file_read_from_its_bytes_reads_as_its_text(rest: str) -> None:
    data = GOOD + rest
    assert _outcome(data.encode()) == _outcome(data)
    assert _outcome(b"\xef\xbb\xbf" + data.encode()) == _outcome(data)


def test_bad_bytes_after_a_bad_post_are_still_reported_first() -> None:
    data = (GOOD + '{"id": 1, "created_at": "2026-11-01T09:00:00Z"}\n').encode() + b'{"text": "\xff"}\n'
    assert _outcome(data) == "posts.jsonl:3: not UTF-8 text (byte 140)"


@pytest.mark.parametrize("rest", ["", "\n", '{"id": 1, "created_at": "2026-11-01T09:00:00Z"}\n',
                                  GOOD.replace('"0"', '"last"') + "\u2028\n", '{"text": "\\ud800"}'])
def test_a_file_read_in_blocks_reads_as_its_bytes_read_whole(tmp_path: Path, rest: str) -> None:
    """Over two megabytes (more than one block of the streamed read), then `rest`: the same
    posts, or the same error naming the same line, as parsing the whole file's bytes."""
    data = "".join(json.dumps(r, default=str) + "\n" for r in post_dicts(12000)) + rest
    path = tmp_path / "posts.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + data.encode())
    try:
        streamed: object = sorted(as_post(p).model_dump_json() for p in load_posts(path))
    except InputError as exc:
        streamed = str(exc).replace(str(path), "posts.jsonl")
    whole = _outcome(b"\xef\xbb\xbf" + data.encode())
    assert len(data) > 2 << 20
    assert streamed == (sorted(whole) if isinstance(whole, list) else whole)
