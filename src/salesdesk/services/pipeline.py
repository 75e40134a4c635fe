"""Pipeline actions: deals, their lines and stage moves, activities, notes, and the
configuration of pipelines, stages and lost reasons.

Every edit takes the version the caller loaded and refuses to write over a change made
elsewhere (ConflictError); every result carries what is needed to undo it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from salesdesk.domain.deals import (
    ActivityKind,
    Deal,
    DealActivity,
    DealLine,
    DealNote,
    StageChange,
)
from salesdesk.domain.errors import ValidationError
from salesdesk.domain.pipeline import (
    DEFAULT_LOST_REASONS,
    DEFAULT_PIPELINE,
    DEFAULT_STAGES,
    ForecastCategory,
    LostReason,
    Outcome,
    Pipeline,
    Stage,
    check_stages,
)
from salesdesk.domain.validation import name_key
from salesdesk.services.common import OpChanges, check_version
from salesdesk.services.unit_of_work import UnitOfWork, UnitOfWorkFactory

MOVE_FIELDS = ("stage_id", "stage_entered_at", "won_on", "won_amount", "lost_on",
               "lost_reason_id")
"""What a stage move changes on the deal (and its undo puts back)."""


@dataclass(frozen=True)
class LineSpec:
    """A deal line as the caller gives it."""

    product_id: str
    quantity: int = 1
    unit_price: Decimal = Decimal("0.00")
    discount: Decimal = Decimal("0.00")


@dataclass(frozen=True)
class DealSaved:
    changes: OpChanges
    deal_id: str
    version: int
    before: dict[str, Any] = field(default_factory=dict)
    """The values replaced (the lines as LineSpecs under "lines"), so the edit can be undone."""

    @property
    def entity_id(self) -> str:
        return self.deal_id


@dataclass(frozen=True)
class DealMoved:
    changes: OpChanges
    deal_id: str
    version: int
    change_id: str
    """The stage history entry the move appended (its undo removes it)."""
    before: dict[str, Any]
    to_stage_id: str

    @property
    def entity_id(self) -> str:
        return self.deal_id


def _now() -> datetime:
    return datetime.now(UTC)


def _deal_changes(summary: str, *ids: str) -> OpChanges:
    return OpChanges(deals=True, summary=summary, ids=ids)


def _label(uow: UnitOfWork, deal: Deal) -> str:
    if deal.title:
        return deal.title
    if deal.account_id:
        return uow.accounts.get(deal.account_id).name
    return deal.reference or "deal"


# --- the pipeline itself ---------------------------------------------------------------
def default_pipeline_into(uow: UnitOfWork) -> Pipeline:
    """The workspace's first pipeline; creates the default one (stages and lost reasons
    included) when there is none yet."""
    if not uow.lost_reasons.list():
        for name in DEFAULT_LOST_REASONS:
            uow.lost_reasons.add(LostReason(name=name))
    pipelines = sorted(uow.pipelines.list(), key=lambda p: (p.created_at or _now(), p.name))
    if pipelines:
        return pipelines[0]
    pipeline = Pipeline(name=DEFAULT_PIPELINE)
    uow.pipelines.add(pipeline)
    for i, (name, probability, category, outcome, rotting) in enumerate(DEFAULT_STAGES):
        uow.stages.add(Stage(pipeline_id=pipeline.id, name=name, position=i,
                             probability=probability, category=category, outcome=outcome,
                             rotting_days=rotting))
    return pipeline


def stages_of(uow: UnitOfWork, pipeline_id: str) -> list[Stage]:
    return sorted(uow.stages.find(pipeline_id=pipeline_id), key=lambda s: s.position)


def ensure_pipeline(uow_factory: UnitOfWorkFactory) -> OpChanges:
    with uow_factory() as uow:
        had = bool(uow.pipelines.list()) and bool(uow.lost_reasons.list())
        pipeline = default_pipeline_into(uow)
        uow.commit()
    return OpChanges() if had else _deal_changes(f"Created the pipeline {pipeline.name}")


@dataclass(frozen=True)
class StageSpec:
    """A stage as the pipeline settings dialog gives it; `id` None = a new stage."""

    name: str
    probability: int
    category: ForecastCategory
    outcome: Outcome = Outcome.OPEN
    rotting_days: int | None = None
    id: str | None = None


def save_stages(uow_factory: UnitOfWorkFactory, pipeline_id: str,
                specs: Sequence[StageSpec]) -> OpChanges:
    """Replace the pipeline's stages by `specs`, in that order. A stage left out is
    removed, which is refused while live deals are in it."""
    with uow_factory() as uow:
        pipeline = uow.pipelines.get(pipeline_id)
        current = {s.id: s for s in stages_of(uow, pipeline_id)}
        kept: list[Stage] = []
        for i, spec in enumerate(specs):
            probe = Stage(pipeline_id=pipeline_id, name=spec.name, position=i,
                          probability=spec.probability, category=spec.category,
                          outcome=spec.outcome, rotting_days=spec.rotting_days)
            stage = current.pop(spec.id, None) if spec.id else None
            if stage is None:
                uow.stages.add(probe)
                kept.append(probe)
                continue
            if stage.outcome is not probe.outcome and uow.deals.find(stage_id=stage.id):
                raise ValidationError(f"'{stage.name}' holds deals: its outcome cannot "
                                      "change", field="outcome")
            for key in ("name", "position", "probability", "category", "outcome",
                        "rotting_days"):
                setattr(stage, key, getattr(probe, key))
            kept.append(stage)
        check_stages(kept)
        for stage in current.values():
            held = len(uow.deals.find(stage_id=stage.id))
            if held:
                raise ValidationError(f"'{stage.name}' still holds {held} deal(s); move them "
                                      "before removing the stage", field="stage")
            stage.deleted_at = _now()
        uow.commit()
        return _deal_changes(f"Saved the stages of {pipeline.name}")


def add_lost_reason(uow_factory: UnitOfWorkFactory, name: str) -> OpChanges:
    with uow_factory() as uow:
        reason = LostReason(name=name)
        existing = uow.lost_reasons.by_name(reason.name)
        if existing is not None:
            if existing.active:
                raise ValidationError(f"'{existing.name}' is already a lost reason",
                                      field="lost reason")
            existing.active = True
        else:
            uow.lost_reasons.add(reason)
        uow.commit()
        return _deal_changes(f"Added the lost reason {reason.name}")


def retire_lost_reason(uow_factory: UnitOfWorkFactory, reason_id: str) -> OpChanges:
    """Offer the reason no more; deals lost for it keep it."""
    with uow_factory() as uow:
        reason = uow.lost_reasons.get(reason_id)
        reason.active = False
        uow.commit()
        return _deal_changes(f"Retired the lost reason {reason.name}")


# --- deals ---------------------------------------------------------------------------
def _lines(uow: UnitOfWork, deal_id: str) -> list[DealLine]:
    return sorted(uow.deal_lines.find(deal_id=deal_id), key=lambda x: x.position)


def _replace_lines(uow: UnitOfWork, deal: Deal, specs: Sequence[LineSpec]) -> None:
    for old in _lines(uow, deal.id):
        old.deleted_at = _now()
    lines = []
    for i, spec in enumerate(specs):
        try:
            uow.products.get(spec.product_id)
            line = DealLine(deal_id=deal.id, position=i, product_id=spec.product_id,
                            quantity=spec.quantity, unit_price=spec.unit_price,
                            discount=spec.discount)
        except ValidationError as exc:
            raise ValidationError(exc.message, field=f"line {i + 1} {exc.field}") from None
        uow.deal_lines.add(line)
        lines.append(line)
    deal.set_lines(lines)


def line_specs(uow: UnitOfWork, deal_id: str) -> list[LineSpec]:
    return [LineSpec(x.product_id, x.quantity, x.unit_price, x.discount)
            for x in _lines(uow, deal_id)]


def _check_refs(uow: UnitOfWork, deal: Deal) -> None:
    if deal.account_id is not None:
        uow.accounts.get(deal.account_id)
    if deal.owner_id is not None:
        owner = uow.members.get(deal.owner_id)
        if not owner.active:
            raise ValidationError(f"{owner.name} has left and cannot own deals",
                                  field="owner")


def add_deal(uow_factory: UnitOfWorkFactory, *, stage_id: str | None = None,
             lines: Sequence[LineSpec] = (), now: datetime | None = None,
             **fields: Any) -> DealSaved:
    """A new deal in `stage_id` (default: the first stage of the default pipeline).
    `fields` are Deal fields (title, account_id, owner_id, amount, expected_close, ...)."""
    now = now or _now()
    with uow_factory() as uow:
        if stage_id is None:
            stage = next(s for s in stages_of(uow, default_pipeline_into(uow).id) if s.is_open)
        else:
            stage = uow.stages.get(stage_id)
        if not stage.is_open:
            raise ValidationError("a new deal starts in an open stage", field="stage")
        deal = Deal(pipeline_id=stage.pipeline_id, stage_id=stage.id,
                    created_on=fields.pop("created_on", now.date()), stage_entered_at=now,
                    **fields)
        _check_refs(uow, deal)
        uow.deals.add(deal)
        _replace_lines(uow, deal, lines)
        uow.stage_changes.add(StageChange(deal_id=deal.id, from_stage_id=None,
                                          to_stage_id=stage.id, at=now, amount=deal.amount))
        uow.commit()
        return DealSaved(_deal_changes(f"Added the deal {_label(uow, deal)}", deal.id),
                         deal.id, deal.version)


def edit_deal(uow_factory: UnitOfWorkFactory, deal_id: str, expected_version: int | None,
              changes: Mapping[str, Any], lines: Sequence[LineSpec] | None = None) -> DealSaved:
    """Change fields of deals.UPDATABLE_FIELDS and, when `lines` is given, the lines."""
    with uow_factory() as uow:
        deal = uow.deals.get(deal_id)
        check_version(deal, expected_version, "Deal")
        before: dict[str, Any] = {k: getattr(deal, k) for k in changes}
        deal.update(**changes)
        if lines is not None:
            before["lines"] = line_specs(uow, deal_id)
            if not before["lines"]:  # the amount was typed in: undo puts it back
                before.setdefault("amount", deal.amount)
            _replace_lines(uow, deal, lines)
        _check_refs(uow, deal)
        uow.commit()
        return DealSaved(_deal_changes(f"Edited {_label(uow, deal)}", deal.id), deal.id,
                         deal.version, before)


def restore_deal_fields(uow_factory: UnitOfWorkFactory, deal_id: str,
                        expected_version: int | None, before: Mapping[str, Any]) -> DealSaved:
    """Undo of edit_deal: put back what `before` holds."""
    fields = {k: v for k, v in before.items() if k != "lines"}
    lines = before.get("lines")
    return edit_deal(uow_factory, deal_id, expected_version, fields, lines)


def move_deal(uow_factory: UnitOfWorkFactory, deal_id: str, expected_version: int | None,
              stage_id: str, *, won_amount: Decimal | None = None,
              lost_reason_id: str | None = None, reopen: bool = False,
              at: datetime | None = None) -> DealMoved:
    """Move a deal to another stage. Winning needs the final amount, losing a reason
    (one of the lost reasons), reopening a won or lost deal `reopen=True`."""
    at = at or _now()
    with uow_factory() as uow:
        deal = uow.deals.get(deal_id)
        check_version(deal, expected_version, "Deal")
        current, target = uow.stages.get(deal.stage_id), uow.stages.get(stage_id)
        if lost_reason_id is not None:
            uow.lost_reasons.get(lost_reason_id)
        before = {k: getattr(deal, k) for k in MOVE_FIELDS}
        change = deal.move(current, target, at, won_amount=won_amount,
                           lost_reason_id=lost_reason_id, reopen=reopen)
        uow.stage_changes.add(change)
        uow.commit()
        verb = {Outcome.WON: "Won", Outcome.LOST: "Lost"}.get(target.outcome, "Moved")
        where = "" if not target.is_open else f" to {target.name}"
        return DealMoved(_deal_changes(f"{verb} {_label(uow, deal)}{where}", deal.id),
                         deal.id, deal.version, change.id, before, target.id)


def undo_move(uow_factory: UnitOfWorkFactory, moved: DealMoved,
              expected_version: int | None) -> DealSaved:
    """Take a move back as if it never happened: the deal's fields as they were, and the
    history entry removed, so time in stage and "as of" replays stay exact."""
    with uow_factory() as uow:
        deal = uow.deals.get(moved.deal_id)
        check_version(deal, expected_version, "Deal")
        for key, value in moved.before.items():
            setattr(deal, key, value)
        uow.stage_changes.get(moved.change_id).deleted_at = _now()
        uow.commit()
        return DealSaved(_deal_changes(f"Took back the move of {_label(uow, deal)}",
                                       deal.id), deal.id, deal.version)


def delete_deal(uow_factory: UnitOfWorkFactory, deal_id: str,
                expected_version: int | None) -> DealSaved:
    with uow_factory() as uow:
        deal = uow.deals.get(deal_id)
        check_version(deal, expected_version, "Deal")
        deal.deleted_at = _now()
        uow.commit()
        return DealSaved(_deal_changes(f"Deleted {_label(uow, deal)}", deal.id), deal.id,
                         deal.version)


def restore_deal(uow_factory: UnitOfWorkFactory, deal_id: str,
                 expected_version: int | None) -> DealSaved:
    with uow_factory() as uow:
        deal = uow.deals.get_deleted(deal_id)
        check_version(deal, expected_version, "Deal")
        deal.deleted_at = None
        uow.commit()
        return DealSaved(_deal_changes(f"Restored {_label(uow, deal)}", deal.id), deal.id,
                         deal.version)


# --- activities and notes --------------------------------------------------------------
@dataclass(frozen=True)
class ChildSaved:
    changes: OpChanges
    id: str
    version: int

    @property
    def entity_id(self) -> str:
        return self.id


def add_activity(uow_factory: UnitOfWorkFactory, deal_id: str, kind: ActivityKind | str,
                 subject: str, due_on: date | None = None) -> ChildSaved:
    with uow_factory() as uow:
        deal = uow.deals.get(deal_id)
        activity = DealActivity(deal_id=deal.id, kind=ActivityKind(kind), subject=subject,
                                due_on=due_on)
        uow.activities.add(activity)
        uow.commit()
        return ChildSaved(_deal_changes(f"Planned a {activity.kind.value} on "
                                        f"{_label(uow, deal)}", deal.id),
                          activity.id, activity.version)


def set_activity_done(uow_factory: UnitOfWorkFactory, activity_id: str,
                      expected_version: int | None, done: bool,
                      now: datetime | None = None) -> ChildSaved:
    with uow_factory() as uow:
        activity = uow.activities.get(activity_id)
        check_version(activity, expected_version, "Activity")
        activity.done_at = (now or _now()) if done else None
        uow.commit()
        return ChildSaved(_deal_changes("Completed an activity" if done else
                                        "Reopened an activity", activity.deal_id),
                          activity.id, activity.version)


def remove_activity(uow_factory: UnitOfWorkFactory, activity_id: str,
                    expected_version: int | None) -> ChildSaved:
    with uow_factory() as uow:
        activity = uow.activities.get(activity_id)
        check_version(activity, expected_version, "Activity")
        activity.deleted_at = _now()
        uow.commit()
        return ChildSaved(_deal_changes("Removed an activity", activity.deal_id),
                          activity.id, activity.version)


def add_note(uow_factory: UnitOfWorkFactory, deal_id: str, body: str) -> ChildSaved:
    with uow_factory() as uow:
        deal = uow.deals.get(deal_id)
        note = DealNote(deal_id=deal.id, body=body)
        uow.notes.add(note)
        uow.commit()
        return ChildSaved(_deal_changes(f"Noted feedback on {_label(uow, deal)}", deal.id),
                          note.id, note.version)


def lost_reason_by_name(uow: UnitOfWork, name: str) -> LostReason | None:
    key = name_key(name)
    return next((r for r in uow.lost_reasons.list() if name_key(r.name) == key), None)
