"""Alt text that the export cannot show is unknown, not missing (X archives never carry it)."""

from __future__ import annotations

import json
from pathlib import Path

from assistant.audit import audit_feed
from assistant.checks.ruleset import RuleSet
from assistant.sources import load_feed
from tests.conftest import REPO

ARCHIVES = sorted((REPO / "tests/realdata/x_archive").glob("*.js"))


def test_no_x_archive_is_said_to_miss_alt_text() -> None:
    for path in ARCHIVES:
        feed = load_feed([path])
        images = [m for p in feed.posts for m in p.media if m.type in ("image", "gif")]
        assert images and not any(m.alt_known for m in images), path.name
        audit = audit_feed(feed, RuleSet.from_config(), as_of=feed.posts[-1].created_at)
        assert "missing-alt-text" not in {f.rule for f in audit.findings}, path.name


def test_an_api_dump_that_carries_alt_text_is_still_judged(tmp_path: Path) -> None:
    tweets = [{"id_str": str(i), "created_at": "Wed Oct 10 20:19:24 +0000 2018",
               "full_text": f"Our new studio, day {i} https://t.co/abc{i}",
               "user": {"screen_name": "studio"},
               "extended_entities": {"media": [{"type": "photo", "media_url_https": f"https://pbs/{i}.jpg",
                                                "ext_alt_text": None if i % 2 else "The studio at dawn"}]}}
              for i in range(6)]
    path = tmp_path / "dump.json"
    path.write_text(json.dumps(tweets))
    feed = load_feed([path], source="json")
    audit = audit_feed(feed, RuleSet.from_config(), as_of=feed.posts[-1].created_at)
    finding = next(f for f in audit.findings if f.rule == "missing-alt-text")
    assert finding.message.startswith("3 of 6 posts")
