"""The approval workflow called directly, as any chat platform calls it: a real Redis, the
real review (rules, no model key: a critique note) and the real RQ worker; platforms are
stood in for by presenters that record what they were asked to show."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import redis as redis_lib

from assistant.approvals import jobs, presenter
from assistant.approvals.model import AuditEntry, Code, QueuedPost
from assistant.approvals.policy import Action, Actor
from assistant.approvals.texts import refusal
from assistant.approvals.workflow import Workflow
from assistant.config import ClientConfig, WorkspaceConfig, load_workspace
from assistant.errors import ConfigError
from assistant.jobs import run_worker
from assistant.models import Post
from assistant.settings import Settings

ANA_AAD = "3f2504e0-4f89-11d3-9a0c-0305e82c3301"  # a Teams approver
GROUP_AAD = "9a1b2c3d-0000-4000-8000-00000000abcd"  # an AAD group of approvers
EVE_AAD = "7c9e6679-7425-40de-944b-e07fc1f90ae7"  # in that group
SOLO_AAD = "16fd2706-8baf-433b-82eb-8c7fada847da"
ANA = Actor("teams", ANA_AAD, "Ana Ortiz")
BEN = Actor("slack", "U0BEN", "ben")  # written bare
CAL = Actor("slack", "U0CAL", "cal")  # written with its prefix
GROUPIE = Actor("slack", "U0GROUPIE", "gus")
EVE = Actor("teams", EVE_AAD.upper(), "Eve")  # AAD ids come in either case
OUTSIDER = Actor("slack", "U0INTERN", "intern")
AUTHOR = Actor("teams", "0f8fad5b-d9cb-469f-a165-70867728950e", "Author")

CONFIG = f"""
[rules.severity]
share-begging = "error"

[[clients]]
name = "Acme"
approvers = ["U0BEN", "slack:U0CAL", "slack:S0EDITORS", "teams:{ANA_AAD}", "teams:group:{GROUP_AAD}"]
approvals_channel = "C0APPROVALS"
teams_channel = "19:acme@thread.tacv2"

[[clients]]
name = "Solo"
approvers = ["teams:{SOLO_AAD}"]
teams_channel = "19:solo@thread.tacv2"
allow_self_approval = true

[[clients]]
name = "Nowhere"
approvers = ["U0BEN"]
"""


class Groups:
    """A platform's group directory (the Slack or Graph API's answer)."""

    def __init__(self, members: dict[str, set[str]]) -> None:
        self.members_of = members

    def members(self, group: str) -> set[str]:
        return self.members_of.get(group, set())


@dataclass
class Recorder:
    """A chat platform as the core sees it, recording every call."""

    platform: str
    field_name: str
    calls: list[tuple[Any, ...]] = field(default_factory=list)

    def serves(self, client: ClientConfig) -> bool:
        return bool(getattr(client, self.field_name))

    def show(self, record: QueuedPost, client: ClientConfig, remember: Any) -> None:
        self.calls.append(("show", record.id, record.version))
        if self.platform not in record.messages:
            remember({"conversation": getattr(client, self.field_name), "id": f"m-{record.id}"})

    def redraw(self, record: QueuedPost, client: ClientConfig | None, *,
               strict: bool = False) -> bool:
        self.calls.append(("redraw", record.id, record.state, record.version))
        return self.platform in record.messages

    def post_trail(self, record: QueuedPost, entries: Sequence[AuditEntry], *,
                   continued: bool) -> None:
        self.calls.append(("trail", record.id, [e.action for e in entries], continued))

    def tell_submitter(self, record: QueuedPost) -> None:
        self.calls.append(("tell", record.id, record.state))

    def of(self, kind: str) -> list[tuple[Any, ...]]:
        return [c for c in self.calls if c[0] == kind]


@dataclass
class Rig:
    workflow: Workflow
    slack: Recorder
    teams: Recorder

    @property
    def redis(self) -> redis_lib.Redis:
        return self.workflow.redis

    def work(self) -> None:
        run_worker(self.redis, burst=True)

    def queued(self, text: str, *, client: str = "Acme", submitter: Actor = AUTHOR,
               when: datetime | None = None) -> QueuedPost:
        post = Post(id="t", platform="x", created_at=when or later(), text=text)
        submission = self.workflow.submit(submitter, client, [post], origins=["test"])
        assert submission.ok, submission
        self.work()
        record = self.workflow.store.get(submission.records[0].id)
        assert record is not None and record.reviewed
        return record


def later(hours: float = 24) -> datetime:
    return (datetime.now(UTC) + timedelta(hours=hours)).replace(microsecond=0)


def _only(presenters: list[Any]) -> None:
    """Make `presenters` the registered ones (each test leaves the registry as it found it)."""
    for registered in presenter.registered():
        presenter.unregister(registered.platform)
    for kept in presenters:
        presenter.register(kept)


@pytest.fixture
def rig(redis_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Rig]:
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "AZURE_OPENAI_ENDPOINT"):
        monkeypatch.delenv(name, raising=False)
    path = tmp_path / "assistant.toml"
    path.write_text(CONFIG, encoding="utf-8")
    workspace = load_workspace(path)
    redis = redis_lib.Redis.from_url(redis_url)
    saved = presenter.registered()
    _only([])
    slack, teams = Recorder("slack", "approvals_channel"), Recorder("teams", "teams_channel")
    presenter.register(slack)
    presenter.register(teams)
    jobs.configure(Settings(redis_url=redis_url), workspace, redis)
    groups = {"slack": Groups({"S0EDITORS": {"U0GROUPIE"}}), "teams": Groups({GROUP_AAD: {EVE_AAD}})}
    yield Rig(Workflow(redis, workspace, groups=groups), slack, teams)
    _only(saved)
    redis.close()


# --- who may decide ---------------------------------------------------------------------------

def test_approvers_by_prefix_bare_id_and_group_on_each_platform(rig: Rig) -> None:
    for approver in (ANA, BEN, CAL, GROUPIE, EVE):
        record = rig.queued(f"Sourdough class on Saturday, seats for {approver.name}.")
        outcome = rig.workflow.decide(approver, record.id, Action.APPROVE, version=1)
        assert outcome.ok and outcome.code == Code.OK, (approver, outcome.code)
        assert outcome.post is not None and outcome.post.decided_by == approver.ref
    assert rig.workflow.store.get("q1").decided_by == f"teams:{ANA_AAD}"  # type: ignore[union-attr]
    assert rig.workflow.store.get("q1").decided_by_name == "Ana Ortiz"  # type: ignore[union-attr]
    assert rig.workflow.store.get("q2").decided_by == "U0BEN"  # type: ignore[union-attr]


def test_an_outsider_or_a_same_id_on_another_platform_is_refused(rig: Rig) -> None:
    record = rig.queued("New seasonal menu out on Friday.")
    impostor = Actor("teams", "U0BEN")  # Ben's Slack id, claimed from another platform
    for actor in (OUTSIDER, impostor, Actor("slack", "S0EDITORS")):
        for action in (Action.APPROVE, Action.REJECT):
            outcome = rig.workflow.decide(actor, record.id, action, version=1)
            assert not outcome.ok and outcome.code == Code.NOT_APPROVER
    assert rig.workflow.store.get(record.id).state == "pending"  # type: ignore[union-attr]
    assert [e.action for e in rig.workflow.store.audit(record.id)] == ["submitted", "reviewed"]
    text = refusal(Code.NOT_APPROVER, record, "Acme")
    assert text == "You are not an approver for Acme." and "<@" not in text


def test_no_self_approval_unless_the_client_allows_it(rig: Rig) -> None:
    own = rig.queued("Flat whites half price before 9.", submitter=ANA)
    outcome = rig.workflow.decide(ANA, own.id, Action.APPROVE, version=1)
    assert outcome.code == Code.SELF_APPROVAL
    assert "someone else must approve it" in refusal(outcome.code, outcome.post, "Acme")
    assert rig.workflow.decide(ANA, own.id, Action.REJECT, version=1).ok  # rejecting is fine

    solo_author = Actor("teams", SOLO_AAD.upper(), "Solo")
    solo = rig.queued("Studio open day on Saturday.", client="Solo", submitter=solo_author)
    assert rig.workflow.decide(solo_author, solo.id, Action.APPROVE, version=1).ok


def _rewritten(rig: Rig, record: QueuedPost, editor: Actor, text: str) -> QueuedPost:
    """`editor` rewrites the post through the workflow; the worker reviews the new version."""
    post = Post(id="x", platform="x", created_at=record.scheduled_at, text=text)
    outcome = rig.workflow.edit(editor, record.id, post, version=record.version)
    assert outcome.ok, outcome
    rig.work()
    edited = rig.workflow.store.get(record.id)
    assert edited is not None and edited.reviewed and edited.version == record.version + 1
    return edited


def test_an_approver_who_edited_a_post_may_not_approve_it_alone(
        rig: Rig, caplog: pytest.LogCaptureFixture) -> None:
    """Four eyes on the words: an approver who rewrites a post cannot then approve it, on
    any platform; another approver can."""
    record = rig.queued("Our team's take on listening.")
    edited = _rewritten(rig, record, BEN, "Text written entirely by Ben.")

    with caplog.at_level("INFO", logger="assistant.approvals.workflow"):
        outcome = rig.workflow.decide(BEN, record.id, Action.APPROVE, version=edited.version)
    assert outcome.code == Code.SELF_APPROVAL and not outcome.ok
    assert refusal(outcome.code, outcome.post, "Acme") == (
        "You submitted or edited this post, so someone else must approve it "
        "(Acme does not allow self-approval).")
    assert rig.workflow.store.get(record.id).state == "pending"  # type: ignore[union-attr]
    assert [(e.actor, e.action) for e in rig.workflow.store.audit(record.id)][-1] == \
        ("assistant", "reviewed"), "a refusal writes nothing to the queue"
    refused = [r.getMessage() for r in caplog.records if r.name == "assistant.approvals.workflow"]
    assert refused == [f"approval refused: actor=U0BEN post={record.id} action=approve "
                       "code=self_approval"]
    assert "Ben" not in refused[0] and "listening" not in refused[0]  # ids, never the text

    # the policy as a listener asks it before opening a form, from a fresh read
    assert rig.workflow.check(BEN, Action.APPROVE, edited) == Code.SELF_APPROVAL
    assert rig.workflow.check(BEN, Action.REJECT, edited) is None  # deciding otherwise is fine
    assert rig.workflow.check(BEN, Action.REQUEST_CHANGES, edited) is None

    outcome = rig.workflow.decide(CAL, record.id, Action.APPROVE, version=edited.version)
    assert outcome.ok and outcome.post is not None and outcome.post.decided_by == CAL.ref
    assert outcome.post.editors == [BEN.ref] and outcome.post.submitter == AUTHOR.ref


def test_every_editor_and_the_submitter_stay_barred_after_later_edits(rig: Rig) -> None:
    """Words outlive the edit that wrote them: an earlier editor stays an author after someone
    else edits again (perhaps only the time), and so does the submitter after an approver
    rewrites their post; an approver who never wrote a word decides."""
    record = rig.queued("Sourdough class on Friday.", submitter=ANA)
    edited = _rewritten(rig, record, BEN, "Sourdough class on Friday, 6 pm.")
    edited = _rewritten(rig, edited, EVE, "Sourdough class on Friday, 6 pm. Bring an apron.")
    for author in (ANA, BEN, EVE):
        assert rig.workflow.decide(author, record.id, Action.APPROVE,
                                   version=edited.version).code == Code.SELF_APPROVAL, author
    assert edited.editors == [BEN.ref, EVE.ref]
    # the submitter editing their own post: still theirs, and not listed twice
    edited = _rewritten(rig, edited, ANA, "Sourdough class on Friday at 6 pm. Bring an apron.")
    edited = _rewritten(rig, edited, BEN, "Sourdough class, Friday at 6 pm. Bring an apron.")
    assert rig.workflow.decide(ANA, record.id, Action.APPROVE,
                               version=edited.version).code == Code.SELF_APPROVAL
    assert edited.editors == [BEN.ref, EVE.ref, ANA.ref]
    assert rig.workflow.decide(CAL, record.id, Action.APPROVE, version=edited.version).ok


def test_a_decision_names_the_version_its_policy_was_checked_on(rig: Rig) -> None:
    """Who wrote a post changes only with its version, so a decision is taken on the version
    the policy saw: none named means that one, and one that did not exist yet is stale."""
    record = rig.queued("Cinnamon buns at 10.")
    assert rig.workflow.decide(BEN, record.id, Action.APPROVE, version=2).code == Code.STALE
    assert rig.workflow.store.get(record.id).state == "pending"  # type: ignore[union-attr]
    outcome = rig.workflow.decide(BEN, record.id, Action.APPROVE)
    assert outcome.ok and outcome.post is not None and outcome.post.version == 1


def test_an_editor_may_approve_where_the_client_allows_self_approval(rig: Rig) -> None:
    solo = Actor("teams", SOLO_AAD, "Solo")
    record = rig.queued("Studio open day on Saturday.", client="Solo", submitter=AUTHOR)
    edited = _rewritten(rig, record, solo, "Studio open day on Saturday, 10 to 4.")
    outcome = rig.workflow.decide(solo, record.id, Action.APPROVE, version=edited.version)
    assert outcome.ok and outcome.post is not None and outcome.post.state == "approved"


def test_a_post_edited_before_editors_were_kept_knows_its_editors_from_its_trail(rig: Rig) -> None:
    """A hash without the `editors` field (written by the previous release): never edited,
    it behaves as before; edited, its editors come from the audit trail, for reading and for
    the next edit alike."""
    from assistant.approvals.store import post_key

    untouched = rig.queued("Bagels are back.")
    rig.redis.hdel(post_key(untouched.id), "editors")
    assert rig.workflow.decide(AUTHOR, untouched.id, Action.APPROVE, version=1).code \
        == Code.NOT_APPROVER
    assert rig.workflow.decide(BEN, untouched.id, Action.APPROVE, version=1).ok
    assert rig.workflow.store.get(untouched.id).editors == []  # type: ignore[union-attr]

    record = rig.queued("Rye is back.")
    edited = _rewritten(rig, record, BEN, "Rye is back, and bagels too.")
    rig.redis.hdel(post_key(record.id), "editors")  # as the previous release left it
    assert rig.workflow.decide(BEN, record.id, Action.APPROVE,
                               version=edited.version).code == Code.SELF_APPROVAL
    legacy = rig.workflow.store.get(record.id)
    assert legacy is not None and legacy.editors == [BEN.ref]
    assert [p.editors for p in rig.workflow.store.list() if p.id == record.id] == [[BEN.ref]]
    again = _rewritten(rig, edited, CAL, "Rye is back, and bagels too!")
    assert again.editors == [BEN.ref, CAL.ref], "the edit script seeds them from the trail"
    assert rig.workflow.decide(BEN, record.id, Action.APPROVE,
                               version=again.version).code == Code.SELF_APPROVAL
    assert rig.workflow.decide(GROUPIE, record.id, Action.APPROVE, version=again.version).ok


def test_every_refused_attempt_is_logged_once(rig: Rig, caplog: pytest.LogCaptureFixture) -> None:
    """A refusal is answered to the person and logged (ids and codes, no text); what the
    policy allows is not logged."""
    record = rig.queued("Lemon tart, this weekend only.")
    edited = Post(id="x", platform="x", created_at=record.scheduled_at, text="Lemon tart!")
    with caplog.at_level("INFO", logger="assistant.approvals.workflow"):
        assert rig.workflow.decide(OUTSIDER, record.id, Action.REJECT, version=1).code \
            == Code.NOT_APPROVER
        assert rig.workflow.edit(OUTSIDER, record.id, edited, version=1).code == Code.NOT_EDITOR
        assert rig.workflow.decide(AUTHOR, record.id, Action.APPROVE, version=1).code \
            == Code.NOT_APPROVER
        assert rig.workflow.decide(BEN, record.id, Action.APPROVE, version=1).ok
    lines = [r.getMessage() for r in caplog.records if r.name == "assistant.approvals.workflow"]
    assert lines == [
        f"approval refused: actor=U0INTERN post={record.id} action=reject code=not_approver",
        f"approval refused: actor=U0INTERN post={record.id} action=edit code=not_editor",
        f"approval refused: actor={AUTHOR.ref} post={record.id} action=approve code=not_approver",
    ]
    assert all(r.levelname == "INFO" for r in caplog.records if r.name == "assistant.approvals.workflow")


def test_the_submitter_or_an_approver_may_edit_nobody_else(rig: Rig) -> None:
    record = rig.queued("Fresh rye today, shop opens at 8.")
    edited = Post(id="x", platform="x", created_at=later(30), text="Fresh rye today, open at 9.")
    assert rig.workflow.edit(OUTSIDER, record.id, edited, version=1).code == Code.NOT_EDITOR
    outcome = rig.workflow.edit(AUTHOR, record.id, edited, version=1)
    assert outcome.ok and outcome.post is not None and outcome.post.version == 2
    again = edited.model_copy(update={"text": "Fresh rye today, open at 10."})
    assert rig.workflow.edit(BEN, record.id, again, version=2).ok


# --- overrides, versions, races ---------------------------------------------------------------

def test_an_override_needs_an_error_level_finding_and_a_reason(rig: Rig) -> None:
    begging = rig.queued("Please retweet and share this with everyone you know!")
    assert begging.has_error
    assert rig.workflow.decide(BEN, begging.id, Action.APPROVE, version=1).code \
        == Code.OVERRIDE_REQUIRED
    reason = "Client insists: it is a charity raffle."
    outcome = rig.workflow.decide(BEN, begging.id, Action.APPROVE, version=1, reason=reason)
    assert outcome.ok and outcome.post is not None and outcome.post.override_reason == reason
    assert rig.workflow.store.audit(begging.id)[-1].reason == reason

    clean = rig.queued("Our bakery opens at 8 on Sunday.")
    assert not clean.has_error
    outcome = rig.workflow.decide(BEN, clean.id, Action.APPROVE, version=1, reason="because")
    assert outcome.code == Code.NO_OVERRIDE_NEEDED and outcome.post.state == "pending"  # type: ignore[union-attr]
    assert rig.workflow.decide(BEN, clean.id, Action.REQUEST_CHANGES, version=1).code \
        == Code.REASON_REQUIRED


def test_a_decision_on_a_stale_version_is_refused(rig: Rig) -> None:
    record = rig.queued("Croissants are back on Sunday.")
    edited = Post(id="x", platform="x", created_at=later(30), text="Croissants back on Monday.")
    assert rig.workflow.edit(AUTHOR, record.id, edited, version=1).ok
    outcome = rig.workflow.decide(BEN, record.id, Action.APPROVE, version=1)
    assert outcome.code == Code.STALE
    assert "now version 2" in refusal(outcome.code, outcome.post, "Acme")
    assert rig.workflow.decide(BEN, record.id, Action.APPROVE, version=2).code == Code.UNREVIEWED
    rig.work()
    assert rig.workflow.decide(BEN, record.id, Action.APPROVE, version=2).ok


def test_two_deciders_on_two_platforms_at_once_make_one_decision(rig: Rig, redis_url: str) -> None:
    for round_ in range(10):
        record = rig.queued(f"Bread class places left for May, round {round_}.")
        barrier, outcomes = threading.Barrier(2), {}

        def decide(actor: Actor, action: Action, post_id: str = record.id,
                   barrier: threading.Barrier = barrier, outcomes: dict[str, Any] = outcomes) -> None:
            own = Workflow(redis_lib.Redis.from_url(redis_url), rig.workflow.workspace)
            barrier.wait()
            outcomes[actor.ref] = own.decide(actor, post_id, action, version=1)

        second = Action.APPROVE if round_ % 2 else Action.REJECT
        threads = [threading.Thread(target=decide, args=(ANA, Action.APPROVE)),
                   threading.Thread(target=decide, args=(BEN, second))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        won = [o for o in outcomes.values() if o.ok]
        lost = [o for o in outcomes.values() if not o.ok]
        assert len(won) == 1 and len(lost) == 1 and lost[0].code == Code.STATE
        decisions = [e for e in rig.workflow.store.audit(record.id)
                     if e.action in ("approved", "rejected")]
        assert len(decisions) == 1
        final = rig.workflow.store.get(record.id)
        assert final is not None and final.decided_by == decisions[0].actor
        told = refusal(lost[0].code, lost[0].post, "Acme")
        assert told.startswith("Too late: this post was already")
        assert (final.decided_by_name or final.decided_by) in told and "<@" not in told


# --- every platform shows the same state ------------------------------------------------------

def test_a_post_is_shown_on_every_platform_the_client_uses_and_remembered(rig: Rig) -> None:
    record = rig.queued("Sourdough masterclass on Saturday.")
    assert rig.slack.of("show") == [("show", record.id, 1)] == rig.teams.of("show")
    assert record.messages == {
        "slack": {"conversation": "C0APPROVALS", "id": f"m-{record.id}"},
        "teams": {"conversation": "19:acme@thread.tacv2", "id": f"m-{record.id}"}}
    teams_only = rig.queued("Studio open day.", client="Solo")
    assert set(teams_only.messages) == {"teams"}
    assert [c[1] for c in rig.slack.of("show")] == [record.id]  # Solo has no Slack channel


def test_a_decision_taken_on_one_platform_redraws_all_and_posts_each_trail(rig: Rig) -> None:
    record = rig.queued("Thanks to everyone who came to the tasting.", submitter=AUTHOR)
    outcome = rig.workflow.decide(BEN, record.id, Action.APPROVE, version=1)
    assert outcome.ok and outcome.post is not None
    rig.workflow.publish(outcome.post, here=rig.slack, trail=True, notify=True)
    # the deciding platform at once; the other one through the job
    assert rig.slack.of("redraw") == [("redraw", record.id, "approved", 1)]
    assert rig.teams.of("redraw") == []
    rig.work()
    assert rig.teams.of("redraw") == [("redraw", record.id, "approved", 1)]
    assert len(rig.slack.of("redraw")) == 1  # not redrawn twice
    for platform in (rig.slack, rig.teams):
        assert platform.of("trail") == [("trail", record.id, ["submitted", "reviewed", "approved"],
                                         False)]
    assert rig.teams.of("tell") == [("tell", record.id, "approved")]  # the submitter is in Teams
    assert rig.slack.of("tell") == []

    changed = rig.queued("Bread class places left for June.")
    outcome = rig.workflow.decide(EVE, changed.id, Action.REQUEST_CHANGES, version=1,
                                  note="Say which Saturday.")
    assert outcome.ok and outcome.post is not None
    rig.workflow.publish(outcome.post, here=rig.teams, trail=True, notify=True)
    rig.work()
    assert ("redraw", changed.id, "changes_requested", 1) in rig.slack.of("redraw")
    assert rig.slack.of("trail")[-1][2][-1] == "changes_requested"
    assert rig.teams.of("tell")[-1] == ("tell", changed.id, "changes_requested")


def test_a_trail_the_platform_refused_is_posted_by_the_retry_not_lost(rig: Rig) -> None:
    record = rig.queued("Tasting menu for two, Thursdays only.")
    outcome = rig.workflow.decide(BEN, record.id, Action.APPROVE, version=1)
    assert outcome.ok and outcome.post is not None
    refused = []

    def outage(*_: Any, **__: Any) -> None:
        refused.append(True)
        raise ConnectionError("the platform is down")

    rig.teams.post_trail = outage  # type: ignore[method-assign]
    with pytest.raises(ConnectionError):
        rig.workflow.present_change(outcome.post, [rig.teams], trail=True, notify=False)
    del rig.teams.post_trail  # the platform is back: the retried job runs
    rig.workflow.present_change(outcome.post, [rig.teams], trail=True, notify=False)
    assert refused == [True]
    assert rig.teams.of("trail") == [("trail", record.id, ["submitted", "reviewed", "approved"],
                                      False)]
    rig.workflow.present_change(outcome.post, [rig.teams], trail=True, notify=False)
    assert len(rig.teams.of("trail")) == 1  # posted once the platform took it


def test_expiry_redraws_every_platform(rig: Rig) -> None:
    record = rig.queued("Last-minute tasting tonight.", when=later(1))
    rig.workflow.store.clock = lambda: later(2).timestamp()
    jobs.runtime().workflow.store.clock = rig.workflow.store.clock
    assert rig.workflow.expire() == [record.id]
    rig.work()
    for platform in (rig.slack, rig.teams):
        assert platform.of("redraw")[-1] == ("redraw", record.id, "expired", 1)
    outcome = rig.workflow.decide(BEN, record.id, Action.APPROVE, version=1)
    assert outcome.code == Code.STATE and outcome.post.state == "expired"  # type: ignore[union-attr]


# --- submitting -------------------------------------------------------------------------------

def test_submit_says_why_nothing_was_queued(rig: Rig) -> None:
    post = Post(id="t", platform="x", created_at=later(), text="Hello")
    assert rig.workflow.submit(BEN, "Nobody", [post]).code == Code.NO_CLIENT
    assert rig.workflow.submit(BEN, "Nowhere", [post]).code == Code.NO_SURFACE
    first = rig.workflow.submit(BEN, "Acme", [post])
    assert first.ok and first.records[0].submitter == "U0BEN"
    again = rig.workflow.submit(BEN, "Acme", [post])
    assert again.code == Code.DUPLICATE and again.duplicates == [(0, first.records[0].id)]
    assert rig.workflow.clients_open_to_submit() == ["Acme", "Solo"]


# --- config and stored data -------------------------------------------------------------------

@pytest.mark.parametrize("entry", ["teams:not-an-id", "bob", "slack:C0CHANNEL", "teams:group:x"])
def test_a_bad_approver_is_a_config_error_naming_the_line(tmp_path: Path, entry: str) -> None:
    path = tmp_path / "assistant.toml"
    path.write_text(f'[[clients]]\nname = "Acme"\napprovers = ["{entry}"]\n', encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_workspace(path)
    assert caught.value.line == 3
    assert entry in str(caught.value) and "teams:<AAD object id>" in str(caught.value)


def _to_earlier_layout(redis: redis_lib.Redis, post_ids: list[str], layout: int) -> None:
    """Rename the queue's keys to those of layout 1 (no hash tags) or 2 (one tag per post)."""
    new, old = "assistant:v1:{approvals}", "assistant:v1:approvals"
    for name in [n.decode() for n in redis.scan_iter(match=f"{new}:*")]:
        rest = name[len(new) + 1:]
        for post_id in post_ids:
            for kind in ("post", "audit"):
                if rest == f"{post_id}:{kind}":
                    rest = f"{kind}:{post_id}" if layout == 1 else f"{{{post_id}}}:{kind}"
        redis.rename(name, f"{old}:{rest}")
    redis.set(f"{old}:layout", str(layout))


def test_posts_queued_in_the_first_layout_are_read_and_decided(rig: Rig) -> None:
    """Keys without hash tags, and the Slack message in `channel`/`ts`, move on first use."""
    record = rig.queued("Old-layout post.")
    redis, prefix = rig.redis, "assistant:v1:approvals"
    _to_earlier_layout(redis, [record.id], 1)
    old = f"{prefix}:post:{record.id}"
    redis.hdel(old, "msg:slack", "msg:teams")
    entries = redis.xrange(f"{prefix}:audit:{record.id}")
    redis.hset(old, mapping={"channel": "C0APPROVALS", "ts": "1700000000.000100",
                             "audit_posted": entries[0][0]})

    fresh = Workflow(redis, rig.workflow.workspace)
    moved = fresh.store.get(record.id)
    assert moved is not None and moved.messages == {
        "slack": {"channel": "C0APPROVALS", "ts": "1700000000.000100"}}
    assert moved.channel == "C0APPROVALS" and moved.ts == "1700000000.000100"
    assert redis.exists(old) == 0
    # the thread already had the first entry: Slack gets the rest, a new platform all
    assert [e.action for e in fresh.store.claim_audit(record.id, "slack")[0]] == ["reviewed"]
    assert [e.action for e in fresh.store.claim_audit(record.id, "teams")[0]] == \
        ["submitted", "reviewed"]
    assert fresh.decide(BEN, record.id, Action.APPROVE, version=1).ok


def test_posts_queued_in_the_second_layout_keep_their_queue(rig: Rig) -> None:
    """One hash tag per post (layout 2): every key moves under the queue's one tag, the
    indexes, sequence and fingerprints included, and the queue carries on."""
    when = later()
    first = rig.queued("Second-layout post.", when=when)
    _to_earlier_layout(rig.redis, [first.id], 2)

    fresh = Workflow(rig.redis, rig.workflow.workspace)
    assert [p.id for p in fresh.store.list()] == [first.id]
    again = fresh.submit(AUTHOR, "Acme", [Post(id="t", platform="x", created_at=when, text="Second-layout post.")])
    assert again.code == Code.DUPLICATE and again.duplicates == [(0, first.id)], "the fingerprint moved"
    other = fresh.submit(AUTHOR, "Acme", [Post(id="t", platform="x", created_at=when, text="Another post.")])
    assert other.ok and other.records[0].id != first.id, "the id sequence moved"
    assert not list(rig.redis.scan_iter(match="assistant:v1:approvals:*"))
    assert fresh.decide(BEN, first.id, Action.APPROVE, version=1).ok


def test_keys_an_earlier_release_writes_later_move_on_the_next_start(rig: Rig) -> None:
    """A process of the earlier release that wrote after the upgrade: its ids never repeat
    the queue's (the higher sequence stands), and what is not the queue's stays put."""
    first = rig.queued("Queued before.")
    old = "assistant:v1:approvals"
    rig.redis.set(f"{old}:seq", 1)  # an earlier-release process that restarted its count
    rig.redis.set(f"{old}:aadgroup:9a1b", "cached members", ex=60)
    rig.redis.set("assistant:v1:{approvals}:seq", 5)

    fresh = Workflow(rig.redis, rig.workflow.workspace)
    later_post = fresh.submit(AUTHOR, "Acme", [Post(id="t", platform="x", created_at=later(), text="Queued after.")])
    assert later_post.ok and later_post.records[0].id == "q6" != first.id
    assert rig.redis.get(f"{old}:aadgroup:9a1b") == b"cached members"
    assert rig.redis.exists(f"{old}:seq") == 0


def test_the_whole_queue_is_one_cluster_slot() -> None:
    from redis.crc import key_slot

    from assistant.approvals.store import PREFIX, audit_key, post_key

    keys = [post_key("q12"), audit_key("q12"), post_key("q9000"), *(f"{PREFIX}:{part}" for part in
            ("all", "live", "approved", "seq", "fp:Harbour Cafe:0123abcd"))]
    assert len({key_slot(k.encode()) for k in keys}) == 1
    assert post_key("q12") == "assistant:v1:{approvals}:q12:post"


def test_workspace_keys_stay_accepted() -> None:
    config = WorkspaceConfig.model_validate({"clients": [{"name": "A", "approvers": [
        "U012ABC", "S0GROUP", "slack:W0ABC", f"teams:{ANA_AAD.upper()}"]}]})
    assert [a.platform for a in config.clients[0].approver_entries()] == \
        ["slack", "slack", "slack", "teams"]


def test_a_note_regraded_to_error_needs_no_override(rig: Rig) -> None:
    """A workspace that re-grades not-english to error still gets publish for a Spanish post
    (a note is no fault of the post), so approving it asks for no override reason either."""
    from assistant.models import Finding, Post, Review

    store = rig.workflow.store
    post = Post(id="t", platform="x", created_at=datetime.now(UTC) + timedelta(days=2),
                text="¡Pan de centeno recién hecho! Abrimos a las ocho, os esperamos.")
    record = store.create("Acme", [post], submitter=AUTHOR.ref)[0]
    note = Finding(rule="not-english", severity="error", message="Not checked: this reads as Spanish")
    assert store.set_review(record.id, record.version, Review(post=record.post, findings=[note])) == Code.OK
    reviewed = store.get(record.id)
    assert reviewed is not None and reviewed.reviewed_version == record.version
    assert not reviewed.has_error
