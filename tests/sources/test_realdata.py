"""Every real export imports with the counts its README gives, and the fields users see."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from assistant.sources import UNDATED, detect_format, load_feed, load_posts

MASTODON = [f"mastodon/account_statuses_schochastics_page{n}.json" for n in range(1, 6)]

# files, format, posts, replies, reposts, quotes, account name, account platform
CASES = [
    (["x_archive/andreruffert_tweets.js"], "x-archive", 500, 166, 163, 28, "andreruffert", "x"),
    (["x_archive/linchwyjournal_tweets.js"], "x-archive", 154, 39, 6, 11, "LincHwyJournal",
     "x"),
    (["x_archive/visbot_tweets.js"], "x-archive", 2096, 77, 87, 2, "visbot", "x"),
    (MASTODON, "mastodon", 100, 60, 1, 0, "schochastics", "mastodon"),
    (["bluesky/benoist_getAuthorFeed.json"], "bluesky", 30, 0, 28, 0, "benoist.dev", "bluesky"),
    (["rss/LinkBuildingBlog.xml"], "rss", 10, 0, 0, 0, "MediaWhiz Blog", "blog"),
    (["rss/DarrenHermanMarketingAdvertisingMediaandTechnologyBlo.xml"], "rss", 10, 0, 0, 0,
     "Darren Herman", "blog"),
    (["rss/GiantRobotsSmashingIntoOtherGiantRobots.xml"], "rss", 3, 0, 0, 0,
     "Giant Robots Smashing Into Other Giant Robots", "blog"),
    (["rss/TypePadNews.xml"], "rss", 10, 0, 0, 0, "Everything Typepad", "blog"),
    (["rss/AmazonWebServicesBlog.xml"], "rss", 10, 0, 0, 0, "Amazon Web Services Blog", "blog"),
    (["rss/youtube_atom.xml"], "rss", 15, 0, 0, 0, "Google", "blog"),
    (["hootsuite/hbc_bsidesphilly_sponsors.csv"], "hootsuite", 23, 0, 0, 0,
     "hbc_bsidesphilly_sponsors", "x"),
    (["hootsuite/example.csv"], "hootsuite", 3, 0, 0, 0, "example", "x"),
    (["buffer/buffer-30-day-schedule.csv"], "buffer", 100, 0, 0, 0, "buffer-30-day-schedule", "x"),
    (["buffer/buffer-all-platforms.csv"], "buffer", 29, 0, 0, 0, "buffer-all-platforms", "x"),
    (["buffer/X_Buffer_Import_Template.csv"], "buffer", 3, 0, 0, 0, "X_Buffer_Import_Template",
     "x"),
    (["support_tweets/twcs_sample.csv"], "twcs", 93, 68, 0, 0, "twcs_sample", "x"),
]


@pytest.mark.parametrize(("files", "fmt", "posts", "replies", "reposts", "quotes", "name",
                          "platform"),
                         CASES, ids=[c[0][0] for c in CASES])
def test_real_export_imports_with_readme_counts(
    realdata: Path, files: list[str], fmt: str, posts: int, replies: int, reposts: int,
    quotes: int, name: str, platform: str,
) -> None:
    paths = [realdata / f for f in files]
    assert {detect_format(p, p.read_bytes()[:65536]) for p in paths} == {fmt}
    feed = load_feed(paths)
    kinds = [p.kind for p in feed.posts]
    assert (len(kinds), kinds.count("reply"), kinds.count("repost"), kinds.count("quote")) == (
        posts, replies, reposts, quotes)
    assert (feed.account.name, feed.account.platform) == (name, platform)
    times = [p.created_at for p in feed.posts]
    assert times == sorted(times)
    assert all(t.utcoffset() is not None for t in times)
    assert all(p.author for p in feed.posts)


def test_every_real_file_is_covered_by_the_table(realdata: Path) -> None:
    covered = {f for case in CASES for f in case[0]}
    on_disk = {str(p.relative_to(realdata)) for p in realdata.rglob("*") if p.is_file()}
    assert on_disk - {"README.md"} == covered


def test_x_archive_fields(realdata: Path) -> None:
    posts = {p.id: p for p in load_posts([realdata / "x_archive/andreruffert_tweets.js"])}
    photo = posts["1588091220244369409"]
    assert photo.created_at == datetime(2022, 11, 3, 8, 50, 26, tzinfo=UTC)
    assert photo.media[0].type == "image" and photo.media[0].alt is None
    assert photo.media[0].url == "https://pbs.twimg.com/media/FgoIitdWAAAL87b.jpg"
    # the t.co link of the attached photo is not a link the post shares
    assert photo.urls == []
    assert photo.metrics is not None and photo.metrics.likes == 5 and photo.metrics.shares == 1
    assert photo.hashtags == ["LeadDevBerlin"]
    replies = [p for p in posts.values() if p.kind == "reply"]
    # 24 replies name only the person answered (in_reply_to_user_id_str): no parent id
    assert sum(1 for p in replies if p.in_reply_to and p.in_reply_to.isdigit()) == 142
    assert not any("&amp;" in p.text for p in posts.values())
    assert any(p.urls and p.urls[0].startswith("http") and "t.co/" not in p.urls[0]
               for p in posts.values())


def test_mastodon_fields(realdata: Path) -> None:
    posts = load_posts([realdata / f for f in MASTODON])
    by_id = {p.id: p for p in posts}
    first = by_id["114739545367952761"]
    assert first.text.startswith("@petejones I am not too familiar with \"domain law\"")
    assert first.author == "schochastics" and first.platform == "mastodon"
    reblog = next(p for p in posts if p.kind == "repost")
    assert reblog.text.startswith("I'll be giving my inaugural talk next week")
    alts = [m.alt for p in posts for m in p.media]
    assert None in alts and "" not in alts
    assert "Hex sticker of the R package rchroma which shows a colorful database icon" in alts
    assert any(p.hashtags == ["rstats"] for p in posts)
    # 8 replies lost their parent (in_reply_to_id null, in_reply_to_account_id kept)
    assert sum(1 for p in posts if p.kind == "reply" and p.in_reply_to) == 52


def test_mastodon_pages_given_twice_are_de_duplicated(realdata: Path) -> None:
    pages = [realdata / f for f in MASTODON]
    assert len(load_posts(pages + pages[:2])) == 100


def test_bluesky_fields(realdata: Path) -> None:
    posts = load_posts([realdata / "bluesky/benoist_getAuthorFeed.json"])
    own = [p for p in posts if p.kind == "post"]
    assert [p.author for p in own] == ["benoist.dev", "benoist.dev"]
    # empty alt strings mean missing alt text, as null does on Mastodon
    alts = [m.alt for p in own for m in p.media]
    assert sorted(alts, key=str) == [
        None, "Todo santeros in Guatemala during the feria de todos santos. "]
    assert all(p.author == "benoist.dev" for p in posts)  # reposts are the owner's act
    repost = next(p for p in posts if "musicboxtheatre.com" in " ".join(p.urls))
    assert repost.urls[0] == "https://musicboxtheatre.com/films-and-events/anora"


def test_rss_fields(realdata: Path) -> None:
    posts = load_posts([realdata / "rss/AmazonWebServicesBlog.xml"])
    assert all(p.platform == "blog" and p.kind == "post" and p.title for p in posts)
    assert all(len(p.urls) == 1 and p.urls[0].startswith("http") for p in posts)
    assert all(p.text and "<p>" not in p.text for p in posts)


def test_hootsuite_identical_rows_stay_separate_posts(realdata: Path) -> None:
    posts = load_posts([realdata / "hootsuite/example.csv"])
    assert len({p.text for p in posts}) == 1 and len({p.id for p in posts}) == 3
    assert posts[0].created_at == datetime(2018, 12, 5, 11, 0, tzinfo=UTC)
    assert "https://drexel.edu" in posts[0].urls


def test_hootsuite_times_in_a_named_zone(realdata: Path) -> None:
    posts = load_posts([realdata / "hootsuite/example.csv"], tz="America/New_York")
    assert posts[0].created_at == datetime(2018, 12, 5, 16, 0, tzinfo=UTC)


def test_buffer_drafts_and_profiles(realdata: Path) -> None:
    drafts = load_posts([realdata / "buffer/buffer-all-platforms.csv"])
    assert all(p.created_at == UNDATED for p in drafts)
    assert {p.platform for p in drafts} == {"x", "linkedin", "instagram"}
    assert drafts[0].text.startswith("I found 23 hours hidden in my week.")  # file order kept
    template = load_posts([realdata / "buffer/X_Buffer_Import_Template.csv"])
    dated = [p for p in template if p.created_at != UNDATED]
    assert [p.created_at for p in dated] == [datetime(2026, 1, 27, 17, 30, tzinfo=UTC)]
    assert [m.url[:40] for p in template for m in p.media] == [
        "https://images.unsplash.com/photo-150674"]
    assert template[0].text == "A post with text and an image"  # undated rows sort first
    schedule = load_posts([realdata / "buffer/buffer-30-day-schedule.csv"])
    assert "\n" in schedule[0].text and "hustling" in schedule[0].text


def test_support_tweets_conversation(realdata: Path) -> None:
    posts = {p.id: p for p in load_posts([realdata / "support_tweets/twcs_sample.csv"])}
    reply = posts["119238"]
    assert (reply.kind, reply.author, reply.in_reply_to) == ("reply", "ChaseSupport", "119239")
    assert posts["119237"].kind == "post" and posts["119237"].author == "105834"


def test_real_blog_entries_read_as_their_readers_see_them(realdata: Path) -> None:
    """The words of each real feed entry, as a reader sees them: a `<style>` block in the
    entry's HTML is no words of the post, a tag left unclosed before an image keeps the
    image, and a YouTube video's description (in its `media:group`) is the post's text."""
    aws = {p.id: p for p in load_feed([realdata / "rss" / "AmazonWebServicesBlog.xml"]).posts}
    styled = aws["tag:typepad.com,2003:post-61130594"]
    assert styled.text.startswith("Amazon\n  CloudFront\n  was designed") and "border-bottom" not in styled.text
    assert [m.url for m in aws["tag:typepad.com,2003:post-61040234"].media] == [
        "http://aws.typepad.com/files/cirrhus_roundtable.gif"]
    videos = {p.id: p for p in load_feed([realdata / "rss" / "youtube_atom.xml"]).posts}
    assert videos["yt:video:xfFHnBQ6nQg"].text == (
        "A behind-the-scenes look at Project Fi. Find out more at fi.google.com.")
    assert videos["yt:video:DVwHCGAr_OE"].hashtags == ["YearInSearch"]
    assert all(p.text for p in videos.values())
