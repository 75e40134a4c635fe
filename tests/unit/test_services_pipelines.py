"""services.pipeline_setup: adding, renaming, removing and restoring whole pipelines, on the
fake workspace."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

import salesdesk.services.pipeline as pl
import salesdesk.services.pipeline_setup as ps
from salesdesk.domain.errors import ConflictError, NotFoundError, ValidationError
from salesdesk.domain.pipeline import DEFAULT_STAGES, ForecastCategory, Outcome
from salesdesk.services.pipeline_setup import StageSpec

from .fakes import FakeWorkspace

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
Shape = tuple[str, int, ForecastCategory, Outcome, int | None]


@pytest.fixture
def ws() -> FakeWorkspace:
    ws = FakeWorkspace()
    ps.ensure_pipeline(ws)
    return ws


def sales_id(ws: FakeWorkspace) -> str:
    return str(ws.one("pipelines", "Sales").id)


def shape(ws: FakeWorkspace, pipeline_id: str) -> list[Shape]:
    """The live stages of a pipeline as (name, probability, category, outcome, rotting)."""
    stages = sorted((s for s in ws.live("stages") if s.pipeline_id == pipeline_id),
                    key=lambda s: s.position)
    return [(s.name, s.probability, s.category, s.outcome, s.rotting_days) for s in stages]


def names(ws: FakeWorkspace) -> list[str]:
    return sorted(p.name for p in ws.live("pipelines"))


def specs(ws: FakeWorkspace, pipeline_id: str) -> list[StageSpec]:
    stages = sorted((s for s in ws.live("stages") if s.pipeline_id == pipeline_id),
                    key=lambda s: s.position)
    return [StageSpec(s.name, s.probability, s.category, s.outcome, s.rotting_days, s.id)
            for s in stages]


def customise_sales(ws: FakeWorkspace) -> None:
    """Sales gets two more open stages, with their own probabilities and thresholds."""
    current = specs(ws, sales_id(ws))
    ps.save_stages(ws, sales_id(ws), [
        StageSpec("Qualifying", 5, ForecastCategory.PIPELINE, rotting_days=10),
        current[0], StageSpec("Negotiation", 70, ForecastCategory.COMMIT), *current[1:]])


# --- add -------------------------------------------------------------------------------
def test_a_new_pipeline_gets_the_default_stages(ws: FakeWorkspace) -> None:
    saved = ps.add_pipeline(ws, "  Renewals ")
    assert names(ws) == ["Renewals", "Sales"]
    assert (saved.name, saved.version, saved.entity_id) == ("Renewals", 1, saved.pipeline_id)
    assert saved.changes.deals and saved.changes.ids == (saved.pipeline_id,)
    assert shape(ws, saved.pipeline_id) == list(DEFAULT_STAGES)
    assert shape(ws, sales_id(ws)) == list(DEFAULT_STAGES)  # its own stages, not shared
    renewal_ids = {s.id for s in ws.live("stages") if s.pipeline_id == saved.pipeline_id}
    assert renewal_ids.isdisjoint(s.id for s in ws.live("stages")
                                  if s.pipeline_id == sales_id(ws))


def test_a_new_pipeline_can_copy_the_stages_of_another(ws: FakeWorkspace) -> None:
    customise_sales(ws)
    saved = ps.add_pipeline(ws, "Renewals", copy_from=sales_id(ws))
    assert shape(ws, saved.pipeline_id) == shape(ws, sales_id(ws))
    assert [s[0] for s in shape(ws, saved.pipeline_id)] == [
        "Qualifying", "Prospecting", "Negotiation", "Engaging", "Won", "Lost"]
    assert shape(ws, saved.pipeline_id)[0] == ("Qualifying", 5, ForecastCategory.PIPELINE,
                                                Outcome.OPEN, 10)


@pytest.mark.parametrize(("name", "words"), [
    ("sales", "a pipeline called 'Sales' exists already"),
    ("  SALES  ", "a pipeline called 'Sales' exists already"),
    ("", "is required"),
    ("x" * 101, "is longer than 100 characters"),
])
def test_a_bad_or_taken_name_is_refused_naming_the_field(ws: FakeWorkspace, name: str,
                                                         words: str) -> None:
    before = ws.snapshot()
    with pytest.raises(ValidationError) as caught:
        ps.add_pipeline(ws, name)
    assert (caught.value.field, caught.value.message) == ("pipeline", words)
    assert ws.snapshot() == before


def test_copying_from_a_pipeline_that_is_gone_is_refused(ws: FakeWorkspace) -> None:
    before = ws.snapshot()
    with pytest.raises(NotFoundError):
        ps.add_pipeline(ws, "Renewals", copy_from="no-such-pipeline")
    assert ws.snapshot() == before


def test_the_first_pipeline_of_an_empty_workspace_brings_the_lost_reasons() -> None:
    ws = FakeWorkspace()
    ps.add_pipeline(ws, "Renewals")
    assert names(ws) == ["Renewals"]
    assert len(ws.live("lost_reasons")) == 8
    ps.add_pipeline(ws, "Upsell")
    assert len(ws.live("lost_reasons")) == 8


# --- rename ----------------------------------------------------------------------------
def test_rename_and_rename_back(ws: FakeWorkspace) -> None:
    saved = ps.rename_pipeline(ws, sales_id(ws), 1, " New  business ")
    assert (saved.name, saved.previous_name, saved.version) == ("New business", "Sales", 2)
    assert names(ws) == ["New business"]
    back = ps.rename_pipeline(ws, saved.pipeline_id, saved.version, saved.previous_name)
    assert (back.name, back.version, names(ws)) == ("Sales", 3, ["Sales"])


def test_a_rename_may_change_only_the_case(ws: FakeWorkspace) -> None:
    assert ps.rename_pipeline(ws, sales_id(ws), None, "SALES").name == "SALES"


def test_a_rename_to_a_taken_name_or_over_a_newer_version_is_refused(
        ws: FakeWorkspace) -> None:
    renewals = ps.add_pipeline(ws, "Renewals")
    before = ws.snapshot()
    with pytest.raises(ValidationError, match="'Sales' exists already") as caught:
        ps.rename_pipeline(ws, renewals.pipeline_id, renewals.version, "sales")
    assert caught.value.field == "pipeline"
    with pytest.raises(ValidationError, match="is required"):
        ps.rename_pipeline(ws, renewals.pipeline_id, renewals.version, " ")
    assert ws.snapshot() == before
    ps.rename_pipeline(ws, renewals.pipeline_id, None, "Renewals 2026")  # elsewhere
    before = ws.snapshot()
    with pytest.raises(ConflictError):
        ps.rename_pipeline(ws, renewals.pipeline_id, renewals.version, "Upsell")
    assert ws.snapshot() == before


# --- remove and restore ----------------------------------------------------------------
def test_remove_and_restore_a_pipeline_with_its_stages(ws: FakeWorkspace) -> None:
    renewals = ps.add_pipeline(ws, "Renewals")
    stages = shape(ws, renewals.pipeline_id)
    removed = ps.remove_pipeline(ws, renewals.pipeline_id, renewals.version)
    assert removed.version == 2 and removed.changes.deals
    assert names(ws) == ["Sales"] and shape(ws, renewals.pipeline_id) == []
    restored = ps.restore_pipeline(ws, renewals.pipeline_id, removed.version)
    assert restored.version == 3 and names(ws) == ["Renewals", "Sales"]
    assert shape(ws, renewals.pipeline_id) == stages


def test_a_stage_removed_before_the_pipeline_stays_removed_on_restore(
        ws: FakeWorkspace) -> None:
    renewals = ps.add_pipeline(ws, "Renewals")
    kept = [s for s in specs(ws, renewals.pipeline_id) if s.name != "Engaging"]
    ps.save_stages(ws, renewals.pipeline_id, kept)
    removed = ps.remove_pipeline(ws, renewals.pipeline_id, None)
    ps.restore_pipeline(ws, renewals.pipeline_id, removed.version)
    assert [s[0] for s in shape(ws, renewals.pipeline_id)] == ["Prospecting", "Won", "Lost"]


@pytest.mark.parametrize("outcome", [Outcome.OPEN, Outcome.WON])
def test_a_pipeline_holding_deals_cannot_be_removed(ws: FakeWorkspace,
                                                    outcome: Outcome) -> None:
    renewals = ps.add_pipeline(ws, "Renewals")
    stage = next(s for s in ws.live("stages")
                 if s.pipeline_id == renewals.pipeline_id and s.outcome is Outcome.OPEN)
    deal = pl.add_deal(ws, stage_id=stage.id, title="Acme renewal",
                       amount=Decimal("100.00"), now=T0)
    if outcome is Outcome.WON:
        won = next(s for s in ws.live("stages")
                   if s.pipeline_id == renewals.pipeline_id and s.outcome is outcome)
        pl.move_deal(ws, deal.deal_id, None, won.id, won_amount=Decimal("90.00"))
    before = ws.snapshot()
    with pytest.raises(ValidationError, match="Renewals still holds 1 deal") as caught:
        ps.remove_pipeline(ws, renewals.pipeline_id, None)
    assert caught.value.field == "pipeline"
    assert ws.snapshot() == before
    gone = pl.delete_deal(ws, deal.deal_id, None)  # a deleted deal no longer holds it
    ps.remove_pipeline(ws, renewals.pipeline_id, None)
    with pytest.raises(ValidationError, match="stage was removed"):
        pl.restore_deal(ws, deal.deal_id, gone.version)


def test_the_last_pipeline_cannot_be_removed(ws: FakeWorkspace) -> None:
    before = ws.snapshot()
    with pytest.raises(ValidationError, match="only pipeline") as caught:
        ps.remove_pipeline(ws, sales_id(ws), None)
    assert caught.value.field == "pipeline"
    assert ws.snapshot() == before


def test_remove_and_restore_check_the_version(ws: FakeWorkspace) -> None:
    renewals = ps.add_pipeline(ws, "Renewals")
    ps.rename_pipeline(ws, renewals.pipeline_id, None, "Renewals 2026")
    with pytest.raises(ConflictError):
        ps.remove_pipeline(ws, renewals.pipeline_id, renewals.version)
    removed = ps.remove_pipeline(ws, renewals.pipeline_id, 2)
    with pytest.raises(ConflictError):
        ps.restore_pipeline(ws, renewals.pipeline_id, removed.version - 1)
    with pytest.raises(NotFoundError):  # restoring a live pipeline
        ps.restore_pipeline(ws, sales_id(ws), None)


def test_restoring_under_a_name_taken_meanwhile_is_refused(ws: FakeWorkspace) -> None:
    renewals = ps.add_pipeline(ws, "Renewals")
    removed = ps.remove_pipeline(ws, renewals.pipeline_id, None)
    ps.add_pipeline(ws, "renewals")
    before = ws.snapshot()
    with pytest.raises(ValidationError, match="'renewals' exists already"):
        ps.restore_pipeline(ws, renewals.pipeline_id, removed.version)
    assert ws.snapshot() == before

