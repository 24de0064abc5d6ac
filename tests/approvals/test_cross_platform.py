"""One approval state on two platforms: the real Slack app and worker against the fake Slack
Web API, and a second platform (a presenter recording its calls) beside it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.approvals import presenter
from assistant.approvals.policy import Action, Actor
from assistant.approvals.workflow import Workflow
from tests.approvals.conftest import (
    APPROVER_1,
    AUTHOR,
    CHANNEL,
    CLIENT,
    ApprovalRig,
    blocks_text,
    buffer_file,
    later,
    queued,
    stamp,
)
from tests.approvals.test_workflow import Recorder, _only

AAD = "3f2504e0-4f89-11d3-9a0c-0305e82c3301"


@pytest.fixture
def teams(rig: ApprovalRig) -> Iterator[Recorder]:
    """The client also uses Teams, where a Teams approver sits."""
    client = rig.workspace.clients[0]
    client.teams_channel = "19:acme@thread.tacv2"
    client.approvers.append(f"teams:{AAD}")
    saved = presenter.registered()
    recorder = Recorder("teams", "teams_channel")
    presenter.register(recorder)
    yield recorder
    _only(saved)


def _trails(rig: ApprovalRig, ts: str) -> list[dict]:
    return [c for c in rig.posted() if c.get("thread_ts") == ts
            and "Audit trail" in c.get("text", "")]


def test_approved_in_teams_the_slack_message_redraws_and_gets_the_trail(
        rig: ApprovalRig, teams: Recorder) -> None:
    record = queued(rig, "Sourdough masterclass on Saturday, book at the counter.")
    assert set(record.messages) == {"slack", "teams"}
    workflow = Workflow(rig.redis, rig.workspace)
    ana = Actor("teams", AAD, "Ana <!channel> Ortiz")  # a display name is untrusted text
    outcome = workflow.decide(ana, record.id, Action.APPROVE, version=record.version)
    assert outcome.ok and outcome.post is not None
    workflow.publish(outcome.post, here=teams, trail=True, notify=True)
    assert teams.of("redraw") == [("redraw", record.id, "approved", 1)]
    assert rig.fake.updates_of(record.ts) == []  # Slack is redrawn by the worker

    rig.work()
    update = rig.fake.updates_of(record.ts)
    assert len(update) == 1
    shown = blocks_text(update[0])
    assert "Approved* by Ana &lt;!channel&gt; Ortiz" in shown and "<!channel>" not in shown
    trail = _trails(rig, record.ts)
    assert len(trail) == 1 and "Ana &lt;!channel&gt; Ortiz" in blocks_text(trail[0])
    assert f"teams:{AAD}" not in blocks_text(trail[0])
    dms = [c for c in rig.posted() if c["channel"] == AUTHOR]
    assert len(dms) == 1 and "Approved" in dms[0]["text"] + blocks_text(dms[0])
    assert teams.of("tell") == []  # the submitter is a Slack user: told in Slack only
    assert len(teams.of("redraw")) == 1


def test_approved_in_slack_the_other_platform_redraws_and_gets_the_trail(
        rig: ApprovalRig, teams: Recorder) -> None:
    record = queued(rig, "Croissants are back on Sunday.")
    rig.click("approval_approve", record, APPROVER_1)
    rig.wait(lambda f: bool(f.updates_of(record.ts)))
    rig.work()
    assert teams.of("redraw") == [("redraw", record.id, "approved", 1)]
    assert teams.of("trail") == [("trail", record.id, ["submitted", "reviewed", "approved"],
                                  False)]
    assert len(rig.fake.updates_of(record.ts)) == 1  # Slack redrawn once, by the click
    assert len([c for c in rig.posted() if c.get("thread_ts") == record.ts
                and "Audit trail" in c.get("text", "")]) == 1
    assert [m for m in rig.fake.landed(CHANNEL) if not m.get("thread_ts")] \
        and rig.get(record.id).decided_by == APPROVER_1


@pytest.mark.parametrize(("given", "recorded"), [
    (f"teams:{AAD.upper()}", f"teams:{AAD}"), ("slack:U0AUTHOR", "U0AUTHOR"), ("U0AUTHOR", "U0AUTHOR")])
def test_the_cli_names_a_submitter_on_either_platform(rig: ApprovalRig, tmp_path: Path,
                                                      given: str, recorded: str) -> None:
    path = buffer_file(tmp_path, [("Rye loaves back on Tuesday.", stamp(later()))])
    result = rig.cli("import", str(path), "--client", CLIENT, "--submitter", given)
    assert result.exit_code == 0, result.output
    assert rig.get("q1").submitter == recorded


def test_a_submitter_that_is_no_person_is_one_line_and_exit_2(
        rig: ApprovalRig, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from tests.approvals.test_queue_cli import _main

    path = buffer_file(tmp_path, [("Rye loaves back on Tuesday.", stamp(later()))])
    for bad in ("teams:nobody", "S0EDITORS"):
        code, out, err = _main(rig, monkeypatch, capsys, "queue", "import", str(path),
                               "--client", CLIENT, "--submitter", bad)
        assert code == 2 and out == ""
        assert len(err.splitlines()) == 1 and "--submitter" in err and bad in err
    assert rig.store.list() == []


def test_a_repeated_refresh_job_posts_no_trail_or_dm_twice(rig: ApprovalRig,
                                                           teams: Recorder) -> None:
    from assistant.approvals.jobs import enqueue_refresh

    record = queued(rig, "Rye loaves back on Tuesday.")
    workflow = Workflow(rig.redis, rig.workspace)
    outcome = workflow.decide(Actor("teams", AAD, "Ana"), record.id, Action.REJECT,
                              version=record.version)
    assert outcome.ok and outcome.post is not None
    workflow.publish(outcome.post, here=teams, trail=True, notify=True)
    rig.work()
    enqueue_refresh(rig.redis, [record.id], skip=["teams"], trail=True, notify=True)  # a rerun
    rig.work()
    assert len(_trails(rig, record.ts)) == 1
    assert len([c for c in rig.posted() if c["channel"] == AUTHOR]) == 1
    assert "Rejected* by Ana" in blocks_text(rig.fake.updates_of(record.ts)[-1])
