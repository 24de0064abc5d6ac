"""Export formats: each writer's file reads back through our importers to the same posts,
whatever the text holds (commas, quotes, line breaks, emoji), in the profile's time zone."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from assistant.approvals.writers import write
from assistant.models import Post
from assistant.sources import load_posts

POSTS = [
    Post(id="q1", platform="linkedin", created_at=datetime(2031, 3, 30, 1, 30, tzinfo=UTC),
         text='We said "yes", then: a new bakery.\nSee https://acme.example/news 🥐',
         media=[{"type": "image", "url": "https://cdn.example/a.jpg", "alt": "Three loaves"}]),
    Post(id="q2", platform="linkedin", created_at=datetime(2031, 3, 31, 9, 0, tzinfo=UTC),
         text="Plain, simple; done."),
]


@pytest.mark.parametrize("fmt", ["buffer", "hootsuite", "jsonl"])
def test_exported_files_read_back_to_the_same_posts(fmt: str, tmp_path: Path) -> None:
    path = tmp_path / f"out.{'jsonl' if fmt == 'jsonl' else 'csv'}"
    path.write_text(write(fmt, POSTS), encoding="utf-8")
    back = load_posts(path, source=fmt)
    assert [p.text for p in back] == [p.text for p in POSTS]
    assert [p.created_at for p in back] == [p.created_at for p in POSTS]
    if fmt == "buffer":
        assert back[0].media[0].url == "https://cdn.example/a.jpg"
        assert path.read_text().splitlines()[0] == "Text,Image URL,Tags,Posting Time"
    if fmt == "hootsuite":
        assert back[0].urls == ["https://acme.example/news"]
        # Hootsuite ends the message with the link column: a link the text holds stays out
        assert path.read_text().splitlines()[-1] == "2031-03-31 09:00:00,\"Plain, simple; done.\","
    if fmt == "jsonl":
        assert back == POSTS  # everything kept: platform, media and alt text


def test_hootsuite_link_column_holds_only_a_link_the_text_does_not() -> None:
    attached = Post(id="q3", platform="linkedin", created_at=datetime(2031, 4, 1, 9, 0, tzinfo=UTC),
                    text="Our spring menu is here", urls=["https://acme.example/menu"])
    assert write("hootsuite", [attached]) == \
        "2031-04-01 09:00:00,Our spring menu is here,https://acme.example/menu\n"
    assert write("hootsuite", POSTS[:1]).endswith('news 🥐",\n')  # its link is in its text


def test_times_are_written_in_the_profiles_zone(tmp_path: Path) -> None:
    london = ZoneInfo("Europe/London")  # clocks go forward at 01:00 UTC on 30 March 2031
    text = write("buffer", POSTS, london)
    assert "3/30/2031 02:30" in text and "3/31/2031 10:00" in text
    path = tmp_path / "london.csv"
    path.write_text(text, encoding="utf-8")
    assert [p.created_at for p in load_posts(path, tz="Europe/London")] == \
        [p.created_at for p in POSTS]
