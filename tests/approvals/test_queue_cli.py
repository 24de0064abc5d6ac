"""`assistant queue` as users run it: through the main entry point (mistakes are one line
and exit 2), one client per Buffer/Hootsuite upload, and nothing from an imported file can
drive the terminal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.models import Post, Review
from tests.approvals.conftest import (
    APPROVER_1,
    AUTHOR,
    CLIENT,
    SELF_CLIENT,
    ApprovalRig,
    buffer_file,
    later,
    stamp,
)
from tests.conftest import run_cli

# A client's CSV can carry terminal escapes: colours, a screen clear, a title change,
# an OSC 8 link, an 8-bit CSI and a carriage return that hides what came before.
HOSTILE = ("Fresh \x1b[31mred\x1b[0m velvet\x1b[2J \x1b]0;pwned\x07cake "
           "\x1b]8;;https://evil.example\x1b\\here\x1b]8;;\x1b\\ \x9b6nok\rfine")


def _main(rig: ApprovalRig, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
          *args: str) -> tuple[int, str, str]:
    """Run `assistant ...` against the rig's Redis and config; (exit status, stdout, stderr)."""
    monkeypatch.setenv("REDIS_URL", rig.settings.redis_url or "")
    monkeypatch.setenv("ASSISTANT_CONFIG", str(rig.config_path))
    capsys.readouterr()  # what earlier steps printed is not this command's
    return run_cli(capsys, *args)


def test_a_bad_file_exits_2_with_one_line_naming_the_file_and_line(
        rig: ApprovalRig, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    path = buffer_file(tmp_path, [("Bake sale on Sunday.", stamp(later())),
                                  ("Old news.", "2020-01-01 09:00")])
    code, out, err = _main(rig, monkeypatch, capsys, "queue", "import", str(path),
                           "--client", CLIENT)
    assert code == 2 and out == ""
    expected = (f"assistant: error: {path}:3: scheduled time 2020-01-01 09:00 UTC is in the "
                "past; nothing was imported")
    assert err.splitlines() == [expected]
    assert rig.store.list() == []


def test_an_unknown_client_exits_2_with_one_line_naming_it(
        rig: ApprovalRig, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    path = buffer_file(tmp_path, [("Bake sale on Sunday.", stamp(later()))])
    code, out, err = _main(rig, monkeypatch, capsys, "queue", "import", str(path),
                           "--client", "Nobody")
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1
    assert err.startswith("assistant: error: no client named 'Nobody'")
    assert "Acme Bakery, Solo Studio" in err


def test_several_bad_rows_are_one_line_each_then_the_summary(
        rig: ApprovalRig, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    path = buffer_file(tmp_path, [("Old news.", "2020-01-01 09:00"),
                                  ("Older news.", "2019-01-01 09:00")])
    code, _, err = _main(rig, monkeypatch, capsys, "queue", "import", str(path),
                         "--client", CLIENT)
    assert code == 2
    lines = err.splitlines()
    assert [line.split(": ", 1)[0] for line in lines[:2]] == [f"{path}:2", f"{path}:3"]
    assert lines[2] == f"assistant: error: {path}: 2 rows cannot be queued; nothing was imported"
    assert len(lines) == 3


def _approve(rig: ApprovalRig, client: str, text: str, *, platform: str = "x",
             kind: str = "post", minutes: float = 60 * 24) -> str:
    post = Post(id="t", platform=platform, kind=kind, created_at=later(minutes), text=text)
    record = rig.store.create(client, [post], submitter=AUTHOR)[0]
    assert rig.store.set_review(record.id, 1, Review(post=record.post)) == "ok"
    assert rig.store.decide(record.id, "approve", actor=APPROVER_1).ok
    return record.id


def test_buffer_and_hootsuite_exports_are_one_client_per_file(
        rig: ApprovalRig, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    acme = _approve(rig, CLIENT, "Acme: rye is back.")
    solo = _approve(rig, SELF_CLIENT, "Solo: studio open day.")
    for fmt in ("buffer", "hootsuite"):
        out = tmp_path / f"all.{fmt}.csv"
        code, _, err = _main(rig, monkeypatch, capsys, "queue", "export", "--approved",
                             "--format", fmt, "--output", str(out))
        assert code == 2 and "add --client NAME" in err and not out.exists()
    assert {rig.get(acme).state, rig.get(solo).state} == {"approved"}  # nothing released

    out = tmp_path / "acme.csv"
    code, _, err = _main(rig, monkeypatch, capsys, "queue", "export", "--approved", "--format",
                         "buffer", "--client", CLIENT, "--output", str(out))
    assert code == 0, err
    text = out.read_text(encoding="utf-8")
    assert "Acme: rye is back." in text and "Solo" not in text
    assert (rig.get(acme).state, rig.get(solo).state) == ("released", "approved")

    code, out_text, _ = _main(rig, monkeypatch, capsys, "queue", "export", "--approved",
                              "--format", "jsonl")  # JSON Lines keeps the client per post
    assert code == 0 and "Solo: studio open day." in out_text


def test_queue_list_and_show_never_pass_escape_sequences_to_the_terminal(
        rig: ApprovalRig, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    post = Post(id="t", platform="x", created_at=later(), text=HOSTILE,
                media=[{"type": "image", "url": "https://cdn.example/a.png\x1b[8m",
                        "alt": "A \x1b[5mblinking\x1b[0m cake"}])
    record = rig.store.create(CLIENT, [post], submitter=AUTHOR)[0]
    assert rig.store.set_review(record.id, 1, Review(post=record.post)) == "ok"
    assert rig.store.decide(record.id, "request_changes", actor=APPROVER_1,
                            note="Fix \x1b]52;c;ZWNobyBwd25lZA==\x07 the title").ok

    for args in (("list",), ("show", record.id)):
        code, out, err = _main(rig, monkeypatch, capsys, "queue", *args)
        assert code == 0, err
        assert not any(c in out for c in "\x1b\x9b\x07\r"), (args, out)
        assert "Fresh red velvet cake here" in out
    listed = _main(rig, monkeypatch, capsys, "queue", "list")[1]
    assert "okfine" in listed  # the carriage return cannot hide the start of the line
    shown = _main(rig, monkeypatch, capsys, "queue", "show", record.id)[1]
    assert "alt: A blinking cake" in shown and "https://cdn.example/a.png " in shown
    assert "Fix  the title" in shown and "pwned" not in shown

    for args in (("list", "--format", "json"), ("show", record.id, "--format", "json")):
        code, out, _ = _main(rig, monkeypatch, capsys, "queue", *args)
        assert code == 0 and not any(c in out for c in "\x1b\x9b\x07\r")
        data = json.loads(out)  # escaped, not lost: the JSON still holds the exact text
        assert (data[0] if isinstance(data, list) else data["post"])["text"] == HOSTILE


def test_queue_json_escapes_bidi_overrides_and_keeps_the_exact_text(
        rig: ApprovalRig, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """U+202E and friends make a line read differently than it is (as text mode strips them)."""
    tricky = "Sale ends \u202eyadnoM\u202c today \u2066isolated\u2069 \u202aembedded\u202c"
    post = Post(id="t", platform="x", created_at=later(), text=tricky)
    record = rig.store.create(CLIENT, [post], submitter=AUTHOR)[0]
    for args in (("list", "--format", "json"), ("show", record.id, "--format", "json")):
        code, out, err = _main(rig, monkeypatch, capsys, "queue", *args)
        assert code == 0, err
        assert not any(0x202A <= ord(c) <= 0x202E or 0x2066 <= ord(c) <= 0x2069 for c in out)
        assert "\\u202e" in out and "\\u2066" in out
        data = json.loads(out)
        assert (data[0] if isinstance(data, list) else data["post"])["text"] == tricky


def test_list_and_show_spell_shared_fields_the_same_way(
        rig: ApprovalRig, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """A script reading `list` and `show` must not meet two spellings of one value."""
    post = Post(id="s", platform="x", created_at=later(), text="Our new bakery opens Monday")
    record = rig.store.create(CLIENT, [post], submitter=AUTHOR)[0]
    listed = json.loads(_main(rig, monkeypatch, capsys, "queue", "list", "--format", "json")[1])[0]
    shown = json.loads(_main(rig, monkeypatch, capsys, "queue", "show", record.id,
                             "--format", "json")[1])
    assert listed["scheduled_at"].endswith("Z")
    for field in ("scheduled_at", "submitter", "decided_by", "state", "version", "client"):
        assert listed[field] == shown[field], field


def test_queue_refuses_the_config_that_review_and_audit_refuse(
        rig: ApprovalRig, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(rig.config_path.read_text() + "\n[rules.thresholds.overposting]\nper_day = 3\n")
    csv_file = buffer_file(tmp_path, [("Fresh bread at nine", stamp(later()))])
    code, out, err = _main(rig, monkeypatch, capsys, "queue", "import", str(csv_file),
                           "--client", CLIENT, "--config", str(bad))
    assert code == 2 and out == ""
    assert "overposting.per_day" in err and "bad.toml:" in err and len(err.splitlines()) == 1
    assert rig.store.list() == [], "nothing was queued"


def test_an_export_to_a_missing_folder_is_one_line_and_releases_nothing(
        rig: ApprovalRig, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """It was a FileNotFoundError traceback, exit 1 (the release undone, with two audit
    entries for a typo in a path)."""
    acme = _approve(rig, CLIENT, "Acme: rye is back.")
    folder = tmp_path / "no" / "such"
    code, out, err = _main(rig, monkeypatch, capsys, "queue", "export", "--approved",
                           "--format", "jsonl", "--output", str(folder / "x.jsonl"))
    assert (code, out) == (2, "")
    assert err.splitlines() == [f"assistant: error: {folder}: no such folder; nothing was released"]
    assert rig.get(acme).state == "approved"
    assert [e.action for e in rig.store.audit(acme)] == ["submitted", "reviewed", "approved"]

    a_file = tmp_path / "notes.txt"
    a_file.write_text("mine", encoding="utf-8")
    code, _, err = _main(rig, monkeypatch, capsys, "queue", "export", "--approved",
                         "--format", "jsonl", "--output", str(a_file / "x.jsonl"))
    assert code == 2
    assert err.splitlines() == [f"assistant: error: {a_file}: not a folder; nothing was released"]
    assert rig.get(acme).state == "approved" and a_file.read_text(encoding="utf-8") == "mine"


def test_a_file_that_fails_while_written_is_one_line_and_its_posts_go_back(
        rig: ApprovalRig, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    import errno

    from assistant.approvals import export

    def full(path: Path, text: str) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    acme = _approve(rig, CLIENT, "Acme: rye is back.")
    monkeypatch.setattr(export, "_write_atomically", full)
    out_file = tmp_path / "x.jsonl"
    code, out, err = _main(rig, monkeypatch, capsys, "queue", "export", "--approved",
                           "--format", "jsonl", "--output", str(out_file))
    assert (code, out) == (2, "")
    assert err.splitlines() == [f"assistant: error: {out_file}: cannot write the file (No space "
                                "left on device); nothing was released"]
    assert rig.get(acme).state == "approved" and not out_file.exists()
    assert [e.action for e in rig.store.audit(acme)][-2:] == ["released", "release_undone"]


PITCH = "Hi Sam, loved your bakery reel! Fancy 20% off our wholesale flour this month?"


@pytest.mark.parametrize("fmt", ["buffer", "hootsuite"])
def test_dms_and_replies_never_go_in_a_bulk_schedule_file(
        rig: ApprovalRig, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    """An approved first-DM pitch landed in the Hootsuite file: every row of a bulk upload
    goes out as a public post, so the private pitch would reach every follower; a reply
    would go out as a standalone post, answering nobody."""
    public = _approve(rig, CLIENT, "Rye is back this week.", minutes=60)
    dm = _approve(rig, CLIENT, PITCH, kind="dm", minutes=120)
    reply = _approve(rig, CLIENT, "Thanks, see you Saturday!", kind="reply", minutes=180)
    out = tmp_path / f"acme.{fmt}.csv"
    code, text, err = _main(rig, monkeypatch, capsys, "queue", "export", "--approved", "--format",
                            fmt, "--client", CLIENT, "--output", str(out))
    assert (code, text) == (2, "")
    lines = err.splitlines()
    assert lines[0] == (f"{dm} is a DM: every row of a {fmt} file is published as a public post "
                        "to the profile's followers (export DMs with --format jsonl --kind dm)")
    assert lines[1] == (f"{reply} is a reply: a {fmt} file cannot say what a row answers, so it "
                        "would go out as a standalone public post (export replies with "
                        "--format jsonl --kind reply)")
    assert lines[2] == (f"assistant: error: 2 approved posts of {CLIENT} cannot go in a {fmt} "
                        "file; nothing was released")
    assert len(lines) == 3 and not out.exists()
    for post_id in (public, dm, reply):  # nothing released, not even for a moment
        assert rig.get(post_id).state == "approved"
        assert [e.action for e in rig.store.audit(post_id)][-1] == "approved"

    code, text, err = _main(rig, monkeypatch, capsys, "queue", "export", "--approved", "--format",
                            "jsonl", "--client", CLIENT, "--kind", "dm", "--kind", "reply")
    assert code == 0, err
    kept = [json.loads(line) for line in text.splitlines()]  # JSON Lines keeps the kind
    assert [(p["id"], p["kind"]) for p in kept] == [(dm, "dm"), (reply, "reply")]
    assert rig.get(public).state == "approved"

    code, _, err = _main(rig, monkeypatch, capsys, "queue", "export", "--approved", "--format",
                         fmt, "--client", CLIENT, "--output", str(out))
    assert code == 0, err
    assert "Rye is back" in out.read_text(encoding="utf-8") and rig.get(public).state == "released"


def test_a_single_dm_is_one_line(rig: ApprovalRig, tmp_path: Path,
                                 monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    dm = _approve(rig, CLIENT, PITCH, kind="dm")
    code, text, err = _main(rig, monkeypatch, capsys, "queue", "export", "--approved", "--format",
                            "hootsuite", "--client", CLIENT)
    assert (code, text) == (2, "")
    assert err.splitlines() == [
        f"assistant: error: {dm} is a DM: every row of a hootsuite file is published as a public "
        "post to the profile's followers (export DMs with --format jsonl --kind dm); nothing was "
        "released"]
    assert rig.get(dm).state == "approved"


def test_a_repost_is_refused_and_a_quote_goes_in_as_a_post_of_its_own(
        rig: ApprovalRig, tmp_path: Path) -> None:
    """A bulk row cannot repost (it would copy another account's words as the profile's
    own); a quote is the profile's own words with a link to the quoted post."""
    from assistant.approvals.export import ExportRefused, export_approved
    from assistant.models import POST_KINDS

    repost = _approve(rig, CLIENT, "RT @millers_guild: rye harvest is in", kind="repost")
    quote = _approve(rig, CLIENT, "Our flour comes from here: https://x.com/millers/status/1",
                     kind="quote", minutes=60 * 30)
    with pytest.raises(ExportRefused, match=f"^{repost} is a repost: a buffer file cannot repost"):
        export_approved(rig.store, "buffer", actor="cli", client=CLIENT)
    assert rig.get(repost).state == rig.get(quote).state == "approved"
    done = export_approved(rig.store, "buffer", actor="cli", client=CLIENT, kinds=["quote"])
    assert [p.id for p in done.posts] == [quote] and "https://x.com/millers" in done.text

    from assistant.approvals.cli import export
    from assistant.models import PLATFORMS

    kind = next(o for o in export.params if o.name == "kinds")
    assert tuple(kind.type.choices) == POST_KINDS  # type: ignore[attr-defined]
    platform = next(o for o in export.params if o.name == "platform")
    assert tuple(platform.type.choices) == PLATFORMS  # type: ignore[attr-defined]


@pytest.mark.parametrize("fmt", ["buffer", "hootsuite"])
def test_a_bulk_file_holds_one_platform(
        rig: ApprovalRig, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    """Buffer's file and Hootsuite's have no platform column: each is uploaded to one
    profile, so a LinkedIn post in the X upload would go out on X."""
    on_x = _approve(rig, CLIENT, "Rye is back this week.", minutes=60)
    on_linkedin = _approve(rig, CLIENT, "We are hiring a head baker.", platform="linkedin",
                           minutes=120)
    also_x = _approve(rig, CLIENT, "Sourdough class on Saturday.", minutes=180)
    out = tmp_path / f"acme.{fmt}.csv"
    code, text, err = _main(rig, monkeypatch, capsys, "queue", "export", "--approved", "--format",
                            fmt, "--client", CLIENT, "--output", str(out))
    assert (code, text) == (2, "")
    assert err.splitlines() == [
        f"assistant: error: the approved posts of {CLIENT} are for 2 platforms, linkedin "
        f"({on_linkedin}) and x ({on_x}, {also_x}), and a {fmt} file is uploaded to one profile: "
        "export one platform at a time with --platform linkedin or --platform x; nothing was "
        "released"]
    assert not out.exists()
    assert {rig.get(i).state for i in (on_x, on_linkedin, also_x)} == {"approved"}

    code, _, err = _main(rig, monkeypatch, capsys, "queue", "export", "--approved", "--format",
                         fmt, "--client", CLIENT, "--platform", "x", "--output", str(out))
    assert code == 0, err
    assert "Rye is back" in out.read_text(encoding="utf-8") and "hiring" not in out.read_text()
    assert [rig.get(i).state for i in (on_x, on_linkedin, also_x)] == \
        ["released", "approved", "released"]


def test_a_dm_and_two_platforms_are_each_named(
        rig: ApprovalRig, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    dm = _approve(rig, CLIENT, PITCH, kind="dm", minutes=60)
    on_x = _approve(rig, CLIENT, "Rye is back this week.", minutes=120)
    on_threads = _approve(rig, CLIENT, "Rye is back.", platform="threads", minutes=180)
    code, _, err = _main(rig, monkeypatch, capsys, "queue", "export", "--approved", "--format",
                         "buffer", "--client", CLIENT)
    lines = err.splitlines()
    assert code == 2 and len(lines) == 3
    assert lines[0].startswith(f"{dm} is a DM: ")
    assert lines[1].startswith(f"the other approved posts of {CLIENT} are for 2 platforms, "
                               f"threads ({on_threads}) and x ({on_x}), ")
    assert lines[2] == (f"assistant: error: 1 approved post of {CLIENT} cannot go in a buffer "
                        "file, and the others are for 2 platforms; nothing was released")
    code, out, _ = _main(rig, monkeypatch, capsys, "queue", "export", "--approved", "--format",
                         "jsonl", "--client", CLIENT, "--platform", "threads")
    assert code == 0 and [json.loads(line)["id"] for line in out.splitlines()] == [on_threads]


def test_one_post_is_counted_in_the_singular(
        rig: ApprovalRig, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    path = buffer_file(tmp_path, [("Bake sale on Sunday.", stamp(later()))])
    code, out, err = _main(rig, monkeypatch, capsys, "queue", "import", str(path),
                           "--client", CLIENT)
    assert code == 0, err
    assert out == (f"queued 1 post for {CLIENT} (q1); the worker reviews it and posts it to "
                   "C0APPROVALS for approval\n")
    assert rig.store.set_review("q1", 1, Review(post=rig.get("q1").post)) == "ok"
    assert rig.store.decide("q1", "approve", actor=APPROVER_1).ok
    code, _, err = _main(rig, monkeypatch, capsys, "queue", "export", "--approved", "--format",
                         "jsonl")
    assert code == 0 and err.startswith("released 1 approved post (export ")


def test_show_and_list_say_the_verdict_and_score_up_front(
        rig: ApprovalRig, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """`show` said "review: 1 findings" and the verdict was only in the audit trail's note;
    `list` had no review at all."""
    from assistant.models import Finding

    post = Post(id="t", platform="x", created_at=later(), text="Please share with everyone!")
    record = rig.store.create(CLIENT, [post], submitter=AUTHOR)[0]
    finding = Finding(rule="share-begging", severity="warning", message="Asks for shares.")
    assert rig.store.set_review(record.id, 1, Review(post=record.post, findings=[finding])) == "ok"

    code, out, err = _main(rig, monkeypatch, capsys, "queue", "show", record.id)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith(f"{record.id}  {CLIENT}  x  scheduled ")  # the id as it is: q1
    assert lines[1:3] == ["state: pending (version 1)",
                          "review: revise, score 89/100, 1 finding"]
    assert "  warning share-begging: Asks for shares." in lines
    assert _main(rig, monkeypatch, capsys, "queue", "show", record.id.upper())[1] == out

    listed = _main(rig, monkeypatch, capsys, "queue", "list")[1].splitlines()
    assert listed[0].split()[:2] == [record.id, "pending"] and " revise 89 " in listed[0]
    data = json.loads(_main(rig, monkeypatch, capsys, "queue", "list", "--format", "json")[1])
    assert (data[0]["verdict"], data[0]["score"]) == ("revise", 89)
    shown = json.loads(_main(rig, monkeypatch, capsys, "queue", "show", record.id,
                             "--format", "json")[1])
    assert (shown["verdict"], shown["score"], shown["has_error"]) == ("revise", 89, False)


def test_a_post_not_reviewed_yet_says_so_and_who_reviews_it(
        rig: ApprovalRig, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """Before its review, `show` said "review: not yet" forever when no worker ran, and
    its JSON said `has_error: false`, as if it had been checked."""
    post = Post(id="t", platform="x", created_at=later(), text="Fresh rye today.")
    record = rig.store.create(CLIENT, [post], submitter=AUTHOR)[0]
    out = _main(rig, monkeypatch, capsys, "queue", "show", record.id)[1]
    assert out.splitlines()[2] == (
        "review: not reviewed yet (`assistant worker` reviews queued posts and posts them to "
        "the client's approvers in Slack or Teams: is one running?)")
    listed = _main(rig, monkeypatch, capsys, "queue", "list")[1]
    assert " not reviewed " in listed
    shown = json.loads(_main(rig, monkeypatch, capsys, "queue", "show", record.id,
                             "--format", "json")[1])
    assert (shown["has_error"], shown["verdict"], shown["score"], shown["review"]) == \
        (None, None, None, None)
    data = json.loads(_main(rig, monkeypatch, capsys, "queue", "list", "--format", "json")[1])
    assert (data[0]["verdict"], data[0]["score"]) == (None, None)

    assert rig.store.set_review(record.id, 1, Review(post=record.post)) == "ok"
    edited = record.post.model_copy(update={"text": "Fresh rye and spelt today."})
    assert rig.store.edit(record.id, edited, actor=AUTHOR).ok
    lines = _main(rig, monkeypatch, capsys, "queue", "show", record.id)[1].splitlines()
    assert lines[2] == "review of version 1 (edited since): publish, score 100/100, 0 findings"
    assert lines[3].startswith("review of version 2: not reviewed yet (`assistant worker` ")


def test_queue_help_says_where_decisions_are_made(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from assistant.cli import main

    try:
        main(["queue", "--help"])
    except SystemExit as stopped:
        assert not stopped.code
    help_text = " ".join(capsys.readouterr().out.split())
    assert ("Approvers configured for the client in assistant.toml decide in Slack or Teams: "
            "approve, request changes, reject or edit.") in help_text


def test_an_unknown_client_in_a_filter_is_refused_not_an_empty_queue(
        rig: ApprovalRig, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """`queue list --client Nobody` said "the queue is empty for that filter", exit 0, where
    import refused the same name."""
    acme = _approve(rig, CLIENT, "Acme: rye is back.")
    code, out, err = _main(rig, monkeypatch, capsys, "queue", "list", "--client", "Nobody")
    assert (code, out) == (2, "")
    assert err.splitlines() == [f"assistant: error: no client named 'Nobody' in {rig.config_path} "
                                f"(clients: {CLIENT}, {SELF_CLIENT})"]
    code, _, err = _main(rig, monkeypatch, capsys, "queue", "list", "--client", "Acme Bakry")
    assert code == 2 and f"(did you mean '{CLIENT}'?)" in err
    path = buffer_file(tmp_path, [("Bake sale on Sunday.", stamp(later()))])
    code, _, err = _main(rig, monkeypatch, capsys, "queue", "import", str(path),
                         "--client", "acme bakery")
    assert code == 2 and f"(did you mean '{CLIENT}'?)" in err
    out_file = tmp_path / "x.jsonl"
    code, _, err = _main(rig, monkeypatch, capsys, "queue", "export", "--approved", "--format",
                         "jsonl", "--client", "Acme Bakry", "--output", str(out_file))
    assert code == 2 and f"(did you mean '{CLIENT}'?)" in err and not out_file.exists()
    assert rig.get(acme).state == "approved"

    code, out, _ = _main(rig, monkeypatch, capsys, "queue", "list", "--client", SELF_CLIENT)
    assert (code, out) == (0, "the queue is empty for that filter\n")  # a known client


def test_without_a_config_a_client_filter_is_only_a_filter(
        rig: ApprovalRig, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """No assistant.toml names the clients, so nothing says a name is unknown."""
    from assistant.cli import main

    _approve(rig, CLIENT, "Acme: rye is back.")
    monkeypatch.setenv("REDIS_URL", rig.settings.redis_url or "")
    monkeypatch.delenv("ASSISTANT_CONFIG", raising=False)
    capsys.readouterr()
    main(["queue", "list", "--client", "Nobody"])
    assert capsys.readouterr().out == "the queue is empty for that filter\n"


def test_show_lists_a_posts_images_without_alt_text_as_one_finding(
        rig: ApprovalRig, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from assistant.checks.ruleset import RuleSet
    from assistant.review import post_score, review_post

    post = Post(id="t", platform="instagram", created_at=later(), text="Our bakery, four views.",
                media=[{"type": "image", "url": f"https://cdn.example/{n}.png"} for n in range(4)])
    record = rig.store.create(CLIENT, [post], submitter=AUTHOR)[0]
    review = review_post(record.post, RuleSet.from_config())
    assert rig.store.set_review(record.id, 1, review) == "ok"
    shown = _main(rig, monkeypatch, capsys, "queue", "show", record.id)[1]
    assert f"score {post_score(review)}/100, 1 finding" in shown
    assert shown.count("missing-alt-text") == 1
    assert ("  warning missing-alt-text: All 4 images have no alt text: describe what they show "
            "for people who cannot see them.") in shown


def test_show_does_not_vouch_for_a_post_nobody_could_read(
        rig: ApprovalRig, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """A German hard sell came back "publish" here while Slack and Teams say "Not fully read"."""
    from assistant.checks.ruleset import RuleSet
    from assistant.review import review_post

    post = Post(id="t", platform="instagram", created_at=later(),
                text="Nur heute: 50% Rabatt auf alles! Jetzt kaufen und bitte teilt diesen Beitrag.")
    record = rig.store.create(CLIENT, [post], submitter=AUTHOR)[0]
    assert rig.store.set_review(record.id, 1, review_post(record.post, RuleSet.from_config())) == "ok"
    shown = _main(rig, monkeypatch, capsys, "queue", "show", record.id)[1].splitlines()
    assert shown[2] == "review: publish, but not all of it was read, score 100/100, 1 finding"
