"""Bad files give one clear InputError naming the file and line, and nothing partial."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.errors import InputError
from assistant.sources import detect_format, load_feed, load_posts
from tests.conftest import REALDATA

GOOD_LINE = '{"id": "p1", "created_at": "2026-11-01T09:00:00Z", "text": "fine"}'


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


def failure(paths: list[Path], **options: object) -> InputError:
    with pytest.raises(InputError) as caught:
        load_posts(paths, **options)  # type: ignore[arg-type]
    return caught.value


@pytest.mark.parametrize("source", [None, "jsonl", "x-archive", "mastodon", "bluesky", "rss",
                                    "hootsuite", "buffer", "csv", "twcs"])
def test_empty_file(tmp_path: Path, source: str | None) -> None:
    path = write(tmp_path, "empty.json", "\n  \n")
    error = failure([path], source=source)
    assert error.path == str(path) and "empty" in error.message


@pytest.mark.parametrize(("name", "content", "source", "line"), [
    ("posts.jsonl", GOOD_LINE + "\n\n" + GOOD_LINE[:30] + "\n", "jsonl", 3),
    ("tweets.js", 'window.YTD.tweets.part0 = [\n  {"tweet": {\n    "id_str": "1",\n', None, 4),
    ("page.json", '[\n  {"id": "1", "in_reply_to_id": null, "reblog": null,\n', None, 3),
    ("feed.json", '{"feed": [\n {"post": \n', None, 3),
])
def test_truncated_json_names_the_line(tmp_path: Path, name: str, content: str,
                                       source: str | None, line: int) -> None:
    path = write(tmp_path, name, content)
    error = failure([path], source=source)
    assert (error.path, error.line) == (str(path), line)
    assert "invalid JSON" in error.message
    assert str(error).startswith(f"{path}:{line}: ")


@pytest.mark.parametrize("source", ["jsonl", "hootsuite", "buffer", "csv", "x-archive"])
def test_non_utf8_bytes_name_the_line(tmp_path: Path, source: str) -> None:
    path = write(tmp_path, "latin1.txt", b"Text,Posting Time\nok,2026-01-01 10:00\ncaf\xe9,x\n")
    error = failure([path], source=source)
    assert (error.line, error.message.startswith("not UTF-8")) == (3, True)


def test_wrong_format_for_the_named_source(tmp_path: Path) -> None:
    path = write(tmp_path, "posts.jsonl", GOOD_LINE + "\n")
    assert "getAuthorFeed" in failure([path], source="bluesky").message
    assert "missing field 'account'" in failure([path], source="mastodon").message
    assert "RSS or Atom" in failure([path], source="rss").message


def test_unrecognisable_file(tmp_path: Path) -> None:
    path = write(tmp_path, "notes.txt", "Remember to post more\n")
    error = failure([path])
    assert error.path == str(path) and "cannot tell the format" in error.message


def test_csv_missing_column(tmp_path: Path) -> None:
    path = write(tmp_path, "export.csv", "body,when\nhello,2026-01-01\n")
    error = failure([path], mapping={"text": "body", "created_at": "date"})
    assert error.line == 1 and "missing column 'date'" in error.message
    error = failure([write(tmp_path, "b.csv", "Caption,Posting Time\nhi,2026-01-01 10:00\n")],
                    source="buffer")
    assert error.line == 1 and "Text" in error.message
    error = failure([write(tmp_path, "c.csv", "title,author\nA,B\n")])
    assert error.line == 1 and "no column for text" in error.message


def test_unknown_mapping_field(tmp_path: Path) -> None:
    path = write(tmp_path, "export.csv", "body,date\nhello,2026-01-01\n")
    assert "unknown mapping field" in failure([path], mapping={"txt": "body"}).message


@pytest.mark.parametrize(("source", "content", "line"), [
    ("hootsuite", "2026-01-01 10:00:00,ok\n2026-13-45 99:00:00,bad date\n", 2),
    ("buffer", 'Text,Posting Time\n"multi\nline",2026-01-01 10:00\nsecond,someday\n', 4),
    ("csv", "text,date\nok,2026-01-01\nbad,not a date\n", 3),
    ("twcs", ("tweet_id,author_id,inbound,created_at,text,response_tweet_id,"
              "in_response_to_tweet_id\n1,brand,False,Wed Oct 11 06:55:44 +0000 2017,hi,,\n"
              "2,brand,False,yesterday,hi,,\n"), 3),
    ("jsonl", GOOD_LINE + '\n{"id": "p2", "created_at": "2026-11-01T09:00:00", "text": "x"}\n',
     2),
])
def test_bad_date_names_the_row(tmp_path: Path, source: str, content: str, line: int) -> None:
    error = failure([write(tmp_path, "data.csv", content)], source=source)
    assert error.line == line, str(error)
    assert "date" in error.message or "time zone" in error.message


def test_hootsuite_row_with_wrong_column_count(tmp_path: Path) -> None:
    error = failure([write(tmp_path, "h.csv", "2026-01-01 10:00:00,a,b,c,d\n")],
                    source="hootsuite")
    assert error.line == 1 and "columns" in error.message


@pytest.mark.parametrize("source", ["hootsuite", "buffer", "csv"])
def test_absurdly_long_csv_field(tmp_path: Path, source: str) -> None:
    header = "" if source == "hootsuite" else "text,Posting Time\n"
    content = header + "2026-01-01 10:00:00,ok\n" + '"' + "x" * 300_000 + '",2026-01-01 10:00\n'
    if source != "hootsuite":
        content = header + '"' + "x" * 300_000 + '",2026-01-01 10:00\n'
    error = failure([write(tmp_path, "long.csv", content)], source=source)
    assert error.line is not None and "longer than" in error.message


def test_absurdly_long_jsonl_text(tmp_path: Path) -> None:
    huge = json.dumps({"id": "p", "created_at": "2026-11-01T09:00:00Z", "text": "y" * 300_000})
    error = failure([write(tmp_path, "big.jsonl", GOOD_LINE + "\n" + huge + "\n")])
    assert error.line == 2 and "longer than" in error.message


def test_absurdly_long_tweet(tmp_path: Path) -> None:
    entry = {"tweet": {"id_str": "1", "full_text": "z" * 300_000,
                       "created_at": "Wed Oct 10 20:19:24 +0000 2018"}}
    error = failure([write(tmp_path, "tweets.js", "window.YTD.tweets.part0 = "
                           + json.dumps([entry]))])
    assert "tweet 1 (id 1)" in error.message and "300,000 characters" in error.message


@pytest.mark.parametrize(("content", "expected"), [
    ('[{"tweet": {"id_str": "1", "full_text": "x", "created_at": "yesterday"}}]', "tweet 1"),
    ('[{"tweet": {"full_text": "x"}}]', "missing field 'id'"),
    ('[{"tweet": ["not", "an", "object"]}]', "expected an object"),
    (('[{"tweet": {"id_str": "1", "created_at": "Wed Oct 10 20:19:24 +0000 2018", '
      '"favorite_count": "many"}}]'), "tweet 1 (id 1)"),
])
def test_x_archive_entry_problems_name_the_entry(tmp_path: Path, content: str,
                                                 expected: str) -> None:
    error = failure([write(tmp_path, "tweets.js", "window.YTD.tweets.part0 = " + content)])
    assert expected in error.message and error.path.endswith("tweets.js")


@pytest.mark.parametrize("created_at", ["null", '""'])
def test_tweet_without_a_time_says_it_is_missing(tmp_path: Path, created_at: str) -> None:
    content = f'[{{"tweet": {{"id_str": "7", "full_text": "x", "created_at": {created_at}}}}}]'
    error = failure([write(tmp_path, "tweets.js", "window.YTD.tweets.part0 = " + content)])
    assert error.message == "tweet 1 (id 7): created_at is missing"


@pytest.mark.parametrize("missing", ["NaN", "nan", "", "null"])
def test_csv_count_written_as_nan_is_no_count(tmp_path: Path, missing: str) -> None:
    """pandas writes a missing count as NaN (and a float column's counts as 4.0)."""
    path = write(tmp_path, "posts.csv", "id,text,created_at,likes,shares\n"
                 f"1,hello,2026-11-01T09:00:00Z,{missing},4.0\n")
    post = load_posts([path])[0]
    assert post.metrics is not None
    assert (post.metrics.likes, post.metrics.shares) == (None, 4)


def test_json_count_nan_is_no_count(tmp_path: Path) -> None:
    path = write(tmp_path, "dump.json", '[{"id_str": "1", "full_text": "x", "created_at": '
                 '"Wed Oct 10 20:19:24 +0000 2018", "favorite_count": NaN, '
                 '"retweet_count": 2, "user": {"screen_name": "brand"}}]')
    post = load_posts([path])[0]
    assert post.metrics is not None and (post.metrics.likes, post.metrics.shares) == (None, 2)


def test_mastodon_status_without_account(tmp_path: Path) -> None:
    content = ('[{"id": "9", "created_at": "2025-06-24T17:35:19Z", "in_reply_to_id": null, '
               '"reblog": null}]')
    error = failure([write(tmp_path, "page.json", content)])
    assert error.message == "status 1 (id 9): missing field 'account'"


def test_jsonl_line_that_is_not_a_post(tmp_path: Path) -> None:
    path = write(tmp_path, "p.jsonl", GOOD_LINE + '\n{"id": "p2", "text": "no date"}\n[1]\n')
    error = failure([path])
    assert error.line == 2 and "created_at" in error.message
    path = write(tmp_path, "q.jsonl", GOOD_LINE + '\n{"id": "p2", "created_at": '
                 '"2026-11-01T09:00:00Z", "kind": "advert"}\n')
    assert failure([path]).line == 2


def test_broken_zip(tmp_path: Path) -> None:
    error = failure([write(tmp_path, "archive.zip", b"PK\x03\x04" + b"\x00" * 50)])
    assert error.path.endswith("archive.zip") and "zip" in error.message


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert failure([tmp_path / "nope.csv"]).message == "file not found"
    assert "folder" in failure([tmp_path]).message


@pytest.mark.parametrize(("options", "expected"), [
    ({"source": "myspace"}, "unknown source"),
    ({"platform": "myspace"}, "unknown platform"),
    ({"tz": "Mars/Olympus"}, "unknown time zone"),
])
def test_bad_options(tmp_path: Path, options: dict[str, str], expected: str) -> None:
    path = write(tmp_path, "p.jsonl", GOOD_LINE + "\n")
    assert expected in failure([path], **options).message


def test_bad_owner(tmp_path: Path) -> None:
    path = write(tmp_path, "p.jsonl", GOOD_LINE + "\n")
    with pytest.raises(InputError, match="owner"):
        load_feed([path], owner="intern")


def test_import_is_all_or_nothing(tmp_path: Path) -> None:
    """One bad file among good ones: the caller gets an error and no posts at all."""
    good = write(tmp_path, "good.jsonl", GOOD_LINE + "\n")
    bad = write(tmp_path, "bad.jsonl", GOOD_LINE.replace("p1", "p2") + "\n{oops\n")
    result: list[object] | None = None
    with pytest.raises(InputError) as caught:
        result = load_posts([good, bad])  # type: ignore[assignment]
    assert result is None and caught.value.path == str(bad) and caught.value.line == 2
    assert [p.id for p in load_posts([good])] == ["p1"]  # and the good file alone still loads


@pytest.mark.parametrize(("text", "refused"), [
    ("fine \\ud83d\\ude80 rocket", False),   # a pair: one character
    ("a backslash \\\\ud800 then letters", False),
    ("\\ud800 alone", True),
    ("\\udc00 a low half first", True),
    ("\\ud83d\\\\ude80 a high half, then a backslash", True),
    ("\\\\\\ud800 an escaped backslash, then a lone half", True),
])
def test_lone_surrogate_escapes_in_json_name_the_line(tmp_path: Path, text: str,
                                                      refused: bool) -> None:
    path = write(tmp_path, "posts.jsonl", GOOD_LINE + "\n" + GOOD_LINE.replace(
        '"fine"', f'"{text}"').replace('"p1"', '"p2"') + "\n")
    if refused:
        error = failure([path])
        assert (error.line, "surrogate pair" in error.message) == (2, True)
    else:
        assert len(load_posts([path])) == 2


def test_surrogate_like_letters_in_a_csv_are_plain_text(tmp_path: Path) -> None:
    path = write(tmp_path, "posts.csv", "Text,Posting Time\n"
                 "Escape sequences like \\ud800 explained,2026-01-01 10:00\n")
    assert "\\ud800" in load_posts([path], source="buffer")[0].text


def test_a_str_with_a_real_lone_surrogate_is_refused() -> None:
    from assistant.sources.jsonl import parse_jsonl

    with pytest.raises(InputError) as caught:
        parse_jsonl('{"id": "1"}\n{"id": "2", "text": "x \ud800"}\n', "posts.jsonl")
    assert caught.value.line == 2


def test_a_device_or_endless_pipe_is_refused_at_the_limit() -> None:
    from assistant.sources._common import read_input

    with pytest.raises(InputError) as caught:
        read_input("/dev/zero", limit=5 << 20)
    assert "more than 5,242,880 bytes" in caught.value.message


def test_a_file_over_the_limit_is_refused_unread(tmp_path: Path) -> None:
    from assistant.sources._common import read_input

    path = tmp_path / "huge.jsonl"
    with path.open("wb") as sparse:  # 3 GB that take no disk space and must not be read
        sparse.truncate(3 << 30)
    with pytest.raises(InputError) as caught:
        read_input(path)
    assert caught.value.message == "file is 3,221,225,472 bytes (limit 1,073,741,824)"


def test_zip_entry_count_is_checked_before_the_directory_is_built() -> None:
    from assistant.sources._zip import BoundedZip, entry_count
    from tests.sources.zipbombs import build, deflated

    member = deflated("data/tweets.js", b"[]")
    data = build([member] + [deflated(f"media/{i}.jpg", b"x") for i in range(20)])
    assert entry_count(data) == 21
    with pytest.raises(InputError) as caught:
        BoundedZip(data, "archive.zip", max_entries=20)
    assert caught.value.message == "zip archive lists 21 entries (limit 20)"


def test_zip_budget_covers_every_member_read() -> None:
    from assistant.sources._zip import BoundedZip
    from tests.sources.zipbombs import build, deflated

    parts = [deflated(f"data/tweets-part{i}.js", b"x" * 600) for i in range(3)]
    archive = BoundedZip(build(parts), "archive.zip", budget=1000)
    with pytest.raises(InputError):
        archive.find(lambda name: name.startswith("data/"))  # 1,800 declared > 1,000
    first = archive.find(lambda name: name.endswith("part0.js"))[0]
    assert archive.read(first) == b"x" * 600
    with pytest.raises(InputError):  # 400 bytes of budget left, 600 declared
        archive.find(lambda name: name.endswith("part1.js"))


def test_a_source_that_does_not_fit_says_what_the_file_looks_like() -> None:
    from assistant.sources import load_posts

    rss = REALDATA / "rss" / "TypePadNews.xml"
    with pytest.raises(InputError) as refused:
        load_posts([rss], source="mastodon")
    assert "looks like rss, not mastodon" in str(refused.value) and "--source rss" in str(refused.value)


def test_unknown_sources_and_missing_columns_say_what_to_type(tmp_path: Path) -> None:
    from assistant.sources import load_posts

    odd = tmp_path / "odd.csv"
    odd.write_text("foo,bar\n1,2\n")
    with pytest.raises(InputError, match=r"name it with --map text=<column>"):
        load_posts([odd])
    with pytest.raises(InputError, match=r"did you mean 'jsonl'"):
        load_posts([odd], source="jsnl")


# An unquoted comma in a text splits the row: the part past the last column was dropped
# without a word ("20% off all cakes, buy now https://..." kept "20% off all cakes").
CUT_TEXT = "Limited time! 20% off all cakes, buy now https://acme.example/shop"


@pytest.mark.parametrize(("source", "content"), [
    ("csv", f"created_at,text\n2026-01-01 10:00,ok\n2026-01-01 10:00,{CUT_TEXT}\n"),
    ("buffer", f"Posting Time,Text\n2026-01-01 10:00,ok\n2026-01-01 10:00,{CUT_TEXT}\n"),
    ("twcs", ("tweet_id,author_id,inbound,created_at,in_response_to_tweet_id,text\n"
              "1,brand,False,Wed Oct 11 06:55:44 +0000 2017,,ok\n"
              f"2,brand,False,Wed Oct 11 06:56:44 +0000 2017,,{CUT_TEXT}\n")),
])
def test_a_row_wider_than_its_header_is_refused(tmp_path: Path, source: str,
                                                content: str) -> None:
    path = write(tmp_path, "export.csv", content)
    for forced in (source, None):  # named or detected
        error = failure([path], source=forced)
        assert (error.path, error.line) == (str(path), 3), str(error)
        width = content.split("\n", 1)[0].count(",") + 1
        assert f"{width + 1} fields but the header has {width} columns" in error.message
        assert "quoted" in error.message


def test_empty_fields_past_the_header_are_harmless(tmp_path: Path) -> None:
    """A trailing comma or a spreadsheet's padding is not a text cut in two."""
    path = write(tmp_path, "export.csv", "text,created_at\nhello,2026-01-01 10:00,,\n"
                                         "bye,2026-01-02 10:00, \n")
    assert [post.text for post in load_posts([path])] == ["hello", "bye"]
    buffer = write(tmp_path, "buffer.csv", "Text,Posting Time\nhello,2026-01-01 10:00,\n")
    assert [post.text for post in load_posts([buffer])] == ["hello"]


def test_a_hootsuite_message_cut_at_a_comma_is_refused(tmp_path: Path) -> None:
    """Headerless: the rest of the message lands in the link column, which no link fits."""
    path = write(tmp_path, "h.csv", f"2026-01-01 10:00:00,ok,https://acme.example\n"
                                    f"2026-01-01 10:30:00,{CUT_TEXT}\n")
    error = failure([path])
    assert (error.path, error.line) == (str(path), 2)
    assert "'buy now https://acme.example/shop', which is not a link" in error.message
    assert "quoted" in error.message
    error = failure([write(tmp_path, "h4.csv", f"2026-01-01 10:30:00,{CUT_TEXT},https://a.b\n")])
    assert "found 4 columns" in error.message and "quoted" in error.message
    # the rest of the message is one word: no space, and no link either
    error = failure([write(tmp_path, "h1.csv", "2026-01-01 10:30:00,Big news,everyone\n")])
    assert "'everyone', which is not a link" in error.message


def test_real_csv_exports_fit_their_headers() -> None:
    counts = {path.name: len(load_posts([path]))
              for folder in ("buffer", "hootsuite", "support_tweets")
              for path in sorted((REALDATA / folder).glob("*.csv"))}
    assert counts == {"X_Buffer_Import_Template.csv": 3, "buffer-30-day-schedule.csv": 100,
                      "buffer-all-platforms.csv": 29, "example.csv": 3,
                      "hbc_bsidesphilly_sponsors.csv": 23, "twcs_sample.csv": 93}


MISSPELT = '{"id": "1", "created_at": "2026-01-01T00:00:00Z", "txt": "hello"}'


@pytest.mark.parametrize(("content", "line"), [
    (MISSPELT + "\n", 1),  # alone: was read as a dump, one post without text, 100/100
    (MISSPELT + "\n" + GOOD_LINE + "\n", 1),
    (GOOD_LINE + "\n" + MISSPELT + "\n", 2),
])
def test_a_canonical_post_with_a_misspelt_key_is_refused(tmp_path: Path, content: str,
                                                         line: int) -> None:
    path = write(tmp_path, "posts.jsonl", content)
    assert detect_format(path, content.encode()) == "jsonl"
    for source in (None, "jsonl"):
        error = failure([path], source=source)
        assert (error.path, error.line) == (str(path), line)
        assert error.message == "invalid post: txt: Extra inputs are not permitted"


@pytest.mark.parametrize("content", [
    f'[{GOOD_LINE},\n {MISSPELT}]\n',
    '{"id": 1, "created_at": "2026-01-01T00:00:00Z", "text": "a dump"}\n' + MISSPELT + "\n",
    '{\n  "id": "1",\n  "created_at": "2026-01-01T00:00:00Z",\n  "txt": "hello"\n}\n',
])
def test_generic_json_refuses_a_canonical_post_with_a_misspelt_key(tmp_path: Path,
                                                                    content: str) -> None:
    path = write(tmp_path, "dump.json", content)
    assert detect_format(path, content.encode()) == "json"
    error = failure([path])
    assert error.path == str(path) and "txt: Extra inputs are not permitted" in error.message


@pytest.mark.parametrize(("extra", "text"), [
    ('"text": "hi", "lang": "en"', "hi"),  # a dump's post: text and fields of its own
    ('"content": "hi", "lang": "en"', "hi"),  # text under a name the reader knows
    ('"image_url": "https://a.example/x.png"', ""),  # a photo without words, every key known
    ('"username": "bakery"', ""),
    # fields of the export's own, not misspellings of a post's: a photo and its description,
    # a language, an attachment list
    ('"image_url": "https://a.example/x.png", "alt_text": "a cake"', ""),
    ('"lang": "en"', ""),
    ('"attachments": [], "shared_post_id": "9"', ""),
])
def test_post_like_objects_with_canonical_ids_and_dates_still_read(tmp_path: Path, extra: str,
                                                                   text: str) -> None:
    path = write(tmp_path, "dump.jsonl",
                 f'{{"id": "1", "created_at": "2026-01-01T00:00:00Z", {extra}}}\n')
    [post] = load_posts([path])
    assert (post.id, post.text) == ("1", text)


@pytest.mark.parametrize(("path", "what"), [
    # headerless: as csv, its first post would be read as the header
    (REALDATA / "hootsuite" / "example.csv", "a Hootsuite file, whose columns are fixed "
     "(and headerless): drop --map"),
    (REALDATA / "buffer" / "buffer-all-platforms.csv", "a Buffer file"),
    (REALDATA / "mastodon" / "account_statuses_schochastics_page1.json",
     "Mastodon statuses: drop --map"),
    (REALDATA / "bluesky" / "benoist_getAuthorFeed.json", "a Bluesky feed"),
    (REALDATA / "rss" / "TypePadNews.xml", "an RSS or Atom feed"),
    (REALDATA / "x_archive" / "visbot_tweets.js", "an X archive"),
])
def test_a_mapping_no_file_reads_is_refused(path: Path, what: str) -> None:
    """--map was silently ignored by every format but csv, twcs and json."""
    error = failure([path], mapping={"text": "body"})
    assert error.path == str(path)
    assert error.message.startswith("--map applies to CSV files and generic JSON "
                                    "(--source csv, twcs or json), and this file is ")
    assert what in error.message


def test_a_mapping_on_canonical_json_lines_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "posts.jsonl", GOOD_LINE + "\n")
    for mapping in ({"foo": "bar"}, {"text": "body"}):
        error = failure([path], mapping=mapping)
        assert (error.path, error.message) == (str(path), (
            "--map applies to CSV files and generic JSON (--source csv, twcs or json), and "
            "this file is canonical JSON Lines, whose fields are a post's own: drop --map, "
            "or add --source json to map its fields"))
    error = failure([path], mapping={"text": "body"}, source="jsonl")
    assert error.path is None and "not to --source jsonl" in error.message
    # Read as generic JSON, the mapping applies (and names what is wrong with it).
    assert "unknown mapping field(s) foo" in failure([path], mapping={"foo": "bar"},
                                                     source="json").message
    [post] = load_posts([path], mapping={"author": "id"}, source="json")
    assert post.author == "p1"


def test_a_mapping_applies_when_one_of_the_files_reads_it(tmp_path: Path) -> None:
    """Pages of one feed in two formats: the mapping is for the CSV, the JSON Lines file
    reads as it always did."""
    jsonl = write(tmp_path, "old.jsonl", GOOD_LINE + "\n")
    export = write(tmp_path, "new.csv", "body,when\nlater,2026-12-01 10:00\n")
    posts = load_posts([jsonl, export], mapping={"text": "body", "created_at": "when"})
    assert [post.text for post in posts] == ["fine", "later"]
