"""Property tests: whatever the bytes, an import returns posts or raises InputError.

Never another exception (a traceback for the user), and when it succeeds it returns
every post of the input.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.errors import InputError
from assistant.sources import FORMATS, load_posts

SETTINGS = settings(max_examples=80, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

json_scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(
    max_size=20)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                               max_size=4),
    max_leaves=6,
)
dates = st.sampled_from(["2026-11-01T09:00:00Z", "2026-11-01T09:00:00", "2026-02-30",
                         "Wed Oct 10 20:19:24 +0000 2018", "1/27/2026 17:30", "", "soon",
                         "2018-12-05 11:00:00", "2026-01-27 09:40"]) | st.text(max_size=12)


def field_values(key: str) -> st.SearchStrategy[object]:
    """Plausible values for a field, often right and sometimes wrong."""
    known: dict[str, st.SearchStrategy[object]] = {
        "created_at": dates, "createdAt": dates,
        "platform": st.sampled_from(["x", "blog", "myspace", ""]),
        "kind": st.sampled_from(["post", "reply", "advert"]),
        "media": st.lists(st.fixed_dictionaries({}, optional={
            "type": st.sampled_from(["image", "photo", "hologram"]),
            "alt": st.none() | st.text(max_size=5), "url": st.text(max_size=5)}), max_size=2),
    }
    return known.get(key, json_values)


def objects(keys: list[str]) -> st.SearchStrategy[dict[str, object]]:
    return st.lists(st.sampled_from(keys), unique=True).flatmap(
        lambda chosen: st.fixed_dictionaries({k: field_values(k) for k in chosen}))


valid_posts = st.fixed_dictionaries(
    {"id": st.text(min_size=1, max_size=8), "created_at": st.just("2026-11-01T09:00:00Z")},
    optional={"text": st.text(max_size=40), "kind": st.sampled_from(["post", "reply"]),
              "media": st.just([{"type": "image", "alt": None}])})
POST_KEYS = ["id", "created_at", "text", "platform", "kind", "author", "media", "urls",
             "in_reply_to", "metrics", "title", "extra"]
TWEET_KEYS = ["id_str", "id", "full_text", "created_at", "entities", "extended_entities",
              "in_reply_to_status_id_str", "is_quote_status", "favorite_count"]
STATUS_KEYS = ["id", "created_at", "content", "account", "reblog", "in_reply_to_id",
               "media_attachments", "tags", "mentions"]
BSKY_KEYS = ["post", "reason"]
# Generic JSON: v1.1 and v2 tweets, scraper rows and post-like objects, kinds included.
JSON_KEYS = ["id", "id_str", "text", "full_text", "rawContent", "created_at", "date", "user",
             "author_id", "referenced_tweets", "retweeted_status", "is_quote_status",
             "in_reply_to_status_id_str", "in_reply_to_user_id", "is_retweet", "kind",
             "entities", "extended_tweet", "note_tweet", "attachments", "media", "urls"]


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz") / "input.dat"


def outcome(path: Path, content: bytes, **options: object) -> list[object] | InputError:
    """Import `content`; only posts or an InputError naming the file may come back."""
    path.write_bytes(content)
    try:
        return load_posts([path], **options)  # type: ignore[arg-type,return-value]
    except InputError as error:
        assert error.path == str(path) or error.path.startswith(f"{path}!")
        assert error.message
        return error


@SETTINGS
@given(content=st.binary(max_size=300), source=st.sampled_from([None, *FORMATS]))
def test_random_bytes(scratch: Path, content: bytes, source: str | None) -> None:
    outcome(scratch, content, source=source)


@SETTINGS
@given(prefix=st.sampled_from([b"window.YTD.tweets.part0 = ", b"module.exports = ", b"",
                               b'{"feed": ', b"\n<?xml version='1.0'?><rss><channel>",
                               b"Text,Posting Time\n", b"2026-01-01 10:00:00,"]),
       content=st.binary(max_size=200))
def test_random_bytes_after_a_real_prefix(scratch: Path, prefix: bytes, content: bytes) -> None:
    outcome(scratch, prefix + content)


@SETTINGS
@given(lines=st.lists(valid_posts | objects(POST_KEYS) | json_values | st.just(""), min_size=1,
                     max_size=6))
def test_random_jsonl_lines(scratch: Path, lines: list[object]) -> None:
    content = "\n".join(x if x == "" else json.dumps(x) for x in lines).encode()
    result = outcome(scratch, content, source="jsonl")
    if not isinstance(result, InputError):
        ids = {x["id"] for x in lines if isinstance(x, dict)}
        assert len(result) == len(ids)
    elif result.line is not None:
        assert 1 <= result.line <= len(lines)


@SETTINGS
@given(objects_=st.lists(objects(JSON_KEYS), max_size=4),
       shape=st.sampled_from(["array", "lines", "v2"]),
       mapping=st.sampled_from([None, {"repost": "is_retweet"}, {"text": "user.name"},
                                {"kind": "kind"}, {"created_at": "date"}]))
def test_random_generic_json(scratch: Path, objects_: list[dict[str, object]], shape: str,
                             mapping: dict[str, str] | None) -> None:
    if shape == "array":
        content = json.dumps(objects_)
    elif shape == "lines":
        content = "\n".join(json.dumps(o) for o in objects_)
    else:
        content = json.dumps({"data": objects_, "includes": {"users": [{"id": "1"}]}})
    result = outcome(scratch, content.encode(), source="json", mapping=mapping)
    if not isinstance(result, InputError):
        assert len(result) <= len(objects_)


@SETTINGS
@given(kind=st.sampled_from(["x-archive", "mastodon", "bluesky"]), data=st.data())
def test_random_json_documents(scratch: Path, kind: str, data: st.DataObject) -> None:
    if kind == "x-archive":
        entries = data.draw(st.lists(objects(TWEET_KEYS).map(lambda t: {"tweet": t}), max_size=4))
        content = "window.YTD.tweets.part0 = " + json.dumps(entries, indent=1)
    elif kind == "mastodon":
        content = json.dumps(data.draw(st.lists(objects(STATUS_KEYS), max_size=4)))
    else:
        items = data.draw(st.lists(objects(BSKY_KEYS), max_size=4))
        content = json.dumps({"feed": items, "cursor": "c"})
    result = outcome(scratch, content.encode(), source=kind)
    if not isinstance(result, InputError):
        assert len(result) <= len(json.loads(content.split("= ", 1)[-1]) if kind != "bluesky"
                                  else items)


cells = st.text(max_size=15) | dates | st.sampled_from(["X", "LinkedIn", "True", "123", ""])
HEADERS = {
    "hootsuite": None,
    "buffer": ["Text", "Image URL", "Tags", "Posting Time"],
    "csv": ["text", "date", "id", "author", "likes"],
    "twcs": ["tweet_id", "author_id", "inbound", "created_at", "text", "response_tweet_id",
             "in_response_to_tweet_id"],
}


@SETTINGS
@given(source=st.sampled_from(list(HEADERS)),
       rows=st.lists(st.lists(cells, min_size=1, max_size=7), min_size=1, max_size=5))
def test_random_csv_rows(scratch: Path, source: str, rows: list[list[str]]) -> None:
    out = io.StringIO()
    writer = csv.writer(out)
    header = HEADERS[source]
    if header:
        writer.writerow(header)
    writer.writerows(rows)
    result = outcome(scratch, out.getvalue().encode(), source=source)
    if isinstance(result, InputError):
        assert result.line is None or result.line >= 1
    else:
        assert len(result) <= len(rows)


# Pieces of JSON string content: plain text, escapes that pair up, lone halves, escaped
# backslashes that make the letters after them plain text.
ESCAPE_PIECES = st.sampled_from([
    "a", "é", "\U0001f680", " ", "\\n", '\\"', "\\\\", "\\ud83d\\ude80", "\\uD83D\\uDE80",
    "\\ud800", "\\udbff", "\\udc00", "\\uDFFF", "\\\\ud800", "\\\\\\ud800", "\\u00e9", "\\u0000",
])


@SETTINGS
@given(pieces=st.lists(ESCAPE_PIECES, min_size=1, max_size=12), crlf=st.booleans(),
       bom=st.booleans())
def test_lone_surrogates_are_refused_and_nothing_unencodable_gets_through(
        scratch: Path, pieces: list[str], crlf: bool, bom: bool) -> None:
    """A post imports exactly when its text is real text (encodable again); otherwise the
    error names the line. The same pieces decoded by Python's own JSON are the oracle."""
    text = "".join(pieces)
    line = ('{"id": "p1", "created_at": "2026-11-01T09:00:00Z", "text": "' + text + '"}')
    newline = "\r\n" if crlf else "\n"
    content = ("\ufeff" if bom else "") + '{"id": "p0", "created_at": "2026-11-01T09:00:00Z", ' \
        '"text": "first"}' + newline + line + newline
    try:
        json.loads(line)["text"].encode("utf-8")
        encodable = True
    except UnicodeEncodeError:
        encodable = False
    result = outcome(scratch, content.encode("utf-8"))
    if encodable:
        assert not isinstance(result, InputError), result
        assert all(json.dumps(post.model_dump(mode="json"), ensure_ascii=False).encode()
                   for post in result)  # type: ignore[attr-defined]
    else:
        assert isinstance(result, InputError) and result.line == 2, result
        assert "surrogate" in result.message


@SETTINGS
@given(sizes=st.lists(st.integers(0, 3), min_size=1, max_size=3),
       liar=st.sampled_from([None, 0, 10, 1 << 20]),
       listing=st.sampled_from(["normal", "duplicate", "reversed"]),
       cut=st.sampled_from([None, 30, 100, -22, -5]),
       with_tweets=st.booleans())
def test_random_zip_archives(scratch: Path, sizes: list[int], liar: int | None, listing: str,
                             cut: int | None, with_tweets: bool) -> None:
    """Zips with members of zeros (some lying about their size), duplicated or reordered
    directory entries and truncations: posts or an InputError, never anything else."""
    from tests.sources.zipbombs import TWEET, build, deflated, zeros

    members = [zeros(size) for size in sizes]
    for index, member in enumerate(members):
        member.name = f"data/tweets-part{index + 1}.js"
    if liar is not None:
        members[0].declared = liar
    if with_tweets:
        members.append(deflated("data/tweets.js", TWEET))
    entries = [(member.name, index) for index, member in enumerate(members)]
    if listing == "duplicate":
        entries = entries + entries[:1]
    elif listing == "reversed":
        entries = entries[::-1]
    data = build(members, listed=entries)
    if cut is not None:
        data = data[:cut]
    outcome(scratch, data, source="x-archive")
