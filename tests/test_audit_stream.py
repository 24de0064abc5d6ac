"""A feed read a block at a time (`audit_blocks`) gets the audit of the same feed read whole.

Real exports are turned into canonical JSON Lines (oldest first, as an export of the queue
or a feed store would be), then audited both ways, here and with a forked child reading
the file too; what makes a file one to read whole (a post out of order, a second author,
an id twice, a line not written the canonical way) is found part-way and said.
"""

from __future__ import annotations

import json
import os
import random
import tracemalloc
from collections.abc import Collection, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import assistant.audit_parallel as parallel
import assistant.checks.history as history
import assistant.checks.neardup as neardup
import assistant.sources.jsonl as jsonl
from assistant.audit import BlockReader, OutOfOrder, audit_blocks, audit_feed
from assistant.audit_parallel import BlockClaims, Forked
from assistant.checks.ruleset import RuleSet
from assistant.config import RulesConfig
from assistant.errors import InputError
from assistant.models import Account, Feed, FeedAudit, Post, as_post
from assistant.render.json import audit_dict
from assistant.sources import NotStreamable, StreamedFeed, load_accounts, load_feed, stream_feed
from bench.bench_audit import post_dicts
from tests.test_audit_parallel import _children, _forking_allowed, _meminfo

AS_OF = datetime(2026, 11, 1, tzinfo=UTC)
OWN = frozenset({"brightpixel.agency"})
ACCOUNT = Account(name="brightpixel")
RULES = RuleSet.from_config()
REALDATA = Path(__file__).parent / "realdata"
# Exports of one account, with replies, reposts, pictures and engagement counts between them.
EXPORTS = [
    "x_archive/andreruffert_tweets.js",
    "x_archive/visbot_tweets.js",
    "mastodon/account_statuses_schochastics_page*.json",
    "bluesky/benoist_getAuthorFeed.json",
    "rss/AmazonWebServicesBlog.xml",
]


def _write(posts: list[dict], path: Path) -> Path:
    path.write_text("".join(json.dumps(p, default=str) + "\n" for p in posts), encoding="utf-8")
    return path


def _as_jsonl(export: str, tmp_path: Path) -> Path:
    """A real export as canonical JSON Lines, oldest first (what `load_feed` read of it)."""
    feed = load_feed(sorted(REALDATA.glob(export)))
    posts = [p.model_dump(mode="json", exclude_none=True) for p in feed.posts]
    return _write(posts, tmp_path / f"{feed.account.name}.jsonl")


def _whole(path: Path, as_of: datetime = AS_OF) -> dict:
    """The audit of the file as `assistant audit` reads it today: loaded whole."""
    (loaded,) = load_accounts([path])
    return audit_dict(audit_feed(loaded.feed, RULES, as_of=as_of, own_domains=OWN, left_out=loaded.left_out))


def _streamed(path: Path, as_of: datetime = AS_OF) -> dict:
    streamed = stream_feed(path)
    assert streamed is not None, f"{path.name} is not read a block at a time"
    return audit_dict(audit_blocks(streamed.read, streamed.account, RULES, as_of=as_of,
                                   source=streamed.path, size=streamed.size,
                                   blocks=streamed.blocks, own_domains=OWN))


@pytest.fixture
def small_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Blocks of about 4 KB, so that a small file is many blocks (and a line not written
    the canonical way can come after the first)."""
    monkeypatch.setattr(jsonl, "_BLOCK", 4096)


@pytest.mark.parametrize("export", EXPORTS)
def test_a_real_export_read_in_blocks_gets_the_audit_read_whole(export: str, tmp_path: Path,
                                                                 small_blocks: None) -> None:
    path = _as_jsonl(export, tmp_path)
    whole = _whole(path)
    assert whole["findings"], "an export with nothing found tells nothing"
    assert _streamed(path) == whole


def _campaign(n: int) -> list[dict]:
    """A DM campaign: the same pitch to seven leads in turn, with engagement counts."""
    posts = []
    for i in range(n):
        to = f"@lead{i % 7}"
        posts.append({"id": f"dm{i}", "kind": "dm", "author": "brightpixel", "platform": "linkedin",
                      "created_at": f"2026-{1 + i // 84:02d}-{1 + i // 3 % 28:02d}T{8 + i % 3:02d}:00:00Z",
                      "mentions": [to], "metrics": {"likes": i % 5},
                      "text": f"Hi {to}, our social audit package is 20% off this week only: book "
                              "a call today https://brightpixel.agency/offer"})
    return posts


def test_dms_judged_in_blocks_as_in_the_whole_feed(tmp_path: Path, small_blocks: None) -> None:
    """Sales-pitch tells a first DM from a later one by the DMs before it: read in blocks, a
    DM's earlier DMs are all in the blocks already read."""
    path = _write(_campaign(60), tmp_path / "dms.jsonl")
    whole = _whole(path)
    assert any(f["rule"] == "sales-pitch" and f["severity"] == "error" for f in whole["findings"])
    assert _streamed(path) == whole


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork is POSIX only")
def test_a_big_feed_read_by_a_child_too_gets_the_same_audit(tmp_path: Path, small_blocks: None,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(post_dicts(3000), tmp_path / "brightpixel.jsonl")
    whole = _whole(path)
    _forking_allowed(monkeypatch)
    monkeypatch.setattr(parallel, "MIN_STREAM_BYTES", 1000)
    sent: list = []
    children = _children(monkeypatch, sent)
    assert _streamed(path) == whole
    assert children, "no child read the feed"
    assert sent and sent[0] is not None, "the child sent nothing back"
    hits, checked = sent[0]
    assert len(hits) == len(RULES.feed_rules)
    assert len(checked) > 10, "the child checked few blocks: the parent did the post rules' work"


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork is POSIX only")
def test_a_child_that_dies_leaves_its_part_to_the_parent(tmp_path: Path, small_blocks: None,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """The child claims blocks and dies before it sends what it found: the parent reads the
    feed again for the feed rules and those blocks, and the audit reads the same."""
    path = _write(post_dicts(3000), tmp_path / "brightpixel.jsonl")
    whole = _whole(path)
    _forking_allowed(monkeypatch)
    monkeypatch.setattr(parallel, "MIN_STREAM_BYTES", 1000)

    children: list[Forked] = []
    answers: list = []

    class Dying(parallel.Forked):  # type: ignore[misc, valid-type]
        def __init__(self, work):  # type: ignore[no-untyped-def]
            super().__init__(lambda: (work(), os._exit(3)))
            children.append(self)

        def result(self):  # type: ignore[no-untyped-def]
            answers.append(super().result())
            return answers[-1]

    monkeypatch.setattr("assistant.audit.Forked", Dying)
    assert _streamed(path) == whole
    assert children and children[0].pid == 0, "no child was forked, or it was not reaped"
    assert answers == [None], "the child did not die before it answered"


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork is POSIX only")
def test_a_dm_campaign_with_counts_read_by_a_child_too_gets_the_same_audit(
        tmp_path: Path, small_blocks: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """The child checks blocks whose first DMs were in blocks the parent checked: each
    process keeps the history of every DM it read; the parent keeps the posts with counts."""
    path = _write(_campaign(900), tmp_path / "dms.jsonl")
    whole = _whole(path)
    assert any(f["engagement"] for f in whole["findings"])
    _forking_allowed(monkeypatch)
    monkeypatch.setattr(parallel, "MIN_STREAM_BYTES", 1000)
    sent: list = []
    _children(monkeypatch, sent)
    assert _streamed(path) == whole
    assert sent and sent[0] is not None and sent[0][1], "the child checked no block"


def _long_posts(n: int, every: int, until: int, counts: bool = False) -> list[Post]:
    """`n` posts 20 minutes apart, each ~16 KB: 40 of 1,000 words of 400 characters, drawn
    at random (no two alike), and a page of the account's site of its own; but every
    `every`-th of the first `until` the same announcement again. `counts`: each with likes."""
    start = datetime(2026, 9, 1, tzinfo=UTC)
    vocabulary = [f"{w:04d}" + "x" * 396 for w in range(1000)]
    posts = []
    for i in range(n):
        text = ("Our spring workshop is open: book your seat at brightpixel.agency/workshop today"
                if i % every == 0 and i < until
                else " ".join(random.Random(i).sample(vocabulary, 40)) + f" https://brightpixel.agency/p/{i}")
        posts.append(Post(id=f"p{i}", author="brightpixel", created_at=start + timedelta(minutes=20 * i), text=text,
                          metrics={"likes": i % 7} if counts else None))
    return posts


def _read_in_blocks(posts: list[Post], readings: list[int]) -> BlockReader:
    """A reading of `posts` 100 at a time, as new posts with new texts (a reading of a file
    makes new ones, so none of the list's own is kept); each reading counts the blocks it
    gave in `readings`."""
    def read(only: Collection[str] | None = None) -> Iterator[list[Post]]:
        readings.append(0)
        for start in range(0, len(posts), 100):
            readings[-1] += 1
            yield [p.model_copy(update={"text": p.text.encode().decode()}) for p in posts[start:start + 100]]
    return read


def _audited_in_blocks(rules: RuleSet, counts: bool = False) -> tuple[int, list[Post], FeedAudit, list[int]]:
    """The feed of `_long_posts` read in blocks, of 2,000 and then 6,000 posts: how much more
    memory the second audit's peak took than the first's, the second's posts, its audit and
    how many blocks each of its readings gave."""
    audit_blocks(_read_in_blocks(_long_posts(600, 100, 600, counts), []), ACCOUNT, rules, as_of=AS_OF)  # warm
    peaks, readings = [], []
    for n in (2000, 6000):
        posts = _long_posts(n, every=100, until=2000, counts=counts)
        readings.clear()
        tracemalloc.start()
        try:
            audit = audit_blocks(_read_in_blocks(posts, readings), ACCOUNT, rules, as_of=posts[-1].created_at)
            peaks.append(tracemalloc.get_traced_memory()[1])
        finally:
            tracemalloc.stop()
    assert audit_dict(audit) == audit_dict(audit_feed(Feed(account=ACCOUNT, posts=posts), rules,
                                                      as_of=posts[-1].created_at))
    return peaks[1] - peaks[0], posts, audit, readings


def test_repeat_detection_in_blocks_keeps_no_post_and_reads_again_those_it_shows(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Read a block at a time, repeat detection keeps a broadcast as its time, links and
    word hashes, not the post: three times the posts take far less than their words more
    memory, and the posts a finding shows are read again (one more reading, ending at the
    last of them). (Texts wait for their digests and hashes in batches: small ones here, so
    that the feed is many batches.)"""
    monkeypatch.setattr(neardup, "_BATCH", 256)
    more, posts, audit, readings = _audited_in_blocks(RuleSet.from_config(RulesConfig(select=["repeat-post"])))
    words = sum(len(p.text) for p in posts[2000:])  # the 4,000 posts more: ~64 MB
    assert more < words / 4, f"{more:,} bytes more at the peak for {words:,} bytes of words more"
    assert readings == [60, 20], "not read again, or read past the last post shown"
    (finding,) = audit.findings
    assert finding.rule == "repeat-post"
    assert "went out 20 times" in finding.message and "spring workshop" in finding.message
    assert finding.examples == ["p0", "p100", "p200", "p300", "p400"]


@pytest.mark.parametrize("selected", [
    ["broadcast-only", "engagement-gap"],
    ["link-flood", "self-promo-ratio", "stale-latest", "overposting", "repeated-image", "long-blog-post"],
    ["all"],
])
def test_the_feed_rules_in_blocks_keep_no_post(selected: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Read a block at a time, no feed rule keeps a post's words: each keeps counts, times,
    ids, or a `Brief` of a post (id, kind, time, author, parent). Three times the posts take
    far less than their words more memory, every rule and every post rule together too."""
    monkeypatch.setattr(neardup, "_BATCH", 256)
    more, posts, audit, _ = _audited_in_blocks(RuleSet.from_config(RulesConfig(select=selected)))
    words = sum(len(p.text) for p in posts[2000:])
    assert more < words / 4, f"{more:,} bytes more at the peak for {words:,} bytes of words more"
    assert audit.findings, "a feed with nothing found tells nothing"


def test_posts_with_engagement_counts_in_blocks_keep_their_counts_not_their_words(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """An export with counts (every X archive) read a block at a time: the comparison
    behind a finding reads each post's counts, kind, time and pictures, which stay, not its
    words; the numbers are those of the feed read whole."""
    monkeypatch.setattr(neardup, "_BATCH", 256)
    more, posts, audit, _ = _audited_in_blocks(RuleSet.from_config(RulesConfig(select=["all"])), counts=True)
    words = sum(len(p.text) for p in posts[2000:])
    assert more < words / 4, f"{more:,} bytes more at the peak for {words:,} bytes of words more"
    repeats = next(f for f in audit.findings if f.rule == "repeat-post")
    assert repeats.engagement is not None and repeats.engagement.n_hit == 19  # the repeats after the first
    assert repeats.engagement.n_other > 1000


def test_the_link_caches_stay_small_in_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each post of `_long_posts` links a page of its own: read whole, the link caches keep
    them all (the rules ask for each post's links in turn); read in blocks of 100, they are
    emptied once past `LINKS_KEPT` (here 250), so they do not grow with the feed."""
    posts = _long_posts(3000, every=100, until=0)
    cached = history.canonical_link.cache_info
    monkeypatch.setattr(history, "LINKS_KEPT", 0)
    history.trim_link_caches()  # all emptied
    audit_feed(Feed(account=ACCOUNT, posts=posts), RULES, as_of=posts[-1].created_at)
    assert cached().currsize >= 3000
    history.trim_link_caches()
    monkeypatch.setattr(history, "LINKS_KEPT", 250)
    held: list[int] = []
    audit_blocks(_read_in_blocks(posts, []), ACCOUNT, RULES, as_of=posts[-1].created_at,
                 progress=lambda *_: held.append(cached().currsize))
    assert len(held) == 30 and 250 < max(held) <= 350


def test_posts_after_the_audit_are_counted_as_later(tmp_path: Path, small_blocks: None) -> None:
    posts = post_dicts(400)
    for n, post in enumerate(posts):
        post["created_at"] = datetime(2026, 10, 1, tzinfo=UTC).replace(day=1 + n % 28, hour=n % 24)
    posts.sort(key=lambda p: p["created_at"])
    path = _write(posts, tmp_path / "brightpixel.jsonl")
    as_of = datetime(2026, 10, 15, tzinfo=UTC)
    early = _streamed(path, as_of)
    assert early == _whole(path, as_of)
    assert early["stats"]["later"] == sum(p["created_at"] > as_of for p in posts) > 0
    # an audit before every post: nothing out yet
    before = datetime(2026, 9, 1, tzinfo=UTC)
    assert _streamed(path, before) == _whole(path, before)


def test_the_span_of_a_feed_does_not_depend_on_where_blocks_end(tmp_path: Path, small_blocks: None) -> None:
    """Undated drafts sit at the Unix epoch: a post dated before it (an archive's 1969 test
    post) comes first, and the span still runs from the first dated post to the last post,
    read whole or in blocks cut anywhere."""
    posts = post_dicts(120)
    for n, post in enumerate(posts):
        post["created_at"] = (datetime(1969, 6, 1, tzinfo=UTC) if n < 20
                              else datetime(1970, 1, 1, tzinfo=UTC) if n < 70
                              else datetime(2026, 5, 1, tzinfo=UTC).replace(hour=n % 24, minute=n % 60))
    posts.sort(key=lambda p: p["created_at"])
    path = _write(posts, tmp_path / "brightpixel.jsonl")
    whole = _whole(path)
    assert whole["stats"]["first_post"].startswith("1969-06-01")
    assert whole["stats"]["last_post"].startswith("2026-05-01")
    assert _streamed(path) == whole
    undated_last = _write(posts[:70], tmp_path / "drafts.jsonl")  # 1969, then only the epoch
    whole = _whole(undated_last)
    assert (whole["stats"]["first_post"][:10], whole["stats"]["last_post"][:10]) == ("1969-06-01", "1970-01-01")
    assert _streamed(undated_last) == whole


def test_a_file_changed_between_readings_is_read_whole(tmp_path: Path, small_blocks: None) -> None:
    """The readings of one audit (a child's, a second one after a child failed) must read the
    same posts: a file appended to or rewritten since it was first read is not read in blocks."""
    posts = post_dicts(200)
    path = _write(posts, tmp_path / "brightpixel.jsonl")
    streamed = stream_feed(path)
    assert streamed is not None and len(_read_all(streamed)) == 200
    with path.open("a", encoding="utf-8") as feed:
        feed.write(json.dumps({**posts[-1], "id": "late"}, default=str) + "\n")
    with pytest.raises(NotStreamable):
        _read_all(streamed)


def _read_all(streamed: StreamedFeed) -> list[Post]:
    return [post for block in streamed.read() for post in block]


def test_a_post_out_of_order_is_found_part_way(tmp_path: Path, small_blocks: None) -> None:
    posts = post_dicts(300)
    posts[250], posts[251] = posts[251], posts[250]
    path = _write(posts, tmp_path / "brightpixel.jsonl")
    streamed = stream_feed(path)
    assert streamed is not None
    with pytest.raises(OutOfOrder, match="post 250 is older than the one before it"):
        audit_blocks(streamed.read, streamed.account, RULES, as_of=AS_OF)


@pytest.mark.parametrize(("change", "where"), [
    (lambda posts: posts[200].update(author="someone-else"), "a second author"),
    (lambda posts: posts[200].update(platform="mastodon"), "a second platform"),
    (lambda posts: posts[200].update(id=posts[3]["id"]), "an id twice"),
    (lambda posts: posts[200].update(kind="Post"), "a line that is not canonical"),
])
def test_what_makes_a_file_one_to_read_whole_is_found_part_way(change, where: str, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                               small_blocks: None) -> None:
    posts = post_dicts(300)
    for post in posts:
        post["author"] = "brightpixel"
    change(posts)
    path = _write(posts, tmp_path / "brightpixel.jsonl")
    streamed = stream_feed(path)
    assert streamed is not None, f"{where}: found before the first block's end"
    with pytest.raises(NotStreamable):
        _read_all(streamed)
    # read whole, the file loads (or is refused, naming its line) as it always was
    if where == "a line that is not canonical":
        with pytest.raises(InputError, match=r"brightpixel\.jsonl.*201|line 201"):
            load_accounts([path])
    else:
        assert load_accounts([path])[0].feed.posts


def test_a_reading_again_of_some_posts_gives_them_as_a_whole_reading_does(tmp_path: Path,
                                                                            small_blocks: None) -> None:
    """A finding's posts are read again by id (`only`): the others' lines are read for their
    id alone, the posts wanted come as a whole reading makes them, whichever way their line
    is read (an id written with escapes; a block with a time of seven decimals, which goes
    the dict way), and none other."""
    posts = post_dicts(300)
    for post in posts:
        post["author"] = "brightpixel"
    escaped = 'tab\t "quoted" caf\u00e9'  # json.dumps writes \t, \" and \u00e9
    posts[10]["id"] = escaped
    posts[150]["created_at"] = f"{posts[150]['created_at']:%Y-%m-%dT%H:%M:%S}.1234567+00:00"
    path = _write(posts, tmp_path / "brightpixel.jsonl")
    assert "\\u00e9" in path.read_text(encoding="utf-8") and ".1234567" in path.read_text(encoding="utf-8")
    streamed = stream_feed(path, platform="linkedin")
    assert streamed is not None
    whole = {post.id: post for post in _read_all(streamed)}
    wanted = {escaped, posts[150]["id"], posts[151]["id"], posts[299]["id"]}
    again = [post for block in streamed.read(only=wanted) for post in block]
    assert [p.id for p in again] == [i for i in whole if i in wanted] and len(again) == 4
    assert all(as_post(p) == as_post(whole[p.id]) and p.platform == "linkedin" for p in again)


def test_only_one_canonical_file_of_one_account_is_read_in_blocks(tmp_path: Path) -> None:
    posts = post_dicts(50)
    path = _write(posts, tmp_path / "feed.jsonl")
    streamed = stream_feed(path)
    assert streamed is not None
    # a file that names no author is the account of its name, as loaded whole
    assert streamed.account.name == "feed" == load_feed(path).account.name
    assert {p.author for p in _read_all(streamed)} == {"feed"}
    assert stream_feed(path, name="Bright Pixel").account.name == "Bright Pixel"  # type: ignore[union-attr]
    assert stream_feed(path, author="feed") is None  # whose posts --author picks: read whole
    assert stream_feed(path, source="csv") is None
    assert stream_feed("-") is None
    csv = tmp_path / "feed.csv"
    csv.write_text("date,text\n2026-01-01,hello\n", encoding="utf-8")
    assert stream_feed(csv) is None
    assert stream_feed(tmp_path / "missing.jsonl") is None
    moved = stream_feed(path, platform="linkedin")
    assert moved is not None and moved.account.platform == "linkedin"
    assert {p.platform for p in _read_all(moved)} == {"linkedin"}


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork is POSIX only")
def test_each_block_is_checked_by_one_process_and_the_child_leaves_the_parent_a_lead() -> None:
    claims = BlockClaims(7)
    try:
        assert claims.claim(0) and not claims.claim(0)  # the parent's, once
        # the child: block 1 is one ahead of the parent, within a lead of 2; block 4 is not
        child = Forked(lambda: [claims.claim(1, lead=2), claims.claim(4, lead=2), claims.claim(4),
                                claims.claim(100)])
        assert child.result() == [False, True, False, False]
        assert claims.claim(1) and not claims.claim(4)
        assert claims.claim(100)  # past what the file can hold: the parent's
    finally:
        claims.close()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork is POSIX only")
def test_a_file_is_read_twice_at_once_only_when_both_readings_fit(monkeypatch: pytest.MonkeyPatch,
                                                                 tmp_path: Path) -> None:
    _forking_allowed(monkeypatch)
    size = parallel.MIN_STREAM_BYTES * 10
    assert not parallel.worth_forking_stream(parallel.MIN_STREAM_BYTES - 1)
    # (meminfo says kB: a kB over, so that its rounding down never says less than both need)
    monkeypatch.setattr(parallel, "MEMINFO", _meminfo(tmp_path, int(parallel.STREAM_MEMORY * size) + 1024))
    assert parallel.worth_forking_stream(size)
    monkeypatch.setattr(parallel, "MEMINFO", _meminfo(tmp_path, int(parallel.STREAM_MEMORY * size) - 4096))
    assert not parallel.worth_forking_stream(size)
