"""One account per audit: a file's main account, --author, and files of several accounts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.errors import InputError
from assistant.sources import load_accounts, load_feed

MASTODON = [f"mastodon/account_statuses_schochastics_page{n}.json" for n in range(1, 6)]


def jsonl(tmp_path: Path, name: str, rows: list[tuple[str, str]]) -> Path:
    """Canonical posts: (id, author) pairs, a day apart."""
    path = tmp_path / name
    path.write_text("".join(
        json.dumps({"id": i, "author": a, "text": f"post {i}",
                    "created_at": f"2026-11-{n + 1:02d}T09:00:00Z"}) + "\n"
        for n, (i, a) in enumerate(rows)), encoding="utf-8")
    return path


def test_main_account_is_the_author_of_most_posts(tmp_path: Path) -> None:
    path = jsonl(tmp_path, "mixed.jsonl", [("1", "@brand"), ("2", "@fan"), ("3", "brand"),
                                           ("4", "@other"), ("5", "@Brand")])
    [loaded] = load_accounts(path)
    assert [p.id for p in loaded.feed.posts] == ["1", "3", "5"]
    assert (loaded.feed.account.name, loaded.left_out, loaded.other_accounts) == ("@brand", 2, 2)
    [fan] = load_accounts(path, author="fan")
    assert ([p.id for p in fan.feed.posts], fan.left_out) == (["2"], 4)


def test_pages_of_one_account_merge_and_other_accounts_stay_apart(realdata: Path) -> None:
    pages = [realdata / f for f in MASTODON]
    archive = realdata / "x_archive" / "visbot_tweets.js"
    loaded = load_accounts([pages[0], archive, *pages[1:]])
    assert [(a.feed.account.name, a.feed.account.platform, len(a.feed.posts)) for a in loaded] == [
        ("schochastics", "mastodon", 100), ("visbot", "x", 2096)]
    assert all(a.left_out == 0 for a in loaded)


def test_archive_parts_are_one_account(tmp_path: Path) -> None:
    def part(n: int, id_: str) -> Path:
        path = tmp_path / f"tweets-part{n}.js"
        path.write_text(f"window.YTD.tweets.part{n} = " + json.dumps([{"tweet": {
            "id_str": id_, "full_text": "hi", "created_at": "Wed Oct 10 20:19:24 +0000 2018"}}]),
            encoding="utf-8")
        return path

    [loaded] = load_accounts([part(0, "1"), part(1, "2")])
    assert len(loaded.feed.posts) == 2 and loaded.feed.account.name == "tweets"


def archive_and_part_without_media(realdata: Path, tmp_path: Path) -> tuple[Path, Path]:
    """A real archive as `tweets.js`, and `tweets-part1.js` with 5 of its tweets (new ids)
    that attach no media: nothing in that part shows whose it is."""
    text = (realdata / "x_archive" / "andreruffert_tweets.js").read_text(encoding="utf-8")
    entries = json.loads(text.split("=", 1)[1].strip().rstrip(";"))
    plain = [e for e in entries if not e["tweet"].get("entities", {}).get("media")][:5]
    for entry in plain:
        entry["tweet"]["id_str"] = entry["tweet"]["id"] = "9" + entry["tweet"]["id_str"]
    whole = tmp_path / "tweets.js"
    whole.write_text(text, encoding="utf-8")
    part = tmp_path / "tweets-part1.js"
    part.write_text("window.YTD.tweets.part1 = " + json.dumps(plain), encoding="utf-8")
    return whole, part


def test_an_archive_part_without_media_joins_the_account_the_other_part_shows(
        realdata: Path, tmp_path: Path) -> None:
    whole, part = archive_and_part_without_media(realdata, tmp_path)
    for files in ([whole, part], [part, whole]):
        [loaded] = load_accounts(files)
        assert (loaded.feed.account.name, len(loaded.feed.posts)) == ("andreruffert", 505)
        assert {p.author for p in loaded.feed.posts} == {"andreruffert"}
    [named] = load_accounts([whole, part], name="Andre")
    assert (named.feed.account.name, len(named.feed.posts)) == ("Andre", 505)
    [chosen] = load_accounts([part, whole], author="andreruffert")
    assert (len(chosen.feed.posts), chosen.left_out) == (505, 0)
    merged = load_feed([part, whole])
    assert merged.account.name == "andreruffert"
    assert {p.author for p in merged.posts} == {"andreruffert"}


def test_a_part_without_media_is_not_given_to_one_of_two_accounts(
        realdata: Path, tmp_path: Path) -> None:
    """With two accounts shown, a part named only by its file cannot be told apart."""
    whole, part = archive_and_part_without_media(realdata, tmp_path)
    other = realdata / "x_archive" / "visbot_tweets.js"
    loaded = load_accounts([whole, other, part])
    assert [(a.feed.account.name, len(a.feed.posts)) for a in loaded] == [
        ("andreruffert", 500), ("visbot", 2096), ("tweets", 5)]
    with pytest.raises(InputError, match="--name names one account, but the files hold 3: "
                       "andreruffert .*visbot .*tweets "):
        load_accounts([whole, other, part], name="Team")
    [mine] = load_accounts([part, other], author="visbot")
    assert (len(mine.feed.posts), mine.left_out) == (2101, 0)


def test_name_says_whose_archive_parts_without_media_are(realdata: Path,
                                                         tmp_path: Path) -> None:
    _, part = archive_and_part_without_media(realdata, tmp_path)
    renamed = tmp_path / "export.js"
    renamed.write_text(part.read_text(encoding="utf-8").replace("part1", "part0"),
                       encoding="utf-8")
    assert len(load_accounts([part, renamed])) == 2
    [named] = load_accounts([part, renamed], name="Andre")
    assert named.feed.account.name == "Andre" and len(named.feed.posts) == 5
    assert {p.author for p in named.feed.posts} == {"Andre"}


def test_files_naming_no_author_are_apart_unless_named(realdata: Path) -> None:
    files = [realdata / "hootsuite/example.csv", realdata / "buffer/X_Buffer_Import_Template.csv"]
    assert [a.feed.account.name for a in load_accounts(files)] == [
        "example", "X_Buffer_Import_Template"]
    [one] = load_accounts(files, name="Acme")
    assert (one.feed.account.name, len(one.feed.posts)) == ("Acme", 6)
    assert {p.author for p in one.feed.posts} == {"Acme"}


def test_a_blogs_bylines_are_not_accounts(realdata: Path) -> None:
    [blog] = load_accounts(realdata / "rss/AmazonWebServicesBlog.xml")
    assert (blog.feed.account.name, len(blog.feed.posts), blog.left_out) == (
        "Amazon Web Services Blog", 10, 0)


def test_name_for_several_accounts_and_an_unknown_author_are_errors(realdata: Path) -> None:
    files = [realdata / "x_archive/visbot_tweets.js",
             realdata / "bluesky/benoist_getAuthorFeed.json"]
    with pytest.raises(InputError, match="--name names one account, but the files hold 2: "
                       "visbot .*benoist.dev"):
        load_accounts(files, name="Mine")
    with pytest.raises(InputError, match=r"no posts by @nobody in .*\(authors there: visbot 2096"):
        load_accounts(files, author="@nobody")
    [chosen] = load_accounts(files, author="benoist.dev")
    assert chosen.feed.account.platform == "bluesky" and chosen.left_out == 2096
