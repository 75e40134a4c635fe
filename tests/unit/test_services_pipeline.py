"""services.pipeline on the fake workspace: every action, its undo, and version checks."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest

import salesdesk.services.pipeline as pl
import salesdesk.services.pipeline_setup as ps
from salesdesk.domain.accounts import Account, Product
from salesdesk.domain.deals import ReopenRequired
from salesdesk.domain.errors import ConflictError, NotFoundError, ValidationError
from salesdesk.domain.members import Member
from salesdesk.domain.pipeline import ForecastCategory, Outcome, Stage
from salesdesk.services.pipeline import LineSpec
from salesdesk.services.pipeline_setup import StageSpec

from .fakes import FakeWorkspace

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
# Ids of what every test starts with (entities are built per test: a module-level one
# would be made before storage maps the classes, if integration tests run first).
GTX, MG, ACME, ANN, GONE = "gtx", "mg", "acme", "ann", "gone"


@pytest.fixture
def ws() -> FakeWorkspace:
    ws = FakeWorkspace()
    ws.seed(Product(id=GTX, name="GTX Pro", list_price=Decimal("4821.00")),
            Product(id=MG, name="MG Special", list_price=Decimal("55.00")),
            Account(id=ACME, name="Acme"), Member(id=ANN, name="Ann Lee"),
            Member(id=GONE, name="Gus Gone", left_on=date(2025, 12, 31)))
    ps.ensure_pipeline(ws)
    return ws


def stages(ws: FakeWorkspace) -> dict[str, Stage]:
    return {s.name: s for s in ws.live("stages")}


def deal(ws: FakeWorkspace, deal_id: str) -> Any:
    [found] = [d for d in ws.live("deals") if d.id == deal_id]
    return found


def history(ws: FakeWorkspace, deal_id: str) -> list[tuple[str | None, str]]:
    names = {s.id: s.name for s in ws.data["stages"].values()}
    changes = sorted((c for c in ws.live("stage_changes") if c.deal_id == deal_id),
                     key=lambda c: (c.at, c.from_stage_id is not None))
    return [(names.get(c.from_stage_id or ""), names[c.to_stage_id]) for c in changes]


def new_deal(ws: FakeWorkspace, **kw: Any) -> str:
    fields: dict[str, Any] = {"title": "Acme renewal", "account_id": ACME,
                              "owner_id": ANN, "amount": Decimal("1000.00"), "now": T0}
    return pl.add_deal(ws, **{**fields, **kw}).deal_id


def reason(ws: FakeWorkspace, name: str) -> str:
    return str(ws.one("lost_reasons", name).id)


# --- the pipeline ---------------------------------------------------------------------
def test_ensure_pipeline_creates_the_default_pipeline_once(ws: FakeWorkspace) -> None:
    assert [p.name for p in ws.live("pipelines")] == ["Sales"]
    by_position = sorted(ws.live("stages"), key=lambda s: s.position)
    assert [(s.name, s.probability, s.outcome) for s in by_position] == [
        ("Prospecting", 10, Outcome.OPEN), ("Engaging", 40, Outcome.OPEN),
        ("Won", 100, Outcome.WON), ("Lost", 0, Outcome.LOST)]
    assert len(ws.live("lost_reasons")) == 8
    before = ws.snapshot()
    assert ps.ensure_pipeline(ws) == pl.OpChanges()
    assert ws.snapshot() == before


def specs(ws: FakeWorkspace) -> list[StageSpec]:
    return [StageSpec(s.name, s.probability, s.category, s.outcome, s.rotting_days, s.id)
            for s in sorted(ws.live("stages"), key=lambda s: s.position)]


def test_save_stages_renames_reorders_and_adds(ws: FakeWorkspace) -> None:
    pipeline = ws.live("pipelines")[0].id
    prospecting, engaging, won, lost = specs(ws)
    qualify = StageSpec("Qualifying", 20, ForecastCategory.PIPELINE, rotting_days=14)
    renamed = StageSpec("Negotiating", 60, ForecastCategory.COMMIT, Outcome.OPEN, 21,
                        engaging.id)
    changes = ps.save_stages(ws, pipeline, [prospecting, qualify, renamed, lost, won])
    assert changes.deals
    after = sorted(ws.live("stages"), key=lambda s: s.position)
    assert [s.name for s in after] == ["Prospecting", "Qualifying", "Negotiating", "Lost",
                                       "Won"]
    assert after[2].id == engaging.id
    assert (after[2].probability, after[2].category, after[2].rotting_days) == (
        60, ForecastCategory.COMMIT, 21)
    assert after[1].pipeline_id == pipeline and after[1].rotting_days == 14


def test_save_stages_refuses_to_remove_a_stage_that_holds_deals(ws: FakeWorkspace) -> None:
    pipeline = ws.live("pipelines")[0].id
    prospecting, engaging, won, lost = specs(ws)
    new_deal(ws, stage_id=engaging.id)
    before = ws.snapshot()
    with pytest.raises(ValidationError, match="still holds 1 deal"):
        ps.save_stages(ws, pipeline, [prospecting, won, lost])
    assert ws.snapshot() == before
    ps.save_stages(ws, pipeline, [engaging, won, lost])  # Prospecting is empty
    assert "Prospecting" not in stages(ws)


def test_save_stages_refuses_an_outcome_change_on_a_stage_with_deals(
        ws: FakeWorkspace) -> None:
    pipeline = ws.live("pipelines")[0].id
    prospecting, engaging, won, lost = specs(ws)
    new_deal(ws)
    before = ws.snapshot()
    as_won = StageSpec("Won", 100, ForecastCategory.CLOSED, Outcome.WON, None,
                       prospecting.id)
    with pytest.raises(ValidationError, match="outcome cannot change"):
        ps.save_stages(ws, pipeline, [as_won, engaging, lost])
    assert ws.snapshot() == before
    swapped = StageSpec("Engaging", 100, ForecastCategory.CLOSED, Outcome.WON, None,
                        engaging.id)  # empty: may become the won stage
    closed = StageSpec("Old won", 100, ForecastCategory.CLOSED, Outcome.WON, None, won.id)
    with pytest.raises(ValidationError, match="exactly one won stage"):
        ps.save_stages(ws, pipeline, [prospecting, swapped, closed, lost])
    assert ws.snapshot() == before


@pytest.mark.parametrize("bad", [
    lambda p, e, w, lo: [p, e, w],                                     # no lost stage
    lambda p, e, w, lo: [w, lo],                                       # nothing open
    lambda p, e, w, lo: [p, StageSpec("prospecting", 5, ForecastCategory.PIPELINE), w, lo],
    lambda p, e, w, lo: [p, e, w, lo, StageSpec("Ghost", 5, ForecastCategory.PIPELINE,
                                                id="no-such-stage")],
    lambda p, e, w, lo: [p, e, e, w, lo],                              # one stage twice
    lambda p, e, w, lo: [StageSpec("Bad", 140, ForecastCategory.PIPELINE), e, w, lo],
])
def test_save_stages_refuses_a_bad_set_and_changes_nothing(ws: FakeWorkspace,
                                                           bad: Any) -> None:
    pipeline = ws.live("pipelines")[0].id
    before = ws.snapshot()
    with pytest.raises((ValidationError, NotFoundError)):
        ps.save_stages(ws, pipeline, bad(*specs(ws)))
    assert ws.snapshot() == before


def test_lost_reasons_are_added_retired_and_offered_again(ws: FakeWorkspace) -> None:
    added = ps.add_lost_reason(ws, "  Legal  review ")
    legal = ws.one("lost_reasons", "legal review")
    assert added.ids == (legal.id,) and legal.name == "Legal review" and legal.active
    with pytest.raises(ValidationError, match="already a lost reason"):
        ps.add_lost_reason(ws, "LEGAL REVIEW")
    ps.retire_lost_reason(ws, legal.id)
    assert not ws.one("lost_reasons", "Legal review").active
    again = ps.add_lost_reason(ws, "legal review")
    assert again.ids == (legal.id,) and ws.one("lost_reasons", "Legal review").active
    assert len(ws.live("lost_reasons")) == 9


# --- deals ---------------------------------------------------------------------------
def test_add_deal_starts_in_the_first_open_stage_with_its_history(ws: FakeWorkspace) -> None:
    saved = pl.add_deal(ws, title="Acme", account_id=ACME, amount=Decimal("12.50"),
                        now=T0)
    d = deal(ws, saved.deal_id)
    assert (d.stage_id, d.stage_entered_at, d.created_on) == (
        stages(ws)["Prospecting"].id, T0, T0.date())
    assert saved.version == 1 and saved.changes.deals and saved.changes.ids == (d.id,)
    assert "Acme" in saved.changes.summary
    [change] = ws.live("stage_changes")
    assert (change.from_stage_id, change.to_stage_id, change.at, change.amount) == (
        None, d.stage_id, T0, Decimal("12.50"))


def test_add_deal_with_lines_takes_their_sum(ws: FakeWorkspace) -> None:
    deal_id = new_deal(ws, lines=[LineSpec(GTX, 2, Decimal("4821.00"), Decimal("10")),
                                  LineSpec(MG, 3, Decimal("0.05"), Decimal("50"))])
    assert deal(ws, deal_id).amount == Decimal("8677.80") + Decimal("0.08")
    lines = sorted(ws.live("deal_lines"), key=lambda x: x.position)
    assert [(x.product_id, x.position) for x in lines] == [(GTX, 0), (MG, 1)]


@pytest.mark.parametrize(("kw", "error", "match"), [
    ({"stage_id": "won"}, ValidationError, "open stage"),
    ({"owner_id": GONE}, ValidationError, "has left"),
    ({"owner_id": "nobody"}, NotFoundError, "member"),
    ({"account_id": "nowhere"}, NotFoundError, "account"),
    ({"lines": [LineSpec("no-product")]}, NotFoundError, "product"),
    ({"lines": [LineSpec(GTX, 0)]}, ValidationError, "line 1 quantity"),
    ({"amount": Decimal("-1.00")}, ValidationError, "at least 0"),
])
def test_add_deal_refuses_bad_input_and_stores_nothing(ws: FakeWorkspace, kw: dict[str, Any],
                                                       error: type[Exception],
                                                       match: str) -> None:
    if kw.get("stage_id") == "won":
        kw["stage_id"] = stages(ws)["Won"].id
    before = ws.snapshot()
    with pytest.raises(error, match=match):
        new_deal(ws, **kw)
    assert ws.snapshot() == before


def test_edit_deal_changes_fields_and_restore_takes_them_back(ws: FakeWorkspace) -> None:
    deal_id = new_deal(ws)
    saved = pl.edit_deal(ws, deal_id, 1, {"title": "Acme, 2 seats", "probability": 55,
                                          "expected_close": date(2026, 6, 30)})
    d = deal(ws, deal_id)
    assert (d.title, d.probability, d.expected_close, d.version) == (
        "Acme, 2 seats", 55, date(2026, 6, 30), 2)
    assert saved.version == 2 and saved.before == {"title": "Acme renewal",
                                                   "probability": None,
                                                   "expected_close": None}
    undone = pl.restore_deal_fields(ws, deal_id, 2, saved.before)
    d = deal(ws, deal_id)
    assert (d.title, d.probability, d.expected_close, undone.version) == (
        "Acme renewal", None, None, 3)


def test_a_stale_edit_is_a_conflict_and_changes_nothing(ws: FakeWorkspace) -> None:
    deal_id = new_deal(ws)
    pl.edit_deal(ws, deal_id, 1, {"title": "First"})
    before = ws.snapshot()
    with pytest.raises(ConflictError) as err:
        pl.edit_deal(ws, deal_id, 1, {"title": "Second"}, lines=[LineSpec(GTX)])
    assert (err.value.expected, err.value.actual) == (1, 2)
    assert ws.snapshot() == before


def test_edit_with_lines_and_its_undo(ws: FakeWorkspace) -> None:
    deal_id = new_deal(ws, amount=Decimal("777.00"))
    saved = pl.edit_deal(ws, deal_id, 1, {"title": "With lines"},
                         lines=[LineSpec(GTX, 1, Decimal("4821.00"), Decimal("5"))])
    assert deal(ws, deal_id).amount == Decimal("4579.95")
    assert saved.before == {"title": "Acme renewal", "lines": [],
                            "amount": Decimal("777.00")}
    undone = pl.restore_deal_fields(ws, deal_id, saved.version, saved.before)
    d = deal(ws, deal_id)
    assert (d.title, d.amount, ws.live("deal_lines")) == ("Acme renewal", Decimal("777.00"),
                                                          [])
    # redo, then change the lines again: undo brings the first lines back
    pl.restore_deal_fields(ws, deal_id, undone.version, {"title": "With lines",
                                                         "lines": saved.before["lines"]})
    first = [LineSpec(GTX, 1, Decimal("4821.00"), Decimal("5"))]
    again = pl.edit_deal(ws, deal_id, None, {}, lines=first)
    second = pl.edit_deal(ws, deal_id, again.version,
                          {}, lines=[LineSpec(MG, 4, Decimal("55.00"))])
    assert deal(ws, deal_id).amount == Decimal("220.00")
    assert second.before == {"lines": first}
    pl.restore_deal_fields(ws, deal_id, second.version, second.before)
    assert deal(ws, deal_id).amount == Decimal("4579.95")
    assert [(x.product_id, x.quantity) for x in ws.live("deal_lines")] == [(GTX, 1)]


def test_a_change_of_lines_alone_is_version_checked(ws: FakeWorkspace) -> None:
    deal_id = new_deal(ws, lines=[LineSpec(GTX, 1, Decimal("100.00"))])
    swapped = pl.edit_deal(ws, deal_id, 1, {}, lines=[LineSpec(MG, 1, Decimal("100.00"))])
    assert swapped.version == 2  # same amount, other product: still a new version
    before = ws.snapshot()
    with pytest.raises(ConflictError):
        pl.edit_deal(ws, deal_id, 1, {}, lines=[LineSpec(GTX, 2, Decimal("1.00"))])
    assert ws.snapshot() == before
    same = pl.edit_deal(ws, deal_id, 2, {}, lines=[LineSpec(MG, 1, Decimal("100.00"))])
    assert same.version == 2 and ws.snapshot() == before  # nothing changed, nothing written


def test_the_amount_of_a_deal_with_lines_follows_them(ws: FakeWorkspace) -> None:
    deal_id = new_deal(ws, lines=[LineSpec(GTX, 1, Decimal("100.00"))])
    before = ws.snapshot()
    with pytest.raises(ValidationError, match="sum of the deal's lines") as err:
        pl.edit_deal(ws, deal_id, 1, {"amount": Decimal("90.00")})
    assert err.value.field == "amount" and ws.snapshot() == before
    pl.edit_deal(ws, deal_id, 1, {"amount": Decimal("100.00"), "title": "Same amount"})
    assert deal(ws, deal_id).title == "Same amount"


def test_a_deal_whose_owner_left_can_still_be_edited(ws: FakeWorkspace) -> None:
    deal_id = new_deal(ws)
    with ws.uow() as uow:  # Ann leaves with her deals still hers
        uow.members.get(ANN).left_on = date(2026, 3, 1)
        uow.commit()
    pl.edit_deal(ws, deal_id, 1, {"next_step": "Hand over"})
    with pytest.raises(ValidationError, match="has left"):
        pl.edit_deal(ws, deal_id, 2, {"owner_id": GONE})
    with pytest.raises(ValidationError, match="cannot be changed here"):
        pl.edit_deal(ws, deal_id, 2, {"stage_id": stages(ws)["Won"].id})


# --- moves ---------------------------------------------------------------------------
def test_move_and_undo_move(ws: FakeWorkspace) -> None:
    deal_id = new_deal(ws)
    s = stages(ws)
    at = T0 + timedelta(days=2)
    moved = pl.move_deal(ws, deal_id, 1, s["Engaging"].id, at=at)
    d = deal(ws, deal_id)
    assert (d.stage_id, d.stage_entered_at, d.version, moved.version) == (
        s["Engaging"].id, at, 2, 2)
    assert history(ws, deal_id) == [(None, "Prospecting"), ("Prospecting", "Engaging")]
    assert moved.before["stage_id"] == s["Prospecting"].id
    assert "Engaging" in moved.changes.summary and moved.to_stage_id == s["Engaging"].id

    undone = pl.undo_move(ws, moved, 2)
    d = deal(ws, deal_id)
    assert (d.stage_id, d.stage_entered_at, undone.version) == (s["Prospecting"].id, T0, 3)
    assert history(ws, deal_id) == [(None, "Prospecting")]


def test_win_and_its_undo_restore_every_field(ws: FakeWorkspace) -> None:
    deal_id = new_deal(ws)
    s = stages(ws)
    with pytest.raises(ValidationError, match="final amount"):
        pl.move_deal(ws, deal_id, 1, s["Won"].id, at=T0)
    moved = pl.move_deal(ws, deal_id, 1, s["Won"].id, won_amount=Decimal("980.00"),
                         at=T0 + timedelta(days=9))
    d = deal(ws, deal_id)
    assert (d.won_on, d.won_amount, d.value) == (date(2026, 3, 11), Decimal("980.00"),
                                                 Decimal("980.00"))
    assert moved.changes.summary.startswith("Won")
    [win] = [c for c in ws.live("stage_changes") if c.to_stage_id == s["Won"].id]
    assert win.amount == Decimal("980.00")
    pl.undo_move(ws, moved, moved.version)
    d = deal(ws, deal_id)
    assert (d.stage_id, d.won_on, d.won_amount) == (s["Prospecting"].id, None, None)
    assert history(ws, deal_id) == [(None, "Prospecting")]


def test_losing_needs_an_offered_reason(ws: FakeWorkspace) -> None:
    deal_id = new_deal(ws)
    lost = stages(ws)["Lost"].id
    before = ws.snapshot()
    with pytest.raises(ValidationError, match="needs a reason"):
        pl.move_deal(ws, deal_id, 1, lost)
    with pytest.raises(NotFoundError, match="lost reason"):
        pl.move_deal(ws, deal_id, 1, lost, lost_reason_id="no-such-reason")
    ps.retire_lost_reason(ws, reason(ws, "Timing"))
    before = ws.snapshot()
    with pytest.raises(ValidationError, match="no longer offered"):
        pl.move_deal(ws, deal_id, 1, lost, lost_reason_id=reason(ws, "Timing"))
    assert ws.snapshot() == before
    moved = pl.move_deal(ws, deal_id, 1, lost, lost_reason_id=reason(ws, "Price"),
                         at=T0 + timedelta(hours=3))
    d = deal(ws, deal_id)
    assert (d.lost_on, d.lost_reason_id) == (T0.date(), reason(ws, "Price"))
    assert moved.changes.summary.startswith("Lost")


def test_reopening_a_closed_deal_needs_confirmation(ws: FakeWorkspace) -> None:
    deal_id = new_deal(ws)
    s = stages(ws)
    won = pl.move_deal(ws, deal_id, 1, s["Won"].id, won_amount=Decimal("1000.00"),
                       at=T0 + timedelta(days=1))
    before = ws.snapshot()
    with pytest.raises(ReopenRequired):
        pl.move_deal(ws, deal_id, won.version, s["Engaging"].id, at=T0 + timedelta(days=2))
    assert ws.snapshot() == before
    pl.move_deal(ws, deal_id, won.version, s["Engaging"].id, reopen=True,
                 at=T0 + timedelta(days=2))
    d = deal(ws, deal_id)
    assert (d.stage_id, d.won_on, d.won_amount) == (s["Engaging"].id, None, None)


def test_a_stale_move_is_a_conflict_and_changes_nothing(ws: FakeWorkspace) -> None:
    deal_id = new_deal(ws)
    pl.edit_deal(ws, deal_id, 1, {"title": "Edited elsewhere"})
    before = ws.snapshot()
    with pytest.raises(ConflictError):
        pl.move_deal(ws, deal_id, 1, stages(ws)["Engaging"].id)
    assert ws.snapshot() == before


def test_undo_of_a_move_that_was_followed_by_another_is_refused(ws: FakeWorkspace) -> None:
    deal_id = new_deal(ws)
    s = stages(ws)
    first = pl.move_deal(ws, deal_id, 1, s["Engaging"].id, at=T0 + timedelta(days=1))
    pl.move_deal(ws, deal_id, None, s["Prospecting"].id, at=T0 + timedelta(days=2))
    before = ws.snapshot()
    with pytest.raises(ConflictError):
        pl.undo_move(ws, first, None)
    with pytest.raises(ConflictError):
        pl.undo_move(ws, first, first.version)
    assert ws.snapshot() == before


def test_a_move_before_the_deal_entered_its_stage_is_refused(ws: FakeWorkspace) -> None:
    deal_id = new_deal(ws)
    before = ws.snapshot()
    with pytest.raises(ValidationError, match="before the deal entered"):
        pl.move_deal(ws, deal_id, 1, stages(ws)["Engaging"].id, at=T0 - timedelta(days=1))
    assert ws.snapshot() == before


def test_moves_still_work_when_the_account_is_gone(ws: FakeWorkspace) -> None:
    deal_id = new_deal(ws, title="", reference="D-1")
    with ws.uow() as uow:
        uow.accounts.get(ACME).deleted_at = T0
        uow.commit()
    moved = pl.move_deal(ws, deal_id, 1, stages(ws)["Engaging"].id)
    assert "D-1" in moved.changes.summary


# --- delete, restore ---------------------------------------------------------------------
def test_delete_and_restore(ws: FakeWorkspace) -> None:
    deal_id = new_deal(ws)
    with pytest.raises(ConflictError):
        pl.delete_deal(ws, deal_id, 7)
    gone = pl.delete_deal(ws, deal_id, 1)
    assert ws.live("deals") == [] and gone.version == 2
    with pytest.raises(NotFoundError):
        pl.edit_deal(ws, deal_id, None, {"title": "x"})
    back = pl.restore_deal(ws, deal_id, gone.version)
    assert deal(ws, deal_id).version == back.version == 3


def test_a_deal_does_not_come_back_into_a_removed_stage(ws: FakeWorkspace) -> None:
    pipeline = ws.live("pipelines")[0].id
    prospecting, engaging, won, lost = specs(ws)
    deal_id = new_deal(ws, stage_id=engaging.id)
    gone = pl.delete_deal(ws, deal_id, 1)
    ps.save_stages(ws, pipeline, [prospecting, won, lost])
    before = ws.snapshot()
    with pytest.raises(ValidationError, match="stage was removed"):
        pl.restore_deal(ws, deal_id, gone.version)
    assert ws.snapshot() == before


# --- activities, notes ---------------------------------------------------------------
def test_activities_are_planned_done_undone_and_removed(ws: FakeWorkspace) -> None:
    deal_id = new_deal(ws)
    added = pl.add_activity(ws, deal_id, "meeting", "Demo", date(2026, 3, 9))
    assert added.version == 1 and "meeting" in added.changes.summary
    done = pl.set_activity_done(ws, added.id, 1, True, now=T0)
    [a] = ws.live("activities")
    assert (a.done_at, a.done, done.version) == (T0, True, 2)
    with pytest.raises(ConflictError):
        pl.set_activity_done(ws, added.id, 1, False)
    undone = pl.set_activity_done(ws, added.id, 2, False)
    assert ws.live("activities")[0].done_at is None and undone.version == 3
    pl.remove_activity(ws, added.id, 3)
    assert ws.live("activities") == []
    assert deal(ws, deal_id).version == 1  # children do not touch the deal


def test_bad_activities_and_notes_are_refused(ws: FakeWorkspace) -> None:
    deal_id = new_deal(ws)
    before = ws.snapshot()
    with pytest.raises(ValidationError) as err:
        pl.add_activity(ws, deal_id, "fax", "Send the contract")
    assert err.value.field == "kind"
    with pytest.raises(ValidationError):
        pl.add_activity(ws, deal_id, "call", "   ")
    with pytest.raises(NotFoundError):
        pl.add_activity(ws, "no-deal", "call", "Call")
    with pytest.raises(ValidationError, match="required"):
        pl.add_note(ws, deal_id, "  ")
    assert ws.snapshot() == before


def test_notes_keep_the_customer_words(ws: FakeWorkspace) -> None:
    deal_id = new_deal(ws)
    saved = pl.add_note(ws, deal_id, "  Wants SSO before signing.  ")
    [note] = ws.live("notes")
    assert (note.id, note.deal_id, note.body) == (saved.id, deal_id,
                                                  "Wants SSO before signing.")
    assert saved.changes.ids == (deal_id,)
