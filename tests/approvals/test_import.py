"""`assistant queue import`: rows that cannot be queued are all reported with their line
numbers, and then nothing is queued (no post, no job), whatever the mix of problems."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from assistant.approvals.intake import ImportRejected
from assistant.jobs import queue as job_queue
from tests.approvals.conftest import CLIENT, ApprovalRig, buffer_file, later, stamp

TOO_LONG_FOR_X = "Our bakery " + "is the best in town, honestly, " * 10  # ~320 characters


def _nothing_queued(rig: ApprovalRig) -> None:
    assert rig.store.list() == []
    assert len(job_queue(rig.redis)) == 0


def _rejected(rig: ApprovalRig, *args: str) -> list[str]:
    from click.testing import CliRunner

    from assistant.approvals.cli import queue

    env = {"REDIS_URL": rig.settings.redis_url or "", "ASSISTANT_CONFIG": str(rig.config_path)}
    result = CliRunner().invoke(queue, ["import", *args], env=env)
    assert isinstance(result.exception, ImportRejected), result.output
    # several problems are listed one a line; a single one is the error's own line
    return result.stderr.splitlines() or [str(result.exception)]


def test_every_bad_row_is_reported_with_its_line_and_nothing_is_queued(
        rig: ApprovalRig, tmp_path: Path) -> None:
    good = stamp(later())
    path = tmp_path / "week.csv"
    path.write_text(
        "Text,Image URL,Tags,Posting Time\n"            # 1
        f"Fresh bread at 7,,,{good}\n"                   # 2
        "Pastry class,,,next tuesday\n"                  # 3: unreadable date
        f'"{TOO_LONG_FOR_X}",,,{good}\n'                 # 4: over X's 280
        "Old news,,,2020-01-01 09:00\n"                  # 5: in the past
        '"A post over\nthree lines\nwith a bad date",,,31/31/2031 25:00\n'  # 6-8
        f"Coffee and cake,,,{good}\n",                   # 9
        encoding="utf-8")
    lines = _rejected(rig, str(path), "--client", CLIENT)
    assert [line.split(": ", 1)[0] for line in lines[:4]] == [f"{path}:{n}" for n in (3, 4, 5, 6)]
    assert "unrecognised date 'next tuesday'" in lines[0]
    assert "Over X's limit of 280" in lines[1]
    assert "2020-01-01 09:00 UTC is in the past" in lines[2]
    assert len(lines) == 4
    _nothing_queued(rig)


def test_real_scheduler_files_with_past_and_undated_rows_are_refused(
        rig: ApprovalRig, realdata: Path, tmp_path: Path) -> None:
    lines = _rejected(rig, str(realdata / "hootsuite" / "example.csv"), "--client", CLIENT)
    # the same sponsor thank-you three times at one time: past, and twice a repeat of line 1
    assert [line.split(": ", 1)[0].rsplit(":", 1)[1] for line in lines] == ["1", "2", "2", "3", "3"]
    assert sum("2018-12-05 11:00 UTC is in the past" in line for line in lines) == 3
    assert sum("the same post (platform, time and text) as line 1" in line for line in lines) == 2

    template = realdata / "buffer" / "X_Buffer_Import_Template.csv"
    lines = _rejected(rig, str(template), "--client", CLIENT)
    assert "in the past" in lines[0] and lines[0].startswith(f"{template}:2: ")
    assert all("no scheduled time (a draft)" in line for line in lines[1:]) and len(lines) == 3
    _nothing_queued(rig)


def test_a_hootsuite_file_for_another_network(rig: ApprovalRig, realdata: Path,
                                              tmp_path: Path) -> None:
    original = (realdata / "hootsuite" / "hbc_bsidesphilly_sponsors.csv").read_text()
    future = original.replace("2018-", "2099-")
    path = tmp_path / "sponsors.csv"
    path.write_text(future, encoding="utf-8")
    result = rig.cli("import", str(path), "--client", CLIENT, "--platform", "linkedin")
    assert result.exit_code == 0, result.output
    posts = rig.store.list()
    assert len(posts) == 23 and {p.post.platform for p in posts} == {"linkedin"}
    assert posts[0].origin == "sponsors.csv:1"
    assert len(job_queue(rig.redis)) == 23


def test_importing_the_same_file_twice_queues_it_once(rig: ApprovalRig, tmp_path: Path) -> None:
    path = buffer_file(tmp_path, [("Loaf of the week: spelt.", stamp(later())),
                                  ("Sunday brunch menu is up.", stamp(later(60 * 30)))])
    assert rig.cli("import", str(path), "--client", CLIENT).exit_code == 0
    copy = tmp_path / "again.csv"
    shutil.copy(path, copy)
    lines = _rejected(rig, str(copy), "--client", CLIENT)
    assert lines == [f"{copy}:2: already in the queue as q1 (same client, platform, time and text)",
                     f"{copy}:3: already in the queue as q2 (same client, platform, time and text)"]
    assert [p.id for p in rig.store.list()] == ["q1", "q2"]


def test_jsonl_lines_and_unknown_clients(rig: ApprovalRig, tmp_path: Path) -> None:
    when = later().isoformat()
    path = tmp_path / "posts.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "a", "created_at": when, "platform": "bluesky", "text": "Hello, Bluesky."}),
        json.dumps({"id": "b", "created_at": when, "platform": "bluesky", "text": "word " * 70}),
    ]) + "\n", encoding="utf-8")
    lines = _rejected(rig, str(path), "--client", CLIENT)
    assert len(lines) == 1 and lines[0].startswith(f"{path}:2: Over Bluesky's limit of 300")
    assert lines[0].endswith("; nothing was imported")

    from assistant.errors import InputError

    with pytest.raises(InputError, match="no client named 'Nobody'.*Acme Bakery, Solo Studio"):
        rig.cli("import", str(path), "--client", "Nobody")
    _nothing_queued(rig)


def test_a_csv_with_ids_of_its_own_names_each_problem_by_its_line(
        rig: ApprovalRig, tmp_path: Path) -> None:
    """Rows were named `<file>:<line>` only where the importer made the id: a file with an
    id column gave `week.csv: ... in the past` and left the user to find the row."""
    good = stamp(later())
    path = tmp_path / "week.csv"
    path.write_text(f"id,text,scheduled_at\nbread-1,Fresh bread at 7,{good}\n"
                    "old-9,Old news,2020-01-01 09:00\n", encoding="utf-8")
    (line,) = _rejected(rig, str(path), "--client", CLIENT)
    assert line.startswith(f"{path}:3: scheduled time 2020-01-01 09:00 UTC is in the past")
    _nothing_queued(rig)
    path.write_text(f"id,text,scheduled_at\nbread-1,Fresh bread at 7,{good}\n", encoding="utf-8")
    assert rig.cli("import", str(path), "--client", CLIENT).exit_code == 0
    (again,) = _rejected(rig, str(path), "--client", CLIENT)
    assert again.startswith(f"{path}:2: already in the queue as q1")


def test_a_file_that_repeats_a_row_is_refused_naming_both_lines(
        rig: ApprovalRig, tmp_path: Path) -> None:
    """Both copies were queued: two approval requests for one post."""
    good = stamp(later())
    path = tmp_path / "week.csv"
    path.write_text(f"text,scheduled_at\n\"Fresh bread, at 7\",{good}\nCoffee,{good}\n"
                    f"\"Fresh  bread, at 7\",{good}\n", encoding="utf-8")
    (line,) = _rejected(rig, str(path), "--client", CLIENT)
    assert line.startswith(f"{path}:4: the same post (platform, time and text) as line 2")
    _nothing_queued(rig)


def test_a_broken_row_and_later_problems_are_all_reported_by_line(
        rig: ApprovalRig, tmp_path: Path) -> None:
    """A row cut by an unquoted comma, then a past date: the line map was read from the
    unblanked file, which raised again on the broken row and lost the other problems."""
    good = stamp(later())
    path = tmp_path / "week.csv"
    path.write_text(f"id,text,scheduled_at\na1,Fresh bread,{good}\n"
                    f"a2,Cakes, buy now,{good}\n"     # 3: unquoted comma
                    "a3,Old news,2020-01-01 09:00\n",  # 4: in the past
                    encoding="utf-8")
    lines = _rejected(rig, str(path), "--client", CLIENT)
    assert [line.split(": ", 1)[0] for line in lines[:2]] == [f"{path}:3", f"{path}:4"]
    assert "must be quoted" in lines[0] and "in the past" in lines[1]
    _nothing_queued(rig)


def test_the_summary_counts_rows_not_problems(rig: ApprovalRig, realdata: Path) -> None:
    """Hootsuite's example: three rows, five problems (each in the past, two copies of the
    first)."""
    from assistant.approvals.intake import read_for_queue

    with pytest.raises(ImportRejected) as rejected:
        read_for_queue(str(realdata / "hootsuite" / "example.csv"))
    assert len(rejected.value.problems) == 5
    assert rejected.value.message == "3 rows cannot be queued; nothing was imported"


def test_a_file_of_many_bad_rows_gives_the_true_count_and_says_what_is_not_listed(
        rig: ApprovalRig, tmp_path: Path) -> None:
    """120 past rows said "100 rows cannot be queued" after listing 100: the list was cut
    at 100 problems and the count taken from what was left."""
    from click.testing import CliRunner

    from assistant.approvals.cli import queue

    path = buffer_file(tmp_path, [(f"Throwback number {n}.", f"2020-01-01 {n // 60:02d}:{n % 60:02d}")
                                  for n in range(120)])
    env = {"REDIS_URL": rig.settings.redis_url or "", "ASSISTANT_CONFIG": str(rig.config_path)}
    result = CliRunner().invoke(queue, ["import", str(path), "--client", CLIENT], env=env)
    assert isinstance(result.exception, ImportRejected)
    lines = result.stderr.splitlines()
    assert [line.split(": ", 1)[0] for line in lines[:100]] == [f"{path}:{n}" for n in range(2, 102)]
    assert lines[100:] == ["… and 20 more rows"]
    assert str(result.exception) == f"{path}: 120 rows cannot be queued; nothing was imported"
    _nothing_queued(rig)


def test_the_real_30_day_schedule_lists_every_row_and_counts_them_all(realdata: Path) -> None:
    """Buffer's 30-day schedule: 100 rows, all in the past, the first also over X's limit.
    It said "99 rows": the list was cut at 100 problems, so the last row was never named."""
    from assistant.approvals.intake import read_for_queue

    path = realdata / "buffer" / "buffer-30-day-schedule.csv"
    with pytest.raises(ImportRejected) as rejected:
        read_for_queue(str(path))
    assert rejected.value.message == "100 rows cannot be queued; nothing was imported"
    lines = rejected.value.lines()
    assert len(lines) == 101 and "more" not in lines[-1]
    assert lines[-1].startswith(f"{path}:800: scheduled time 2026-02-25 12:59 UTC is in the past")


def test_reading_stops_after_100_unreadable_rows_and_says_so(tmp_path: Path) -> None:
    """Each unreadable row costs a fresh read of the file, so reading stops at 100 of them;
    the summary says how far the file was checked, not a count that looks complete."""
    from assistant.approvals.intake import read_for_queue

    path = buffer_file(tmp_path, [(f"Post {n}.", "next tuesday") for n in range(130)])
    with pytest.raises(ImportRejected) as rejected:
        read_for_queue(str(path))
    assert rejected.value.message == ("100 rows cannot be read, and the file was checked no "
                                      "further than line 101; nothing was imported")
    assert len(rejected.value.lines()) == 100


def test_a_file_without_a_text_column_gives_no_advice_the_command_cannot_take(tmp_path: Path) -> None:
    """`queue import` has no --map: it said "name it with --map text=<column>", an option
    only `assistant audit` has."""
    from assistant.approvals.intake import read_for_queue

    path = tmp_path / "plan.csv"
    path.write_text("title,author\nLaunch day,Sam\n", encoding="utf-8")
    with pytest.raises(ImportRejected) as rejected:
        read_for_queue(str(path))
    assert rejected.value.lines() == [f"{path}:1: no column for text (columns: title, author)"]
    assert "--map" not in str(rejected.value)
